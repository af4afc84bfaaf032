// The server signs a checkpoint shortly after changes (and every minute, and at shutdown), so the
// anchor lags the log by seconds: deleting or rewriting entries older than that shows.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { describeError } from '../log-error';
import { onAuditAppend } from './log';
import { checkAuditSince } from './verify';

export function startCheckpointer(db: Kysely<DB>, debounceMs = 2000, everyMs = 60_000) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let reported = '';
	const run = async () => {
		timer = undefined;
		try {
			const s = await checkAuditSince(db);
			const problem = s.ok
				? ''
				: s.broken
					? `chain broken at entry ${s.broken.id}: ${s.broken.reason}`
					: s.anchor.message.en;
			// Said once per new problem, not every minute.
			if (problem && problem !== reported)
				console.error(`capdo: audit log check failed: ${problem}`);
			reported = problem;
		} catch (e) {
			console.error(describeError(e));
		}
	};
	const off = onAuditAppend(() => {
		timer ??= setTimeout(run, debounceMs);
		timer.unref?.();
	});
	const every = setInterval(run, everyMs);
	every.unref?.();
	/** Stops, after a last checkpoint of what is committed now. */
	return async () => {
		off();
		clearInterval(every);
		if (timer) clearTimeout(timer);
		await run();
	};
}

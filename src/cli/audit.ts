// `capdo audit verify`: recomputes the audit log's hash chain and names the first broken entry.
import { parseArgs } from 'node:util';
import { verifyAudit } from '../lib/server/audit/log';
import { connect, envTarget, type DbTarget } from '../lib/server/db/connect';
import { UsageError, type Io } from './main';

export async function auditCommand(args: string[], io: Io): Promise<number> {
	const [sub, ...rest] = args;
	if (sub !== 'verify') throw new UsageError('expects "verify" [--db URL | --data-dir DIR]');
	const { values } = parseArgs({
		args: rest,
		options: { db: { type: 'string' }, 'data-dir': { type: 'string' } }
	});
	if (values.db && values['data-dir']) throw new UsageError('give --db or --data-dir, not both');
	const target: DbTarget = values.db
		? { url: values.db }
		: values['data-dir']
			? { dataDir: values['data-dir'] }
			: envTarget();
	const d = await connect(target);
	try {
		const status = await verifyAudit(d.db);
		if (status.ok) {
			io.out(`capdo audit: chain intact, ${status.count} entries (${d.where})`);
			return 0;
		}
		io.err(
			`capdo audit: chain broken at entry ${status.broken!.id}: ${status.broken!.reason} ` +
				`(${status.count} entries before it verified; ${d.where})`
		);
		return 1;
	} finally {
		await d.close();
	}
}

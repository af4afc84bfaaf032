// The server's database handle: opened and migrated once per process, on first use.
import { connect, envTarget, type Database } from './connect';
import { migrate } from './migrate';

export type { Database } from './connect';
export * from './schema';

let opening: Promise<Database> | undefined;

/** The process-wide database, migrated; concurrent first callers share one open. */
export function database(): Promise<Database> {
	opening ??= (async () => {
		const d = await connect({
			...envTarget(),
			owner: { kind: 'server', what: process.env.ORIGIN }
		});
		await migrate(d);
		return d;
	})().catch((e) => {
		opening = undefined;
		throw e;
	});
	return opening;
}

/** Opens and migrates a database at an explicit place (tests, CLI). */
export async function openDatabase(...args: Parameters<typeof connect>): Promise<Database> {
	const d = await connect(...args);
	await migrate(d);
	return d;
}

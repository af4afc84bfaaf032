// `capdo audit verify`: recomputes the audit log's hash chain and names the first broken entry —
// on the database directly, or through the running server that holds it (`--url`).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAudit, type ChainStatus } from '../lib/server/audit/verify';
import { connect, envTarget, type DbTarget } from '../lib/server/db/connect';
import { UsageError, type Io } from './main';
import { remoteGet, remoteOf } from './remote';

export async function auditCommand(args: string[], io: Io): Promise<number> {
	const [sub, ...rest] = args;
	if (sub !== 'verify')
		throw new UsageError(
			'expects "verify" [--db URL | --data-dir DIR | --url URL --token TOKEN] [--audit-key FILE]'
		);
	const { values } = parseArgs({
		args: rest,
		options: {
			db: { type: 'string' },
			'data-dir': { type: 'string' },
			url: { type: 'string' },
			token: { type: 'string' },
			'audit-key': { type: 'string' }
		}
	});
	if ([values.db, values['data-dir'], values.url].filter(Boolean).length > 1)
		throw new UsageError('give one of --db, --data-dir, --url');
	const remote = remoteOf(values);
	if (remote && values['audit-key'])
		throw new UsageError(
			'--audit-key is for --db/--data-dir: through --url the server uses its own key'
		);
	if (remote)
		return report(
			await remoteGet<ChainStatus>(remote, '/api/admin/audit/verify'),
			`server ${remote.url}`,
			io
		);
	const where: DbTarget = values.db
		? { url: values.db }
		: values['data-dir']
			? { dataDir: values['data-dir'] }
			: envTarget();
	// With a PostgreSQL server the key is not beside the data: name it here or in CAPDO_AUDIT_KEY_FILE.
	const key = values['audit-key'];
	const target: DbTarget = key ? { ...where, auditKeyFile: resolve(key) } : where;
	const d = await connect({ ...target, owner: { kind: 'cli', what: 'capdo audit verify' } });
	try {
		return report(await verifyAudit(d.db), d.where, io);
	} finally {
		await d.close();
	}
}

function report(status: ChainStatus, where: string, io: Io): number {
	if (status.broken)
		io.err(
			`capdo audit: chain broken at entry ${status.broken.id}: ${status.broken.reason} ` +
				`(${status.count} entries before it verified; ${where})`
		);
	else io.out(`capdo audit: chain intact, ${status.count} entries (${where})`);
	const a = status.anchor;
	const line = `capdo audit: ${a.message.en}`;
	if (a.state === 'broken' || a.state === 'no_key') io.err(line);
	else io.out(line);
	return status.ok ? 0 : 1;
}

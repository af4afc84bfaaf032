// The audit page's data: entries the user may read, and the state of the whole chain.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { auditScope, type Principal } from '../auth/policy';
import { readAudit, verifyAudit } from './log';

export async function auditView(db: Kysely<DB>, user: Principal, limit = 200) {
	const scope = auditScope(user);
	let unitIds: string[] | undefined;
	if (scope === 'none') unitIds = [];
	else if (scope !== 'all')
		unitIds = (
			await db.selectFrom('units').select('id').where('body_id', '=', scope.body_id).execute()
		).map((u) => u.id);
	const [entries, chain] = await Promise.all([readAudit(db, { unitIds, limit }), verifyAudit(db)]);
	return { chain, entries };
}

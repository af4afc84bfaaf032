// Appends to and reads the audit log. Appends happen inside the caller's transaction, so an
// entry exists exactly when the change it records was committed.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { checkChain, entryHash, GENESIS, type Broken, type ChainEntry } from './chain';

export interface Actor {
	id: string | null;
	name: string;
}
export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

export interface AuditInput {
	action: string;
	entity_type: string;
	entity_id: string;
	unit_id?: string | null;
	before?: unknown;
	after?: unknown;
}

/** What jsonb will give back: undefined dropped, dates as strings. */
const asStored = (v: unknown) =>
	v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown);

export async function appendAudit(trx: Transaction<DB>, actor: Actor, input: AuditInput) {
	// One writer at a time extends the chain; readers are not blocked.
	await sql`lock table audit_log in share row exclusive mode`.execute(trx);
	const last = await trx
		.selectFrom('audit_log')
		.select('hash')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	const entry: ChainEntry = {
		at: new Date().toISOString(),
		actor_id: actor.id,
		actor: actor.name,
		action: input.action,
		entity_type: input.entity_type,
		entity_id: input.entity_id,
		unit_id: input.unit_id ?? null,
		before: asStored(input.before),
		after: asStored(input.after),
		prev_hash: last?.hash ?? GENESIS
	};
	await trx
		.insertInto('audit_log')
		.values({
			...entry,
			before: entry.before === null ? null : JSON.stringify(entry.before),
			after: entry.after === null ? null : JSON.stringify(entry.after),
			hash: entryHash(entry)
		})
		.execute();
}

export interface ChainStatus {
	ok: boolean;
	count: number;
	broken?: Broken;
}

/** Recomputes the whole chain in id order, page by page. */
export async function verifyAudit(db: Kysely<DB>, pageSize = 2000): Promise<ChainStatus> {
	let prev = GENESIS;
	let count = 0;
	let after = 0;
	for (;;) {
		const rows = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('id', '>', after)
			.orderBy('id')
			.limit(pageSize)
			.execute();
		if (rows.length === 0) return { ok: true, count };
		const r = checkChain(rows, prev);
		count += r.count;
		if (r.broken) return { ok: false, count, broken: r.broken };
		prev = r.prev;
		after = rows[rows.length - 1]!.id;
	}
}

export interface AuditQuery {
	unitIds?: string[];
	entity?: { type: string; id: string };
	limit?: number;
}

/** Newest first; `unitIds` restricts to entries about those units (appraisers). */
export async function readAudit(db: Kysely<DB>, q: AuditQuery = {}) {
	let query = db
		.selectFrom('audit_log')
		.selectAll()
		.orderBy('id', 'desc')
		.limit(q.limit ?? 200);
	if (q.unitIds) {
		if (q.unitIds.length === 0) return [];
		query = query.where('unit_id', 'in', q.unitIds);
	}
	if (q.entity)
		query = query.where('entity_type', '=', q.entity.type).where('entity_id', '=', q.entity.id);
	return query.execute();
}

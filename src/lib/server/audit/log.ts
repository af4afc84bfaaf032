// Appends to and reads the audit log. Appends happen inside the caller's transaction, so an
// entry exists exactly when the change it records was committed.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { entryHash, type ChainEntry } from './chain';

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

const appended = new Set<() => void>();

/** Called after each append (before its transaction commits): the checkpointer listens. */
export function onAuditAppend(listener: () => void): () => void {
	appended.add(listener);
	return () => appended.delete(listener);
}

/**
 * Extends the chain. The head row (audit_head) is locked for the rest of the caller's
 * transaction: appends are ordered one after another, readers are never blocked, and callers
 * append last in their transaction so the lock lasts only until the commit.
 */
export async function appendAudit(trx: Transaction<DB>, actor: Actor, input: AuditInput) {
	const head = await trx
		.selectFrom('audit_head')
		.select(['head'])
		.where('id', '=', 1)
		.forUpdate()
		.executeTakeFirstOrThrow();
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
		prev_hash: head.head
	};
	const hash = entryHash(entry);
	const { id } = await trx
		.insertInto('audit_log')
		.values({
			...entry,
			before: entry.before === null ? null : JSON.stringify(entry.before),
			after: entry.after === null ? null : JSON.stringify(entry.after),
			hash
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.updateTable('audit_head')
		.set({ count: sql`count + 1`, last_id: id, head: hash })
		.where('id', '=', 1)
		.execute();
	for (const f of appended) f();
}

export interface AuditQuery {
	/** Only entries about these units (appraisers: their body's). */
	unitIds?: string[];
	/** Only these actions (appraisers: the workflow steps they may see). */
	actions?: readonly string[];
	entity?: { type: string; id: string };
	/** Entries older than this id (the next page, newest first). */
	before?: number;
	limit?: number;
}

/** Newest first. */
export async function readAudit(db: Kysely<DB>, q: AuditQuery = {}) {
	if (q.unitIds?.length === 0 || q.actions?.length === 0) return [];
	let query = db
		.selectFrom('audit_log')
		.selectAll()
		.orderBy('id', 'desc')
		.limit(q.limit ?? 200);
	if (q.unitIds) query = query.where('unit_id', 'in', q.unitIds);
	if (q.actions) query = query.where('action', 'in', q.actions);
	if (q.before !== undefined) query = query.where('id', '<', q.before);
	if (q.entity)
		query = query.where('entity_type', '=', q.entity.type).where('entity_id', '=', q.entity.id);
	return query.execute();
}

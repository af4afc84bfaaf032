// The audit pages' data: the entries a user may read (auth/policy.ts), newest first, a page at a
// time, with the content of others' draft work withheld; and the chain's state, checked
// incrementally from the newest signed checkpoint (never the whole chain per request).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { auditContentVisible, auditScope, type Principal } from '../auth/policy';
import { groupRuns } from './group';
import { readAudit, type AuditQuery } from './log';
import { checkAuditSince } from './verify';

export const PAGE_SIZE = 50;

type Row = Awaited<ReturnType<typeof readAudit>>[number];
export type VisibleEntry = Omit<Row, 'before' | 'after'> & {
	before: unknown;
	after: unknown;
	/** True when the entry describes draft work this user may not read: only who, when, what. */
	withheld: boolean;
};

async function queryFor(db: Kysely<DB>, user: Principal): Promise<AuditQuery | undefined> {
	const scope = auditScope(user);
	if (scope === 'none') return undefined;
	if (scope === 'all') return {};
	const units = await db
		.selectFrom('units')
		.select('id')
		.where('body_id', '=', scope.body_id)
		.execute();
	return { unitIds: units.map((u) => u.id), actions: scope.actions };
}

const visible = (user: Principal, e: Row): VisibleEntry =>
	auditContentVisible(user, e.action)
		? { ...e, withheld: false }
		: { ...e, before: null, after: null, withheld: true };

/**
 * One page of entries older than `before` (an entry id; the newest page without it). `take`
 * decides how many entries make the page (the page groups autosaves, see group.ts).
 */
export async function auditPage(
	db: Kysely<DB>,
	user: Principal,
	before?: number,
	take: (entries: VisibleEntry[], exhausted: boolean) => number = (e) =>
		Math.min(e.length, PAGE_SIZE)
) {
	const q = await queryFor(db, user);
	const entries: VisibleEntry[] = [];
	let exhausted = !q;
	let cursor = before;
	let n = 0;
	while (q) {
		const rows = await readAudit(db, { ...q, before: cursor, limit: 200 });
		entries.push(...rows.map((r) => visible(user, r)));
		exhausted = rows.length < 200;
		n = take(entries, exhausted);
		if (n < entries.length || exhausted) break;
		cursor = rows.at(-1)!.id;
	}
	const page = entries.slice(0, n);
	const next = !exhausted || n < entries.length ? (page.at(-1)?.id ?? null) : null;
	return { chain: await checkAuditSince(db), entries: page, next };
}

/** How many of `entries` make PAGE_SIZE whole lines; more than there are asks for more. */
function linesTake(entries: VisibleEntry[], exhausted: boolean) {
	const groups = groupRuns(entries);
	// The PAGE_SIZE-th run is complete only once a later line has begun.
	if (groups.length > PAGE_SIZE)
		return groups.slice(0, PAGE_SIZE).reduce((n, g) => n + g.length, 0);
	return exhausted ? entries.length : entries.length + 1;
}

/** The audit page: PAGE_SIZE lines, each a single entry or an editing run of autosaves. */
export async function auditLines(db: Kysely<DB>, user: Principal, before?: number) {
	const { chain, entries, next } = await auditPage(db, user, before, linesTake);
	return { chain, lines: groupRuns(entries), next };
}

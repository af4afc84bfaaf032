// The audit log page: 50 lines a page, newest first, each editing run of autosaves as one line
// (what changed from its start to its end), names instead of ids, and the chain's state.
import { sql, type Kysely } from 'kysely';
import { pathText, type FieldChange } from '$lib/server/audit/changes';
import { netChanges } from '$lib/server/audit/group';
import { auditLines, type VisibleEntry } from '$lib/server/audit/view';
import type { DB } from '$lib/server/db/schema';
import { translate } from '$lib/i18n';
import { messagesFor } from '$lib/i18n/messages';
import { contextOf } from '$lib/server/workflow/route';
import type { PageServerLoad } from './$types';

const short = (v: unknown) => {
	if (v === undefined) return '—';
	const s = typeof v === 'string' ? v : JSON.stringify(v);
	return s.length > 200 ? s.slice(0, 200) + '…' : s;
};
/** One changed field; `removed` is what a deleted value reads as in the user's language. */
const changeView = (removed: string) => (c: FieldChange) => ({
	field: pathText(c.path),
	from: 'from' in c ? short(c.from) : '—',
	to: 'to' in c ? short(c.to) : removed
});

/** Names for the entities on the page: a person reads names, not ids. */
async function names(db: Kysely<DB>, entries: VisibleEntry[]) {
	const ids = (type: string) => [
		...new Set(entries.filter((e) => e.entity_type === type).map((e) => e.entity_id))
	];
	const out = new Map<string, string>();
	const add = (rows: { id: string; name: string | null }[]) =>
		rows.forEach((r) => r.name && out.set(r.id, r.name));
	const uuids = (type: string) => ids(type).filter((i) => /^[0-9a-f-]{36}$/i.test(i));
	if (uuids('system').length)
		add(
			await db
				.selectFrom('systems')
				.select(['id', sql<string>`record->>'name'`.as('name')])
				.where('id', 'in', uuids('system'))
				.execute()
		);
	if (uuids('unit').length)
		add(
			await db.selectFrom('units').select(['id', 'name']).where('id', 'in', uuids('unit')).execute()
		);
	if (uuids('governing_body').length)
		add(
			await db
				.selectFrom('governing_bodies')
				.select(['id', 'name'])
				.where('id', 'in', uuids('governing_body'))
				.execute()
		);
	if (uuids('user').length)
		add(
			await db
				.selectFrom('users')
				.select(['id', 'username as name'])
				.where('id', 'in', uuids('user'))
				.execute()
		);
	return out;
}

export const load: PageServerLoad = async (event) => {
	const { db, user } = contextOf(event);
	const before = Number.parseInt(event.url.searchParams.get('before') ?? '', 10);
	const page = await auditLines(db, user, before > 0 ? before : undefined);
	const named = await names(db, page.lines.flat());
	const view = changeView(translate(messagesFor(event.locals.lang), 'audit.removed'));
	const lines = page.lines.map((g) => {
		const e = g[0]!;
		const common = {
			id: e.id,
			actor: e.actor,
			action: e.action,
			entity_type: e.entity_type,
			entity: named.get(e.entity_id) ?? e.entity_id,
			withheld: e.withheld
		};
		if (g.length > 1)
			return {
				...common,
				count: g.length,
				from: g.at(-1)!.at,
				to: e.at,
				first_id: g.at(-1)!.id,
				changes: e.withheld ? [] : netChanges(g).map(view),
				before: '',
				after: '',
				hash: e.hash
			};
		const changes = ((e.after as { changes?: FieldChange[] } | null)?.changes ?? []).map(view);
		const { changes: _omit, ...rest } = (e.after ?? {}) as Record<string, unknown>;
		void _omit;
		return {
			...common,
			count: 1,
			from: e.at,
			to: e.at,
			first_id: e.id,
			changes,
			before: e.before === null ? '' : JSON.stringify(e.before, null, 1),
			after: e.after === null || !Object.keys(rest).length ? '' : JSON.stringify(rest, null, 1),
			hash: e.hash
		};
	});
	return { chain: page.chain, lines, next: page.next, first: !(before > 0) };
};

import { auditView } from '$lib/server/audit/view';
import { contextOf } from '$lib/server/workflow/route';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, user } = contextOf(event);
	const { chain, entries } = await auditView(db, user);
	return {
		chain,
		entries: entries.map((e) => ({
			id: e.id,
			at: e.at,
			actor: e.actor,
			action: e.action,
			entity: `${e.entity_type} ${e.entity_id}`,
			before: e.before === null ? '' : JSON.stringify(e.before, null, 1),
			after: e.after === null ? '' : JSON.stringify(e.after, null, 1),
			hash: e.hash
		}))
	};
};

// The rule browser's index: every rule set the server classifies with, public and read-only.
import { publishedRefs } from '$lib/server/rulesets';
import { summaryOf } from './view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { published, fromDb } = await publishedRefs(locals.db);
	const rulesets = [...locals.rulesets]
		.sort(
			(a, b) =>
				a.data.id.localeCompare(b.data.id) ||
				a.data.effective_from.localeCompare(b.data.effective_from)
		)
		.map((rs) => summaryOf(rs, locals.lang, published, fromDb));
	return { list: rulesets };
};

// One rule set in the browser: criteria with their legal text, questions, procedure, requirements,
// and its release note (stored when published here, else generated against the previous version).
import { error } from '@sveltejs/kit';
import { diffRuleSets, releaseNote } from '$lib/rules';
import { baseOf } from '$lib/server/ruleset-review';
import { publishedRefs } from '$lib/server/rulesets';
import { ruleSetView } from '../view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const rs = locals.rulesets.find((r) => r.ref === params.ref);
	if (!rs) error(404, 'Không có bộ quy tắc này.');
	const { published } = await publishedRefs(locals.db);
	const stored = await locals.db
		.selectFrom('rulesets')
		.select('release_note')
		.where('ref', '=', rs.ref)
		.executeTakeFirst();
	const base = baseOf(rs, locals.rulesets);
	const note = stored?.release_note ?? releaseNote(base && diffRuleSets(base, rs), rs);
	return {
		view: ruleSetView(rs, locals.lang),
		published: published.has(rs.ref),
		release_note: note
	};
};

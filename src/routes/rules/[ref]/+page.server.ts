// One rule set in the browser: criteria with their legal text, questions, procedure, requirements.
import { error } from '@sveltejs/kit';
import { publishedRefs } from '$lib/server/rulesets';
import { ruleSetView } from '../view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const rs = locals.rulesets.find((r) => r.ref === params.ref);
	if (!rs) error(404, 'Không có bộ quy tắc này.');
	const { published } = await publishedRefs(locals.db);
	return { view: ruleSetView(rs, locals.lang), published: published.has(rs.ref) };
};

// `capdo impact RULESET --url`: which stored classifications RULESET would change, computed by the
// server over its own database and rule-set registry. Read-only; maintainers get it without system
// names, as in their web workspace.
import { json } from '@sveltejs/kit';
import { impact, impactBetween, selectRuleSet } from '$lib/rules';
import { readStoredClassifications } from '$lib/server/db/stored';
import { withoutNames } from '$lib/server/impact-view';
import { contextOf } from '$lib/server/workflow/route';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { db, rulesets, user } = contextOf(event);
	const ref = event.url.searchParams.get('ruleset') ?? '';
	const next = ref ? selectRuleSet(rulesets, ref) : undefined;
	if (!next)
		return json({ message: `unknown rule set "${ref}"`, field: 'ruleset' }, { status: 404 });
	const baseRef = event.url.searchParams.get('base');
	const base = baseRef ? selectRuleSet(rulesets, baseRef) : undefined;
	if (baseRef && !base)
		return json({ message: `unknown base rule set "${baseRef}"`, field: 'base' }, { status: 404 });
	const all = event.url.searchParams.get('all') === '1';
	const stored = await readStoredClassifications(db);
	const report = base ? impactBetween(base, next, stored, all) : impact(next, stored, all);
	return json(user.role === 'admin' ? report : withoutNames(report));
};

import { bundledRuleSets } from '$lib/server/ruleset-files';
import {
	filterQuery,
	overviewRows,
	overviewStats,
	PAGE_SIZE,
	parseFilters,
	unitsInScope
} from '$lib/server/overview/query';
import type { PageServerLoad } from './$types';
import { scopeOf } from './scope';

export const load: PageServerLoad = async (event) => {
	const scope = scopeOf(event);
	const filters = parseFilters(event.url.searchParams);
	const input = { scope, filters, rulesets: bundledRuleSets().rulesets };
	const db = event.locals.db;
	const [{ rows, total }, stats, units] = [
		await overviewRows(db, input),
		await overviewStats(db, input),
		await unitsInScope(db, scope)
	];
	return {
		filters,
		query: filterQuery(filters),
		rows,
		total,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		stats,
		units: units.map(({ id, name }) => ({ id, name })),
		empty: units.filter((u) => u.systems === 0).map((u) => u.name)
	};
};

import { bundledRuleSets } from '$lib/server/ruleset-files';
import { todayVN } from '$lib/i18n/dates';
import { regimeOverview, renewals } from '$lib/server/overview/regime';
import {
	filterQuery,
	overviewCoverage,
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
	const today = todayVN();
	const [{ rows, total }, stats, units, coverage, renew, regime] = [
		await overviewRows(db, input),
		await overviewStats(db, input),
		await unitsInScope(db, scope),
		await overviewCoverage(db, input),
		await renewals(db, scope, input.rulesets, today),
		await regimeOverview(db, scope, input.rulesets, today)
	];
	return {
		filters,
		query: filterQuery(filters),
		rows,
		total,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		stats,
		units: units.map(({ id, name }) => ({ id, name })),
		empty: units.filter((u) => u.systems === 0).map((u) => u.name),
		coverage,
		renewals: renew,
		regime
	};
};

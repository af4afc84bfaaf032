import { reportingConfig } from '$lib/server/reports/config';
import { pastPeriods, reportsFiledBy, rollup } from '$lib/server/reports/service';
import { yearlyRollup } from '$lib/server/reports/yearly';
import type { PageServerLoad } from './$types';
import { scopeOf } from '../scope';

export const load: PageServerLoad = async (event) => {
	const scope = scopeOf(event);
	const config = reportingConfig();
	const reports = reportsFiledBy(config, 'unit');
	const reportId = event.url.searchParams.get('report') ?? reports[0]!.id;
	const spec = reports.find((r) => r.id === reportId) ?? reports[0]!;
	const periods = pastPeriods(config, spec.id);
	// A period of another report (the report was just switched) falls back to the latest.
	const asked = event.url.searchParams.get('period');
	const periodId = periods.some((p) => p.id === asked) ? asked! : (periods[0]?.id ?? '');
	const base = {
		reports: reports.map((x) => ({ id: x.id, title: x.title })),
		report: spec.id,
		periods: periods.map((p) => ({ id: p.id, due: p.due }))
	};
	if (spec.template === 'nd331-mau-08') {
		const y = await yearlyRollup(event.locals.db, scope, config, spec.id, periodId);
		// The body's own report to the Ministry, which starts from these.
		const own = config.reports.find((r) => r.consolidates === spec.id);
		const ownPeriod =
			own && y ? pastPeriods(config, own.id).find((p) => p.id === y.period.id) : undefined;
		return {
			...base,
			rollup: null,
			yearly: y && {
				title: y.spec.title,
				citation: y.spec.citation,
				period: y.period,
				rows: y.rows,
				tally: y.tally,
				totals: y.totals,
				own:
					own && ownPeriod && event.locals.user?.role === 'appraiser'
						? { id: own.id, title: own.title, due: ownPeriod.due, citation: own.citation }
						: null
			}
		};
	}
	const r = await rollup(event.locals.db, scope, config, spec.id, periodId);
	return {
		...base,
		yearly: null,
		rollup: r && {
			title: r.spec.title,
			period: r.period,
			rows: r.rows.map(({ unit_id, unit_name, status, submitted_at }) => ({
				unit_id,
				unit_name,
				status,
				submitted_at
			})),
			counts: r.counts,
			ratios: r.ratios
		}
	};
};

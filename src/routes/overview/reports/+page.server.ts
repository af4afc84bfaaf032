import { reportingConfig } from '$lib/server/reports/config';
import { pastPeriods, rollup } from '$lib/server/reports/service';
import type { PageServerLoad } from './$types';
import { scopeOf } from '../scope';

export const load: PageServerLoad = async (event) => {
	const scope = scopeOf(event);
	const config = reportingConfig();
	const reportId = event.url.searchParams.get('report') ?? config.reports[0]!.id;
	const spec = config.reports.find((r) => r.id === reportId) ?? config.reports[0]!;
	const periods = pastPeriods(config, spec.id);
	const periodId = event.url.searchParams.get('period') ?? periods[0]?.id ?? '';
	const r = await rollup(event.locals.db, scope, config, spec.id, periodId);
	return {
		reports: config.reports.map((x) => ({ id: x.id, title: x.title })),
		report: spec.id,
		periods: periods.map((p) => ({ id: p.id, due: p.due })),
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

import { reportingConfig } from '$lib/server/reports/config';
import { unitCalendar } from '$lib/server/reports/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const config = reportingConfig();
	const periods = await unitCalendar(locals.db, locals.user!, config);
	return {
		recipient: config.recipient,
		source: config.source,
		reports: config.reports.map((r) => ({ id: r.id, title: r.title, citation: r.citation })),
		periods: periods.map(({ report, id, start, end, due, status, submitted_at }) => ({
			report,
			id,
			start,
			end,
			due,
			status,
			submitted_at
		}))
	};
};

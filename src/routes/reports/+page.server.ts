import { reportingConfig } from '$lib/server/reports/config';
import { reportsFiledBy, unitCalendar } from '$lib/server/reports/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const config = reportingConfig();
	const periods = await unitCalendar(locals.db, locals.user!, config);
	return {
		recipient: config.recipient,
		source: `${config.source.issuer}, ${config.source.number} (${config.source.date})`,
		reports: reportsFiledBy(config, 'unit').map((r) => ({
			id: r.id,
			title: r.title,
			citation: r.citation,
			recipient: r.recipient ?? null,
			yearly: r.template === 'nd331-mau-08'
		})),
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

import { localizedOn } from '$lib/bodies';
import { vnDateOf } from '$lib/calendar';
import { vnBodies } from '$lib/server/bodies-file';
import { reportingConfig } from '$lib/server/reports/config';
import { reportsFiledBy, unitCalendar } from '$lib/server/reports/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const config = reportingConfig();
	const periods = await unitCalendar(locals.db, locals.user!, config);
	// The province's letter may name a body since merged (Sở TT&TT → Sở KH&CN from 1/3/2025).
	const recipient = localizedOn(vnBodies(), config.recipient, vnDateOf(new Date()));
	return {
		recipient: recipient.name,
		recipient_before: recipient.steps.length
			? { name: config.recipient, from: recipient.steps[0]!.from }
			: undefined,
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

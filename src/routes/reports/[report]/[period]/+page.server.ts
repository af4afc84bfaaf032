import { error, fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { reportingConfig } from '$lib/server/reports/config';
import {
	findPeriod,
	localDay,
	ReportError,
	submitReport,
	unitSubmission
} from '$lib/server/reports/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const config = reportingConfig();
	const found = findPeriod(config, params.report, params.period);
	if (!found || localDay(new Date()) < found.period.start) error(404, 'Không có báo cáo này.');
	// Mẫu 08 has its own pages.
	if (found.spec.template) redirect(307, resolve('/reports/yearly/[report]/[period]', params));
	const last = await unitSubmission(locals.db, locals.user!, config, params.report, params.period);
	return {
		spec: found.spec,
		period: found.period,
		late: localDay(new Date()) > found.period.due,
		last: last && { values: last.values, submitted_at: last.submitted_at, late: last.late }
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const form = Object.fromEntries(await request.formData());
		try {
			const r = await submitReport(
				locals.db,
				locals.user!,
				reportingConfig(),
				params.report,
				params.period,
				form
			);
			if (!r.ok) return fail(422, { errors: r.errors, input: r.input });
			return { sent: true, late: r.late };
		} catch (e) {
			if (e instanceof ReportError) error(e.status, e.message);
			throw e;
		}
	}
};

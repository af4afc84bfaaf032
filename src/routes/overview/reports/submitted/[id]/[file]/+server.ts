// A unit's submitted Mẫu 08 as its body (or the administrator) downloads it: the frozen figures
// and entries, printed again unchanged.
import { error } from '@sveltejs/kit';
import { reportingConfig } from '$lib/server/reports/config';
import { pdfResponse } from '$lib/server/reports/yearly-route';
import { submittedReport, windowClose } from '$lib/server/reports/yearly';
import { findPeriod } from '$lib/server/reports/service';
import { counts } from '$lib/reporting/mau08/model';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	if (event.params.file !== 'mau-08.pdf') error(404, 'Không tìm thấy trang.');
	const s = await submittedReport(event.locals.db, event.locals.user!, event.params.id);
	if (!s) error(404, 'Không tìm thấy báo cáo.');
	const found = findPeriod(reportingConfig(), s.report_id, s.period_id);
	if (!found) error(404, 'Không tìm thấy báo cáo.');
	const name = s.unit_name ?? s.body_name;
	return pdfResponse(
		{
			filer: s.unit_name ? { name, governing_body: s.body_name } : { name },
			snapshot: s.snapshot,
			values: s.values,
			counts: counts(s.snapshot, s.values),
			closed: s.snapshot.as_of === windowClose(found.period).toISOString()
		},
		false,
		undefined,
		`mau-08-${s.period_id}-${s.id.slice(0, 8)}`
	);
};

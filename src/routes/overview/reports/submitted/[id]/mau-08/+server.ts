// A unit's submitted Mẫu 08 as its body (or the administrator) downloads it: the frozen figures
// and entries, printed again unchanged (?format=pdf|docx&copy=draft|final).
import { error } from '@sveltejs/kit';
import { reportingConfig } from '$lib/server/reports/config';
import { fileOptions, paperResponse } from '$lib/server/reports/yearly-route';
import { submittedReport, windowClose } from '$lib/server/reports/yearly';
import { findPeriod } from '$lib/server/reports/service';
import { counts } from '$lib/reporting/mau08/model';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const options = fileOptions(event.url);
	const s = await submittedReport(event.locals.db, event.locals.user!, event.params.id);
	if (!s) error(404, 'Không tìm thấy báo cáo.');
	const found = findPeriod(reportingConfig(), s.report_id, s.period_id);
	if (!found) error(404, 'Không tìm thấy báo cáo.');
	return paperResponse(
		{
			filer: s.unit_name
				? { name: s.unit_name, governing_body: s.body_name }
				: { name: s.body_name },
			snapshot: s.snapshot,
			values: s.values,
			counts: counts(s.snapshot, s.values),
			closed: s.snapshot.as_of === windowClose(found.period).toISOString()
		},
		{ ...options, note: found.spec.note?.vi, period: s.period_id }
	);
};

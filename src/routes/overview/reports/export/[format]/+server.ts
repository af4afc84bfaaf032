// The yearly report's roll-up as CSV or XLSX, for the reader's scope.
import { error } from '@sveltejs/kit';
import { reportingConfig } from '$lib/server/reports/config';
import { yearlyRollup } from '$lib/server/reports/yearly';
import { yearlyCsv, yearlyXlsx } from '$lib/server/reports/yearly-export';
import { scopeOf } from '../../../scope';
import type { RequestHandler } from './$types';

const TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

export const GET: RequestHandler = async (event) => {
	const format = event.params.format as keyof typeof TYPES;
	// Own keys only: `constructor` or `toString` in the URL is no format (issue 16 item 8).
	if (!Object.hasOwn(TYPES, format)) error(404, 'Không tìm thấy trang.');
	const scope = scopeOf(event);
	const q = event.url.searchParams;
	const r = await yearlyRollup(
		event.locals.db,
		scope,
		reportingConfig(),
		q.get('report') ?? '',
		q.get('period') ?? ''
	);
	if (!r) error(404, 'Không có báo cáo này.');
	const lang = event.locals.lang;
	const body = format === 'csv' ? yearlyCsv(r, lang) : await yearlyXlsx(r, lang);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="capdo-bao-cao-nam-${r.period.id}.${format}"`
		}
	});
};

// The filtered overview as CSV, XLSX or the PDF summary.
import { error } from '@sveltejs/kit';
import { overviewCsv, overviewPdf, overviewXlsx } from '$lib/server/overview/export';
import { overviewRows, overviewStats, parseFilters } from '$lib/server/overview/query';
import { bundledRuleSets } from '$lib/server/ruleset-files';
import { scopeOf } from '../../scope';
import type { RequestHandler } from './$types';

const TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pdf: 'application/pdf'
} as const;

export const GET: RequestHandler = async (event) => {
	const format = event.params.format as keyof typeof TYPES;
	if (!Object.hasOwn(TYPES, format)) error(404, 'Không tìm thấy trang.');
	const scope = scopeOf(event);
	const filters = parseFilters(event.url.searchParams);
	const input = { scope, filters, rulesets: bundledRuleSets().rulesets };
	const db = event.locals.db;
	const lang = event.locals.lang;
	let body: Uint8Array;
	if (format === 'pdf') {
		const stats = await overviewStats(db, input);
		let scopeName = '';
		if (scope !== 'all') {
			const b = await db
				.selectFrom('governing_bodies')
				.select('name')
				.where('id', '=', scope.body_id)
				.executeTakeFirst();
			scopeName = b?.name ?? '';
		}
		const query = [...event.url.searchParams].map(([k, v]) => `${k}=${v}`).join(', ');
		body = await overviewPdf(
			stats,
			{
				scope: scopeName,
				filters: query ? (lang === 'vi' ? 'Bộ lọc: ' : 'Filters: ') + query : '',
				generated:
					(lang === 'vi' ? 'Lập lúc ' : 'Generated ') +
					new Date().toISOString().slice(0, 16).replace('T', ' ') +
					' UTC'
			},
			lang
		);
	} else {
		const { rows } = await overviewRows(db, input, true);
		body = format === 'csv' ? overviewCsv(rows, lang) : await overviewXlsx(rows, lang);
	}
	const stamp = new Date().toISOString().slice(0, 10);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="capdo-tong-hop-${stamp}.${format}"`
		}
	});
};

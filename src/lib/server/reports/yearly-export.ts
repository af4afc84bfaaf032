// The body's roll-up of the yearly report as files: CSV (UTF-8 with BOM, so Excel reads the
// Vietnamese) and XLSX, one row per unit and a totals row, like the overview's exports.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { formatDateTime } from '../../i18n/dates';
import { messagesFor } from '../../i18n/messages';
import { translate, type Lang, type MessageKey } from '../../i18n';
import type { yearlyRollup } from './yearly';

type Rollup = NonNullable<Awaited<ReturnType<typeof yearlyRollup>>>;
const COUNTS = [
	'in_scope',
	'classified',
	'dossier',
	'appraised',
	'approved',
	'checked_periodic'
] as const;

const vn = (iso: string | null) => (iso ? formatDateTime(iso) : null);

function table(r: Rollup, lang: Lang): (string | number | null)[][] {
	const tr = (k: MessageKey) => translate(messagesFor(lang), k);
	const head = [
		tr('y08.col.unit'),
		tr('y08.col.status'),
		tr('y08.col.submitted'),
		tr('y08.col.asOf'),
		...COUNTS.map((k) => tr(`y08.col.${k}`))
	];
	const rows = r.rows.map((u) => [
		u.unit_name,
		tr(`reports.st.${u.status}`),
		vn(u.submitted_at),
		vn(u.as_of),
		...COUNTS.map((k) => (u.counts ? u.counts[k] : null))
	]);
	const total = [tr('y08.totals'), null, null, null, ...COUNTS.map((k) => r.totals[k])];
	return [head, ...rows, total];
}

export function yearlyCsv(r: Rollup, lang: Lang): Uint8Array {
	// A name like =HYPERLINK(…) must stay text in a spreadsheet: csv-stringify's escape_formulas
	// prefixes ' to cells starting with = + - @ tab CR (OWASP), as the overview's export does.
	return new TextEncoder().encode(stringify(table(r, lang), { bom: true, escape_formulas: true }));
}

export async function yearlyXlsx(r: Rollup, lang: Lang): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'capdo';
	const ws = wb.addWorksheet(`${r.period.id}`, { views: [{ state: 'frozen', ySplit: 1 }] });
	const [head, ...rest] = table(r, lang);
	ws.addRow(head!).font = { bold: true };
	for (const row of rest) ws.addRow(row);
	ws.lastRow!.font = { bold: true };
	ws.columns.forEach((c, i) => (c.width = [40, 18, 17, 17][i] ?? 12));
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

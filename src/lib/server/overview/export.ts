// The overview as files: the filtered inventory as CSV (UTF-8 with BOM, so Excel reads the
// Vietnamese) and XLSX, and a one-page PDF summary for the leadership with vector bar charts.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { loadPdfDeps } from '../../paper';
import { messagesFor } from '../../i18n/messages';
import { translate, type Lang, type MessageKey } from '../../i18n';
import { LEVEL_COLORS, STATUS_COLORS } from '../../reporting/chart-colors';
import { STATUSES, type OverviewRow, type OverviewStats } from './query';

const COLUMNS: Record<Lang, string[]> = {
	vi: [
		'Đơn vị',
		'Hệ thống',
		'Cấp độ theo tiêu chí',
		'Cấp độ đề xuất',
		'Cấp độ phê duyệt',
		'Trạng thái hồ sơ',
		'Quá hạn thẩm định',
		'Ngày nộp',
		'Số quyết định phê duyệt',
		'Ngày phê duyệt',
		'Bộ quy tắc'
	],
	en: [
		'Unit',
		'System',
		'Level by criteria',
		'Proposed level',
		'Approved level',
		'Dossier status',
		'Overdue for appraisal',
		'Submitted on',
		'Approval decision number',
		'Approval date',
		'Rule set'
	]
};

const tr = (lang: Lang, key: MessageKey, p?: Record<string, string | number>) =>
	translate(messagesFor(lang), key, p);

function cells(r: OverviewRow, lang: Lang): (string | number | null)[] {
	return [
		r.unit_name,
		r.name,
		r.computed_level,
		r.proposed_level,
		r.approved_level,
		tr(lang, `status.${r.status}`),
		r.overdue ? tr(lang, 'common.yes') : tr(lang, 'common.no'),
		r.submitted_at?.slice(0, 10) ?? null,
		r.approval_number,
		r.approval_date,
		r.ruleset
	];
}

export function overviewCsv(rows: OverviewRow[], lang: Lang): Uint8Array {
	// A unit names its own systems: a name like =HYPERLINK(…) must stay text in a spreadsheet.
	// csv-stringify's escape_formulas prefixes ' to cells starting with = + - @ tab CR (OWASP).
	const text = stringify([COLUMNS[lang], ...rows.map((r) => cells(r, lang))], {
		bom: true,
		escape_formulas: true
	});
	return new TextEncoder().encode(text);
}

export async function overviewXlsx(rows: OverviewRow[], lang: Lang): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'capdo';
	const ws = wb.addWorksheet(lang === 'vi' ? 'Hệ thống' : 'Systems', {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	ws.addRow(COLUMNS[lang]).font = { bold: true };
	for (const r of rows) ws.addRow(cells(r, lang));
	ws.columns.forEach((c, i) => (c.width = [40, 45, 10, 10, 10, 20, 10, 12, 20, 12, 20][i]));
	ws.autoFilter = { from: 'A1', to: { row: 1, column: COLUMNS[lang].length } };
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

const rgb = (hex: string) =>
	[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** One A4 page: title, scope, two bar charts drawn as vector shapes, and the counts table. */
export async function overviewPdf(
	stats: OverviewStats,
	meta: { scope: string; filters: string; generated: string },
	lang: Lang
): Promise<Uint8Array> {
	const deps = await loadPdfDeps();
	const doc = new deps.jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
	for (const [style, data] of [
		['normal', deps.fonts.regular],
		['bold', deps.fonts.bold]
	] as const) {
		doc.addFileToVFS(`Tinos-${style}.ttf`, data);
		doc.addFont(`Tinos-${style}.ttf`, 'Tinos', style, undefined, 'Identity-H');
	}
	const title = tr(lang, 'overview.title');
	doc.setProperties({ title, creator: 'capdo' });
	doc.setFont('Tinos', 'bold');
	doc.setFontSize(15);
	doc.text(doc.splitTextToSize(title, 180) as string[], 15, 20);
	doc.setFont('Tinos', 'normal');
	doc.setFontSize(11);
	const lead = tr(lang, 'overview.lead', {
		units: stats.units,
		systems: stats.systems,
		overdue: stats.overdue
	});
	doc.text([meta.scope, lead, meta.filters, meta.generated].filter(Boolean), 15, 34);

	const levelLabel = (l: number) => (l === 0 ? tr(lang, 'overview.undetermined') : `${l}`);
	const charts = [
		{
			title: tr(lang, 'overview.chartLevel'),
			bars: stats.byLevel.map((v, l) => ({
				label: levelLabel(l),
				value: v,
				color: LEVEL_COLORS[l]!
			}))
		},
		{
			title: tr(lang, 'overview.chartStatus'),
			bars: STATUSES.map((s) => ({
				label: tr(lang, `status.${s}`),
				value: stats.byStatus[s],
				color: STATUS_COLORS[s]!
			}))
		}
	];
	let y = 60;
	for (const c of charts) {
		doc.setFont('Tinos', 'bold');
		doc.setFontSize(12);
		doc.text(c.title, 15, y);
		doc.setFont('Tinos', 'normal');
		doc.setFontSize(9);
		const top = y + 6;
		const h = 45;
		const slot = 180 / c.bars.length;
		const max = Math.max(1, ...c.bars.map((b) => b.value));
		c.bars.forEach((b, i) => {
			const bh = (b.value / max) * (h - 6);
			doc.setFillColor(...rgb(b.color));
			doc.rect(15 + i * slot + slot * 0.2, top + h - bh, slot * 0.6, bh, 'F');
			doc.text(String(b.value), 15 + i * slot + slot / 2, top + h - bh - 1.5, { align: 'center' });
			doc.text(
				doc.splitTextToSize(b.label, slot - 2) as string[],
				15 + i * slot + slot / 2,
				top + h + 5,
				{
					align: 'center'
				}
			);
		});
		doc.setDrawColor(55, 65, 81);
		doc.line(15, top + h, 195, top + h);
		y = top + h + 16;
	}

	// The counts as a table, so the figures survive text extraction and greyscale printing.
	doc.setFont('Tinos', 'bold');
	doc.setFontSize(12);
	doc.text(tr(lang, 'overview.count'), 15, y);
	doc.setFontSize(10);
	y += 7;
	const row = (a: string, b: string | number, bold = false) => {
		doc.setFont('Tinos', bold ? 'bold' : 'normal');
		doc.text(a, 15, y);
		doc.text(String(b), 120, y, { align: 'right' });
		y += 5.5;
	};
	row(tr(lang, 'overview.level'), tr(lang, 'overview.count'), true);
	stats.byLevel.forEach((v, l) => row(levelLabel(l), v));
	y += 2;
	row(tr(lang, 'overview.status'), tr(lang, 'overview.count'), true);
	for (const s of STATUSES) row(tr(lang, `status.${s}`), stats.byStatus[s]);
	row(tr(lang, 'overview.overdue'), stats.overdue);
	return new Uint8Array(doc.output('arraybuffer'));
}

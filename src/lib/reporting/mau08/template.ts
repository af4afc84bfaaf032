// Mẫu số 08 (Phụ lục, Nghị định 331/2026/NĐ-CP) as document blocks: the fixed text is the form's,
// verbatim; the "…" it leaves are filled from the snapshot (counts, cột 2–7) and from what the
// reporter completed. The same paper goes to the PDF and DOCX writers (src/lib/paper).
import { para, placeDate, run, type Block, type Paper, type TableRow } from '../../paper';
import { LABELS } from '../../dossier/labels';
import { formatDate } from '../../i18n/dates';
import {
	APPROVAL_STATE_LABEL,
	CHECK_LABEL,
	PLAN_STATUS_LABEL,
	type Counts,
	type Mau08Values,
	type Party,
	type Snapshot
} from './model';

export const MAU08_SUBJECT = 'V/v kết quả công tác bảo đảm an ninh mạng hệ thống thông tin';

/** Mục 1 — each line as the form words it, its "…" filled. */
export const GENERAL_LINES: [keyof Counts | 'expected_completion', string][] = [
	['in_scope', 'Tổng số hệ thống thông tin thuộc phạm vi quản lý'],
	[
		'classified',
		'Tổng số hệ thống thông tin đã được phân loại (đã xác định được loại hình hệ thống thông tin)'
	],
	['dossier', 'Tổng số hệ thống thông tin đã xây dựng hồ sơ đề xuất cấp độ'],
	['appraised', 'Tổng số hệ thống thông tin đã được thẩm định hồ sơ đề xuất cấp độ'],
	['approved', 'Tổng số hệ thống thông tin đã được phê duyệt cấp độ'],
	[
		'checked_periodic',
		'Tổng số hệ thống thông tin đã phê duyệt cấp độ được kiểm tra, đánh giá an ninh mạng định kỳ theo quy định'
	],
	[
		'expected_completion',
		'Dự kiến thời gian hoàn thành phê duyệt đề xuất cấp độ hệ thống thông tin đối với tất cả các hệ thống thông tin thuộc phạm vi quản lý'
	]
];

/** Mục 3 — the table's twelve columns as the form heads them. */
export const COLUMNS: [string, number][] = [
	// Shares of the width, so the longest word of each head fits at 9 pt (HSĐXCĐ, BĐANM).
	['STT', 0.055],
	['Tên HTTT', 0.095],
	['Chủ quản HTTT', 0.08],
	['Đơn vị vận hành HTTT', 0.08],
	['Cấp độ đề xuất', 0.06],
	['Tình trạng phê duyệt cấp độ', 0.08],
	['Quyết định phê duyệt cấp độ', 0.11],
	['Quy chế bảo đảm ANM cho hệ thống', 0.08],
	['Dự kiến thời điểm phê duyệt HSĐXCĐ', 0.103],
	['Đã triển khai đầy đủ PA BĐANM', 0.091],
	['Dự kiến thời điểm triển khai đầy đủ PA BĐANM', 0.091],
	['Đã kiểm tra, đánh giá ANM', 0.075]
];

/** How far the data run, as the paper says it: to the window's last day, or the early report's day. */
export const dataUntil = (paper: Pick<Mau08Paper, 'snapshot' | 'closed'>) =>
	paper.closed
		? `đến hết ngày ${formatDate(paper.snapshot.window.end)}`
		: `đến ngày ${formatDate(paper.snapshot.as_of)}`;

export interface Mau08Paper {
	/** Who reports: the unit (with its governing body above it) or the body itself. */
	filer: { name: string; governing_body?: string };
	snapshot: Snapshot;
	values: Mau08Values;
	counts: Counts;
	/** The window's close has passed: the data run to its last day. Else "as of" the report. */
	closed: boolean;
}

const DOTS = LABELS.vi.dots;
const or = (v: string) => v || DOTS;

function party(p: Party, owner: boolean): Block[] {
	const whose = owner
		? 'cơ quan chủ quản hệ thống thông tin'
		: 'đơn vị chuyên trách về an ninh mạng';
	const head = owner
		? 'a) Thông tin về chủ quản hệ thống thông tin:'
		: 'b) Thông tin về đơn vị chuyên trách về an ninh mạng:';
	const name = owner
		? 'Tên chủ quản hệ thống thông tin'
		: 'Tên đơn vị chuyên trách về an ninh mạng';
	return [
		para(head, { runs: [run(head, { italic: true })] }),
		para(`(1) ${name}: ${or(p.name)};`),
		// Mẫu 08: the owner's mandate "Trường hợp không có thì để trống".
		para(
			owner && !p.mandate
				? '(2) Quy định chức năng, nhiệm vụ và quyền hạn:'
				: `(2) Quy định chức năng, nhiệm vụ và quyền hạn: ${or(p.mandate)};`
		),
		para(`(3) Người đại diện, chức vụ: ${or(p.representative)};`),
		para(`(4) Địa chỉ liên lạc của ${whose}: ${or(p.address)};`),
		para(`(5) Thông tin liên hệ: số điện thoại ${or(p.phone)}; thư điện tử ${or(p.email)}.`)
	];
}

export function mau08Blocks(paper: Mau08Paper, copy: Paper['copy'] = 'draft'): Block[] {
	const { snapshot, values, counts } = paper;
	const L = LABELS.vi;
	const start = formatDate(snapshot.window.start);
	const until = dataUntil(paper);
	const general = GENERAL_LINES.map(([k, text], i) => {
		const value = k === 'expected_completion' ? or(values.expected_completion) : counts[k];
		return [run(`${text}: `), run(String(value), { bold: true }), run(i < 6 ? ';' : '.')];
	});
	const rows: TableRow[] = [
		{ cells: COLUMNS.map((_, i) => [run(`(${i + 1})`, { italic: true })]) },
		...snapshot.systems.map((s, i): TableRow => {
			const v = values.systems[s.id];
			const checks = [
				v?.check_before_use ? CHECK_LABEL.before_use : '',
				v?.check_periodic ? CHECK_LABEL.periodic : ''
			].filter(Boolean);
			const text = [
				String(i + 1),
				s.name,
				s.owner,
				s.operator,
				s.proposed_level === null ? '' : String(s.proposed_level),
				APPROVAL_STATE_LABEL[s.state],
				s.approval
					? `Số ${s.approval.number} ngày ${formatDate(s.approval.date)} của ${s.approval.by}`
					: '',
				v?.regulation ?? '',
				s.approval ? '' : (v?.expected_approval ?? ''),
				v?.plan ? PLAN_STATUS_LABEL[v.plan] : '',
				v?.plan && v.plan !== 'full' ? v.plan_date : '',
				checks.join('; ')
			];
			return { cells: text.map((t) => [run(t)]) };
		})
	];
	return [
		{
			kind: 'letterhead',
			governing_body: paper.filer.governing_body?.toLocaleUpperCase('vi'),
			issuer: paper.filer.name.toLocaleUpperCase('vi'),
			motto: L.motto,
			number: L.number(values.number || undefined),
			subject: MAU08_SUBJECT,
			date_line: placeDate(values.place || undefined, values.date || undefined)
		},
		{ kind: 'addressee', label: L.to, lines: [or(values.recipient)] },
		para(
			`Thực hiện Điều 35 và Điều 36 Nghị định số 331/2026/NĐ-CP ngày 19 tháng 8 năm 2026 của Chính phủ về bảo vệ an ninh mạng đối với hệ thống thông tin, ${paper.filer.name} báo cáo kết quả công tác bảo đảm an ninh mạng hệ thống thông tin (số liệu tính từ ngày ${start} ${until}) như sau:`
		),
		{ kind: 'heading', level: 1, text: '1. Thông tin chung' },
		{ kind: 'list', marker: 'dash', items: general },
		{
			kind: 'heading',
			level: 1,
			text: '2. Thông tin về chủ quản hệ thống thông tin và đơn vị chuyên trách về an ninh mạng'
		},
		...party(values.owner, true),
		...party(values.specialized, false),
		{
			kind: 'heading',
			level: 1,
			text: '3. Thông tin chi tiết về các hệ thống thông tin thuộc phạm vi quản lý'
		},
		snapshot.systems.length
			? {
					kind: 'table',
					columns: COLUMNS.map(([title, width]) => ({ title, width })),
					rows,
					// Twelve columns on a portrait page: smaller type so words stay whole.
					size: 9
				}
			: para('Không có hệ thống thông tin thuộc phạm vi quản lý.'),
		{
			kind: 'signature',
			recipients_label: L.recipients,
			recipients: [L.asAbove, L.archive],
			...(values.signer_authority
				? { authority: values.signer_authority.toLocaleUpperCase('vi') }
				: {}),
			title: (values.signer_title || L.signerDefault).toLocaleUpperCase('vi'),
			// The signing hint is the draft's; the signature copy leaves the space to sign.
			...(copy === 'draft' ? { note: L.signNote } : {}),
			name: values.signer_name || DOTS
		}
	];
}

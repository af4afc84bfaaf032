// The appraiser's and approver's papers, filled from the review: the appraisal opinion (Mẫu số 04
// Nghị định 331/2026/NĐ-CP; under Nghị định 85/2016/NĐ-CP an opinion letter with the same five
// parts built on Điều 16 khoản 1), the tờ trình (Mẫu số 05; Điều 17 khoản 1 Nghị định 85), the level
// approval decision (Mẫu số 06; Điều 12 Nghị định 85) and the plan approval decision for level 5
// (Mẫu số 07, Điều 18 khoản 3 điểm d Nghị định 331). Decree 331's forms are worded as the decree
// words them, only the parenthesized placeholders filled; Decree 85 has no forms, so its papers keep
// the same structure in its own words ("an toàn thông tin"). Pure: blocks only; src/lib/paper writes.
import type { ChecklistItem, Level, RuleSet, Source } from '../rules';
import { formatCitation } from '../rules';
import { documentDate, placeDate, run, type Block, type Paper, type Run } from '../paper';
import type { UnitProfile } from '../model/inventory';
import type { Verdict } from '../server/workflow/checklist';
import type { Opinion, PaperId, Papers } from '../server/workflow/opinion';

export type Regime = 'nd85' | 'nd331';

export interface AppraisalPaperInput {
	ruleset: RuleSet;
	level: Level;
	system: { name: string; operator?: string; owner?: string; address?: string };
	/** The unit that submitted the dossier (đơn vị đề nghị, usually the operator). */
	unit: UnitProfile;
	/** The appraising side: its governing body and the unit that leads the appraisal. */
	appraiser: { governing_body?: string; lead: string };
	checklist: { item: ChecklistItem; verdict: Verdict; comment: string }[];
	opinion: Opinion;
	papers: Papers;
	/** The recorded approval (its number and date are the decision's). */
	approval?: { number: string; date: string };
	/** The submitted dossier the papers are about. */
	dossier: { revision: number; sha256: string | null };
	copy: 'draft' | 'final';
	generatedAt: string;
}

export const regimeOf = (rs: RuleSet): Regime =>
	rs.data.dossier?.template === 'nd331' ? 'nd331' : 'nd85';

/**
 * The papers a level calls for. Opinion: every appraisal. Tờ trình and level decision: the owner
 * approves levels 3–4 (Điều 12 khoản 2, 3 Nghị định 85; Điều 18 khoản 2 điểm b, khoản 3 điểm d
 * Nghị định 331); for levels 1–2 the specialized unit approves (Điều 12 khoản 1; Điều 18 khoản 1),
 * so a decision without a tờ trình. Level 5: the Prime Minister approves the list (Điều 18 khoản 3
 * điểm đ), the owner the plan (Mẫu số 07).
 */
export function papersFor(regime: Regime, level: Level): PaperId[] {
	const out: PaperId[] = ['opinion'];
	if (level >= 3 && level <= 4) out.push('submission');
	if (level <= 4) out.push('decision');
	if (regime === 'nd331' && level === 5) out.push('plan_decision');
	return out;
}

export const PAPER_TITLE: Record<Regime, Record<PaperId, string>> = {
	nd331: {
		opinion: 'Ý kiến thẩm định hồ sơ đề xuất cấp độ (Mẫu số 04)',
		submission: 'Tờ trình phê duyệt hồ sơ đề xuất cấp độ (Mẫu số 05)',
		decision: 'Quyết định phê duyệt cấp độ hệ thống thông tin (Mẫu số 06)',
		plan_decision:
			'Quyết định phê duyệt phương án bảo đảm an ninh mạng hệ thống thông tin (Mẫu số 07)'
	},
	nd85: {
		opinion: 'Ý kiến thẩm định hồ sơ đề xuất cấp độ (Điều 16 Nghị định 85/2016/NĐ-CP)',
		submission: 'Tờ trình phê duyệt hồ sơ đề xuất cấp độ (Điều 17 Nghị định 85/2016/NĐ-CP)',
		decision: 'Quyết định phê duyệt cấp độ an toàn hệ thống thông tin',
		plan_decision: ''
	}
};

/** File name stem: "y-kien-tham-dinh", … */
export const PAPER_SLUG: Record<PaperId, string> = {
	opinion: 'y-kien-tham-dinh',
	submission: 'to-trinh',
	decision: 'quyet-dinh-phe-duyet-cap-do',
	plan_decision: 'quyet-dinh-phe-duyet-phuong-an'
};

const DOTS = '……………';
const NUMBER_BLANK = '……/……';
const MOTTO: [string, string] = [
	'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
	'Độc lập - Tự do - Hạnh phúc'
];
const SIGN_NOTE = '(Ký, ghi rõ họ tên, chức danh và đóng dấu)';
const upper = (s: string) => s.toLocaleUpperCase('vi');
const or = (s: string | undefined, fallback = DOTS) => (s && s.trim() ? s.trim() : fallback);

interface Ctx extends AppraisalPaperInput {
	regime: Regime;
	/** "an ninh mạng" (Luật 116, Nghị định 331) or "an toàn thông tin" (Nghị định 85). */
	sec: string;
	owner: string;
	operator: string;
	lead: string;
	place?: string;
	cite: (c: ChecklistItem['citation']) => string;
	source: (id: string) => Source | undefined;
}

function context(input: AppraisalPaperInput): Ctx {
	const regime = regimeOf(input.ruleset);
	const sources = input.ruleset.data.sources;
	return {
		...input,
		regime,
		sec: regime === 'nd331' ? 'an ninh mạng' : 'an toàn thông tin',
		owner: or(input.system.owner, or(input.unit.governing_body)),
		operator: or(input.system.operator, input.unit.name),
		lead: or(input.opinion.lead, input.appraiser.lead),
		place: input.unit.place,
		cite: (c) => formatCitation(c, sources, 'vi'),
		source: (id) => sources.find((s) => s.id === id)
	};
}

const p = (text: string, o: Partial<Extract<Block, { kind: 'para' }>> = {}): Block => ({
	kind: 'para',
	runs: [run(text)],
	indent: true,
	...o
});
const runs = (rs: Run[], o: Partial<Extract<Block, { kind: 'para' }>> = {}): Block => ({
	kind: 'para',
	runs: rs,
	indent: true,
	...o
});
const heading = (text: string, cite?: string): Block => ({
	kind: 'heading',
	level: 2,
	text,
	...(cite ? { cite } : {})
});
/** Indented lines, kept together on one page (a short numbered or lettered group). */
const lines = (items: string[]): Block[] =>
	items.map((t, i) => p(t, { keepNext: i < items.length - 1 }));
const list = (items: string[], marker: 'number' | 'dash' | 'none' = 'number'): Block => ({
	kind: 'list',
	marker,
	items: items.map((i) => [run(i)])
});

/** "Luật An ninh mạng số 116/2025/QH15 ngày …", "Nghị định số 331/2026/NĐ-CP ngày … của Chính phủ về …". */
function sourceName(s: Source): string {
	const date = documentDate(s.date);
	if (s.type.vi === 'Luật')
		return `Luật ${s.title ?? ''} số ${s.number} ${date}`.replace('  ', ' ');
	const title = s.title ? ` ${s.title.charAt(0).toLocaleLowerCase('vi')}${s.title.slice(1)}` : '';
	return `${s.type.vi} số ${s.number} ${date} của ${s.issuer}${title}`;
}
/** Laws first (the Law, then the decree, then circulars), as Decree 30 orders the "căn cứ". */
const RANK: Record<string, number> = { Luật: 0, 'Nghị định': 1, 'Thông tư': 2 };
const ordered = (c: Ctx) =>
	[...c.ruleset.data.sources].sort((a, b) => (RANK[a.type.vi] ?? 3) - (RANK[b.type.vi] ?? 3));
const italic = (text: string): Block => p(text, { runs: [run(text, { italic: true })] });
const bold = (text: string, o: Partial<Extract<Block, { kind: 'para' }>> = {}): Block =>
	p(text, { indent: false, align: 'center', ...o, runs: [run(text, { bold: true })] });
const pursuant = (c: Ctx): Block[] => ordered(c).map((s) => italic(`Căn cứ ${sourceName(s)};`));

/** The decree "Nghị định này" refers to, named in a paper that is not the decree. */
const decree = (c: Ctx) =>
	c.regime === 'nd331' ? 'Nghị định số 331/2026/NĐ-CP' : 'Nghị định số 85/2016/NĐ-CP';

function caption(c: Ctx, form: string): Block[] {
	// Form captions are for the draft (the signature copy is the paper itself), as in the dossier.
	return c.copy === 'draft'
		? [p(form, { indent: false, align: 'right', size: 11, runs: [run(form, { italic: true })] })]
		: [];
}

function letterhead(
	c: Ctx,
	o: {
		governing?: string;
		issuer: string;
		paper: PaperId;
		subject?: string;
		number?: string;
		date?: string;
	}
): Block {
	const n = o.number ?? c.papers[o.paper]?.number;
	const d = o.date ?? c.papers[o.paper]?.date;
	return {
		kind: 'letterhead',
		...(o.governing ? { governing_body: upper(o.governing) } : {}),
		issuer: upper(o.issuer),
		motto: MOTTO,
		number: `Số: ${or(n, NUMBER_BLANK)}`,
		...(o.subject ? { subject: o.subject } : {}),
		date_line: placeDate(c.place, d || undefined)
	};
}

function signature(
	c: Ctx,
	o: { recipients: string[]; title?: string; authority?: string; name?: string }
): Block {
	return {
		kind: 'signature',
		recipients_label: 'Nơi nhận:',
		recipients: [...o.recipients, 'Lưu: VT.'],
		...(o.authority ? { authority: upper(o.authority) } : {}),
		title: upper(or(o.title, 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ')),
		...(c.copy === 'draft' ? { note: SIGN_NOTE } : {}),
		name: or(o.name)
	};
}

// ---- the documents examined (Điều 21 Nghị định 331; Điều 15 Nghị định 85) ------------------

function documents(c: Ctx): string[] {
	const s = c.sec;
	const design =
		c.regime === 'nd331'
			? 'Tài liệu thiết kế thi công đã được cấp có thẩm quyền phê duyệt hoặc tài liệu có giá trị tương đương.'
			: 'Thiết kế sơ bộ (dự án đầu tư xây dựng mới, mở rộng, nâng cấp) hoặc thiết kế thi công đã được cấp có thẩm quyền phê duyệt (hệ thống đang vận hành), hoặc tài liệu có giá trị tương đương.';
	const out = [
		'Tài liệu mô tả, thuyết minh tổng quan về hệ thống thông tin.',
		design,
		'Tài liệu thuyết minh về việc đề xuất cấp độ căn cứ trên các tiêu chí theo quy định của pháp luật.',
		`Tài liệu thuyết minh phương án bảo đảm ${s} theo cấp độ tương ứng.`
	];
	if (c.level >= 4)
		out.push(
			`Ý kiến về mặt chuyên môn của đơn vị chuyên trách về ${s} của chủ quản hệ thống thông tin đối với hệ thống thông tin đề xuất cấp độ 4 hoặc cấp độ 5.`
		);
	return out;
}
const documentsCite = (c: Ctx) =>
	c.regime === 'nd331' ? 'Điều 21 Nghị định 331/2026/NĐ-CP' : 'Điều 15 Nghị định 85/2016/NĐ-CP';

// ---- Mẫu số 04: ý kiến thẩm định ------------------------------------------------------------

const METHOD: Record<Opinion['method'], string> = {
	meeting: 'Tổ chức họp',
	written: 'Lấy ý kiến bằng văn bản',
	both: 'Tổ chức họp và lấy ý kiến bằng văn bản',
	'': DOTS
};
const VERDICT: Record<Verdict, string> = { met: 'Phù hợp', not_met: 'Chưa phù hợp', '': DOTS };

function opinion(c: Ctx): Block[] {
	const o = c.opinion;
	const request = `Công văn số ${or(o.request_number)} ${documentDate(o.request_date || undefined)}`;
	const nd331 = c.regime === 'nd331';
	const coordinated = o.coordination.map((x) => x.body);
	const verdicts: Block = {
		kind: 'table',
		columns: [
			{ title: 'Nội dung thẩm định', width: 0.5 },
			{ title: 'Kết quả', width: 0.17, align: 'center' },
			{ title: 'Nhận xét', width: 0.33 }
		],
		rows: c.checklist.map(({ item, verdict, comment }) => ({
			cells: [
				[run(item.text), run(`\n(${c.cite(item.citation)})`, { italic: true })],
				[run(VERDICT[verdict], { bold: verdict !== '' })],
				[run(comment || (c.copy === 'draft' ? DOTS : ''))]
			]
		}))
	};
	const conclusion =
		o.conclusion === 'suitable'
			? `Hồ sơ đề xuất cấp độ hệ thống thông tin là phù hợp để theo cấp độ đề xuất (cấp độ ${c.level}).`
			: o.conclusion === 'unsuitable'
				? `Hồ sơ đề xuất cấp độ hệ thống thông tin là chưa phù hợp để theo cấp độ đề xuất (cấp độ ${c.level}). Những nội dung chưa phù hợp:`
				: `Hồ sơ đề xuất cấp độ hệ thống thông tin là phù hợp/chưa phù hợp để theo cấp độ đề xuất (cấp độ ${c.level}).`;
	const fixes = o.conclusion === 'unsuitable' ? o.fixes.split(/\n+/).filter((l) => l.trim()) : [];
	const addressee = [c.owner, c.operator].filter((x, i, a) => a.indexOf(x) === i);
	return [
		...caption(
			c,
			nd331
				? 'Mẫu số 04 — Phụ lục Nghị định số 331/2026/NĐ-CP'
				: 'Điều 16 Nghị định số 85/2016/NĐ-CP'
		),
		letterhead(c, {
			governing: c.appraiser.governing_body,
			issuer: c.lead,
			paper: 'opinion',
			subject: 'V/v ý kiến thẩm định hồ sơ đề xuất cấp độ'
		}),
		{ kind: 'addressee', label: 'Kính gửi:', lines: addressee },
		p(
			`${c.lead} nhận được ${request} của ${c.unit.name} về việc thẩm định hồ sơ đề xuất cấp độ của hệ thống thông tin đối với ${c.system.name}. Sau khi xem xét, tổng hợp ý kiến và kết quả thẩm định của các cơ quan, tổ chức có liên quan, ${c.lead} có ý kiến thẩm định như sau:`
		),
		heading('Phần 1. Hồ sơ, tài liệu thẩm định', documentsCite(c)),
		list(documents(c)),
		heading('Phần 2. Căn cứ pháp lý để thẩm định'),
		list(ordered(c).map((s) => `Căn cứ ${sourceName(s)}.`)),
		heading('Phần 3. Tổ chức thẩm định'),
		list([
			`Đơn vị chủ trì thẩm định: ${c.lead}.`,
			`Đơn vị phối hợp thẩm định: ${coordinated.length ? coordinated.join('; ') : 'Không.'}`,
			`Hình thức thẩm định: ${METHOD[o.method]}.`
		]),
		heading(
			'Phần 4. Ý kiến thẩm định',
			c.cite(nd331 ? { source: 'nd331', article: 23 } : { source: 'nd85', article: 16, clause: 1 })
		),
		p(
			nd331
				? '1. Tổng hợp ý kiến thẩm định của đơn vị phối hợp theo quy định tại khoản 3 Điều 18 Nghị định số 331/2026/NĐ-CP:'
				: '1. Ý kiến của cơ quan, đơn vị phối hợp thẩm định (khoản 3 Điều 12 Nghị định số 85/2016/NĐ-CP):',
			{ keepNext: true }
		),
		o.coordination.length
			? list(
					o.coordination.map((x) => `${x.body}: ${or(x.opinion, 'thống nhất.')}`),
					'dash'
				)
			: p('Không có đơn vị phối hợp thẩm định.'),
		p(
			nd331
				? '2. Ý kiến thẩm định về sự phù hợp về việc đề xuất cấp độ theo quy định tại Điều 23 Nghị định số 331/2026/NĐ-CP:'
				: '2. Ý kiến thẩm định theo nội dung tại khoản 1 Điều 16 Nghị định số 85/2016/NĐ-CP:',
			{ keepNext: true }
		),
		verdicts,
		p('3. Ý kiến khác (nếu có):', { keepNext: true }),
		p(or(o.other, 'Không.')),
		heading('Phần 5. Kết luận'),
		p(conclusion),
		...(fixes.length ? [list(fixes, 'dash')] : []),
		p(
			nd331
				? `Trên đây là ý kiến thẩm định của ${c.lead} cho hồ sơ đề xuất cấp độ của hệ thống thông tin ${c.system.name}. Đề nghị cơ quan ${c.unit.name} xem xét báo cáo cấp có thẩm quyền điều chỉnh (nếu yêu cầu điều chỉnh) hoặc trình cơ quan có thẩm quyền phê duyệt (nếu chấp thuận đề xuất của cơ quan trình).`
				: `Trên đây là ý kiến thẩm định của ${c.lead} đối với hồ sơ đề xuất cấp độ của hệ thống thông tin ${c.system.name}. Đề nghị ${c.unit.name} hoàn thiện hồ sơ theo ý kiến trên (nếu có) và trình cấp có thẩm quyền phê duyệt theo quy định tại Điều 17 Nghị định số 85/2016/NĐ-CP.`
		),
		signature(c, { recipients: ['Như trên;'], title: 'THỦ TRƯỞNG ĐƠN VỊ' })
	];
}

// ---- Mẫu số 05: tờ trình ----------------------------------------------------------------------

function generalInfo(c: Ctx, style: 'number' | 'letter'): string[] {
	const rows = [
		`Tên hệ thống thông tin: ${c.system.name}`,
		`Đơn vị vận hành hệ thống thông tin: ${c.operator}`,
		`Địa chỉ: ${or(c.system.address ?? c.unit.address)}`
	];
	return style === 'number'
		? [...rows, `Cấp độ hệ thống thông tin đề xuất: cấp độ ${c.level}`].map(
				(r, i) => `${i + 1}. ${r}`
			)
		: rows.map((r, i) => `${'abc'[i]}) ${r}`);
}

function opinionRef(c: Ctx): string {
	const n = c.papers.opinion;
	return n?.number ? ` (văn bản số ${n.number}${n.date ? ` ${documentDate(n.date)}` : ''})` : '';
}

function submission(c: Ctx): Block[] {
	const nd331 = c.regime === 'nd331';
	const attached = nd331
		? [
				...documents(c),
				...(c.level >= 3
					? [
							'Ý kiến thẩm định của cơ quan phối hợp thẩm định đối với hệ thống thông tin đề xuất từ cấp độ 3 trở lên.'
						]
					: [])
			]
		: [
				'Hồ sơ đề xuất cấp độ.',
				`Ý kiến thẩm định của ${c.lead}${opinionRef(c)} đối với hệ thống thông tin đề xuất từ cấp độ 3 trở lên.`
			];
	return [
		...caption(
			c,
			nd331
				? 'Mẫu số 05 — Phụ lục Nghị định số 331/2026/NĐ-CP'
				: 'Điều 17 Nghị định số 85/2016/NĐ-CP'
		),
		letterhead(c, { governing: c.unit.governing_body, issuer: c.unit.name, paper: 'submission' }),
		{
			kind: 'title',
			text: 'TỜ TRÌNH',
			sub: nd331
				? 'Về việc phê duyệt đề xuất cấp độ'
				: 'Về việc phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin'
		},
		{ kind: 'addressee', label: 'Kính gửi:', lines: [c.owner] },
		...pursuant(c),
		italic(`Căn cứ ý kiến thẩm định của ${c.lead}${opinionRef(c)};`),
		p(`${c.unit.name} trình phê duyệt hồ sơ đề xuất cấp độ với các nội dung sau:`),
		heading('Phần 1. Thông tin chung'),
		...lines(generalInfo(c, 'number')),
		heading(
			nd331 ? 'Phần 2. Hồ sơ kèm theo' : 'Phần 2. Hồ sơ phê duyệt đề xuất cấp độ',
			nd331 ? undefined : 'khoản 1 Điều 17 Nghị định 85/2016/NĐ-CP'
		),
		list(attached),
		p(
			`${c.unit.name} trình ${c.owner} xem xét, quyết định phê duyệt đề xuất cấp độ của hệ thống thông tin ${c.system.name}.`
		),
		signature(c, {
			recipients: ['Như trên;', `${c.lead};`],
			title: c.unit.signer?.title ?? 'THỦ TRƯỞNG ĐƠN VỊ',
			authority: c.unit.signer?.authority,
			name: c.unit.signer?.name
		})
	];
}

// ---- Mẫu số 06, 07: quyết định -------------------------------------------------------------

function decision(c: Ctx, plan: boolean): Block[] {
	const nd331 = c.regime === 'nd331';
	const paper: PaperId = plan ? 'plan_decision' : 'decision';
	// Levels 1–2: the specialized unit approves (Điều 18 khoản 1 Nghị định 331; Điều 12 khoản 1
	// Nghị định 85); otherwise the owner.
	const issuer = c.level <= 2 ? c.lead : c.owner;
	const governing = c.level <= 2 ? c.appraiser.governing_body : undefined;
	const approval = !plan ? c.approval : undefined;
	const signer = c.papers.signer;
	// The issuing authority under the title (Decree 30/2020 Phụ lục I): "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …".
	const head = upper(
		signer?.title
			? signer.title.toLocaleLowerCase('vi').includes(issuer.toLocaleLowerCase('vi'))
				? signer.title
				: `${signer.title} ${issuer}`
			: 'THỦ TRƯỞNG CƠ QUAN'
	);
	const standard = or(c.papers.standard);
	const regulation = or(c.papers.regulation);
	const fit = (stage: string) =>
		nd331
			? `Phương án bảo đảm an ninh mạng ${stage} tương ứng với cấp độ ${c.level} là phù hợp với tiêu chuẩn quốc gia ${standard}, quy chuẩn kỹ thuật quốc gia ${regulation} về bảo đảm an ninh mạng theo cấp độ.`
			: `Phương án bảo đảm an toàn hệ thống thông tin ${stage} tương ứng với cấp độ ${c.level} là phù hợp với yêu cầu cơ bản trong tiêu chuẩn ${standard}, quy chuẩn kỹ thuật ${regulation} về bảo đảm an toàn hệ thống thông tin theo cấp độ (khoản 1 Điều 19 Nghị định số 85/2016/NĐ-CP).`;
	const planItems = [
		`a) ${fit(nd331 ? 'trong thiết kế hệ thống thông tin' : 'trong khâu thiết kế, xây dựng')}`,
		`b) ${fit('trong quá trình vận hành hệ thống')}`
	];
	const article = (n: number, text: string): Block =>
		runs([run(`Điều ${n}. `, { bold: true }), run(text, { bold: true })], { keepNext: true });
	const article1: Block[] = plan
		? [
				article(
					1,
					`Phê duyệt phương án đảm bảo an ninh mạng đối với ${c.system.name} cụ thể như sau:`
				),
				p('1. Thông tin chung', { keepNext: true }),
				...lines(generalInfo(c, 'letter')),
				p('2. Phương án bảo đảm an ninh mạng:', { keepNext: true }),
				...lines(planItems)
			]
		: [
				article(1, `Phê duyệt cấp độ hệ thống thông tin đối với ${c.system.name} cụ thể như sau:`),
				p('1. Thông tin chung', { keepNext: true }),
				...lines(generalInfo(c, 'letter')),
				runs([run('2. Cấp độ hệ thống thông tin: '), run(`cấp độ ${c.level}`, { bold: true })]),
				p(
					nd331
						? '3. Phương án bảo đảm an ninh mạng:'
						: '3. Phương án bảo đảm an toàn hệ thống thông tin theo cấp độ:',
					{ keepNext: true }
				),
				...lines(planItems)
			];
	const duty = nd331
		? `a) Thực hiện trách nhiệm bảo đảm an ninh mạng hệ thống thông tin mình quản lý theo các quy định tại Điều 33 ${decree(c)}.`
		: `a) Tổ chức thực hiện phương án bảo đảm an toàn hệ thống thông tin theo cấp độ đã được phê duyệt (Điều 19, Điều 20 ${decree(c)}); xác định lại cấp độ theo Điều 18 ${decree(c)} khi hệ thống thay đổi.`;
	return [
		...caption(
			c,
			nd331
				? `${plan ? 'Mẫu số 07' : 'Mẫu số 06'} — Phụ lục Nghị định số 331/2026/NĐ-CP`
				: 'Điều 12, Điều 17 Nghị định số 85/2016/NĐ-CP'
		),
		letterhead(c, {
			governing,
			issuer,
			paper,
			number: approval?.number,
			date: approval?.date
		}),
		{
			kind: 'title',
			text: 'QUYẾT ĐỊNH',
			sub: plan
				? 'Về việc phê duyệt phương án bảo đảm an ninh mạng hệ thống thông tin'
				: nd331
					? 'Về việc phê duyệt cấp độ hệ thống thông tin'
					: 'Về việc phê duyệt cấp độ an toàn hệ thống thông tin'
		},
		bold(head),
		...pursuant(c),
		italic(`Xét đề nghị của cơ quan ${c.unit.name}.`),
		bold('QUYẾT ĐỊNH:'),
		...article1,
		article(2, 'Tổ chức thực hiện'),
		p(`1. Cơ quan ${c.unit.name} chịu trách nhiệm:`, { keepNext: true }),
		...lines([duty]),
		article(3, 'Điều khoản thi hành'),
		...lines([
			`1. Cơ quan ${c.unit.name} và các cơ quan liên quan khác chịu trách nhiệm thi hành Quyết định này.`,
			`2. ${or(c.unit.security_unit, `Đơn vị chuyên trách về ${c.sec}`)} chịu trách nhiệm kiểm tra, giám sát việc thực hiện Quyết định này báo cáo cơ quan ${c.owner} theo quy định của pháp luật.`
		]),
		signature(c, {
			recipients: ['Như Điều 3;'],
			title: signer?.title || 'THỦ TRƯỞNG CƠ QUAN',
			name: signer?.name
		})
	];
}

/** One paper of the review, ready for paperPdf / paperDocx. */
export function appraisalPaper(id: PaperId, input: AppraisalPaperInput): Paper {
	const c = context(input);
	const blocks =
		id === 'opinion'
			? opinion(c)
			: id === 'submission'
				? submission(c)
				: decision(c, id === 'plan_decision');
	const sha = input.dossier.sha256;
	return {
		blocks,
		copy: input.copy,
		title: `${PAPER_TITLE[c.regime][id]} — ${input.system.name}`,
		draftLabel: 'DỰ THẢO',
		footer: [
			`capdo — ${input.ruleset.ref} — hồ sơ lần nộp ${input.dossier.revision}` +
				(sha ? `, PDF SHA-256 ${sha.slice(0, 16)}…` : '') +
				` — lập lúc ${input.generatedAt.slice(0, 16).replace('T', ' ')} UTC`
		],
		...(sha ? { fingerprint: `dossier-sha256:${sha}` } : {})
	};
}

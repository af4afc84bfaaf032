// Decree 331/2026/NĐ-CP dossier. The request letter is the Phụ lục form for the level's path
// (Điều 18, Điều 20 khoản 1): Mẫu số 01 (appraise and approve) for levels 1–2, Mẫu số 02 (appraise)
// for levels 3–5, and Mẫu số 03 (the specialized unit's professional opinion) where the rule set's
// procedure asks for that opinion first. Then the Điều 21 contents with the Điều 22 explanation and
// the Điều 29 plan, and an annex: facts, procedure, the forms Mẫu 01–08 and the transition rules.
// The forms' wording is the decree's, verbatim; only the parenthesized placeholders are filled.
import { provisionDate, type Lang, type Level, type Section } from '../../rules';
import { run, type Block } from '../../paper/blocks';
import { formatDate, type Labels } from '../labels';
import {
	dossierBody,
	addresseeOn,
	bodyOn,
	renamedNotice,
	answer,
	applies,
	cite,
	citeById,
	componentLevels,
	design,
	factText,
	factsAnnex,
	firedCriteria,
	firedInDossier,
	letterhead,
	level,
	levelConclusion,
	levelFields,
	levelLine,
	opinion,
	overview,
	plan,
	procedureAnnex,
	signature,
	type Template,
	type TemplateContext
} from './parts';

type FormId = 'mau-01' | 'mau-02' | 'mau-03';

interface FormText {
	subject: string;
	/** The sentence before Phần 1, with "(Tên cơ quan, tổ chức)" and the addressee filled. */
	request: (unit: string, to: string) => string;
	/** Phần 2. Hồ sơ kèm theo, as the form lists it. */
	attachments: string[];
	/** The closing request, "(Tên hệ thống thông tin)" filled; `list` adds footnote ¹ of Mẫu 02. */
	closing: (unit: string, to: string, system: string, list: boolean) => string;
}

const ATTACH_VI = [
	'Tài liệu mô tả, thuyết minh tổng quan về hệ thống thông tin.',
	'Tài liệu thiết kế thi công đã được cấp có thẩm quyền phê duyệt hoặc tài liệu có giá trị tương đương.',
	'Tài liệu thuyết minh về việc đề xuất cấp độ căn cứ trên các tiêu chí theo quy định của pháp luật.',
	'Tài liệu thuyết minh phương án bảo đảm an ninh mạng theo cấp độ tương ứng.'
];
const ATTACH_EN = [
	'Overview description and explanation of the information system.',
	'Construction design approved by the competent authority, or an equivalent document.',
	'Explanation of the proposed level against the criteria provided by law.',
	'Explanation of the cybersecurity plan for the corresponding level.'
];

const FORMS: Record<Lang, Record<FormId, FormText>> = {
	vi: {
		'mau-01': {
			subject: 'V/v đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ',
			request: (unit) =>
				`${unit} đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ với các nội dung sau:`,
			attachments: ATTACH_VI,
			closing: (unit, to, system) =>
				`${unit} đề nghị ${to} thẩm định và phê duyệt hồ sơ đề xuất cấp độ của hệ thống thông tin ${system}.`
		},
		'mau-02': {
			subject: 'V/v đề nghị thẩm định hồ sơ đề xuất cấp độ',
			// Mẫu 02 repeats Mẫu 01's "thẩm định, phê duyệt" here; kept as the decree words it.
			request: (unit) =>
				`${unit} đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ với các nội dung sau:`,
			attachments: [
				...ATTACH_VI,
				'Ý kiến về mặt chuyên môn của đơn vị chuyên trách về an ninh mạng của chủ quản hệ thống thông tin (đối với hệ thống thông tin đề xuất cấp độ 4 hoặc cấp độ 5).'
			],
			closing: (unit, to, system, list) =>
				`${unit} đề nghị ${to} cho ý kiến thẩm định hồ sơ đề xuất cấp độ hệ thống thông tin đối với ${system}` +
				(list
					? '; đồng thời đề nghị đưa hệ thống vào Danh mục hệ thống thông tin quan trọng về an ninh quốc gia.'
					: '.')
		},
		'mau-03': {
			subject: 'V/v cho ý kiến chuyên môn về hồ sơ đề xuất cấp độ',
			request: (unit, to) =>
				`${unit} đề nghị ${to} cho ý kiến chuyên môn về hồ sơ đề xuất cấp độ với các nội dung sau:`,
			attachments: ATTACH_VI,
			closing: (unit, to, system) =>
				`${unit} đề nghị ${to} cho ý kiến về sự phù hợp của đề xuất cấp độ và phương án bảo đảm an ninh mạng hệ thống thông tin theo cấp độ của hệ thống thông tin ${system}.`
		}
	},
	en: {
		'mau-01': {
			subject: 'Re: request for appraisal and approval of the level-proposal dossier',
			request: (unit) =>
				`${unit} requests the appraisal and approval of the level-proposal dossier as follows:`,
			attachments: ATTACH_EN,
			closing: (unit, to, system) =>
				`${unit} requests ${to} to appraise and approve the level-proposal dossier of the information system ${system}.`
		},
		'mau-02': {
			subject: 'Re: request for appraisal of the level-proposal dossier',
			request: (unit) =>
				`${unit} requests the appraisal and approval of the level-proposal dossier as follows:`,
			attachments: [
				...ATTACH_EN,
				"Professional opinion of the system owner's specialized cybersecurity unit (for systems proposed at level 4 or 5)."
			],
			closing: (unit, to, system, list) =>
				`${unit} requests ${to} to give its appraisal opinion on the level-proposal dossier of the information system ${system}` +
				(list
					? ', and requests that the system be put on the list of information systems important to national security.'
					: '.')
		},
		'mau-03': {
			subject: 'Re: request for a professional opinion on the level-proposal dossier',
			request: (unit, to) =>
				`${unit} requests ${to} to give a professional opinion on the level-proposal dossier as follows:`,
			attachments: ATTACH_EN,
			closing: (unit, to, system) =>
				`${unit} requests ${to} to give its opinion on whether the proposed level and the cybersecurity plan for that level suit the information system ${system}.`
		}
	}
};

const WORDS = {
	vi: {
		part1: 'Phần 1. Thông tin chung',
		info: [
			'Tên hệ thống thông tin',
			'Đơn vị vận hành hệ thống thông tin',
			'Địa chỉ',
			'Cấp độ hệ thống thông tin đề xuất'
		],
		part2: 'Phần 2. Hồ sơ kèm theo',
		lawPursuant: (title: string, number: string) => `Căn cứ Luật ${title} số ${number};`,
		specialistUnit: 'Đơn vị chuyên trách về an ninh mạng của chủ quản hệ thống thông tin',
		sentFirst: (cite: string) =>
			`Gửi trước văn bản đề nghị thẩm định, để xin ý kiến chuyên môn (${cite}).`,
		formMissing: (title: string) =>
			`Nguồn văn bản của bộ quy tắc không có (hoặc có bản lỗi) nội dung “${title}”; capdo không tự soạn văn bản này. Lập văn bản theo bản Công báo.`,
		formMissingTitle: 'THIẾU BIỂU MẪU TRONG NGUỒN VĂN BẢN',
		nationalSecurity: 'Hệ thống thông tin quan trọng về an ninh quốc gia',
		nsNone: 'không đáp ứng tiêu chí nào',
		levelTable: ['Hệ thống thông tin', 'Cấp độ đề xuất', 'Căn cứ đề xuất'],
		typeOfSystem: 'Loại hệ thống thông tin',
		forms: 'Biểu mẫu xác định cấp độ (Phụ lục Nghị định)',
		formTable: ['Biểu mẫu', 'Căn cứ', 'Sử dụng'],
		formUse: {
			included: 'Kèm theo hồ sơ này',
			other: 'Không dùng cho cấp độ đề xuất',
			'mau-04': 'Do cơ quan thẩm định ban hành',
			'mau-05': 'Lập sau khi có ý kiến thẩm định, trình cấp phê duyệt',
			'mau-06': 'Do cấp phê duyệt ban hành',
			'mau-07': 'Do chủ quản hệ thống thông tin ban hành',
			'mau-08': 'Báo cáo định kỳ, không thuộc hồ sơ đề xuất cấp độ'
		} as { included: string; other: string; [form: string]: string },
		unavailable: 'văn bản mẫu không có trong nguồn',
		designationNote: 'Hệ thống quan trọng về an ninh quốc gia',
		transition: 'Quy định chuyển tiếp',
		deadline: 'mốc'
	},
	en: {
		part1: 'Part 1. General information',
		info: ['Information system', 'Operating unit', 'Address', 'Proposed level'],
		part2: 'Part 2. Enclosed documents',
		lawPursuant: (title: string, number: string) => `Pursuant to Law No. ${number} (“${title}”);`,
		specialistUnit: "The system owner's specialized cybersecurity unit",
		sentFirst: (cite: string) =>
			`Sent before the request for appraisal, to obtain the professional opinion (${cite}).`,
		formMissing: (title: string) =>
			`The rule set's legal source lacks (or has a damaged copy of) “${title}”; capdo does not draft it. Use the Official Gazette text.`,
		formMissingTitle: 'FORM MISSING FROM THE LEGAL SOURCE',
		nationalSecurity: 'Information system important to national security',
		nsNone: 'no criterion met',
		levelTable: ['Information system', 'Proposed level', 'Basis'],
		typeOfSystem: 'Type of information system',
		forms: 'Level-determination forms (Appendix to the Decree)',
		formTable: ['Form', 'Basis', 'Use'],
		formUse: {
			included: 'Enclosed in this dossier',
			other: 'Not used for the proposed level',
			'mau-04': 'Issued by the appraising body',
			'mau-05': 'Drawn up after the appraisal, submitted to the approving authority',
			'mau-06': 'Issued by the approving authority',
			'mau-07': 'Issued by the system owner',
			'mau-08': 'Periodic report, not part of the level-proposal dossier'
		} as { included: string; other: string; [form: string]: string },
		unavailable: 'form text not in the source',
		designationNote: 'Important to national security',
		transition: 'Transition',
		deadline: 'date'
	}
};

/** The document-frame words the Decree 331 dossier says differently from the Decree 85 one. */
const LABELS: Record<Lang, Partial<Labels>> = {
	vi: {
		dossierTitle: 'HỒ SƠ ĐỀ XUẤT CẤP ĐỘ HỆ THỐNG THÔNG TIN',
		signerDefault: 'ĐẠI DIỆN CỦA CƠ QUAN, TỔ CHỨC',
		signNote: '(Ký, ghi rõ họ tên, chức danh và đóng dấu)',
		securityUnit: 'Đơn vị chuyên trách về an ninh mạng',
		planSections: 'Nội dung phương án bảo đảm an ninh mạng',
		opinionMissing: 'Chưa có ý kiến chuyên môn của đơn vị chuyên trách về an ninh mạng.'
	},
	en: {
		dossierTitle: 'INFORMATION SYSTEM LEVEL-PROPOSAL DOSSIER',
		signerDefault: 'REPRESENTATIVE OF THE AGENCY OR ORGANIZATION',
		signNote: '(Signature, full name, title and seal)',
		securityUnit: 'Specialized cybersecurity unit',
		planSections: 'Contents of the cybersecurity plan',
		opinionMissing: 'The specialized cybersecurity unit has not given its professional opinion yet.'
	}
};

type Words = (typeof WORDS)['vi'];
interface Ctx extends TemplateContext {
	W: Words;
}

/** The body that leads: the rule set's wording up to its first qualification ("Bộ Công an"). */

/** Levels 1–2 are appraised and approved by one body (Điều 18 khoản 1): Mẫu 01; else Mẫu 02. */
const requestForm = (l: Level): FormId => (l <= 2 ? 'mau-01' : 'mau-02');

/** Which forms this dossier encloses, the main request first. */
function enclosedForms(ctx: Ctx): FormId[] {
	const main = requestForm(level(ctx));
	return ctx.procedure.prior_opinion ? [main, 'mau-03'] : [main];
}

function formDef(ctx: Ctx, id: string) {
	return ctx.ruleset.data.dossier?.forms?.find((f) => f.id === id);
}

/** "Căn cứ Luật An ninh mạng số 116/2025/QH15;" first, then the decree(s) that guide it. */
function pursuant(ctx: Ctx): Block[] {
	const sources = [...ctx.ruleset.data.sources].sort(
		(a, b) => Number(b.type.vi === 'Luật') - Number(a.type.vi === 'Luật')
	);
	return sources.map((s) => ({
		kind: 'para' as const,
		indent: true,
		runs: [
			run(
				s.type.vi === 'Luật' && s.title
					? ctx.W.lawPursuant(s.title, s.number)
					: ctx.L.pursuant(
							`${s.type[ctx.lang]}${ctx.lang === 'vi' ? ' số' : ''} ${s.number}`,
							formatDate(s.date),
							s.issuer,
							s.title
						),
				{ italic: true }
			)
		]
	}));
}

/** One request letter (Mẫu 01, 02 or 03) in the Decree 30/2020 layout, placeholders filled. */
function letter(ctx: Ctx, id: FormId, main: boolean): Block[] {
	const { dossier, W, L } = ctx;
	const def = formDef(ctx, id);
	if (!def?.available)
		return [
			{
				kind: 'notice',
				title: W.formMissingTitle,
				text: W.formMissing(def?.title[ctx.lang] ?? id)
			}
		];
	const form = FORMS[ctx.lang][id];
	const l = level(ctx);
	const unit = dossier.unit.name;
	const system = `“${dossier.system.name}”`;
	const toOn =
		id === 'mau-03'
			? bodyOn(ctx, dossier.unit.security_unit || W.specialistUnit)
			: addresseeOn(ctx);
	const to = toOn.name;
	// Numbered and dated at signing; only the main letter carries the unit's number and date.
	const head = letterhead(
		main ? ctx : { ...ctx, dossier: { ...dossier, document: {} } },
		form.subject
	);
	// The form's caption ("Mẫu số 02: …") helps the drafter; the signed letter does not print it.
	const caption: Block[] =
		ctx.copy === 'draft'
			? [
					{
						kind: 'para',
						align: 'right',
						size: 10,
						runs: [run(def.title[ctx.lang], { italic: true })]
					}
				]
			: [];
	return [
		...caption,
		head,
		{ kind: 'addressee', label: L.to, lines: [`${to}.`] },
		...renamedNotice(ctx, toOn),
		...pursuant(ctx),
		{ kind: 'para', indent: true, runs: [run(form.request(unit, to))] },
		{ kind: 'para', indent: true, runs: [run(W.part1, { bold: true })] },
		{
			kind: 'fields',
			rows: [
				[`1. ${W.info[0]}`, dossier.system.name],
				[`2. ${W.info[1]}`, dossier.system.operator ?? L.dots],
				[`3. ${W.info[2]}`, dossier.unit.address ?? L.dots],
				[`4. ${W.info[3]}`, L.Level(l)]
			]
		},
		{ kind: 'para', indent: true, runs: [run(W.part2, { bold: true })] },
		{
			kind: 'list',
			marker: 'number',
			items: form.attachments.map((a, i) => [run(i === 1 ? designItem(ctx, a) : a)])
		},
		{
			kind: 'para',
			indent: true,
			runs: [run(form.closing(unit, to, system, id === 'mau-02' && isListed(ctx)))]
		},
		signature(ctx)
	];
}

/**
 * The form's item 2 names the construction design of a running system; a new project encloses its
 * preliminary design instead (Điều 21 khoản 2 điểm a), so the stage decides the wording.
 */
function designItem(ctx: Ctx, formText: string): string {
	if (ctx.dossier.system.stage !== 'new_project') return formText;
	return ctx.lang === 'vi'
		? 'Tài liệu thiết kế sơ bộ hoặc tài liệu có giá trị tương đương.'
		: 'Preliminary design or an equivalent document.';
}

/** Điều 16: a designation puts the system up for the list of systems important to national security. */
const isListed = (ctx: Ctx) => ctx.dossier.result.designations.length > 0;

/**
 * A designation's citation in the paper's language, from the rule set (the result stores it in
 * Vietnamese); as stored when the rule set does not describe it.
 */
function designationCite(ctx: Ctx, d: { id: string; citation: string }): string {
	const def = ctx.ruleset.data.designations?.find((x) => x.id === d.id);
	return def ? cite(ctx, def.citation) : d.citation;
}

/** Computed, proposed, approved level and, beside them, the Điều 16 designation. */
function levelWithDesignation(ctx: Ctx): Block {
	const base = levelFields(ctx);
	const rows = [...base.rows];
	const d = ctx.dossier.result.designations;
	rows.push([
		ctx.W.nationalSecurity,
		d.length > 0
			? `${ctx.L.yes} (${d.map((x) => designationCite(ctx, x)).join('; ')})`
			: ctx.W.nsNone
	]);
	return { kind: 'fields', rows };
}

/** Which Điều 22 sections go under which Điều 21 item: khoản 3 overview, khoản 6 plan. */
const explanationFor = (ctx: Ctx, clauses: (c: number | undefined) => boolean): Section[] =>
	(ctx.ruleset.data.dossier?.explanation ?? []).filter(
		(s) => applies(s, level(ctx), firedInDossier(ctx)) && clauses(s.citation.clause)
	);

function levelList(ctx: Ctx): Block {
	const { result } = ctx.dossier;
	// In the paper's language, as the components table (parts.ts) cites them.
	const cites = (p: { criteria: { id: string }[] }) =>
		p.criteria.map((c) => citeById(ctx, c.id)).join('; ') || '—';
	return {
		kind: 'table',
		columns: ctx.W.levelTable.map((title, i) => ({ title, width: [0.38, 0.17, 0.45][i]! })),
		rows: [
			{
				cells: [
					[run(ctx.dossier.system.name, { bold: true })],
					[run(ctx.L.Level(result.proposed_level))],
					[run(cites(result.system))]
				]
			},
			...result.components.map((p) => ({
				cells: [[run(p.name)], [run(levelLine(ctx, p.level))], [run(cites(p))]]
			}))
		]
	};
}

/** Điều 22 khoản 4 (and 5 for levels 4–5), with what the classification itself establishes. */
function explanation(ctx: Ctx): Block[] {
	const out: Block[] = [];
	const optional = (s: Section): Block[] => {
		const a = ctx.dossier.system.explanation?.[s.id];
		return [
			...answer(ctx, s).slice(0, 1),
			...(a ? [{ kind: 'para' as const, indent: true, runs: [run(a)] }] : [])
		];
	};
	const detail = (): Block[] => [
		{
			kind: 'fields',
			rows: [
				[ctx.W.typeOfSystem, factText(ctx, 'function')],
				[ctx.L.informationTypes, factText(ctx, 'information')]
			]
		},
		...firedCriteria(ctx),
		...componentLevels(ctx)
	];
	let detailed = false;
	for (const s of explanationFor(ctx, (c) => c !== 3 && c !== 6)) {
		if (s.id === 'level-list') out.push(...optional(s), levelList(ctx));
		else if (s.id === 'level-detail') {
			out.push(...optional(s).slice(0, 1), ...detail(), ...optional(s).slice(1));
			detailed = true;
		} else out.push(...answer(ctx, s));
	}
	if (!detailed) out.unshift(...detail());
	out.push(...levelConclusion(ctx, levelWithDesignation(ctx)));
	return out;
}

/**
 * Điều 22 khoản 3 điểm a, b: the owner's and the operator's details, filled from what capdo knows
 * (the system's owner and operator, the unit profile: signer, address, contact) before the
 * owner's own text; "chưa khai báo" only when nothing at all is known.
 */
function partyDetails(ctx: Ctx, s: Section): Block[] {
	const { system, unit } = ctx.dossier;
	const vi = ctx.lang === 'vi';
	const operatorIsUnit = !system.operator || system.operator === unit.name;
	const rows: [string, string][] = [];
	const add = (label: string, v: string | undefined) => v && rows.push([label, v]);
	if (s.id === 'owner') add(vi ? 'Tên chủ quản' : 'Owner', system.owner ?? unit.governing_body);
	else {
		add(vi ? 'Tên đơn vị vận hành' : 'Operating unit', system.operator ?? unit.name);
		if (operatorIsUnit) {
			const signer = unit.signer && `${unit.signer.name}, ${unit.signer.title}`;
			add(vi ? 'Người đại diện, chức vụ' : 'Representative and title', signer);
			add(vi ? 'Địa chỉ' : 'Address', unit.address);
			const c = unit.contact;
			add(
				vi ? 'Thông tin liên hệ' : 'Contact',
				[c.name, c.title, c.phone, c.email].filter(Boolean).join(', ') || undefined
			);
		}
	}
	const own = system.explanation?.[s.id];
	const head = answer(ctx, s).slice(0, 1);
	if (rows.length === 0 && !own) return answer(ctx, s);
	return [
		...head,
		...(rows.length > 0 ? [{ kind: 'fields' as const, rows }] : []),
		...(own ? [{ kind: 'para' as const, indent: true, runs: [run(own)] }] : [])
	];
}

const SECTIONS: Record<string, (ctx: Ctx, s: Section) => Block[]> = {
	overview: (ctx) => [
		...overview(ctx),
		...explanationFor(ctx, (c) => c === 3).flatMap((s) =>
			s.id === 'owner' || s.id === 'operator' ? partyDetails(ctx, s) : answer(ctx, s)
		)
	],
	design,
	explanation: (ctx) => explanation(ctx),
	plan: (ctx) => [
		...explanationFor(ctx, (c) => c === 6).flatMap((s) => answer(ctx, s)),
		...plan(ctx)
	],
	'specialist-opinion': (ctx) => opinion(ctx)
};

/** Mẫu 01–08 as the rule set lists them: which ones this dossier encloses, who issues the rest. */
function formsAnnex(ctx: Ctx): Block[] {
	const forms = ctx.ruleset.data.dossier?.forms ?? [];
	if (forms.length === 0) return [];
	const enclosed: string[] = enclosedForms(ctx);
	const use = ctx.W.formUse;
	return [
		{ kind: 'heading', level: 2, text: ctx.W.forms },
		{
			kind: 'table',
			columns: ctx.W.formTable.map((title, i) => ({ title, width: [0.42, 0.22, 0.36][i]! })),
			rows: forms.map((f) => ({
				cells: [
					[run(f.title[ctx.lang], { bold: enclosed.includes(f.id) })],
					[run(cite(ctx, f.citation))],
					[
						run(enclosed.includes(f.id) ? use.included : (use[f.id] ?? use.other)),
						...(f.available ? [] : [run(` (${ctx.W.unavailable})`, { italic: true })]),
						...(f.note ? [run(`. ${f.note[ctx.lang]}`, { italic: true })] : [])
					]
				]
			}))
		}
	];
}

/** Điều 16 notes (list request, Điều 20 khoản 4) for a designated system. */
function designationNotes(ctx: Ctx): Block[] {
	return ctx.dossier.result.designations.flatMap((d) => {
		const note = ctx.ruleset.data.designations?.find((x) => x.id === d.id)?.note;
		return note
			? [
					{
						kind: 'para' as const,
						indent: true,
						runs: [
							run(`${ctx.W.designationNote} (${designationCite(ctx, d)}): `, { bold: true }),
							run(note[ctx.lang])
						]
					}
				]
			: [];
	});
}

/** Transition rules still running on the letter's date (all of them when it is not dated yet), each
 * with its date as the engine computes it (a deadline, or months from the day the rule set takes effect). */
function transition(ctx: Ctx): Block[] {
	const date = ctx.dossier.document.date;
	const rules = (ctx.ruleset.data.transition ?? [])
		.map((t) => ({ t, when: provisionDate(t, ctx.ruleset) }))
		.filter(({ when }) => !date || !when || when >= date);
	if (rules.length === 0) return [];
	return [
		{ kind: 'heading', level: 2, text: ctx.W.transition },
		{
			kind: 'list',
			marker: 'dash',
			items: rules.map(({ t, when }) => [
				run(t.summary?.[ctx.lang] ?? t.text),
				run(` (${cite(ctx, t.citation)}`, { italic: true }),
				...(when ? [run(`; ${ctx.W.deadline} ${formatDate(when)}`, { italic: true })] : []),
				run(').', { italic: true })
			])
		}
	];
}

export const nd331: Template = (base) => {
	const ctx: Ctx = {
		...base,
		L: { ...base.L, ...LABELS[base.lang] },
		W: WORDS[base.lang]
	};
	const [main, ...others] = enclosedForms(ctx);
	// Mẫu 03 asks for the specialized unit's opinion, which Mẫu 02 then encloses (Điều 20 khoản 1
	// điểm d): it is sent first, so it comes first in the pack.
	const letters = others.map((id) => {
		const blocks = letter(ctx, id, false);
		const def = formDef(ctx, id);
		if (def?.available && ctx.copy === 'draft')
			blocks.push({
				kind: 'para',
				size: 10,
				runs: [run(ctx.W.sentFirst(cite(ctx, def.citation)), { italic: true })]
			});
		return { id, blocks };
	});
	letters.push({ id: main!, blocks: letter(ctx, main!, true) });
	const body = dossierBody(ctx, levelWithDesignation(ctx), SECTIONS);
	return {
		letters,
		dossier: [
			...body,
			{ kind: 'page_break' },
			...factsAnnex(ctx),
			...procedureAnnex(ctx),
			...designationNotes(ctx),
			...formsAnnex(ctx),
			...transition(ctx)
		]
	};
};

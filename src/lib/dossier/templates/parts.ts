// Building blocks shared by the regimes' templates: the Decree 30/2020 letter frame, the level
// explanation (Circular 03/2017 Điều 7 steps), the security plan checklist and the procedure annex.
// Everything legal comes from the rule set; these functions only arrange it.
import {
	formatCitation,
	sectionApplies,
	type Citation,
	type FactDef,
	type FactValue,
	type Lang,
	type Level,
	type ProcedureInfo,
	type RuleSet,
	type Section
} from '../../rules';
import { run, type Block, type Run, type TableRow } from '../../paper/blocks';
import { formatDate, type Labels } from '../labels';
import type { Dossier } from '../model';
import { nameOn, type Bodies, type NameOn } from '../../bodies';
import { vnDateOf } from '../../calendar/deadline';

export interface TemplateContext {
	dossier: Dossier;
	ruleset: RuleSet;
	lang: Lang;
	L: Labels;
	procedure: ProcedureInfo;
	/** The draft prints form captions and signing hints; the signature copy (bản trình ký) does not. */
	copy: 'draft' | 'final';
	/** Cited when no criterion matches: where the law puts the duty to propose a level. */
	proposeDuty?: Citation;
	/** State bodies over time (bodies/vn.yaml): a letter goes to the body in being on its date. */
	bodies?: Bodies;
}

/**
 * A regime's papers, each its own document with its own page numbers: the letters in the order
 * they are sent (a prior opinion request first), and the dossier (thuyết minh, plan, annexes).
 */
export interface DossierBlocks {
	letters: { id: string; blocks: Block[] }[];
	dossier: Block[];
}
export type Template = (ctx: TemplateContext) => DossierBlocks;

export const level = (ctx: TemplateContext): Level => ctx.dossier.result.proposed_level;
export const applies = (
	s: Pick<Section, 'levels' | 'fired'>,
	l: Level,
	fired?: ReadonlySet<string>
) => sectionApplies(s, l, fired);

/** The criteria that fired anywhere in the dossier's result (system and components). */
export const firedInDossier = (ctx: TemplateContext): Set<string> =>
	new Set(
		[ctx.dossier.result.system, ...ctx.dossier.result.components].flatMap((p) =>
			p.criteria.map((c) => c.id)
		)
	);
export const cite = (ctx: TemplateContext, c: Citation) =>
	formatCitation(c, ctx.ruleset.data.sources, ctx.lang);
const upper = (s: string) => s.toLocaleUpperCase('vi');

/** The letter's date: its own, or today in Vietnam for an undated draft. */
const letterDate = (ctx: TemplateContext) => ctx.dossier.document.date ?? vnDateOf(new Date());

/** `name` as the body is called on the letter's date (unchanged without reorganisation data). */
export function bodyOn(ctx: TemplateContext, name: string): NameOn {
	return ctx.bodies ? nameOn(ctx.bodies, name, letterDate(ctx)) : { name, steps: [] };
}

/**
 * Where the letter goes: an explicit addressee as written; for levels 1–3 the unit's own
 * specialized security unit by name (it appraises them); otherwise the rule set's (or the route's)
 * appraising body — either renamed to the body that carries it on the letter's date (the 2025
 * reorganisation: bodies/vn.yaml).
 */
export function addresseeOn(ctx: TemplateContext): NameOn {
	const { document, unit } = ctx.dossier;
	if (document.addressee) return { name: document.addressee, steps: [] };
	return bodyOn(
		ctx,
		(level(ctx) <= 3 && !ctx.procedure.route && unit.security_unit) || ctx.procedure.addressee
	);
}

export const addressee = (ctx: TemplateContext): string => addresseeOn(ctx).name;

/** On the draft only: the addressee was renamed since the law named it, with why and on what source. */
export function renamedNotice(ctx: TemplateContext, to: NameOn): Block[] {
	if (ctx.copy !== 'draft' || to.steps.length === 0) return [];
	const first = to.steps[0]!;
	const last = to.steps[to.steps.length - 1]!;
	const sources = [...new Map(to.steps.flatMap((s) => s.sources).map((s) => [s.id, s])).values()]
		.map((s) => `${s.title} (${ctx.L.trust(s.trust)})`)
		.join('; ');
	return [
		{
			kind: 'notice',
			title: ctx.L.renamedTitle,
			text: ctx.L.renamed(
				formatDate(letterDate(ctx)),
				first.before,
				last.after,
				to.steps.map((s) => s.reason[ctx.lang]).join(' '),
				sources
			)
		}
	];
}

export function letterhead(ctx: TemplateContext, subject: string): Block {
	const { unit, document } = ctx.dossier;
	return {
		kind: 'letterhead',
		governing_body: unit.governing_body ? upper(unit.governing_body) : undefined,
		issuer: upper(unit.name),
		motto: ctx.L.motto,
		number: ctx.L.number(document.number),
		subject,
		date_line: ctx.L.dateLine(unit.place, document.date)
	};
}

/** "Căn cứ …;" for each source document of the rule set. */
export function pursuant(ctx: TemplateContext): Block[] {
	return ctx.ruleset.data.sources.map((s) => ({
		kind: 'para',
		indent: true,
		runs: [
			run(
				ctx.L.pursuant(
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

export function signature(ctx: TemplateContext): Block {
	const { unit } = ctx.dossier;
	const recipients = [ctx.L.asAbove];
	if (unit.governing_body) recipients.push(`${unit.governing_body};`);
	recipients.push(ctx.L.archive);
	return {
		kind: 'signature',
		recipients_label: ctx.L.recipients,
		recipients,
		...(unit.signer?.authority ? { authority: upper(unit.signer.authority) } : {}),
		title: upper(unit.signer?.title ?? ctx.L.signerDefault),
		...(ctx.copy === 'draft' ? { note: ctx.L.signNote } : {}),
		name: unit.signer?.name ?? ctx.L.dots
	};
}

export function levelLine(ctx: TemplateContext, l: Level | null): string {
	return l === null ? ctx.L.undetermined : ctx.L.Level(l);
}

/** Computed, proposed and approved level side by side (they are different values). */
export function levelFields(ctx: TemplateContext): Extract<Block, { kind: 'fields' }> {
	const { result, approved } = ctx.dossier;
	return {
		kind: 'fields',
		rows: [
			[ctx.L.computed, levelLine(ctx, result.computed_level)],
			[ctx.L.proposed, ctx.L.Level(result.proposed_level)],
			[ctx.L.approvedLevel, approved ? ctx.L.approvedYes : ctx.L.notApproved]
		]
	};
}

/** The rule set's warning when its legal source has not been checked against the Gazette. */
export function sourceNotice(ctx: TemplateContext): Block[] {
	const s = ctx.ruleset.data.source_status;
	return s.status === 'unverified'
		? [{ kind: 'notice', title: ctx.L.unverified, text: s.note[ctx.lang] }]
		: [];
}

/** The rule set's notices that hold for this system (e.g. Nghị định 331 Điều 10 khoản 2 điểm a). */
export function ruleNotices(ctx: TemplateContext): Block[] {
	return (ctx.dossier.result.notices ?? []).flatMap((n) => {
		const def = ctx.ruleset.data.notices?.find((x) => x.id === n.id);
		return def
			? [
					{
						kind: 'notice' as const,
						title: ctx.L.ruleNotice,
						text: `${def.message[ctx.lang]} (${cite(ctx, def.citation)})`
					}
				]
			: [];
	});
}

/**
 * The dossier proper, shared by every regime: title, source warning, the level block, then the rule
 * set's `dossier.contents` that apply to the level, each rendered by the template's section table.
 */
export function dossierBody<C extends TemplateContext>(
	ctx: C,
	levelBlock: Block,
	sections: Record<string, (ctx: C, s: Section) => Block[]>
): Block[] {
	const l = level(ctx);
	const body: Block[] = [
		{
			kind: 'title',
			text: ctx.L.dossierTitle,
			sub: `${ctx.dossier.system.name}\n${ctx.L.dossierSub(ctx.dossier.unit.name, ctx.dossier.document.number)}`
		},
		...sourceNotice(ctx),
		...ruleNotices(ctx),
		levelBlock
	];
	(ctx.ruleset.data.dossier?.contents ?? [])
		.filter((s) => applies(s, l))
		.forEach((s, i) => {
			body.push(sectionHeading(ctx, i + 1, s));
			body.push(...(sections[s.id]?.(ctx, s) ?? []));
		});
	return body;
}

export function sectionHeading(ctx: TemplateContext, i: number, s: Section): Block {
	return {
		kind: 'heading',
		level: 1,
		text: ctx.L.part(i, s.title[ctx.lang]),
		cite: cite(ctx, s.citation)
	};
}

const declared = (ctx: TemplateContext, v: string | undefined): Run =>
	v ? run(v) : run(ctx.L.notDeclared, { italic: true });

export function overview(ctx: TemplateContext): Block[] {
	const s = ctx.dossier.system;
	return [
		{
			kind: 'fields',
			rows: [
				[ctx.L.systemName, s.name],
				[ctx.L.owner, s.owner ?? ctx.L.notDeclared],
				[ctx.L.operator, s.operator ?? ctx.L.notDeclared],
				[ctx.L.stage, s.stage ? ctx.L.stageLabel[s.stage] : ctx.L.notDeclared]
			]
		},
		{ kind: 'para', indent: true, runs: [declared(ctx, s.description)] }
	];
}

export function design(ctx: TemplateContext, section: Section): Block[] {
	const s = ctx.dossier.system;
	const out: Block[] = [];
	if (s.stage)
		out.push({
			kind: 'fields',
			rows: [
				[ctx.L.stage, ctx.L.stageLabel[s.stage]],
				[ctx.L.requiredDoc, ctx.L.designDoc[s.stage]]
			]
		});
	else if (section.help)
		out.push({ kind: 'para', indent: true, runs: [run(section.help[ctx.lang], { italic: true })] });
	out.push({
		kind: 'para',
		indent: true,
		runs: [run(`${ctx.L.attachedDocs}: `, { bold: true }), declared(ctx, s.design_documents)]
	});
	return out;
}

export function formatFact(ctx: TemplateContext, def: FactDef, v: FactValue): string {
	const label = (x: string) => ('labels' in def && def.labels?.[x]?.[ctx.lang]) || x;
	if (Array.isArray(v)) return v.map(label).join('; ');
	if (typeof v === 'boolean') return v ? ctx.L.yes : ctx.L.no;
	// A number asked with radios (a level, a service level) is written as the option the unit chose.
	if (typeof v === 'number')
		return (
			('labels' in def && def.labels?.[String(v)]?.[ctx.lang]) ||
			v.toLocaleString(ctx.lang === 'vi' ? 'vi-VN' : 'en-GB')
		);
	return label(v);
}

/** Each criterion quoted with its citation and level. */
export function criterionQuotes(ctx: TemplateContext, ids: string[]): Block[] {
	return ids.flatMap((id) => {
		const c = ctx.ruleset.data.criteria.find((x) => x.id === id);
		if (!c) return [];
		return [
			{
				kind: 'quote' as const,
				text: c.text,
				cite: `${cite(ctx, c.citation)} — ${ctx.L.level(c.level)}`
			}
		];
	});
}

/** Thuyết minh đề xuất cấp độ: Circular 03/2017 Điều 7 steps 1–3, then the sections for 4–5. */
export function explanation(ctx: TemplateContext): Block[] {
	const { system } = ctx.dossier;
	const facts = ctx.ruleset.data.facts;
	const l = level(ctx);
	const out: Block[] = [];

	out.push({ kind: 'heading', level: 2, text: ctx.L.step1 });
	out.push({
		kind: 'fields',
		rows: [
			[ctx.L.systemName, system.name],
			[ctx.L.function, factText(ctx, 'function')],
			[ctx.L.owner, system.owner ?? ctx.L.notDeclared],
			[ctx.L.operator, system.operator ?? ctx.L.notDeclared],
			[
				ctx.L.components,
				system.components.length > 0
					? system.components.map((c) => c.name).join('; ')
					: ctx.L.notDeclared
			]
		]
	});

	out.push({ kind: 'heading', level: 2, text: ctx.L.step2 });
	const info = facts.information;
	out.push({
		kind: 'para',
		indent: true,
		runs: [
			run(`${ctx.L.informationTypes}: `, { bold: true }),
			run(factText(ctx, 'information')),
			...(info ? [run(` (${cite(ctx, info.citation)}).`, { italic: true })] : [])
		]
	});

	out.push({ kind: 'heading', level: 2, text: ctx.L.step3 });
	out.push(...firedCriteria(ctx), ...componentLevels(ctx), ...levelConclusion(ctx));

	const fired = firedInDossier(ctx);
	const extra = (ctx.ruleset.data.dossier?.explanation ?? []).filter((s) => applies(s, l, fired));
	if (extra.length > 0) {
		out.push({ kind: 'heading', level: 2, text: ctx.L.extraFor45 });
		for (const s of extra) out.push(...answer(ctx, s));
	}
	return out;
}

/** A declared system fact in words, or "chưa khai báo". */
export function factText(ctx: TemplateContext, name: string): string {
	const def = ctx.ruleset.data.facts[name];
	const v = ctx.dossier.system.facts[name];
	return def && v !== undefined ? formatFact(ctx, def, v) : ctx.L.notDeclared;
}

/** An explanation section: its title and citation, then the owner's answer or "chưa khai báo". */
export function answer(ctx: TemplateContext, s: Section): Block[] {
	return [
		{
			kind: 'para',
			indent: false,
			runs: [
				run(s.title[ctx.lang], { bold: true }),
				run(` (${cite(ctx, s.citation)})`, { italic: true })
			]
		},
		{ kind: 'para', indent: true, runs: [declared(ctx, ctx.dossier.system.explanation?.[s.id])] }
	];
}

/** The criteria the system itself meets, quoted and cited. */
export function firedCriteria(ctx: TemplateContext): Block[] {
	const fired = ctx.dossier.result.system.criteria.map((c) => c.id);
	return [
		para(fired.length > 0 ? ctx.L.firedIntro : ctx.L.noneFired),
		...criterionQuotes(ctx, fired)
	];
}

/** Components: their levels and criteria, then the maximum rule and the level it gives. */
export function componentLevels(ctx: TemplateContext): Block[] {
	const { result } = ctx.dossier;
	if (result.components.length === 0) return [];
	const out: Block[] = [
		{
			kind: 'table',
			columns: [
				{ title: ctx.L.componentTable[0]!, width: 0.38 },
				{ title: ctx.L.componentTable[1]!, width: 0.14 },
				{ title: ctx.L.componentTable[2]!, width: 0.48 }
			],
			rows: result.components.map((p) => ({
				cells: [
					[run(p.name)],
					[run(p.level === null ? ctx.L.undetermined : ctx.L.Level(p.level))],
					[run(p.criteria.map((c) => citeById(ctx, c.id)).join('; ') || '—')]
				]
			}))
		}
	];
	for (const p of result.components)
		if (p.criteria.length > 0) {
			out.push(para(`${p.name}:`, { indent: false, runs: [run(`${p.name}:`, { bold: true })] }));
			out.push(
				...criterionQuotes(
					ctx,
					p.criteria.map((c) => c.id)
				)
			);
		}
	out.push({
		kind: 'quote',
		text: ctx.ruleset.data.components_rule.text,
		cite: cite(ctx, ctx.ruleset.data.components_rule.citation)
	});
	// Where the rule is a reading of the text rather than its words (Nghị định 331/2026).
	const note = ctx.ruleset.data.components_rule.note;
	if (note) out.push(para(note[ctx.lang]));
	out.push(para(ctx.L.maxRule(levelLine(ctx, result.computed_level).toLocaleLowerCase())));
	return out;
}

/**
 * Why not higher, the undetermined rule when nothing matched, the levels (`fields`), the owner's
 * justification and the designations reported beside the level.
 */
export function levelConclusion(ctx: TemplateContext, fields: Block = levelFields(ctx)): Block[] {
	const { system, result } = ctx.dossier;
	const out: Block[] = [];
	const notMet = higherNotMet(ctx);
	if (notMet.length > 0)
		out.push({
			kind: 'para',
			indent: true,
			size: 11,
			runs: [run(`${ctx.L.notMet}: `, { italic: true }), run(notMet.join('; ') + '.')]
		});
	// The rule set's own words, not the law's: said plainly, never quoted as legal text.
	if (result.computed_level === null)
		out.push({
			kind: 'para',
			indent: true,
			runs: [
				run(ctx.ruleset.data.undetermined.message[ctx.lang]),
				run(` (${cite(ctx, ctx.proposeDuty ?? ctx.ruleset.data.undetermined.citation)}).`, {
					italic: true
				})
			]
		});
	out.push(fields);
	if (system.proposal?.justification)
		out.push({
			kind: 'para',
			indent: true,
			runs: [run(`${ctx.L.proposalReason}: `, { bold: true }), run(system.proposal.justification)]
		});
	for (const d of result.designations) {
		const def = ctx.ruleset.data.designations?.find((x) => x.id === d.id);
		if (def)
			out.push({
				kind: 'quote',
				text: def.text,
				cite: `${cite(ctx, def.citation)} — ${def.label[ctx.lang]}`
			});
	}
	return out;
}

export function citeById(ctx: TemplateContext, id: string): string {
	const c = ctx.ruleset.data.criteria.find((x) => x.id === id);
	return c ? cite(ctx, c.citation) : id;
}

/** Criteria above the computed level that did not fire, so an appraiser sees why not higher. */
function higherNotMet(ctx: TemplateContext): string[] {
	const floor = ctx.dossier.result.computed_level ?? 0;
	const firedAnywhere = firedInDossier(ctx);
	return [
		...new Set(
			ctx.ruleset.data.criteria
				.filter((c) => c.level > floor && !firedAnywhere.has(c.id))
				.map((c) => cite(ctx, c.citation))
		)
	];
}

const para = (text: string, opts: Partial<Extract<Block, { kind: 'para' }>> = {}): Block => ({
	kind: 'para',
	indent: true,
	runs: [run(text)],
	...opts
});

/** Phương án bảo đảm an toàn: the Điều 19 items, then the baseline requirements as a checklist. */
export function plan(ctx: TemplateContext): Block[] {
	const l = level(ctx);
	const planned = ctx.dossier.system.plan ?? {};
	const status = (id: string): Run => {
		const s = planned[id];
		return run(ctx.L.status(s), s ? {} : { italic: true });
	};
	const out: Block[] = [];
	const sections = (ctx.ruleset.data.dossier?.plan ?? []).filter((s) => applies(s, l));
	const columns = ctx.L.baselineTable.map((title, i) => ({ title, width: [0.4, 0.32, 0.28][i]! }));
	if (sections.length > 0) {
		out.push({ kind: 'heading', level: 2, text: ctx.L.planSections });
		out.push({
			kind: 'table',
			columns,
			rows: sections.map((s) => ({
				cells: [
					[run(`${s.citation.point ? `${s.citation.point}) ` : ''}${s.title[ctx.lang]}`)],
					[run(cite(ctx, s.citation))],
					[status(s.id)]
				]
			}))
		});
	}
	const req = ctx.ruleset.data.requirements;
	if (req) {
		const inScope = (levels: Level[] | undefined) =>
			!levels || (req.cumulative ? levels.some((x) => x <= l) : levels.includes(l));
		out.push({ kind: 'heading', level: 2, text: ctx.L.baseline(ctx.L.level(l)) });
		if (req.note)
			out.push({
				kind: 'para',
				indent: true,
				size: 11,
				runs: [run(req.note[ctx.lang], { italic: true })]
			});
		const rows: TableRow[] = [];
		for (const g of req.groups.filter((g) => inScope(g.levels))) {
			const items = (g.items ?? []).filter((i) => inScope(i.levels));
			if (items.length === 0) {
				rows.push({
					cells: [[run(g.title[ctx.lang])], [run(cite(ctx, g.citation))], [status(g.id)]]
				});
				continue;
			}
			rows.push({ group: g.title[ctx.lang] });
			for (const i of items)
				rows.push({
					cells: [
						[run((ctx.lang === 'en' && i.text_en) || i.text)],
						[run(`${cite(ctx, i.citation)}${i.tcvn ? `; TCVN 11930:2017 ${i.tcvn}` : ''}`)],
						[status(i.id)]
					]
				});
		}
		out.push({ kind: 'table', columns, rows });
	}
	return out;
}

export function opinion(ctx: TemplateContext): Block[] {
	const o = ctx.dossier.system.specialist_opinion;
	return [
		{
			kind: 'para',
			indent: true,
			runs: [o ? run(o) : run(ctx.L.opinionMissing, { italic: true })]
		}
	];
}

/** All declared facts with their questions and citations, so the result can be re-checked. */
export function factsAnnex(ctx: TemplateContext): Block[] {
	const defs = ctx.ruleset.data.facts;
	const rowsFor = (facts: Record<string, FactValue>): TableRow[] =>
		Object.entries(facts)
			.filter(([k]) => defs[k])
			.map(([k, v]) => ({
				cells: [
					[run(defs[k]!.question[ctx.lang])],
					[run(formatFact(ctx, defs[k]!, v))],
					[run(cite(ctx, defs[k]!.citation))]
				]
			}));
	const columns = [
		{ title: ctx.L.factsTable[0]!, width: 0.5 },
		{ title: ctx.L.factsTable[1]!, width: 0.22 },
		{ title: ctx.L.factsTable[2]!, width: 0.28 }
	];
	const { system } = ctx.dossier;
	const rows: TableRow[] = [{ group: system.name }, ...rowsFor(system.facts)];
	for (const c of system.components) rows.push({ group: c.name }, ...rowsFor(c.facts));
	return [
		{ kind: 'heading', level: 1, text: ctx.L.facts },
		{ kind: 'table', columns, rows }
	];
}

/** Who appraises and approves, in how long, how many copies go where (Điều 12, 16, 17; TT 14). */
export function procedureAnnex(ctx: TemplateContext): Block[] {
	const p = ctx.procedure;
	const rows: [string, string][] = [
		[ctx.L.appraiser, `${p.appraiser} (${p.authority_citation})`],
		[ctx.L.approver, `${p.approver} (${p.authority_citation})`]
	];
	if (p.prior_opinion) rows.push([ctx.L.priorOpinion, p.prior_opinion]);
	rows.push([
		ctx.L.appraisalTime,
		p.appraisal_deadline
			? `${ctx.L.days(p.appraisal_deadline.days, p.appraisal_deadline.working_days)} (${p.appraisal_deadline.citation})`
			: ctx.L.noDeadline
	]);
	rows.push([
		ctx.L.approvalTime,
		p.approval_deadline
			? `${ctx.L.days(p.approval_deadline.days, p.approval_deadline.working_days)} (${p.approval_deadline.citation})`
			: ctx.L.noDeadline
	]);
	if (p.submission)
		rows.push([
			ctx.L.submission,
			`${ctx.L.copies(p.submission.originals, p.submission.copies, p.submission.recipient)} (${p.submission.citation})`
		]);
	return [
		{ kind: 'heading', level: 1, text: ctx.L.annex },
		{ kind: 'fields', rows }
	];
}

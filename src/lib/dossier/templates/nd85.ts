// Decree 85/2016/NĐ-CP dossier: a cover letter (công văn đề nghị thẩm định) in the Decree 30/2020
// layout, then the Điều 15 items in the rule set's order, then the facts and the procedure annex.
import { run, type Block } from '../../paper/blocks';
import {
	dossierBody,
	addresseeOn,
	renamedNotice,
	applies,
	cite,
	design,
	explanation,
	factsAnnex,
	letterhead,
	level,
	levelFields,
	opinion,
	overview,
	plan,
	procedureAnnex,
	pursuant,
	signature,
	type Template,
	type TemplateContext
} from './parts';

/** Section renderers by the rule set's dossier.contents ids. */
const SECTIONS: Record<string, (ctx: TemplateContext, s: Parameters<typeof design>[1]) => Block[]> =
	{
		overview: (ctx) => overview(ctx),
		design,
		explanation: (ctx) => explanation(ctx),
		plan: (ctx) => plan(ctx),
		'specialist-opinion': (ctx) => opinion(ctx)
	};

export function coverLetter(ctx: TemplateContext): Block[] {
	const { L, dossier } = ctx;
	const l = level(ctx);
	const contents = (ctx.ruleset.data.dossier?.contents ?? []).filter((s) => applies(s, l));
	const toOn = addresseeOn(ctx);
	const to = toOn.name;
	// Điều 12 khoản 1: at levels 1–2 the specialized unit appraises and approves.
	const approve = l <= 2;
	const contact = dossier.unit.contact;
	const contactText = [contact.name, contact.title, contact.phone, contact.email]
		.filter(Boolean)
		.join(', ');
	return [
		letterhead(ctx, L.subject(dossier.system.name, approve)),
		{ kind: 'addressee', label: L.to, lines: [to] },
		...renamedNotice(ctx, toOn),
		...pursuant(ctx),
		{
			kind: 'para',
			indent: true,
			runs: [run(L.request(dossier.unit.name, to, L.level(l), approve))]
		},
		{
			kind: 'fields',
			rows: [
				[L.systemName, dossier.system.name],
				[L.owner, dossier.system.owner ?? L.notDeclared],
				[L.operator, dossier.system.operator ?? L.notDeclared],
				[L.proposed, L.Level(l)]
			]
		},
		{ kind: 'para', indent: true, runs: [run(`${L.attached}:`, { bold: true })] },
		{
			kind: 'list',
			marker: 'number',
			items: contents.map((s) => [
				run(
					s.id === 'design' && dossier.system.stage
						? `${s.title[ctx.lang]}: ${lowerFirst(L.designDoc[dossier.system.stage])} `
						: `${s.title[ctx.lang]} `
				),
				run(`(${cite(ctx, s.citation)})`, { italic: true })
			])
		},
		{ kind: 'para', indent: true, runs: [run(L.closing(dossier.unit.name, approve))] },
		...(contactText
			? [{ kind: 'para' as const, indent: true, runs: [run(`${L.contact}: `), run(contactText)] }]
			: []),
		signature(ctx)
	];
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** Where Decree 85 puts the operator's duty to draw up the dossier and propose the level. */
const PROPOSE_DUTY = { source: 'nd85', article: 14, clause: 1, point: 'a' };

export const nd85: Template = (base) => {
	const ctx = { ...base, proposeDuty: PROPOSE_DUTY };
	const body = dossierBody(ctx, levelFields(ctx), SECTIONS);
	return {
		letters: [{ id: 'cover-letter', blocks: coverLetter(ctx) }],
		dossier: [...body, { kind: 'page_break' }, ...factsAnnex(ctx), ...procedureAnnex(ctx)]
	};
};

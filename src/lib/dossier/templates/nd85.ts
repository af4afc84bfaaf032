// Decree 85/2016/NĐ-CP dossier: a cover letter (công văn đề nghị thẩm định) in the Decree 30/2020
// layout, then the Điều 15 items in the rule set's order, then the facts and the procedure annex.
import { run, type Block } from '../../paper/blocks';
import {
	dossierBody,
	addressee,
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
	const to = addressee(ctx);
	const contact = dossier.unit.contact;
	const contactText = [contact.name, contact.title, contact.phone, contact.email]
		.filter(Boolean)
		.join(', ');
	return [
		letterhead(ctx, L.subject(dossier.system.name)),
		{ kind: 'addressee', label: L.to, lines: [to] },
		...pursuant(ctx),
		{
			kind: 'para',
			indent: true,
			runs: [run(L.request(dossier.unit.name, to, L.level(l)))]
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
				run(`${s.title[ctx.lang]} `),
				run(`(${cite(ctx, s.citation)})`, { italic: true })
			])
		},
		{ kind: 'para', indent: true, runs: [run(L.closing(dossier.unit.name))] },
		...(contactText
			? [{ kind: 'para' as const, indent: true, runs: [run(`${L.contact}: `), run(contactText)] }]
			: []),
		signature(ctx)
	];
}

export const nd85: Template = (ctx) => {
	const body = dossierBody(ctx, levelFields(ctx), SECTIONS);
	return {
		letters: [{ id: 'cover-letter', blocks: coverLetter(ctx) }],
		dossier: [...body, { kind: 'page_break' }, ...factsAnnex(ctx), ...procedureAnnex(ctx)]
	};
};

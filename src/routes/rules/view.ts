// What the rule browser shows of a rule set, as plain data in one language: citations rendered,
// conditions written with question and answer labels, and the golden cases behind each criterion.
import { factDef } from '$lib/rules/fact-def';
import {
	formatCitation,
	formatCondition,
	LEVELS,
	type Condition,
	type FactDef,
	type Lang,
	type RuleSet
} from '$lib/rules';

export interface RuleSetSummary {
	ref: string;
	id: string;
	version: string;
	title: string;
	effective_from: string;
	effective_to?: string;
	/** The end follows from the next version's start (not written in the version). */
	end_derived: boolean;
	withdrawn?: { reason: string; at: string };
	verified: boolean;
	status_note: string;
	published: boolean;
	/** Added from the maintainer workspace (not shipped in rulesets/). */
	from_db: boolean;
}

export function summaryOf(
	rs: RuleSet,
	lang: Lang,
	published: ReadonlySet<string>,
	fromDb: ReadonlySet<string>
): RuleSetSummary {
	const d = rs.data;
	return {
		ref: rs.ref,
		id: d.id,
		version: d.version,
		title: d.title[lang],
		effective_from: d.effective_from,
		effective_to: d.effective_to,
		end_derived: !!rs.endDerived,
		withdrawn: rs.withdrawn,
		verified: d.source_status.status === 'verified',
		status_note: d.source_status.note[lang],
		published: published.has(rs.ref),
		from_db: fromDb.has(rs.ref)
	};
}

const OPS: Record<Lang, Record<string, string>> = {
	vi: {
		eq: 'là',
		ne: 'không là',
		in: 'là một trong',
		lt: '<',
		lte: '≤',
		gt: '>',
		gte: '≥',
		contains: 'có',
		contains_any: 'có ít nhất một trong',
		only: 'chỉ gồm'
	},
	en: {
		eq: 'is',
		ne: 'is not',
		in: 'is one of',
		lt: '<',
		lte: '≤',
		gt: '>',
		gte: '≥',
		contains: 'includes',
		contains_any: 'includes any of',
		only: 'includes only'
	}
};
const JOIN: Record<Lang, { all: string; any: string; not: string; yes: string; no: string }> = {
	vi: { all: ' và ', any: ' hoặc ', not: 'không phải: ', yes: 'có', no: 'không' },
	en: { all: ' and ', any: ' or ', not: 'not: ', yes: 'yes', no: 'no' }
};

/** "information có ít nhất một trong [Thông tin riêng, Thông tin cá nhân] và …" */
export function readableCondition(
	c: Condition,
	facts: Record<string, FactDef>,
	lang: Lang
): string {
	const j = JOIN[lang];
	const wrap = (parts: Condition[], sep: string) =>
		parts.length === 1
			? readableCondition(parts[0]!, facts, lang)
			: `(${parts.map((p) => readableCondition(p, facts, lang)).join(sep)})`;
	if ('all' in c) return wrap(c.all, j.all);
	if ('any' in c) return wrap(c.any, j.any);
	if ('not' in c) return `${j.not}${readableCondition(c.not, facts, lang)}`;
	const [op, arg] = Object.entries(c).find(([k]) => k !== 'fact')!;
	const def = facts[c.fact] as { labels?: Record<string, { vi: string; en: string }> } | undefined;
	const label = (v: unknown) =>
		typeof v === 'boolean' ? (v ? j.yes : j.no) : (def?.labels?.[String(v)]?.[lang] ?? String(v));
	const value = Array.isArray(arg) ? `[${arg.map(label).join('; ')}]` : label(arg);
	return `${c.fact} ${OPS[lang][op] ?? op} ${value}`;
}

export function ruleSetView(rs: RuleSet, lang: Lang) {
	const d = rs.data;
	const cite = (c: Parameters<typeof formatCitation>[0]) => formatCitation(c, d.sources, lang);
	const question = (name: string) => factDef(rs, name)?.question[lang] ?? name;
	const tests = d.tests ?? [];
	const criteria = rs.compiled.map(({ criterion: c, facts }) => ({
		id: c.id,
		level: c.level,
		citation: cite(c.citation),
		text: c.text,
		note: c.note?.[lang],
		condition: readableCondition(c.when, d.facts, lang),
		formula: formatCondition(c.when),
		facts: facts.map((name) => ({ name, question: question(name) })),
		tests: tests
			.filter((t) => t.expect.criteria.includes(c.id))
			.map((t) => ({ name: t.name, level: t.expect.level }))
	}));
	const facts = rs.factList.map(({ name, def }) => ({
		name,
		question: def.question[lang],
		help: def.help?.[lang],
		type: def.type,
		values:
			'values' in def
				? def.values.map((v) => ({
						value: v,
						label: (def.labels as Record<string, { vi: string; en: string }> | undefined)?.[v]?.[
							lang
						]
					}))
				: undefined,
		applies_when: def.applies_when ? readableCondition(def.applies_when, d.facts, lang) : undefined,
		citation: cite(def.citation),
		guidance: def.guidance && cite(def.guidance),
		used_by: rs.compiled.filter((c) => c.facts.includes(name)).map((c) => c.criterion.id)
	}));
	const p = d.procedure;
	const procedure = {
		authority: p.authority.map((a) => ({
			levels: a.levels,
			appraiser: a.appraiser[lang],
			approver: a.approver[lang],
			prior_opinion: a.prior_opinion?.[lang],
			citation: cite(a.citation)
		})),
		deadlines: [
			...(p.appraisal_deadline ?? []).map((x) => ({ kind: 'appraisal' as const, ...x })),
			...(p.approval_deadline ?? []).map((x) => ({ kind: 'approval' as const, ...x }))
		].map((x) => ({
			kind: x.kind,
			levels: x.levels,
			days: x.days,
			working_days: x.working_days,
			citation: cite(x.citation)
		}))
	};
	const items = (d.requirements?.groups ?? []).flatMap((g) =>
		(g.items ?? []).map((it) => it.levels ?? g.levels ?? [])
	);
	const requirements = d.requirements
		? {
				cumulative: !!d.requirements.cumulative,
				note: d.requirements.note?.[lang],
				groups: d.requirements.groups.length,
				perLevel: LEVELS.map((level) => ({
					level,
					count: items.filter((levels) => levels.includes(level)).length
				}))
			}
		: undefined;
	const transition = (d.transition ?? []).map((t) => ({
		id: t.id,
		text: t.text,
		summary: t.summary?.[lang],
		deadline: t.deadline,
		months: t.months,
		citation: cite(t.citation)
	}));
	return {
		ref: rs.ref,
		hash: rs.hash,
		extends: d.extends,
		title: d.title[lang],
		effective_from: d.effective_from,
		effective_to: d.effective_to,
		end_derived: !!rs.endDerived,
		withdrawn: rs.withdrawn,
		verified: d.source_status.status === 'verified',
		status_note: d.source_status.note[lang],
		sources: d.sources.map((s) => ({
			id: s.id,
			name: `${s.type[lang]} ${s.number}`,
			date: s.date,
			issuer: s.issuer,
			title: s.title
		})),
		undetermined: {
			message: d.undetermined.message[lang],
			citation: cite(d.undetermined.citation)
		},
		criteria,
		facts,
		procedure,
		requirements,
		transition,
		tests: tests.length
	};
}
export type RuleSetView = ReturnType<typeof ruleSetView>;

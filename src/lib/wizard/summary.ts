// A system's answers as people read them: each question's text and each answer's label in the
// chosen language, components nested under their system (as the check-answers page shows them),
// and the differences between two revisions said the same way. Pure: rule set + record in, words out.
import type { ComponentRecord, SystemRecord } from '../model/inventory';
import type { FactDef, FactValue, RuleSet } from '../rules/types';
import type { T } from '../i18n';
import { applicableFacts } from './facts';
import { answerText, cite, questionText } from './view';

export interface AnswerRow {
	question: string;
	answer: string;
}
export interface AnswerPart {
	title: string;
	rows: AnswerRow[];
	components: AnswerPart[];
}

/** A component may hold components of its own (Điều 5 khoản 2: the maximum over all of them). */
type Part = Pick<ComponentRecord, 'name' | 'facts'> & { components?: Part[] };

function part(rs: RuleSet, p: Part, title: string, t: T): AnswerPart {
	return {
		title,
		rows: applicableFacts(rs, p.facts).map((f) => ({
			question: questionText(rs, f, t),
			answer: answerText(rs.data.facts[f]!, p.facts[f], t)
		})),
		components: (p.components ?? []).map((c) =>
			part(rs, c, t('check.component', { name: c.name }), t)
		)
	};
}

/** The system's answers and its components', nested. */
export const answerTree = (rs: RuleSet, record: SystemRecord, t: T): AnswerPart =>
	part(rs, record, t('check.system', { name: record.name }), t);

/** The answers to the rule set's routing questions (defaults shown where none was given). */
export function routingRows(rs: RuleSet, record: SystemRecord, t: T): AnswerRow[] {
	return Object.entries(rs.data.procedure.routing?.facts ?? {}).map(([name, def]) => ({
		question: `${t.pick(def.question)} (${cite(rs, def.citation, t)})`,
		answer: answerText(def, record.routing?.[name] ?? (def.default as FactValue), t)
	}));
}

export interface ChangeRow {
	what: string;
	before: string;
	after: string;
}

/** What differs between two revisions' answers (Điều 18: re-determination), in words. */
export function describeChanges(
	rs: RuleSet,
	before: SystemRecord,
	after: SystemRecord,
	t: T
): ChangeRow[] {
	const out: ChangeRow[] = [];
	const none = t('common.notProvided');
	const facts = (prefix: string, a: Part['facts'], b: Part['facts']) => {
		for (const name of Object.keys(rs.data.facts)) {
			if (same(a[name], b[name])) continue;
			const def = rs.data.facts[name]!;
			out.push({
				what: prefix + questionText(rs, name, t),
				before: answerText(def, a[name], t),
				after: answerText(def, b[name], t)
			});
		}
	};
	if (before.name !== after.name)
		out.push({ what: t('systems.name'), before: before.name, after: after.name });
	for (const key of ['description', 'owner', 'operator'] as const)
		if ((before[key] ?? '') !== (after[key] ?? ''))
			out.push({
				what: t(`system.${key}`),
				before: before[key] || none,
				after: after[key] || none
			});
	facts('', before.facts ?? {}, after.facts ?? {});
	const walk = (a: Part[] = [], b: Part[] = [], path: string) => {
		const key = (c: Part) => (c as Partial<ComponentRecord>).id ?? c.name;
		const prev = new Map(a.map((c) => [key(c), c]));
		const next = new Map(b.map((c) => [key(c), c]));
		for (const [k, c] of next) {
			const old = prev.get(k);
			const label = t('check.component', { name: path + c.name });
			if (!old) out.push({ what: label, before: none, after: t('common.added') });
			else {
				if (old.name !== c.name) out.push({ what: label, before: old.name, after: c.name });
				facts(`${label}: `, old.facts, c.facts);
				walk(old.components, c.components, `${path}${c.name} › `);
			}
		}
		for (const [k, c] of prev)
			if (!next.has(k))
				out.push({
					what: t('check.component', { name: path + c.name }),
					before: c.name,
					after: t('common.removed')
				});
	};
	walk(before.components, after.components, '');
	for (const [name, def] of Object.entries(rs.data.procedure.routing?.facts ?? {})) {
		const a = before.routing?.[name] ?? (def.default as FactValue);
		const b = after.routing?.[name] ?? (def.default as FactValue);
		if (!same(a, b))
			out.push({
				what: t.pick(def.question),
				before: answerText(def as FactDef, a, t),
				after: answerText(def as FactDef, b, t)
			});
	}
	if (before.stage !== after.stage)
		out.push({
			what: t('system.stage'),
			before: before.stage ? t(`system.stage.${before.stage}`) : none,
			after: after.stage ? t(`system.stage.${after.stage}`) : none
		});
	if (!same(before.proposal, after.proposal)) {
		const show = (p: SystemRecord['proposal']) =>
			p ? `${t('common.level', { level: p.level })} — ${p.justification}` : none;
		out.push({
			what: t('result.proposedLevel'),
			before: show(before.proposal),
			after: show(after.proposal)
		});
	}
	if ((before.ruleset ?? '') !== (after.ruleset ?? ''))
		out.push({
			what: t('common.ruleset'),
			before: before.ruleset ?? none,
			after: after.ruleset ?? none
		});
	return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const sorted = (v: unknown) => (Array.isArray(v) ? [...v].map(String).sort() : (v ?? null));

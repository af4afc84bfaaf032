// View helpers: turn rule-set data and stored answers into the words a page shows.
import { factDef } from '../rules/fact-def';
import { formatCitation, regimeName } from '../rules/citation';
import { formatDate } from '../i18n/dates';
import type { FactDef, FactValue, RuleSet } from '../rules/types';
import type { T } from '../i18n';
import { pageKind, ticked } from './answers';
import type { Answers } from './facts';
import type { Page } from './pages';

export interface Option {
	value: string;
	label: string;
	hint?: string;
}

/**
 * The options of a choice question, labelled from the rule set (Có/Không for booleans, the
 * labels of an integer asked with radios), each with its own hint where the rule set gives one.
 */
export function optionsFor(def: FactDef, t: T): Option[] {
	const hint = (v: string) => (def.hints?.[v] ? { hint: def.hints[v][t.lang] } : {});
	const labels = (def as { labels?: Record<string, { vi: string; en: string }> }).labels;
	const label = (v: string) => labels?.[v]?.[t.lang] ?? v;
	if (def.type === 'boolean')
		return [
			{ value: 'true', label: t('common.yes'), ...hint('true') },
			{ value: 'false', label: t('common.no'), ...hint('false') }
		];
	if (def.type === 'enum' || def.type === 'set')
		return def.values.map((v) => ({ value: v, label: label(v), ...hint(v) }));
	if (def.type === 'integer' && def.labels && def.min !== undefined && def.max !== undefined)
		return Array.from({ length: def.max - def.min + 1 }, (_, i) => String(def.min! + i)).map(
			(v) => ({ value: v, label: label(v), ...hint(v) })
		);
	return [];
}

/** A fact asked with options (radios or checkboxes) rather than typed in. */
export const hasOptions = (def: FactDef) => def.type !== 'integer' || !!def.labels;

export function answerText(def: FactDef, value: FactValue | undefined, t: T): string {
	if (value === undefined) return t('common.notProvided');
	if (def.type === 'integer' && typeof value === 'number' && !def.labels)
		return value.toLocaleString(t.lang === 'vi' ? 'vi-VN' : 'en-GB');
	const labels = new Map(optionsFor(def, t).map((o) => [o.value, o.label]));
	const list = Array.isArray(value) ? value : [String(value)];
	return list.map((v) => labels.get(v) ?? v).join(', ');
}

export const cite = (rs: RuleSet, c: Parameters<typeof formatCitation>[0], t: T) =>
	formatCitation(c, rs.data.sources, t.lang);

export const questionText = (rs: RuleSet, fact: string, t: T) =>
	factDef(rs, fact)?.question[t.lang] ?? fact;

/** A page's heading: its fact's question, or its group's (a lone yes/no fact keeps its own). */
export function pageTitle(rs: RuleSet, page: Page, shown: string[], t: T): string {
	const g = pageKind(rs, page, shown) === 'single' ? undefined : rs.data.groups?.[page.group!];
	return (g ?? rs.data.facts[shown[0] ?? page.facts[0]!]!).question[t.lang];
}

/** A page's answer in words: a fact's answer, or the group's ticked options (or "None of these"). */
export function pageAnswer(rs: RuleSet, page: Page, shown: string[], facts: Answers, t: T): string {
	const kind = pageKind(rs, page, shown);
	if (kind === 'single') {
		const n = shown[0] ?? page.facts[0]!;
		return answerText(rs.data.facts[n]!, facts[n], t);
	}
	if (kind === 'questions')
		return shown
			.map((n) => `${questionText(rs, n, t)} ${answerText(rs.data.facts[n]!, facts[n], t)}`)
			.join('; ');
	if (shown.some((n) => facts[n] === undefined)) return t('common.notProvided');
	const on = shown.filter((n) => ticked(rs.data.facts[n]!, facts[n]));
	if (on.length === 0) return t('question.none');
	return on
		.map((n) => {
			const d = rs.data.facts[n]!;
			const s = t.pick(d.statement);
			return d.type === 'boolean' ? s : `${s}: ${answerText(d, facts[n], t)}`;
		})
		.join('; ');
}

/** A regime by name (never its id); a second version of the same regime also says from when. */
export function regimeLabel(rulesets: readonly RuleSet[], ref: string | undefined, t: T): string {
	const rs = rulesets.find((r) => r.ref === ref);
	if (!rs) return t('common.unknownRegime');
	const name = regimeName(rs.data, t.lang);
	const twin = rulesets.some((r) => r !== rs && regimeName(r.data, t.lang) === name);
	return twin
		? `${name} (${t('system.rulesetSince', { from: formatDate(rs.data.effective_from) })})`
		: name;
}

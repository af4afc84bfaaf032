// View helpers: turn rule-set data and stored answers into the words a page shows.
import { factDef } from '../rules/fact-def';
import { formatCitation } from '../rules/citation';
import type { FactDef, FactValue, RuleSet } from '../rules/types';
import type { T } from '../i18n';

/** The options of a choice question, labelled from the rule set (Có/Không for booleans). */
export function optionsFor(def: FactDef, t: T): { value: string; label: string }[] {
	if (def.type === 'boolean')
		return [
			{ value: 'true', label: t('common.yes') },
			{ value: 'false', label: t('common.no') }
		];
	if (def.type === 'enum' || def.type === 'set')
		return def.values.map((v) => ({ value: v, label: def.labels?.[v]?.[t.lang] ?? v }));
	return [];
}

export function answerText(def: FactDef, value: FactValue | undefined, t: T): string {
	if (value === undefined) return t('common.notProvided');
	if (def.type === 'integer' && typeof value === 'number')
		return value.toLocaleString(t.lang === 'vi' ? 'vi-VN' : 'en-GB');
	const labels = new Map(optionsFor(def, t).map((o) => [o.value, o.label]));
	const list = Array.isArray(value) ? value : [String(value)];
	return list.map((v) => labels.get(v) ?? v).join(', ');
}

export const cite = (rs: RuleSet, c: Parameters<typeof formatCitation>[0], t: T) =>
	formatCitation(c, rs.data.sources, t.lang);

export const questionText = (rs: RuleSet, fact: string, t: T) =>
	factDef(rs, fact)?.question[t.lang] ?? fact;

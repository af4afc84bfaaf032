// What changed between two revisions, in words: the question (not the fact's name), the answers
// as labelled, components by name, the regime by name, the proposal by level.
import type { SystemRecord } from '../model/inventory';
import type { FactValue, RuleSet } from '../rules/types';
import type { T } from '../i18n';
import { answerText, regimeLabel } from './view';

/** As workflow/diff.ts gives it: a path into the system record, the value before and after. */
export interface RecordChange {
	path: string;
	before: unknown;
	after: unknown;
}

export interface ChangeRow {
	label: string;
	before: string;
	after: string;
}

export function describeChanges(
	changes: readonly RecordChange[],
	ctx: { rs?: RuleSet; rulesets: readonly RuleSet[]; record: SystemRecord; t: T }
): ChangeRow[] {
	const { rs, rulesets, record, t } = ctx;
	const none = t('common.notProvided');
	const fact = (name: string, v: unknown) => {
		const def = rs?.data.facts[name];
		if (v === null || v === undefined) return none;
		return def ? answerText(def, v as FactValue, t) : t('history.otherValue');
	};
	const question = (name: string) =>
		rs?.data.facts[name]?.question[t.lang] ?? t('history.otherQuestion');
	const componentName = (id: string) =>
		record.components.find((c) => c.id === id)?.name ?? t('check.components');
	return changes.map((c): ChangeRow => {
		let m = /^facts\.(\w+)$/.exec(c.path);
		if (m)
			return { label: question(m[1]!), before: fact(m[1]!, c.before), after: fact(m[1]!, c.after) };
		m = /^components\[([^\]]+)\]\.facts\.(\w+)$/.exec(c.path);
		if (m)
			return {
				label: `${componentName(m[1]!)}: ${question(m[2]!)}`,
				before: fact(m[2]!, c.before),
				after: fact(m[2]!, c.after)
			};
		const text = (v: unknown) => (typeof v === 'string' && v ? v : none);
		if (/^components\[[^\]]+\](\.name)?$/.test(c.path))
			return { label: t('check.components'), before: text(c.before), after: text(c.after) };
		switch (c.path) {
			case 'name':
				return { label: t('systems.name'), before: text(c.before), after: text(c.after) };
			case 'ruleset': {
				const r = (v: unknown) => (typeof v === 'string' ? regimeLabel(rulesets, v, t) : none);
				return { label: t('system.ruleset'), before: r(c.before), after: r(c.after) };
			}
			case 'stage': {
				const s = (v: unknown) =>
					v === 'new_project' || v === 'in_operation' ? t(`system.stage.${v}`) : none;
				return { label: t('system.stage'), before: s(c.before), after: s(c.after) };
			}
			case 'proposal': {
				const p = (v: unknown) =>
					v && typeof v === 'object' && 'level' in v
						? t('common.level', { level: String((v as { level: number }).level) })
						: none;
				return { label: t('result.proposedLevel'), before: p(c.before), after: p(c.after) };
			}
			default:
				return { label: t('history.otherField'), before: '', after: '' };
		}
	});
}

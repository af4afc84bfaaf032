// Pure helpers over a rule set's facts: which questions apply, what is still to answer, which
// answers a change made inapplicable. Nothing here knows a fact by name: all comes from the data.
import type { FactValue, Facts, RuleSet } from '../rules/types';

export type Answers = Record<string, FactValue>;

/** Fact names in interview order (the order of `facts` in the rule set). */
export const factNames = (rs: RuleSet): string[] => Object.keys(rs.data.facts);

export const applies = (rs: RuleSet, facts: Answers, name: string): boolean =>
	rs.applies[name]?.(facts as Facts) ?? false;

/** The questions that apply given the answers so far (later answers may add more). */
export const applicableFacts = (rs: RuleSet, facts: Answers): string[] =>
	factNames(rs).filter((n) => applies(rs, facts, n));

/** Constraint messages that point at `name` and are violated by `facts`. */
export function constraintErrors(rs: RuleSet, facts: Answers, name: string) {
	return rs.constraints
		.filter((c) => c.constraint.field === name && c.when(facts as Facts) && !c.ok(facts as Facts))
		.map((c) => c.constraint.message);
}

/** An applicable fact with no answer, or whose answer breaks a constraint, must be (re)asked. */
export const needsAnswer = (rs: RuleSet, facts: Answers, name: string): boolean =>
	applies(rs, facts, name) &&
	(facts[name] === undefined || constraintErrors(rs, facts, name).length > 0);

/**
 * Drops answers that no longer apply. Applicability only looks at earlier facts (the loader
 * enforces it), so one pass in order settles it.
 */
export function prune(rs: RuleSet, facts: Answers): { facts: Answers; removed: string[] } {
	const kept: Answers = {};
	const removed: string[] = [];
	for (const name of factNames(rs)) {
		if (facts[name] === undefined) continue;
		if (applies(rs, kept, name)) kept[name] = facts[name];
		else removed.push(name);
	}
	for (const name of Object.keys(facts)) if (!(name in rs.data.facts)) removed.push(name);
	return { facts: kept, removed };
}

/** True when every applicable fact is answered and no constraint is broken. */
export const isComplete = (rs: RuleSet, facts: Answers): boolean =>
	factNames(rs).every((n) => !needsAnswer(rs, facts, n));

/** "Question n of about m": position among the questions that apply so far. */
export function progress(rs: RuleSet, facts: Answers, name: string): { n: number; of: number } {
	const list = applicableFacts(rs, facts);
	return { n: list.indexOf(name) + 1, of: list.length };
}

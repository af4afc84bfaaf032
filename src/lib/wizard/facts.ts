// Pure helpers over a rule set's facts: which questions apply, what is still to answer, which
// answers a change made inapplicable. Nothing here knows a fact by name: all comes from the data.
import { withSystemFacts } from '../rules/system-facts';
import type { FactValue, Facts, RuleSet } from '../rules/types';

export type Answers = Record<string, FactValue>;

/**
 * Who is interviewed: the system itself, or one of its components. A component is not asked the
 * facts of the whole system (`scope: system`): it takes the system's answers.
 */
export type Part = 'system' | 'component';

const asked = (rs: RuleSet, name: string, part: Part) =>
	part === 'system' || rs.data.facts[name]?.scope !== 'system';

/** Fact names in interview order (the order of `facts` in the rule set) that `part` is asked. */
export const factNames = (rs: RuleSet, part: Part = 'system'): string[] =>
	Object.keys(rs.data.facts).filter((n) => asked(rs, n, part));

export const applies = (rs: RuleSet, facts: Answers, name: string): boolean =>
	rs.applies[name]?.(facts as Facts) ?? false;

/** The questions that apply given the answers so far (later answers may add more). */
export const applicableFacts = (rs: RuleSet, facts: Answers, part: Part = 'system'): string[] =>
	factNames(rs, part).filter((n) => applies(rs, facts, n));

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

/** True when every applicable fact `part` is asked is answered and no constraint is broken. */
export const isComplete = (rs: RuleSet, facts: Answers, part: Part = 'system'): boolean =>
	factNames(rs, part).every((n) => !needsAnswer(rs, facts, n));

/**
 * What a component's interview works on: its own answers over the answers it takes from its
 * system, so conditions see both (the same merge as the evaluator's).
 */
export const componentView = (rs: RuleSet, system: Answers, own: Answers): Answers =>
	withSystemFacts(rs, system, own) as Answers;

/** What a component stores: only what it was asked (the system's answers stay the system's). */
export const ownAnswers = (rs: RuleSet, facts: Answers, part: Part): Answers =>
	part === 'system'
		? facts
		: Object.fromEntries(Object.entries(facts).filter(([n]) => asked(rs, n, part)));

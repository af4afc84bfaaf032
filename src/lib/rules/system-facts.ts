// What a component takes from its system. Kept apart from the evaluator so the wizard's first load
// can use it without the evaluator's code.
import type { Facts, RuleSet } from './types';

/**
 * A component's facts with the answers it takes from its system: the facts asked once for the
 * whole system (`scope: system`). A component's own answer, where given, is kept.
 */
export function withSystemFacts(ruleset: RuleSet, system: Facts, own: unknown): unknown {
	if (!own || typeof own !== 'object' || Array.isArray(own)) return own;
	const shared = Object.entries(system).filter(([n]) => ruleset.data.facts[n]?.scope === 'system');
	return shared.length ? { ...Object.fromEntries(shared), ...own } : own;
}

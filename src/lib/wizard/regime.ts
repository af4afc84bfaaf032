// Moving a system to another rule set: keep the answers the new one accepts (main part and
// components) and say which were dropped. Used by the details page's regime switch and the
// transition notice's "re-classify under the rule set in force".
import type { SystemRecord } from '../model/inventory';
import { normalizeFacts } from '../rules/evaluate';
import { normalizeRouting } from '../rules/routing';
import type { RuleSet } from '../rules/types';
import { prune, type Answers } from './facts';

/** Keeps the answers that are valid under `rs` (after a change of rule set); lists the others. */
function adaptFacts(rs: RuleSet, facts: Answers): { facts: Answers; removed: string[] } {
	const bad = new Set(
		normalizeFacts(rs, facts)
			.errors.filter((e) => e.code !== 'missing' && e.code !== 'constraint')
			.map((e) => e.path.replace(/^facts\./, ''))
	);
	const valid = Object.fromEntries(Object.entries(facts).filter(([k]) => !bad.has(k)));
	const pruned = prune(rs, valid);
	return { facts: pruned.facts, removed: [...bad, ...pruned.removed] };
}

export function switchRegime(
	system: SystemRecord,
	rs: RuleSet
): { system: SystemRecord; removed: string[] } {
	const main = adaptFacts(rs, system.facts);
	const removed = [...main.removed];
	const components = system.components.map((c) => {
		const a = adaptFacts(rs, c.facts);
		removed.push(...a.removed);
		return { ...c, facts: a.facts };
	});
	// Routing answers the new regime does not ask (or whose values it does not know) are dropped; the
	// details page asks the new regime's routing questions again.
	const bad = new Set(normalizeRouting(rs, system.routing).errors.map((e) => e.path.slice(8)));
	const routing = Object.fromEntries(
		Object.entries(system.routing ?? {}).filter(([k]) => !bad.has(k))
	);
	return {
		system: {
			...system,
			ruleset: rs.ref,
			facts: main.facts,
			components,
			routing: Object.keys(routing).length ? routing : undefined
		},
		removed: [...new Set(removed)]
	};
}

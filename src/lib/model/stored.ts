// Turns saved work into the stored-classification rows impact analysis reads.
import {
	evaluate,
	projectFacts,
	selectRuleSet,
	type RuleSet,
	type StoredClassification
} from '../rules';
import type { Inventory } from './inventory';

export const CLASSIFICATIONS_SCHEMA = 'capdo-classifications/1';

export interface ClassificationsExport {
	schema: typeof CLASSIFICATIONS_SCHEMA;
	items: StoredClassification[];
}

/**
 * An inventory holds answers, not results: each system is classified under the rule set it is
 * pinned to (or the one in force on `date`) to give its current level and basis.
 */
export function storedFromInventory(
	inv: Inventory,
	rulesets: readonly RuleSet[],
	date?: string
): { items: StoredClassification[]; skipped: { id: string; reason: string }[] } {
	const items: StoredClassification[] = [];
	const skipped: { id: string; reason: string }[] = [];
	for (const s of inv.systems) {
		const rs = selectRuleSet(rulesets, s.ruleset, date);
		if (!rs) {
			skipped.push({ id: s.id, reason: `unknown rule set ${s.ruleset ?? '(none in force)'}` });
			continue;
		}
		const r = evaluate(rs, {
			name: s.name,
			facts: projectFacts(rs, s.facts),
			components: s.components.map((c) => ({ name: c.name, facts: projectFacts(rs, c.facts) }))
		});
		if (!r.ok) {
			skipped.push({ id: s.id, reason: 'not classified yet (answers incomplete or invalid)' });
			continue;
		}
		items.push({
			id: s.id,
			unit: inv.unit.name,
			name: s.name,
			ruleset: rs.ref,
			ruleset_hash: rs.hash,
			level: r.value.level,
			basis: r.value.basis.map((b) => b.id),
			facts: s.facts,
			components: s.components
		});
	}
	return { items, skipped };
}

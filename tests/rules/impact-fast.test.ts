// impactOf reads stored answers through evaluateLevel, a cut-down evaluate (impact.bench.ts); its
// rows must be exactly those the full evaluate gives, on varied stored work under every rule set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	evaluate,
	impactOf,
	projectFacts,
	type ImpactRow,
	type RuleSet,
	type StoredClassification
} from '../../src/lib/rules';
import { revisionOf } from '../../src/lib/rules/corrections';
import { storedFromInventory } from '../../src/lib/model/stored';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';

/** impactOf as it was, on the full evaluate (commit before evaluateLevel). */
function reference(rs: RuleSet, s: StoredClassification): ImpactRow {
	const revision =
		s.ruleset === rs.ref && s.ruleset_hash ? revisionOf(rs, s.ruleset_hash) : undefined;
	const from = {
		ruleset: s.ruleset,
		level: s.level,
		basis: s.basis,
		...(revision !== undefined ? { revision } : {})
	};
	const r = evaluate(rs, {
		name: s.name,
		facts: projectFacts(rs, s.facts),
		components: (s.components ?? []).map((c) => ({
			name: c.name,
			facts: projectFacts(rs, c.facts)
		}))
	});
	const base = { id: s.id, unit: s.unit, name: s.name, from };
	if (!r.ok) {
		if (r.errors.every((e) => e.code === 'missing'))
			return {
				...base,
				change: 'needs_answers',
				missing: [...new Set(r.errors.flatMap((e) => e.facts ?? []))]
			};
		return {
			...base,
			change: 'invalid',
			errors: r.errors.map((e) => `${e.path}: ${e.message.en}`)
		};
	}
	const to = { level: r.value.level, basis: r.value.basis.map((b) => b.id) };
	const lv = (l: number | null) => l ?? 0;
	const change =
		lv(to.level) > lv(s.level)
			? 'level_up'
			: lv(to.level) < lv(s.level)
				? 'level_down'
				: [...to.basis].sort().join() !== [...s.basis].sort().join()
					? 'basis_only'
					: 'same';
	return { ...base, to, change };
}

describe('impactOf equals the full evaluation', () => {
	const lib = bundledRuleSets().rulesets;
	const inv = JSON.parse(readFileSync('tests/fixtures/impact/unit-inventory.json', 'utf8'));
	const seed = storedFromInventory(inv, lib).items;
	// Varied answers: user counts around every threshold, a wrong type, an unknown value, an answer
	// removed, components with and without their own answers, facts of other regimes kept.
	const stored: StoredClassification[] = [];
	seed.forEach((s, k) => {
		for (let i = 0; i < 60; i++) {
			const facts: Record<string, unknown> = { ...s.facts };
			facts.online_service_data_subjects_basic = [0, 9_999, 10_000, 99_999, 100_000, 5e6][i % 6];
			facts.online_service_users_with_private_info = [0, 10_000, 1e6][i % 3];
			if (i % 7 === 0) facts.function = i % 2 ? 'citizen_services' : 'nonsense';
			if (i % 11 === 0) delete facts.information;
			if (i % 13 === 0) facts.information = 'not a list';
			if (i % 5 === 0) facts.operates_24x7_no_unplanned_downtime = i % 10 === 0;
			const components =
				i % 4 === 0
					? [{ name: 'LAN', facts: { function: 'infrastructure' } }, { facts: {} }]
					: s.components;
			stored.push({
				...s,
				id: `${s.id}-${k}-${i}`,
				facts,
				components,
				level: [1, 2, 3, null][i % 4] as StoredClassification['level']
			});
		}
	});

	it.each(lib.map((r) => [r.ref, r] as const))('under %s', (_ref, rs) => {
		const changes = new Set<string>();
		for (const s of stored) {
			const row = impactOf(rs, s);
			expect(row).toEqual(reference(rs, s));
			changes.add(row.change);
		}
		// The cases reach more than one outcome (else the comparison says little).
		expect(changes.size).toBeGreaterThan(1);
	});
});

// The system and its components (Điều 5 khoản 2 Nghị định 85/2016/NĐ-CP; Điều 10 khoản 2 Nghị định
// 331/2026/NĐ-CP): the level is the highest of all parts whatever their order or grouping, and what a
// component brings (designations, warnings) reaches the result. The oracle is the golden cases'
// hand-written expected levels, not the engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Facts, type Level, type RuleSet } from '../../src/lib/rules';
import type { GoldenComponent } from '../../src/lib/rules/types';
import { ruleset } from './helpers';

const REFS = ['vn-nd85@tt03-2017', 'vn-nd85@tt12-2022', 'vn-nd331@2026'] as const;

function classify(rs: RuleSet, facts: Facts, components: { name: string; facts: Facts }[] = []) {
	const r = evaluate(rs, { name: 'hệ thống', facts, components });
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

/** A golden case as a group of parts (its system and its components) with its expected level. */
interface Group {
	name: string;
	parts: Facts[];
	level: Level | null;
}
/** Every part of a tree of components, depth first (grandchildren count too). */
const flatten = (components: GoldenComponent[] = []): Facts[] =>
	components.flatMap((c) => [c.facts, ...flatten(c.components)]);
const groups = (rs: RuleSet): Group[] =>
	(rs.data.tests ?? []).map((t) => ({
		name: t.name,
		parts: [t.facts, ...flatten(t.components)],
		level: t.expect.level
	}));

const highest = (levels: (Level | null)[]) => {
	const m = Math.max(0, ...levels.map((l) => l ?? 0));
	return m === 0 ? null : m;
};

describe.each(REFS)('%s: the level is the maximum over the parts (property)', (ref) => {
	const rs = ruleset(ref);
	const pool = groups(rs);

	it('has golden cases of every level and one without a level', () => {
		expect(new Set(pool.map((g) => g.level))).toEqual(new Set([null, 1, 2, 3, 4, 5]));
	});

	it('any golden systems merged as one system with components, in any order: the highest expected level', () => {
		fc.assert(
			fc.property(
				fc
					.uniqueArray(fc.integer({ min: 0, max: pool.length - 1 }), {
						minLength: 1,
						maxLength: 6
					})
					.chain((picked) => {
						const parts = picked.flatMap((i) => pool[i]!.parts);
						return fc.tuple(
							fc.constant(picked),
							fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length })
						);
					}),
				([picked, parts]) => {
					const [system, ...components] = parts as [Facts, ...Facts[]];
					const got = classify(
						rs,
						system,
						components.map((facts, i) => ({ name: `Thành phần ${i + 1}`, facts }))
					);
					const want = highest(picked.map((i) => pool[i]!.level));
					expect(got.level, picked.map((i) => pool[i]!.name).join(' + ')).toBe(want);
					expect(got.undetermined).toBe(want === null);
					// Each component keeps its own level.
					expect(got.components.map((c) => c.level)).toEqual(
						components.map((facts) => classify(rs, facts).level)
					);
				}
			),
			{ seed: 20, numRuns: 150 }
		);
	});

	it('the highest part can be anywhere: first, middle or last', () => {
		const byLevel = (l: Level) => pool.find((g) => g.level === l && g.parts.length === 1)!;
		const [one, three, five] = [byLevel(1), byLevel(3), byLevel(5)];
		for (const order of [
			[five, one, three],
			[one, five, three],
			[one, three, five],
			[three, one, five]
		]) {
			const [system, ...rest] = order.map((g) => g.parts[0]!);
			const got = classify(
				rs,
				system!,
				rest.map((facts, i) => ({ name: `C${i}`, facts }))
			);
			expect(got.level).toBe(5);
			expect(got.components.map((c) => c.level)).toEqual(order.slice(1).map((g) => g.level));
		}
	});
});

describe('vn-nd331@2026: designations and warnings come from the components too', () => {
	const rs = ruleset('vn-nd331@2026');
	const service: Facts = {
		function: 'citizen_services',
		information: ['public', 'personal'],
		defense_security_damage: 'none',
		conditional_business_service: false,
		administrative_procedure_system: false,
		online_service_data_subjects_basic: 50000,
		online_service_data_subjects_sensitive: 0,
		national_egov_system: false,
		national_critical_data_store: false
	};
	const internal: Facts = {
		function: 'internal',
		information: ['public'],
		defense_security_damage: 'none',
		national_egov_system: false,
		national_critical_data_store: false
	};

	it('a designation of Điều 16 met only by the second component is reported (cited)', () => {
		const got = classify(rs, internal, [
			{ name: 'Cổng', facts: service },
			{ name: 'Điều hành', facts: { ...service, national_security_telecom_system: true } }
		]);
		expect(got.designations.map((d) => [d.id, d.citation])).toEqual([
			['nd331-d16-k2', 'Điều 16 khoản 2 Nghị định 331/2026/NĐ-CP']
		]);
		expect(classify(rs, internal, [{ name: 'Cổng', facts: service }]).designations).toEqual([]);
	});

	it('Điều 16 khoản 4 when only a component reaches level 5', () => {
		const got = classify(rs, internal, [
			{ name: 'Kho dữ liệu', facts: { ...internal, national_critical_data_store: true } }
		]);
		expect(got.level).toBe(5);
		expect(got.designations.map((d) => d.id)).toEqual(['nd331-d16-k4']);
	});

	it("a component's not-applicable answer is a warning naming the component", () => {
		const got = classify(rs, internal, [
			{ name: 'A', facts: internal },
			{ name: 'B', facts: { ...internal, infrastructure_scope: 'national' } }
		]);
		expect(got.warnings.map((w) => [w.code, w.path])).toEqual([
			['not_applicable', 'components[1].facts.infrastructure_scope']
		]);
	});
});

describe('not_met lists only criteria above the result', () => {
	it('vn-nd85@tt03-2017 level 3: exactly the level-4 and level-5 criteria of Điều 10 and 11', () => {
		const rs = ruleset('vn-nd85@tt03-2017');
		const got = classify(rs, {
			function: 'citizen_services',
			information: ['public', 'personal'],
			defense_security_damage: 'none',
			operates_24x7_no_unplanned_downtime: false,
			national_egov_system: false,
			national_critical_data_store: false,
			prime_minister_designated: false,
			online_public_service_level: 2,
			conditional_business_service: false,
			online_service_users_with_private_info: 25000
		});
		expect(got.level).toBe(3);
		expect(got.not_met.map((c) => c.id)).toEqual([
			'nd85-d10-k1',
			'nd85-d10-k2',
			'nd85-d10-k3',
			'nd85-d10-k4',
			'nd85-d11-k1',
			'nd85-d11-k2',
			'nd85-d11-k3',
			'nd85-d11-k4',
			'nd85-d11-k5'
		]);
		expect(got.not_met.find((c) => c.id === 'nd85-d10-k2')).toEqual({
			id: 'nd85-d10-k2',
			level: 4,
			citation: 'Điều 10 khoản 2 Nghị định 85/2016/NĐ-CP'
		});
	});

	it('vn-nd331@2026 level 2: the criteria of Điều 13, 14, 15 and the Điều 16 floor (nd331-d20-k4), none of Điều 11 or 12', () => {
		const rs = ruleset('vn-nd331@2026');
		const got = classify(rs, {
			function: 'internal',
			information: ['public', 'private'],
			defense_security_damage: 'none',
			national_egov_system: false,
			national_critical_data_store: false
		});
		expect(got.level).toBe(2);
		const ids = got.not_met.map((c) => c.id);
		expect(ids.length).toBeGreaterThan(10);
		for (const id of ids) expect(id).toMatch(/^nd331-d(1[345]|20)-/);
		expect(ids).toContain('nd331-d20-k4');
		// Every criterion of Điều 13–15 (and the level-3 floor) that did not fire is there.
		for (const c of rs.data.criteria)
			if (/^nd331-d(1[345]|20)-/.test(c.id) && !got.basis.some((b) => b.id === c.id))
				expect(ids).toContain(c.id);
	});

	it('level 5 leaves nothing unmet; an undetermined system lists every criterion that did not fire', () => {
		const rs = ruleset('vn-nd85@tt03-2017');
		const base: Facts = {
			function: 'infrastructure',
			information: ['public', 'private'],
			defense_security_damage: 'none',
			operates_24x7_no_unplanned_downtime: false,
			national_egov_system: false,
			national_critical_data_store: false,
			prime_minister_designated: false
		};
		expect(
			classify(rs, { ...base, infrastructure_scope: 'international_gateway' }).not_met
		).toEqual([]);
		const none = classify(rs, { ...base, infrastructure_scope: 'national' });
		expect(none.level).toBeNull();
		expect(none.not_met).toHaveLength(rs.data.criteria.length);
	});
});

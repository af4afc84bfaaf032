// The engine's level over a tree of components, its fact checks and notices, tested in process with
// hand-written expectations. Written after the Stryker run of 4 December (rules-core 89.6 %): these
// are what its survivors in evaluate.ts showed untested — the order and the "undetermined" flag
// inside a component's own components, component lists that are empty, null or hold null, the
// numbering of unnamed components, `evaluateLevel` (impact analysis) against `evaluate`, a null or
// non-integer answer, an unanswered question that does not apply, an input holding a replaced fact
// name left untouched, the rules between answers held back while an answer is invalid, and the
// Decree 331 notice (Điều 10 khoản 2 điểm a).
import { describe, expect, it } from 'vitest';
import { evaluate, normalizeFacts, type Facts, type RuleSet } from '../../src/lib/rules';
import { evaluateLevel } from '../../src/lib/rules/evaluate';
import { INTERNAL_PUBLIC_TT03, ruleset } from './helpers';

const tt03 = () => ruleset('vn-nd85@tt03-2017');
const REFS = ['vn-nd85@tt03-2017', 'vn-nd85@tt12-2022', 'vn-nd331@2026'] as const;

/** Circular 03, level 1: internal, public information only. */
const ONE: Facts = INTERNAL_PUBLIC_TT03;
/** Circular 03, level 5: an international gateway (Điều 11 khoản 2 điểm ... via Điều 7). */
const FIVE: Facts = {
	...ONE,
	function: 'infrastructure',
	infrastructure_scope: 'international_gateway'
};
/** Circular 03, citizen services: the online service questions apply. */
const SERVICE: Facts = {
	...ONE,
	function: 'citizen_services',
	conditional_business_service: false,
	online_service_users_with_private_info: 0
};
/** Circular 03, no level: an "other" system with public information only (a golden case). */
const NONE: Facts = { ...ONE, function: 'other' };

function classify(rs: RuleSet, input: Parameters<typeof evaluate>[1]) {
	const r = evaluate(rs, input);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

describe("a component's own components (Điều 5 khoản 2, at every depth)", () => {
	it('fixes the facts used below', () => {
		expect(classify(tt03(), { facts: ONE }).level).toBe(1);
		expect(classify(tt03(), { facts: FIVE }).level).toBe(5);
		expect(classify(tt03(), { facts: NONE }).level).toBeNull();
	});

	it('take the highest of the component and its own components, whatever their order', () => {
		for (const inner of [
			[FIVE, ONE],
			[ONE, FIVE],
			[FIVE, NONE],
			[NONE, FIVE, ONE]
		]) {
			const r = classify(tt03(), {
				facts: ONE,
				components: [{ name: 'C', facts: ONE, components: inner.map((facts) => ({ facts })) }]
			});
			expect(r.level).toBe(5);
			expect(r.components[0]!.level).toBe(5);
			expect(r.components[0]!.undetermined).toBe(false);
			expect(r.components[0]!.components!.map((c) => c.level)).toEqual(
				inner.map((f) => (f === FIVE ? 5 : f === ONE ? 1 : null))
			);
		}
	});

	it('an undetermined part below never lowers or blanks a level, and is marked undetermined', () => {
		const r = classify(tt03(), {
			facts: NONE,
			components: [
				{ name: 'C', facts: NONE, components: [{ facts: ONE }, { facts: NONE }] },
				{ name: 'D', facts: NONE, components: [{ facts: NONE }] }
			]
		});
		expect(r.level).toBe(1);
		expect(r.undetermined).toBe(false);
		const [c, d] = r.components;
		expect([c!.level, c!.undetermined]).toEqual([1, false]);
		expect(c!.components!.map((x) => [x.level, x.undetermined])).toEqual([
			[1, false],
			[null, true]
		]);
		expect([d!.level, d!.undetermined]).toEqual([null, true]);
	});

	it('a component without components of its own carries no component list', () => {
		const r = classify(tt03(), { facts: ONE, components: [{ name: 'C', facts: FIVE }] });
		expect(r.components[0]).not.toHaveProperty('components');
		expect(r.components[0]).toMatchObject({ name: 'C', level: 5, undetermined: false });
	});

	it('unnamed components are numbered by their place in the tree', () => {
		const r = classify(tt03(), {
			facts: ONE,
			components: [{ facts: ONE, components: [{ facts: ONE }, { facts: FIVE }] }, { facts: ONE }]
		});
		expect(r.components.map((c) => c.name)).toEqual(['Thành phần 1', 'Thành phần 2']);
		expect(r.components[0]!.components!.map((c) => c.name)).toEqual([
			'Thành phần 1.1',
			'Thành phần 1.2'
		]);
	});

	it('an absent, null or empty list is no components; an empty list at the depth limit is allowed', () => {
		for (const components of [undefined, null, []])
			expect(classify(tt03(), { facts: FIVE, components } as never).components).toEqual([]);
		let deepest: { facts: Facts; components?: unknown[] } = { facts: ONE, components: [] };
		for (let depth = 0; depth < 4; depth++) deepest = { facts: ONE, components: [deepest] };
		expect(evaluate(tt03(), { facts: ONE, components: deepest.components } as never).ok).toBe(true);
	});

	it('a null component is refused at its place, not thrown', () => {
		const r = evaluate(tt03(), { facts: ONE, components: [{ facts: ONE }, null] } as never);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.map((e) => e.path)).toEqual(['components[1].facts']);
	});
});

describe('evaluateLevel (impact analysis) gives what evaluate gives', () => {
	it.each(REFS)('%s: level and own basis of every golden case', (ref) => {
		const rs = ruleset(ref);
		const cases = rs.data.tests ?? [];
		expect(cases.some((t) => (t.components ?? []).some((c) => c.components?.length))).toBe(true);
		for (const t of cases) {
			const input = { name: t.name, facts: t.facts, components: t.components };
			const full = evaluate(rs, input);
			const fast = evaluateLevel(rs, input);
			expect(fast.ok, t.name).toBe(full.ok);
			if (!full.ok || !fast.ok) continue;
			expect(fast.value.level, t.name).toBe(t.expect.level);
			expect(fast.value.basis, t.name).toEqual(full.value.basis.map((b) => b.id));
		}
	});

	it('takes the highest level over a tree whose highest part is last, first or nested', () => {
		const rs = tt03();
		for (const components of [
			[{ facts: ONE }, { facts: FIVE }],
			[{ facts: FIVE }, { facts: ONE }],
			[{ facts: ONE, components: [{ facts: NONE }, { facts: FIVE }, { facts: ONE }] }],
			[{ facts: NONE }]
		]) {
			const fast = evaluateLevel(rs, { facts: NONE, components });
			const full = classify(rs, { facts: NONE, components });
			expect(fast).toEqual({ ok: true, value: { level: full.level, basis: [] } });
		}
	});

	it('refuses what evaluate refuses, with the same errors', () => {
		const rs = tt03();
		const notAnObject = [
			{
				code: 'invalid_input',
				path: '',
				message: {
					vi: 'Dữ liệu đầu vào phải là một đối tượng.',
					en: 'The input must be an object.'
				}
			}
		];
		for (const input of [null, 'x', 3])
			expect(evaluate(rs, input as never)).toEqual({ ok: false, errors: notAnObject });
		for (const input of [
			null,
			'x',
			{ facts: { ...ONE, function: 'x' } },
			{ facts: ONE, components: 3 }
		])
			expect(evaluateLevel(rs, input as never)).toEqual(evaluate(rs, input as never));
		// Facts of another regime are errors unless impact analysis asks to leave them aside.
		const foreign = { facts: { ...ONE, risk_assessment_level: 2 } };
		expect(evaluateLevel(rs, foreign).ok).toBe(false);
		expect(evaluateLevel(rs, foreign, true)).toEqual({
			ok: true,
			value: { level: 1, basis: classify(rs, { facts: ONE }).basis.map((b) => b.id) }
		});
	});
});

describe('answers checked one by one', () => {
	it('an answer given as null is missing, like one not given', () => {
		const n = normalizeFacts(tt03(), { ...ONE, function: null });
		expect(n.errors).toEqual([
			expect.objectContaining({ code: 'missing', path: 'facts', facts: ['function'] })
		]);
	});

	it('a number of users must be a whole number within its range', () => {
		const service = {
			...SERVICE,
			online_public_service_level: 2,
			online_service_users_with_private_info: 10
		};
		expect(normalizeFacts(tt03(), service).errors).toEqual([]);
		for (const [fact, value, code] of [
			['online_service_users_with_private_info', '10', 'wrong_type'],
			['online_service_users_with_private_info', 1.5, 'wrong_type'],
			['online_service_users_with_private_info', -1, 'out_of_range'],
			['online_public_service_level', 5, 'out_of_range'],
			['online_public_service_level', 4, null],
			['online_public_service_level', 0, null]
		] as const) {
			const errors = normalizeFacts(tt03(), { ...service, [fact]: value }).errors;
			expect(
				errors.map((e) => [e.code, e.path]),
				`${fact} = ${JSON.stringify(value)}`
			).toEqual(code ? [[code, `facts.${fact}`]] : []);
		}
	});

	it('a question that does not apply, left unanswered, brings no warning', () => {
		// The online service questions apply to citizen services only; an internal system leaves them.
		expect(normalizeFacts(tt03(), ONE).warnings).toEqual([]);
		// The damage to defence applies to state secrets and defence systems only; left unanswered
		// elsewhere it is recorded as "none" (its `otherwise`), quietly.
		const unasked = Object.fromEntries(
			Object.entries(ONE).filter(([n]) => n !== 'defense_security_damage')
		);
		const n = normalizeFacts(tt03(), unasked);
		expect(n.warnings).toEqual([]);
		expect(n.facts.defense_security_damage).toBe('none');
		expect(
			normalizeFacts(tt03(), { ...ONE, online_service_users_with_private_info: 5 }).warnings
		).toEqual([expect.objectContaining({ code: 'not_applicable' })]);
	});

	it("the caller's answers are not changed when an old fact name is read through its replacement", () => {
		const given = { ...SERVICE, online_public_service_level: 3 };
		const copy = structuredClone(given);
		const n = normalizeFacts(ruleset('vn-nd85@tt12-2022'), given);
		expect(n.facts.online_public_service_mode).toBe('partial_online');
		expect(given).toEqual(copy);
	});

	it('the rules between answers are checked once every answer is valid', () => {
		const secret = { ...ONE, information: ['state_secret'], defense_security_damage: 'none' };
		expect(normalizeFacts(tt03(), secret).errors.map((e) => e.code)).toEqual(['constraint']);
		expect(
			normalizeFacts(tt03(), { ...secret, national_egov_system: 'x' }).errors.map((e) => e.code)
		).toEqual(['wrong_type']);
	});
});

describe('Decree 331: the notice when no risk assessment is recorded (Điều 10 khoản 2 điểm a)', () => {
	it('is given with its citation when the assessment is missing, and only then', () => {
		const rs = ruleset('vn-nd331@2026');
		const t = (rs.data.tests ?? []).find((c) => !c.components?.length && c.expect.level === 2)!;
		const without = classify(rs, { facts: { ...t.facts, risk_assessment_level: 0 } });
		expect(without.notices).toEqual([
			{
				id: 'nd331-d10-k2a',
				message: expect.objectContaining({
					vi: expect.stringContaining('Chưa ghi nhận kết quả đánh giá rủi ro an ninh mạng')
				}),
				citation: 'Điều 10 khoản 2 điểm a Nghị định 331/2026/NĐ-CP',
				citation_en: expect.stringMatching(/^Article 10\(2\)\(a\).*Decree 331\/2026\/NĐ-CP$/)
			}
		]);
		const assessed = classify(rs, { facts: { ...t.facts, risk_assessment_level: 2 } });
		expect(assessed.notices).toEqual([]);
	});
});

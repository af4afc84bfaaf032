// Engine pieces the golden cases reach only at load time, or not at all, tested in process with
// hand-written expectations (mutation testing, issue 20: rules-core survivors and no-coverage code):
// condition shape checks and every leaf operator at its boundary; the regime's display name; answers
// kept under a fact Circular 12 replaced (Thông tư 12/2022 reads online_public_service_level through
// online_public_service_mode); component lists that are not lists or nest too deep.
import { describe, expect, it } from 'vitest';
import { compileCondition, inspectCondition } from '../../src/lib/rules/condition';
import {
	evaluate,
	migrateFacts,
	normalizeFacts,
	normalizeRouting,
	regimeName,
	transitionStatus,
	type RuleSet
} from '../../src/lib/rules';
import type { Condition, PartResult } from '../../src/lib/rules/types';
import { firedIds, sectionApplies } from '../../src/lib/rules/sections';
import { factDef } from '../../src/lib/rules/fact-def';
import { withSystemFacts } from '../../src/lib/rules/system-facts';
import { checkValue } from '../../src/lib/rules/evaluate';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { INTERNAL_PUBLIC_TT03 } from './helpers';

const rulesets = bundledRuleSets().rulesets;
const rs = (ref: string): RuleSet => rulesets.find((r) => r.ref === ref)!;
const known = (n: string) => ['a', 'b', 'n', 'list'].includes(n);

describe('inspectCondition: the shape of a condition, located', () => {
	it('accepts a well-formed tree and collects its facts', () => {
		const c = {
			all: [{ fact: 'a', eq: true }, { not: { any: [{ fact: 'n', gt: 1 }] } }]
		} as Condition;
		const r = inspectCondition(c, known, ['criteria', 0, 'when']);
		expect(r.problems).toEqual([]);
		expect([...r.facts]).toEqual(['a', 'n']);
	});
	it('names each problem at its path', () => {
		const c = {
			all: [
				{ any: [], fact: 'a' },
				{ any: [] },
				{ eq: 1 },
				{ fact: 'a', eq: 1, ne: 2 },
				{ fact: 'a' },
				{ fact: 'zzz', eq: 1 }
			]
		} as unknown as Condition;
		const r = inspectCondition(c, known, ['when']);
		expect(r.problems).toEqual([
			{ path: ['when', 'all', 0], message: '"any" must stand alone in its condition' },
			{ path: ['when', 'all', 1, 'any'], message: 'an empty list' },
			{ path: ['when', 'all', 2], message: 'a condition needs "fact" or one of all/any/not' },
			{
				path: ['when', 'all', 3],
				message: expect.stringMatching(
					/^a condition on "a" needs exactly one operator \(eq, ne, in, /
				)
			},
			{
				path: ['when', 'all', 4],
				message: expect.stringMatching(/^a condition on "a" needs exactly one operator/)
			},
			{ path: ['when', 'all', 5, 'fact'], message: 'unknown fact "zzz"', unknown: 'zzz' }
		]);
		expect([...r.facts]).toEqual(['zzz']);
	});
	it('locates a problem inside "not"', () => {
		const c = { any: [{ not: { fact: 'zzz', eq: 1 } }] } as unknown as Condition;
		expect(inspectCondition(c, known, ['when']).problems).toEqual([
			{ path: ['when', 'any', 0, 'not', 'fact'], message: 'unknown fact "zzz"', unknown: 'zzz' }
		]);
	});
	it('starts at the root when no path is given', () => {
		expect(inspectCondition({ fact: 'q', eq: 1 } as Condition, known).problems).toEqual([
			{ path: ['fact'], message: 'unknown fact "q"', unknown: 'q' }
		]);
	});
});

describe('compileCondition: each operator at its boundary, a missing fact is false', () => {
	const p = (c: object) => compileCondition(c as Condition);
	it('eq, ne (an unanswered fact is not "different"), in', () => {
		expect(p({ fact: 'a', eq: 'x' })({ a: 'x' })).toBe(true);
		expect(p({ fact: 'a', eq: 'x' })({ a: 'y' })).toBe(false);
		expect(p({ fact: 'a', ne: 'x' })({ a: 'y' })).toBe(true);
		expect(p({ fact: 'a', ne: 'x' })({ a: 'x' })).toBe(false);
		expect(p({ fact: 'a', ne: 'x' })({})).toBe(false);
		expect(p({ fact: 'a', in: ['x', 'y'] })({ a: 'y' })).toBe(true);
		expect(p({ fact: 'a', in: ['x', 'y'] })({ a: 'z' })).toBe(false);
	});
	it('lt, lte, gt, gte around 10', () => {
		const at = (op: string, v?: number) =>
			p({ fact: 'n', [op]: 10 })(v === undefined ? {} : { n: v });
		expect([9, 10, 11].map((v) => at('lt', v))).toEqual([true, false, false]);
		expect([9, 10, 11].map((v) => at('lte', v))).toEqual([true, true, false]);
		expect([9, 10, 11].map((v) => at('gt', v))).toEqual([false, false, true]);
		expect([9, 10, 11].map((v) => at('gte', v))).toEqual([false, true, true]);
		expect(['lt', 'lte', 'gt', 'gte'].map((op) => at(op))).toEqual([false, false, false, false]);
	});
	it('contains, contains_any, only (an empty list is never "only")', () => {
		expect(p({ fact: 'l', contains: 'x' })({ l: ['w', 'x'] })).toBe(true);
		expect(p({ fact: 'l', contains: 'x' })({ l: ['w'] })).toBe(false);
		expect(p({ fact: 'l', contains: 'x' })({ l: 'x' })).toBe(false);
		expect(p({ fact: 'l', contains_any: ['x', 'y'] })({ l: ['y'] })).toBe(true);
		expect(p({ fact: 'l', contains_any: ['x', 'y'] })({ l: ['z'] })).toBe(false);
		expect(p({ fact: 'l', only: ['x', 'y'] })({ l: ['x', 'y'] })).toBe(true);
		expect(p({ fact: 'l', only: ['x', 'y'] })({ l: ['x', 'z'] })).toBe(false);
		expect(p({ fact: 'l', only: ['x', 'y'] })({ l: [] })).toBe(false);
	});
	it('all, any, not', () => {
		const yes = { fact: 'a', eq: 1 };
		const no = { fact: 'a', eq: 2 };
		expect(p({ all: [yes, no] })({ a: 1 })).toBe(false);
		expect(p({ all: [yes, yes] })({ a: 1 })).toBe(true);
		expect(p({ any: [no, yes] })({ a: 1 })).toBe(true);
		expect(p({ any: [no, no] })({ a: 1 })).toBe(false);
		expect(p({ not: no })({ a: 1 })).toBe(true);
	});
});

describe('regimeName: the decrees and circulars a rule set applies, never its id', () => {
	it('names Decree 85 with its circular, Decree 331 without the Law it guides', () => {
		expect(regimeName(rs('vn-nd85@tt03-2017').data)).toBe(
			'Nghị định 85/2016/NĐ-CP và Thông tư 03/2017/TT-BTTTT'
		);
		expect(regimeName(rs('vn-nd85@tt03-2017').data, 'en')).toBe(
			'Decree 85/2016/NĐ-CP and Circular 03/2017/TT-BTTTT'
		);
		expect(regimeName(rs('vn-nd331@2026').data)).toBe('Nghị định 331/2026/NĐ-CP');
	});
	it('names Circular 12 with its decree, not the decrees it cites for one fact (42/2022, 224/2026)', () => {
		expect(rs('vn-nd85@tt12-2022').data.sources.map((s) => s.number)).toContain('42/2022/NĐ-CP');
		expect(regimeName(rs('vn-nd85@tt12-2022').data)).toBe(
			'Nghị định 85/2016/NĐ-CP và Thông tư 12/2022/TT-BTTTT'
		);
		expect(regimeName(rs('vn-nd85@tt12-2022').data, 'en')).toBe(
			'Decree 85/2016/NĐ-CP and Circular 12/2022/TT-BTTTT'
		);
	});
	it('falls back to the first source when there is no decree or circular', () => {
		const law = { id: 'l', type: { vi: 'Luật', en: 'Law' }, number: '116/2025/QH15' };
		const other = { id: 'o', type: { vi: 'Quyết định', en: 'Decision' }, number: '1/QĐ' };
		expect(regimeName({ sources: [law, other] } as never)).toBe('Luật 116/2025/QH15');
		expect(regimeName({ sources: [law, other] } as never, 'en')).toBe('Law 116/2025/QH15');
	});
});

describe('answers under a fact Circular 12 replaced (online_public_service_level → _mode)', () => {
	const t12 = () => rs('vn-nd85@tt12-2022');
	const base = {
		function: 'citizen_services',
		information: ['public'],
		defense_security_damage: 'none',
		conditional_business_service: false,
		online_service_users_with_private_info: 0
	};
	it('reads level 3 as "partial_online" and says so', () => {
		const n = normalizeFacts(t12(), { ...base, online_public_service_level: 3 });
		expect(n.errors.filter((e) => e.path.includes('online_public_service'))).toEqual([]);
		expect(n.facts.online_public_service_mode).toBe('partial_online');
		expect(n.facts.online_public_service_level).toBeUndefined();
		expect(n.warnings).toContainEqual({
			code: 'replaced',
			path: 'facts.online_public_service_level',
			message: {
				vi: 'Câu trả lời cũ "online_public_service_level" = 3 được hiểu là "online_public_service_mode" = "partial_online".',
				en: 'The earlier answer "online_public_service_level" = 3 is read as "online_public_service_mode" = "partial_online".'
			}
		});
	});
	it('ignores the old answer beside a new one, with a warning', () => {
		const n = normalizeFacts(t12(), {
			...base,
			online_public_service_level: 4,
			online_public_service_mode: 'information'
		});
		expect(n.facts.online_public_service_mode).toBe('information');
		expect(n.warnings).toContainEqual({
			code: 'replaced',
			path: 'facts.online_public_service_level',
			message: {
				vi: 'Dữ kiện "online_public_service_level" đã được thay bằng "online_public_service_mode" và được bỏ qua.',
				en: 'Fact "online_public_service_level" was replaced by "online_public_service_mode" and is ignored.'
			}
		});
	});
	it('refuses an old value with no counterpart, asking for the new fact', () => {
		const n = normalizeFacts(
			t12(),
			{ ...base, online_public_service_level: 7 },
			'components[0].facts'
		);
		expect(n.errors).toContainEqual({
			code: 'not_allowed',
			path: 'components[0].facts.online_public_service_level',
			message: {
				vi: 'Câu trả lời cũ "online_public_service_level" = 7 không chuyển được sang "online_public_service_mode"; hãy trả lời "online_public_service_mode".',
				en: 'The earlier answer "online_public_service_level" = 7 has no counterpart in "online_public_service_mode"; answer "online_public_service_mode".'
			}
		});
	});
	it('migrateFacts moves a mappable old answer, drops the old name, keeps a new answer', () => {
		expect(migrateFacts(t12(), { a: 1, online_public_service_level: 4 })).toEqual({
			a: 1,
			online_public_service_mode: 'full'
		});
		expect(migrateFacts(t12(), { online_public_service_level: 0 })).toEqual({
			online_public_service_mode: 'none'
		});
		expect(
			migrateFacts(t12(), {
				online_public_service_level: 4,
				online_public_service_mode: 'information'
			})
		).toEqual({ online_public_service_mode: 'information' });
		expect(migrateFacts(t12(), { online_public_service_level: 9 })).toEqual({});
		expect(migrateFacts(t12(), { x: 1 })).toEqual({ x: 1 });
		// Circular 03 replaces nothing: answers stay as given.
		expect(migrateFacts(rs('vn-nd85@tt03-2017'), { online_public_service_level: 4 })).toEqual({
			online_public_service_level: 4
		});
	});
});

describe('components that are not a list, or nest deeper than 4 levels', () => {
	const t03 = () => rs('vn-nd85@tt03-2017');
	const facts = INTERNAL_PUBLIC_TT03;
	it('a map instead of a list', () => {
		const r = evaluate(t03(), { name: 'S', facts, components: { a: 1 } as never });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toContainEqual({
			code: 'invalid_input',
			path: 'components',
			message: { vi: '"components" phải là một danh sách.', en: '"components" must be a list.' }
		});
	});
	it('five levels deep', () => {
		let c: { name: string; facts: object; components?: unknown[] } = { name: 'L5', facts: {} };
		for (let i = 4; i >= 1; i--) c = { name: `L${i}`, facts: {}, components: [c] };
		const r = evaluate(t03(), { name: 'S', facts, components: [c] as never });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.filter((e) => e.code === 'invalid_input')).toEqual([
			{
				code: 'invalid_input',
				path: 'components[0].components[0].components[0].components[0].components',
				message: {
					vi: 'Hệ thống thành phần lồng nhau quá 4 cấp tại "components[0].components[0].components[0].components[0].components": hãy mô tả các thành phần sâu hơn như thành phần của cấp trên.',
					en: 'Components nest more than 4 levels deep at "components[0].components[0].components[0].components[0].components": describe the deeper ones as components of a level above.'
				}
			}
		]);
		// Four levels are fine (components take the system's answers they are not asked themselves).
		const four = evaluate(t03(), {
			name: 'S',
			facts,
			components: [(c.components as never[])[0]] as never
		});
		expect(four.ok ? [] : four.errors.filter((e) => e.code === 'invalid_input')).toEqual([]);
	});
});

describe('small defaults the golden cases do not show', () => {
	it('a routing question answered null takes its default, like one not answered (Điều 18 khoản 3)', () => {
		const nd331 = rs('vn-nd331@2026');
		expect(normalizeRouting(nd331, { system_kind: null })).toEqual({
			facts: { ...normalizeRouting(nd331, {}).facts, system_kind: 'other' },
			errors: []
		});
	});
	it('an integer below a minimum other than 0 says the minimum', () => {
		const p = checkValue({ type: 'integer', min: 3 } as never, 2);
		expect(p?.code).toBe('out_of_range');
		expect(p?.message('n')).toEqual({
			vi: '"n" phải từ 3 trở lên.',
			en: '"n" must be at least 3.'
		});
		expect(checkValue({ type: 'integer', min: 0 } as never, -1)?.message('n')).toEqual({
			vi: '"n" không được âm.',
			en: '"n" must not be negative.'
		});
	});
	it('a system given without a name is classified with an empty name', () => {
		const r = evaluate(rs('vn-nd85@tt03-2017'), {
			facts: {
				function: 'internal',
				information: ['public'],
				defense_security_damage: 'none',
				operates_24x7_no_unplanned_downtime: false,
				national_egov_system: false,
				national_critical_data_store: false,
				prime_minister_designated: false
			}
		});
		expect(r.ok && r.value.name).toBe('');
	});
});

describe('transitionStatus on edited registries (Luật 116 Điều 45; Nghị định 331 Điều 38, 39)', () => {
	const TT12 = 'vn-nd85@tt12-2022';
	const ND331 = 'vn-nd331@2026';
	const withNd331 = (change: (d: RuleSet['data']) => RuleSet['data']) =>
		rulesets.map((r) => (r.ref === ND331 ? { ...r, data: change(r.data) } : r));
	it('an old regime with no end date runs to the day before the new one takes effect', () => {
		const lib = rulesets.map((r) =>
			r.ref === TT12 ? { ...r, data: { ...r.data, effective_to: undefined } } : r
		);
		const s = transitionStatus(lib, { ruleset: TT12, stage: 'in_operation', date: '2026-07-01' })!;
		expect([s.action, s.reason, s.applies_until]).toEqual([
			'finish_under_old',
			'old_still_in_force',
			'2026-08-18'
		]);
	});
	it('of two open finish-under-old deadlines the earlier one ends the old regime', () => {
		const lib = withNd331((d) => ({
			...d,
			transition: d.transition!.flatMap((t) =>
				t.effect === 'finish_under_old'
					? [
							{ ...t, deadline: '2027-05-31' },
							{ ...t, id: `${t.id}-b`, deadline: '2027-03-31' }
						]
					: [t]
			)
		}));
		const s = transitionStatus(lib, { ruleset: TT12, stage: 'new_project', date: '2027-02-01' })!;
		expect(s.applies_until).toBe('2027-03-31');
		expect(s.basis.map((b) => b.id).slice(0, 2)).toEqual([
			'nd331-d39-k1-nd85',
			'nd331-d39-k1-nd85-b'
		]);
	});
	it('a six-month period from 31 August ends on the last day of February (Bộ luật Dân sự Điều 148)', () => {
		const lib = withNd331((d) => ({
			...d,
			effective_from: '2026-08-31',
			transition: d.transition!.map((t) =>
				t.effect === 'finish_under_old' ? { ...t, deadline: undefined, months: 6 } : t
			)
		}));
		const s = transitionStatus(lib, { ruleset: TT12, stage: 'new_project', date: '2026-12-01' })!;
		expect(s.applies_until).toBe('2027-02-28');
	});
	it('a provision without a summary is summarized by its text; one without a date is never passed', () => {
		const lib = withNd331((d) => ({
			...d,
			transition: d.transition!.map((t) =>
				t.effect === 'in_force' ? { ...t, summary: undefined, deadline: undefined } : t
			)
		}));
		const s = transitionStatus(lib, { ruleset: TT12, stage: 'in_operation', date: '2027-01-01' })!;
		const p = s.basis.find((b) => b.id === 'nd331-d38')!;
		expect(p.summary).toEqual({ vi: p.text, en: p.text });
		expect([p.date, p.passed]).toEqual([undefined, false]);
		expect(s.deadlines.map((d) => d.id)).not.toContain('nd331-d38');
	});
});

describe('which dossier sections a result needs (Thông tư 12/2022 Điều 8 khoản 5 điểm d)', () => {
	const part = (ids: string[], components?: PartResult[]): PartResult => ({
		name: 'p',
		level: 3,
		undetermined: false,
		basis: ids.map((id) => ({ id }) as PartResult['basis'][number]),
		not_met: [],
		facts_used: {},
		components
	});
	it('collects the criteria that fired in the system and its components at any depth', () => {
		const r = part(['a'], [part(['b'], [part(['c'])]), part([])]);
		expect([...firedIds(r)].sort()).toEqual(['a', 'b', 'c']);
		expect([...firedIds(part([]))]).toEqual([]);
	});
	it('keeps a section by level, and a section tied to criteria only when one fired', () => {
		const t12 = rs('vn-nd85@tt12-2022').data.dossier!.explanation!;
		const s247 = t12.find((s) => s.fired)!;
		expect(s247.fired).toEqual(['nd85-d10-k2', 'nd85-d10-k3']);
		expect(sectionApplies({}, 1)).toBe(true);
		expect(sectionApplies({ levels: [3, 4] }, 2)).toBe(false);
		expect(sectionApplies({ levels: [3, 4] }, 4)).toBe(true);
		expect(sectionApplies({ fired: ['x', 'y'] }, 3, new Set(['y']))).toBe(true);
		expect(sectionApplies({ fired: ['x', 'y'] }, 3, new Set(['z']))).toBe(false);
		expect(sectionApplies({ fired: ['x'] }, 3, new Set())).toBe(false);
		// Without the fired criteria a tied section stays: asking too much is the safe side.
		expect(sectionApplies({ fired: ['x'] }, 3)).toBe(true);
		expect(sectionApplies({ levels: [4], fired: ['x'] }, 3, new Set(['x']))).toBe(false);
		expect(sectionApplies({ levels: [3], fired: ['x'] }, 3, new Set(['x']))).toBe(true);
	});
});

describe('a fact looked up by a name from outside', () => {
	const nd331 = rs('vn-nd331@2026');
	it("finds the rule set's own facts and never Object's members", () => {
		expect(factDef(nd331, 'national_egov_system')?.scope).toBe('system');
		for (const n of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'nope'])
			expect(factDef(nd331, n), n).toBeUndefined();
	});
	it("gives a component the system's whole-system answers, its own answer winning", () => {
		const system = { national_egov_system: true, function: 'x' };
		// function is asked per component: not taken from the system.
		expect(withSystemFacts(nd331, system, { function: 'y' })).toEqual({
			national_egov_system: true,
			function: 'y'
		});
		expect(withSystemFacts(nd331, system, { national_egov_system: false })).toEqual({
			national_egov_system: false
		});
		const own = { function: 'y' };
		expect(withSystemFacts(nd331, { function: 'x' }, own)).toBe(own);
		for (const bad of [null, undefined, 'text', ['a'], 3])
			expect(withSystemFacts(nd331, system, bad)).toBe(bad);
	});
});

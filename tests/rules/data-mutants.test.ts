// The data-mutant harness (`capdo test --mutate`, src/lib/rules/mutate.ts) checked against an
// oracle of its own: each mutant of each bundled rule set, applied to a copy, changes exactly what its
// path and its change say (the value before, the value after, nothing else), every kind is made as
// often as the rule set allows, and the report sorts what the tests miss into survivors (with
// facts that would catch a changed condition, when there are any) and equivalent mutants.
// Everything is computed inside the tests: Stryker activates a mutant in its own beforeAll, so a
// value computed while the file is collected never sees one.
import { describe, expect, it } from 'vitest';
import {
	dataMutants,
	killed,
	mutationReport,
	normalizeFacts,
	type Condition,
	type DataMutant,
	type RuleSet,
	type RuleSetData
} from '../../src/lib/rules';
import { canonicalJson } from '../../src/lib/rules/hash';
import { compileRuleSet } from '../../src/lib/rules/compile';
import { neighbourhood } from '../../src/lib/rules/mutate';
import { ruleset } from './helpers';

const REFS = ['vn-nd85@tt03-2017', 'vn-nd85@tt12-2022', 'vn-nd331@2026'] as const;
type Node = Record<string | number, unknown>;

/** The object a mutant's path ends in, and the last key: "criteria[id].when.all[1].gte". */
function locate(d: RuleSetData, path: string): { parent: Node; key: string | number } {
	let node: unknown;
	let rest: string;
	const item = /^(criteria|designations)\[([^\]]+)\]/.exec(path);
	const rule = /^procedure\.(\w+)\[([\d,]+)\]/.exec(path);
	if (item) {
		const list = (d[item[1] as 'criteria'] ?? []) as unknown as Node[];
		const found = list.filter((x) => x.id === item[2]);
		expect(found, path).toHaveLength(1);
		node = found[0];
		rest = path.slice(item[0].length);
	} else if (rule) {
		const list = (d.procedure as unknown as Record<string, Node[]>)[rule[1]!]!;
		const found = list.filter((r) => (r.levels as number[]).join(',') === rule[2]);
		expect(found, path).toHaveLength(1);
		node = found[0];
		rest = path.slice(rule[0].length);
	} else {
		node = d;
		rest = `.${path}`;
	}
	const keys = [...rest.matchAll(/\.(\w+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
	expect(keys.length, path).toBeGreaterThan(0);
	for (const k of keys.slice(0, -1)) node = (node as Node)[k];
	return { parent: node as Node, key: keys.at(-1)! };
}

const SWAP: Record<string, string> = { lt: 'lte', lte: 'lt', gt: 'gte', gte: 'gt' };
// The points of a clause in Vietnamese legal texts: a, b, c, d, đ, e, … (the harness's alphabet).
const POINTS = 'abcdđefghiklmnopqrstuvxy';
const FIELD: Record<string, string> = { Điều: 'article', khoản: 'clause', điểm: 'point' };
const day = (iso: string, n: number) =>
	new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const pair = (change: string) => change.split(' → ');

/** The rule-set data as the mutant's path and change describe it, built without the mutant. */
function described(data: RuleSetData, m: DataMutant): RuleSetData {
	const d = structuredClone(data);
	const { parent, key } = locate(d, m.path);
	const before = parent[key];
	const [from, to] = pair(m.change);
	const step = (a: number, b: number) => expect(Math.abs(b - a), m.path).toBe(1);
	switch (m.kind) {
		case 'threshold':
			expect(before, m.path).toBe(Number(from));
			step(Number(from), Number(to));
			parent[key] = Number(to);
			break;
		case 'operator':
			expect([key, SWAP[key as string]], m.path).toEqual([from, to]);
			delete parent[key];
			parent[to!] = before;
			break;
		case 'drop-condition':
			expect(Array.isArray(parent) && parent.length > 1, m.path).toBe(true);
			expect(m.change).toBe(`dropped ${JSON.stringify(before)}`);
			(parent as unknown as unknown[]).splice(key as number, 1);
			break;
		case 'level':
			expect([key, before], m.path).toEqual(['level', Number(from)]);
			step(Number(from), Number(to));
			expect(Number(to) >= 1 && Number(to) <= 5, m.change).toBe(true);
			parent[key] = Number(to);
			break;
		case 'citation': {
			const [, word, a, b] = /^(Điều|khoản|điểm) (\S+) → (\S+)$/.exec(m.change)!;
			expect([key, String(before)], m.path).toEqual([FIELD[word!], a]);
			if (word === 'điểm') expect(b).toBe(POINTS[POINTS.indexOf(a!) + 1]);
			else expect(Number(b)).toBe(Number(a) + 1);
			parent[key] = word === 'điểm' ? b : Number(b);
			break;
		}
		case 'procedure':
			if (key === 'appraiser' || key === 'approver') {
				expect(m.change).toBe('another body');
				const body = before as { vi: string; en: string };
				parent[key] = { vi: `${body.vi} (khác)`, en: `${body.en} (other)` };
			} else if (key === 'working_days') {
				expect(m.change).toBe(`${String(before)} → ${String(!before)}`);
				parent[key] = !before;
			} else {
				// days ±1; copies.originals or copies.copies +1 (Thông tư 03 Điều 14).
				expect(before, m.path).toBe(Number(from));
				if (key === 'days') step(Number(from), Number(to));
				else expect(Number(to)).toBe(Number(from) + 1);
				parent[key] = Number(to);
			}
			break;
		case 'effective-date':
			expect(before, m.path).toBe(from);
			expect([day(from!, -1), day(from!, 1)]).toContain(to);
			parent[key] = to;
			break;
	}
	return d;
}

describe('each data mutant does what its path and change say', () => {
	it.each(REFS)(
		'%s: every mutant, applied to a copy, changes that value and nothing else',
		(ref) => {
			const rs = ruleset(ref);
			const before = canonicalJson(rs.data);
			const mutants = dataMutants(rs.data);
			// The sections mutants edit, copied for each (the whole rule set is ten times larger).
			const { criteria, designations, procedure, effective_from, effective_to } = rs.data;
			const edited = { criteria, designations, procedure, effective_from, effective_to };
			const slim = edited as unknown as RuleSetData;
			for (const m of mutants) {
				const got = structuredClone(slim);
				m.apply(got);
				const want = described(slim, m);
				// Compared as text first (fast), with the detailed comparison when they differ.
				if (JSON.stringify(got) !== JSON.stringify(want))
					expect(got, `${m.path}: ${m.change}`).toEqual(want);
			}
			// One mutant per path and change: no mistake made twice, the loaded data untouched.
			const names = mutants.map((m) => `${m.path}: ${m.change}`);
			expect(new Set(names).size).toBe(names.length);
			expect(canonicalJson(rs.data)).toBe(before);
		}
	);

	it('as many of each kind as the rule set allows (README: 196, 171 and 259 data mutants)', () => {
		const counts = Object.fromEntries(
			REFS.map((ref) => {
				const by: Record<string, number> = {};
				for (const m of dataMutants(ruleset(ref).data)) by[m.kind] = (by[m.kind] ?? 0) + 1;
				return [ref, by];
			})
		);
		expect(counts).toEqual({
			'vn-nd85@tt03-2017': {
				'drop-condition': 43,
				threshold: 14,
				operator: 6,
				level: 36,
				procedure: 24,
				citation: 69,
				'effective-date': 4
			},
			'vn-nd85@tt12-2022': {
				'drop-condition': 42,
				threshold: 6,
				operator: 3,
				level: 36,
				procedure: 17,
				citation: 63,
				'effective-date': 4
			},
			// No end date: only effective_from ±1. Designations (Điều 16) have conditions and citations.
			'vn-nd331@2026': {
				'drop-condition': 62,
				threshold: 34,
				operator: 6,
				level: 48,
				procedure: 20,
				citation: 87,
				'effective-date': 2
			}
		});
	});

	it('counted independently on Circular 03: levels, citations, thresholds, operators, drops', () => {
		const rs = ruleset('vn-nd85@tt03-2017');
		const mutants = dataMutants(rs.data);
		const of = (kind: DataMutant['kind']) =>
			mutants.filter((m) => m.kind === kind).map((m) => `${m.path}: ${m.change}`);
		// A level ±1 while it stays within 1–5.
		expect(of('level')).toEqual(
			rs.data.criteria.flatMap((c) =>
				[c.level - 1, c.level + 1]
					.filter((l) => l >= 1 && l <= 5)
					.map((l) => `criteria[${c.id}].level: ${c.level} → ${l}`)
			)
		);
		// Every numeric comparison twice (±1), every lt/lte/gt/gte once, every element of a list of
		// two or more conditions dropped once: counted over the criteria's JSON.
		const text = JSON.stringify(rs.data.criteria.map((c) => c.when));
		const numeric = text.match(/"(lt|lte|gt|gte|eq|ne)":-?\d/g) ?? [];
		expect(of('threshold')).toHaveLength(2 * numeric.length);
		expect(of('operator')).toHaveLength(numeric.filter((n) => !/"(eq|ne)"/.test(n)).length);
		let drops = 0;
		const count = (c: unknown): void => {
			if (Array.isArray(c)) return c.forEach(count);
			if (!c || typeof c !== 'object') return;
			for (const [k, v] of Object.entries(c)) {
				if ((k === 'all' || k === 'any') && Array.isArray(v) && v.length > 1) drops += v.length;
				count(v);
			}
		};
		count(rs.data.criteria.map((c) => c.when));
		expect(of('drop-condition')).toHaveLength(drops);
		// A criterion's citation: Điều, and khoản and điểm where it has them.
		const cited = rs.data.criteria.map((c) => c.citation).filter((c) => !c.appendix);
		expect(of('citation').filter((m) => m.startsWith('criteria['))).toHaveLength(
			cited.length +
				cited.filter((c) => c.clause !== undefined).length +
				cited.filter((c) => c.point !== undefined).length
		);
		expect(of('citation')).toContain('criteria[nd85-d9-k2c].citation.point: điểm c → d');
		expect(of('effective-date')).toEqual([
			'effective_from: 2017-07-01 → 2017-06-30',
			'effective_from: 2017-07-01 → 2017-07-02',
			'effective_to: 2022-09-30 → 2022-09-29',
			'effective_to: 2022-09-30 → 2022-10-01'
		]);
	});
});

describe('dropping a condition: only one of two or more', () => {
	it('a one-condition `all` is walked into but not dropped (that would leave no condition)', () => {
		const data = structuredClone(ruleset('vn-nd85@tt03-2017').data);
		// Điều 7's condition replaced by an `all` of one `any` of two comparisons.
		const d7 = data.criteria.find((c) => c.id === 'nd85-d7')!;
		d7.when = {
			all: [
				{
					any: [
						{ fact: 'users', gte: 10 },
						{ fact: 'users', lt: 5 }
					]
				}
			]
		} as never;
		const at = dataMutants(data)
			.filter((m) => m.path.startsWith('criteria[nd85-d7].when'))
			.map((m) => `${m.path}: ${m.change}`);
		expect(at).toEqual([
			'criteria[nd85-d7].when.all[0].any[0]: dropped {"fact":"users","gte":10}',
			'criteria[nd85-d7].when.all[0].any[1]: dropped {"fact":"users","lt":5}',
			'criteria[nd85-d7].when.all[0].any[0].gte: 10 → 9',
			'criteria[nd85-d7].when.all[0].any[0].gte: 10 → 11',
			'criteria[nd85-d7].when.all[0].any[0].gte: gte → gt',
			'criteria[nd85-d7].when.all[0].any[1].lt: 5 → 4',
			'criteria[nd85-d7].when.all[0].any[1].lt: 5 → 6',
			'criteria[nd85-d7].when.all[0].any[1].lt: lt → lte'
		]);
	});
});

describe('killed and mutationReport: what the rule set’s own tests miss', () => {
	it('a mutant after which the rule set no longer compiles counts as caught', () => {
		const rs = ruleset('vn-nd85@tt03-2017');
		const broken: DataMutant = {
			kind: 'drop-condition',
			path: 'criteria[nd85-d7].when',
			change: 'condition removed',
			apply: (d) => void delete (d.criteria[0] as Partial<(typeof d.criteria)[0]>).when
		};
		expect(killed(rs, broken)).toBe(true);
		// A mutant that changes nothing is not.
		expect(killed(rs, { ...broken, apply: () => undefined })).toBe(false);
	});

	it('without its effective-date tests, Circular 03’s four date mutants survive, with no facts to add', () => {
		const rs = ruleset('vn-nd85@tt03-2017');
		const report = mutationReport({ ...rs, data: { ...rs.data, effective_tests: [] } } as RuleSet);
		expect(report.survivors).toStrictEqual([
			{ kind: 'effective-date', path: 'effective_from', change: '2017-07-01 → 2017-06-30' },
			{ kind: 'effective-date', path: 'effective_from', change: '2017-07-01 → 2017-07-02' },
			{ kind: 'effective-date', path: 'effective_to', change: '2022-09-30 → 2022-09-29' },
			{ kind: 'effective-date', path: 'effective_to', change: '2022-09-30 → 2022-10-01' }
		]);
		// The 14 equivalent drops of tools-units.test.ts are still equivalent, not survivors.
		expect(report).toMatchObject({ total: 196, killed: 196 - 4 - 14, explored: 2781 });
		expect(report.equivalent).toHaveLength(14);
	}, 120_000);

	it('Decree 331 with one golden case: a dropped Điều 16 alternative survives with facts that fire it', () => {
		// The first case, a level-1 internal system: no designation.
		const rs = ruleset('vn-nd331@2026');
		const one = rs.data.tests!.slice(0, 1);
		expect(one[0]!.expect).toMatchObject({ level: 1 });
		expect(one[0]!.expect.designations ?? {}).toEqual({});
		const report = mutationReport({ ...rs, data: { ...rs.data, tests: one } } as RuleSet);
		const at = (path: string) => report.survivors.find((s) => s.path === path);
		// Điều 16 khoản 4's alternatives are an `any`: dropping one only narrows the designation, which
		// no kept case notices; the witness is a neighbour of the case on which the two differ.
		for (const [path, fact, value] of [
			['designations[nd331-d16-k4].when.any[4]', 'prime_minister_decided_level', 5],
			['designations[nd331-d16-k4].when.any[5]', 'risk_assessment_level', 5]
		] as const) {
			const s = at(path);
			expect(s?.kind, path).toBe('drop-condition');
			expect(s?.witness?.[fact], path).toBe(value);
			const designation = rs.designations.find((d) => d.designation.id === 'nd331-d16-k4')!;
			expect(designation.test(s!.witness!)).toBe(true);
		}
		// A citation mutant has no condition to tell apart: a survivor without a witness.
		const cite = at('designations[nd331-d16-k4].citation.article');
		expect(cite).toStrictEqual({
			kind: 'citation',
			path: 'designations[nd331-d16-k4].citation.article',
			change: 'Điều 16 → 17'
		});
		expect(report.killed).toBe(report.total - report.survivors.length - report.equivalent.length);
	}, 120_000);
});

describe('neighbourhood: valid fact sets near the golden cases', () => {
	it('Circular 03: every set valid and normalized, the golden cases among them, thresholds ±1', () => {
		const rs = ruleset('vn-nd85@tt03-2017');
		const space = neighbourhood(rs);
		expect(space).toHaveLength(2781);
		const keys = new Set(space.map((f) => canonicalJson(f)));
		expect(keys.size).toBe(space.length);
		for (const f of space.slice(0, 400)) {
			const n = normalizeFacts(rs, f);
			expect(n.errors).toEqual([]);
			expect(canonicalJson(n.facts)).toBe(canonicalJson(f));
		}
		for (const t of rs.data.tests!)
			expect(keys.has(canonicalJson(normalizeFacts(rs, t.facts).facts)), t.name).toBe(true);
		// The 10,000-user threshold (Điều 8 khoản 2 điểm c, Điều 9 khoản 2 điểm c): 9,999, 10,000 and
		// 10,001 users explored, and never a negative count (the fact's minimum is 0).
		const users = new Set(space.map((f) => f.online_service_users_with_private_info));
		for (const v of [0, 9999, 10000, 10001]) expect(users.has(v), String(v)).toBe(true);
		expect([...users].every((v) => v === undefined || (v as number) >= 0)).toBe(true);
		// A limit stops the search.
		expect(neighbourhood(rs, 100)).toHaveLength(100);
	}, 120_000);

	it('the limit: the golden systems are always kept, then the search stops at exactly `limit`', () => {
		const rs = ruleset('vn-nd85@tt03-2017');
		// Each golden system and component, normalized: the starting points, kept whatever the limit.
		const golden = new Set(
			rs.data.tests!.flatMap((t) =>
				[t.facts, ...(t.components ?? []).map((c) => c.facts)].map((f) =>
					canonicalJson(normalizeFacts(rs, f).facts)
				)
			)
		);
		const start = neighbourhood(rs, 1);
		expect(new Set(start.map((f) => canonicalJson(f)))).toEqual(golden);
		const g = golden.size;
		expect(g).toBeGreaterThan(1);
		// At the limit already: nothing more is explored; one more allowed: exactly one more.
		expect(neighbourhood(rs, g)).toHaveLength(g);
		expect(neighbourhood(rs, g + 1)).toHaveLength(g + 1);
	});

	it('a threshold under `any` or `not` is explored ±1 too', () => {
		const rs = ruleset('vn-nd85@tt03-2017');
		const USERS = 'online_service_users_with_private_info';
		for (const wrap of [
			(c: Condition): Condition => ({ any: [c, c] }),
			(c: Condition): Condition => ({ not: { not: c } })
		]) {
			const rewrite = (c: Condition): Condition => {
				const n = c as unknown as Record<string, unknown>;
				if (n.fact === USERS) return wrap(c);
				if (Array.isArray(n.all)) return { all: (n.all as Condition[]).map(rewrite) };
				if (Array.isArray(n.any)) return { any: (n.any as Condition[]).map(rewrite) };
				if (n.not) return { not: rewrite(n.not as Condition) };
				return c;
			};
			const data = structuredClone(rs.data);
			for (const c of data.criteria) c.when = rewrite(c.when);
			// One golden case at exactly 10,000 users: 9,999 and 10,001 come only from the constants.
			data.tests = data.tests!.filter((t) => t.facts[USERS] === 10000).slice(0, 1);
			const space = neighbourhood(compileRuleSet(data, rs.hash));
			const users = new Set(space.map((f) => f[USERS]));
			expect([users.has(9999), users.has(10001)], JSON.stringify(wrap({} as Condition))).toEqual([
				true,
				true
			]);
		}
	});
});

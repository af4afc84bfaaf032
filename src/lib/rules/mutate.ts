// Mutation testing of the law data: small, plausible mistakes made one at a time in a loaded rule
// set (after `extends` is resolved, so a child version is tested with what it inherits), each run
// against the rule set's own golden cases, procedure tests and effective-date tests. A mutant that
// all of them still pass is a mistake nobody would notice. The published-hash lock is deliberately
// not consulted: it says that something changed, not that the change is wrong. Pure.
import { compileRuleSet } from './compile';
import { normalizeFacts } from './evaluate';
import { runGoldenCases } from './golden';
import { canonicalJson } from './hash';
import type { Citation, Condition, FactValue, Facts, Level, RuleSet, RuleSetData } from './types';

export type MutantKind =
	| 'threshold'
	| 'operator'
	| 'drop-condition'
	| 'level'
	| 'citation'
	| 'procedure'
	| 'effective-date';

export interface DataMutant {
	kind: MutantKind;
	/** Where, as a path into the rule set: "criteria[nd85-d9-k2c].when.any[1].gte". */
	path: string;
	/** What was changed: "10000 → 10001". */
	change: string;
	apply: (d: RuleSetData) => void;
}

export interface Survivor {
	kind: MutantKind;
	path: string;
	change: string;
	/** For a changed condition: valid facts on which it fires differently (a golden case to add). */
	witness?: Facts;
}

export interface MutationReport {
	ref: string;
	total: number;
	killed: number;
	/** Mutants the tests miss. */
	survivors: Survivor[];
	/**
	 * Changed conditions that fire exactly as before on every valid fact set explored near the golden
	 * cases (e.g. a dropped "function = X" beside a fact that is only asked when function = X).
	 */
	equivalent: Survivor[];
	explored: number;
}

type Json = Record<string, unknown>;
const SWAP: Record<string, string> = { lt: 'lte', lte: 'lt', gt: 'gte', gte: 'gt' };
const POINTS = 'abcdđefghiklmnopqrstuvxy';

/** Every data mutant of one rule set, in a stable order. */
export function dataMutants(data: RuleSetData): DataMutant[] {
	const out: DataMutant[] = [];
	const conditions = (
		section: 'criteria' | 'designations',
		pick: (d: RuleSetData) => { id: string; when: Condition }[] | undefined
	) =>
		(pick(data) ?? []).forEach((item, i) =>
			walk(item.when, `${section}[${item.id}].when`, (d) => pick(d)![i]!.when)
		);
	/** `get` finds the same node in a clone, so each mutant edits its own copy. */
	const walk = (node: Condition, at: string, get: (d: RuleSetData) => Condition) => {
		const n = node as Json;
		for (const comb of ['all', 'any'] as const) {
			const list = n[comb] as Condition[] | undefined;
			if (!list) continue;
			if (list.length > 1)
				list.forEach((_sub, j) =>
					out.push({
						kind: 'drop-condition',
						path: `${at}.${comb}[${j}]`,
						change: `dropped ${JSON.stringify(list[j])}`,
						apply: (d) => void ((get(d) as Json)[comb] as Condition[]).splice(j, 1)
					})
				);
			list.forEach((sub, j) =>
				walk(sub, `${at}.${comb}[${j}]`, (d) => ((get(d) as Json)[comb] as Condition[])[j]!)
			);
		}
		if (n.not) walk(n.not as Condition, `${at}.not`, (d) => (get(d) as Json).not as Condition);
		for (const op of ['lt', 'lte', 'gt', 'gte', 'eq', 'ne'])
			if (typeof n[op] === 'number') {
				const v = n[op] as number;
				for (const delta of [-1, 1])
					out.push({
						kind: 'threshold',
						path: `${at}.${op}`,
						change: `${v} → ${v + delta}`,
						apply: (d) => void ((get(d) as Json)[op] = v + delta)
					});
			}
		for (const [op, to] of Object.entries(SWAP))
			if (op in n)
				out.push({
					kind: 'operator',
					path: `${at}.${op}`,
					change: `${op} → ${to}`,
					apply: (d) => {
						const m = get(d) as Json;
						m[to] = m[op];
						delete m[op];
					}
				});
	};
	conditions('criteria', (d) => d.criteria);
	conditions('designations', (d) => d.designations);

	data.criteria.forEach((c, i) => {
		for (const delta of [-1, 1]) {
			const to = c.level + delta;
			if (to >= 1 && to <= 5)
				out.push({
					kind: 'level',
					path: `criteria[${c.id}].level`,
					change: `${c.level} → ${to}`,
					apply: (d) => void (d.criteria[i]!.level = to as Level)
				});
		}
	});

	const citations: [string, (d: RuleSetData) => Citation | undefined][] = [
		...data.criteria.map((c, i): [string, (d: RuleSetData) => Citation] => [
			`criteria[${c.id}].citation`,
			(d) => d.criteria[i]!.citation
		]),
		...(data.designations ?? []).map((x, i): [string, (d: RuleSetData) => Citation] => [
			`designations[${x.id}].citation`,
			(d) => d.designations![i]!.citation
		])
	];
	const procedure = data.procedure as unknown as Record<string, Json[] | undefined>;
	for (const [key, rules] of Object.entries(procedure))
		// Level rules only (procedure.routing is an object of facts and routes).
		(Array.isArray(rules) ? rules : []).forEach((r, i) => {
			if (!Array.isArray(r.levels)) return;
			const at = `procedure.${key}[${(r.levels as number[]).join(',')}]`;
			const get = (d: RuleSetData) => (d.procedure as unknown as Record<string, Json[]>)[key]![i]!;
			if (r.citation) citations.push([`${at}.citation`, (d) => get(d).citation as Citation]);
			for (const field of ['appraiser', 'approver'])
				if (r[field])
					out.push({
						kind: 'procedure',
						path: `${at}.${field}`,
						change: 'another body',
						apply: (d) => {
							const v = get(d)[field] as { vi: string; en: string };
							get(d)[field] = { vi: `${v.vi} (khác)`, en: `${v.en} (other)` };
						}
					});
			if (typeof r.days === 'number')
				for (const delta of [-1, 1])
					out.push({
						kind: 'procedure',
						path: `${at}.days`,
						change: `${r.days} → ${r.days + delta}`,
						apply: (d) => void (get(d).days = (r.days as number) + delta)
					});
			if (typeof r.working_days === 'boolean')
				out.push({
					kind: 'procedure',
					path: `${at}.working_days`,
					change: `${r.working_days} → ${!r.working_days}`,
					apply: (d) => void (get(d).working_days = !r.working_days)
				});
			const copies = r.copies as { originals?: number; copies?: number } | undefined;
			if (copies)
				for (const f of ['originals', 'copies'] as const)
					out.push({
						kind: 'procedure',
						path: `${at}.copies.${f}`,
						change: `${copies[f]} → ${(copies[f] ?? 0) + 1}`,
						apply: (d) => {
							const c = get(d).copies as Record<string, number>;
							c[f] = (c[f] ?? 0) + 1;
						}
					});
		});

	for (const [at, get] of citations) {
		const c = get(data);
		if (!c || c.appendix) continue;
		const edit = (field: 'article' | 'clause' | 'point', change: string, to: number | string) =>
			out.push({
				kind: 'citation',
				path: `${at}.${field}`,
				change,
				apply: (d) => void ((get(d) as unknown as Json)[field] = to)
			});
		edit('article', `Điều ${c.article} → ${c.article + 1}`, c.article + 1);
		if (c.clause !== undefined) edit('clause', `khoản ${c.clause} → ${c.clause + 1}`, c.clause + 1);
		if (c.point !== undefined) {
			const next = POINTS[(POINTS.indexOf(c.point) + 1) % POINTS.length]!;
			edit('point', `điểm ${c.point} → ${next}`, next);
		}
	}

	for (const field of ['effective_from', 'effective_to'] as const) {
		const v = data[field];
		if (!v) continue;
		for (const delta of [-1, 1]) {
			const to = addDays(v, delta);
			out.push({
				kind: 'effective-date',
				path: field,
				change: `${v} → ${to}`,
				apply: (d) => void (d[field] = to)
			});
		}
	}
	return out;
}

function addDays(iso: string, n: number): string {
	const t = new Date(`${iso}T00:00:00Z`);
	t.setUTCDate(t.getUTCDate() + n);
	return t.toISOString().slice(0, 10);
}

/** True when the rule set's own tests notice the mutant (or it no longer compiles). */
export function killed(ruleset: RuleSet, mutant: DataMutant): boolean {
	const mutated = mutatedRuleSet(ruleset, mutant);
	return mutated === null || runGoldenCases(mutated).failed.length > 0;
}

function mutatedRuleSet(ruleset: RuleSet, mutant: DataMutant): RuleSet | null {
	const data = structuredClone(ruleset.data);
	mutant.apply(data);
	try {
		return compileRuleSet(data, ruleset.hash, ruleset.locate);
	} catch {
		return null;
	}
}

/**
 * Valid, normalized fact sets near the golden cases: each case's system and components with one
 * fact changed (facts that then apply are filled in), and those changed once more, up to `limit`.
 */
export function neighbourhood(ruleset: RuleSet, limit = 20_000): Facts[] {
	const constants = new Map<string, Set<number>>();
	const collect = (c: Condition) => {
		const n = c as Json;
		for (const k of ['all', 'any']) ((n[k] as Condition[] | undefined) ?? []).forEach(collect);
		if (n.not) collect(n.not as Condition);
		if (typeof n.fact === 'string')
			for (const v of Object.values(n))
				if (typeof v === 'number') {
					const s = constants.get(n.fact) ?? new Set<number>();
					for (const d of [-1, 0, 1]) s.add(v + d);
					constants.set(n.fact, s);
				}
	};
	for (const c of ruleset.data.criteria) collect(c.when);
	for (const d of ruleset.data.designations ?? []) collect(d.when);
	const domain = (name: string, current: FactValue | undefined): FactValue[] => {
		const def = ruleset.data.facts[name]!;
		switch (def.type) {
			case 'boolean':
				return [false, true];
			case 'enum':
				return def.values;
			case 'integer': {
				const vs = [def.min ?? 0, ...(constants.get(name) ?? [])];
				return [...new Set(vs)].filter(
					(v) => (def.min === undefined || v >= def.min) && (def.max === undefined || v <= def.max)
				);
			}
			case 'set': {
				const cur = Array.isArray(current) ? current : [];
				return [
					...def.values.map((v) => [v]),
					...def.values.filter((v) => !cur.includes(v)).map((v) => [...cur, v]),
					...cur.map((v) => cur.filter((x) => x !== v)).filter((l) => l.length > 0)
				];
			}
		}
	};
	const fill = (raw: Facts): Facts | null => {
		for (let round = 0; round < 8; round++) {
			const n = normalizeFacts(ruleset, raw);
			if (n.errors.length === 0) return n.facts;
			const missing = n.errors.find((e) => e.code === 'missing');
			if (!missing || n.errors.length > 1) return null;
			for (const name of missing.facts ?? []) raw[name] = domain(name, undefined)[0]!;
		}
		return null;
	};
	const seen = new Map<string, Facts>();
	let frontier: Facts[] = (ruleset.data.tests ?? []).flatMap((t) => [
		t.facts,
		...(t.components ?? []).map((c) => c.facts)
	]);
	for (const f of frontier) {
		const n = fill({ ...f });
		if (n) seen.set(canonicalJson(n), n);
	}
	for (let depth = 0; depth < 2 && seen.size < limit; depth++) {
		const next: Facts[] = [];
		for (const base of frontier)
			for (const { name } of ruleset.factList)
				for (const v of domain(name, base[name])) {
					const n = fill({ ...base, [name]: v });
					if (!n) continue;
					const key = canonicalJson(n);
					if (seen.has(key)) continue;
					seen.set(key, n);
					next.push(n);
					if (seen.size >= limit) return [...seen.values()];
				}
		frontier = next;
	}
	return [...seen.values()];
}

/** The predicate a condition mutant changed ("criteria[id]…" or "designations[id]…"). */
function predicate(rs: RuleSet, path: string): ((f: Facts) => boolean) | undefined {
	const m = /^(criteria|designations)\[([^\]]+)\]/.exec(path);
	if (!m) return undefined;
	return m[1] === 'criteria'
		? rs.compiled.find((c) => c.criterion.id === m[2])?.test
		: rs.designations.find((d) => d.designation.id === m[2])?.test;
}

export function mutationReport(ruleset: RuleSet): MutationReport {
	const mutants = dataMutants(ruleset.data);
	const survivors: Survivor[] = [];
	const equivalent: Survivor[] = [];
	let space: Facts[] | undefined;
	for (const m of mutants) {
		const mutated = mutatedRuleSet(ruleset, m);
		if (mutated === null || runGoldenCases(mutated).failed.length > 0) continue;
		const { kind, path, change } = m;
		const condition = kind === 'threshold' || kind === 'operator' || kind === 'drop-condition';
		const before = condition ? predicate(ruleset, path) : undefined;
		const after = condition && mutated ? predicate(mutated, path) : undefined;
		if (!before || !after) {
			survivors.push({ kind, path, change });
			continue;
		}
		space ??= neighbourhood(ruleset);
		const witness = space.find((f) => before(f) !== after(f));
		if (witness) survivors.push({ kind, path, change, witness });
		// Only exploring shows a change to be equivalent: with no golden case to start from nothing
		// is explored, and a change no case tests survives.
		else if (space.length === 0) survivors.push({ kind, path, change });
		else equivalent.push({ kind, path, change });
	}
	return {
		ref: ruleset.ref,
		total: mutants.length,
		killed: mutants.length - survivors.length - equivalent.length,
		survivors,
		equivalent,
		explored: space?.length ?? 0
	};
}

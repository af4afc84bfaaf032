// Engine throughput on a realistic mix of systems, against the same criteria run by
// json-rules-engine (translated from the YAML, so both encode exactly the same rules).
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { evaluate, type Condition, type Facts, type RuleSet } from '../src/lib/rules';
import { bundledRuleSets } from '../src/lib/server/ruleset-files';
import type { BenchResult } from './run';

function toJre(c: Condition): TopLevelCondition {
	if ('all' in c) return { all: c.all.map(toJre) } as TopLevelCondition;
	if ('any' in c) return { any: c.any.map(toJre) } as TopLevelCondition;
	if ('not' in c) return { not: toJre(c.not) } as TopLevelCondition;
	const { fact, ...rest } = c as { fact: string } & Record<string, unknown>;
	const [op, value] = Object.entries(rest)[0]!;
	const operator = {
		eq: 'equal',
		ne: 'notEqual',
		in: 'in',
		lt: 'lessThan',
		lte: 'lessThanInclusive',
		gt: 'greaterThan',
		gte: 'greaterThanInclusive',
		contains: 'contains',
		contains_any: 'containsAny',
		only: 'only'
	}[op]!;
	return { all: [{ fact, operator, value }] } as unknown as TopLevelCondition;
}

function jreEngine(rs: RuleSet): Engine {
	const engine = new Engine([], { allowUndefinedFacts: true });
	engine.addOperator(
		'containsAny',
		(a: unknown, b: unknown) => Array.isArray(a) && (b as string[]).some((v) => a.includes(v))
	);
	engine.addOperator(
		'only',
		(a: unknown, b: unknown) =>
			Array.isArray(a) && a.length > 0 && a.every((v) => (b as string[]).includes(v as string))
	);
	for (const c of rs.data.criteria)
		engine.addRule({
			conditions: toJre(c.when),
			event: { type: c.id, params: { level: c.level } }
		});
	return engine;
}

/** The golden cases' facts, repeated with varied user counts and levels: a realistic spread. */
function mix(rs: RuleSet, n: number): Facts[] {
	const base = (rs.data.tests ?? []).map((t) => t.facts);
	const out: Facts[] = [];
	for (let i = 0; i < n; i++) {
		const f = { ...base[i % base.length]! };
		if (f.function === 'citizen_services') {
			f.online_service_users_with_private_info = (i * 7919) % 60000;
			f.online_public_service_level = i % 5;
		}
		out.push(f);
	}
	return out;
}

export async function run(): Promise<BenchResult> {
	const rs = bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd85@tt03-2017')!;
	const systems = mix(rs, 20000);
	const engine = jreEngine(rs);

	// Same answers first: the comparison is only fair if both engines agree.
	for (const f of systems.slice(0, 500)) {
		const ours = evaluate(rs, { facts: f });
		const { events } = await engine.run(f);
		const theirs = events.reduce((m, e) => Math.max(m, (e.params as { level: number }).level), 0);
		if (!ours.ok || (ours.value.level ?? 0) !== theirs)
			throw new Error(`engines disagree on ${JSON.stringify(f)}`);
	}

	const time = async (fn: () => Promise<void> | void) => {
		const t0 = performance.now();
		await fn();
		return performance.now() - t0;
	};
	const rounds = 3;
	let oursMs = Infinity;
	let theirsMs = Infinity;
	for (let r = 0; r < rounds; r++) {
		oursMs = Math.min(oursMs, await time(() => systems.forEach((f) => evaluate(rs, { facts: f }))));
		theirsMs = Math.min(
			theirsMs,
			await time(async () => {
				for (const f of systems.slice(0, 5000)) await engine.run(f);
			})
		);
	}
	const oursRate = systems.length / (oursMs / 1000);
	const theirsRate = 5000 / (theirsMs / 1000);
	return {
		name: 'Rules engine: evaluations per second (vn-nd85@tt03-2017, best of 3)',
		lines: [
			`capdo evaluate (validates facts, fires ${rs.data.criteria.length} criteria): ${Math.round(oursRate).toLocaleString('en')} /s`,
			`json-rules-engine 7, same criteria:              ${Math.round(theirsRate).toLocaleString('en')} /s`,
			`ratio capdo / json-rules-engine: ${(oursRate / theirsRate).toFixed(1)}× (goal ≥ 10×)`
		]
	};
}

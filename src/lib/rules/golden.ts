import { evaluate } from './evaluate';
import type { Classification, GoldenCase, RuleSet } from './types';

/** Runs one golden case; returns what differs, or null when it passes. */
export function runGoldenCase(ruleset: RuleSet, t: GoldenCase): string | null {
	return goldenFailure(ruleset, t)?.problem ?? null;
}

/** Why a golden case fails, with the facts it lacks when that is (part of) the reason. */
export function goldenFailure(
	ruleset: RuleSet,
	t: GoldenCase
): { problem: string; missing: string[] } | null {
	const r = evaluate(ruleset, { name: t.name, facts: t.facts, components: t.components });
	if (!r.ok)
		return {
			problem: `invalid facts: ${r.errors.map((e) => `${e.path}: ${e.message.en}`).join('; ')}`,
			// Only when missing facts are the whole reason: then a default or the fact fixes it.
			missing: r.errors.every((e) => e.code === 'missing')
				? r.errors.flatMap((e) => e.facts ?? [])
				: []
		};
	const problem = compare(r.value, t);
	return problem === null ? null : { problem, missing: [] };
}

function compare(got: Classification, t: GoldenCase): string | null {
	const problems: string[] = [];
	if (got.level !== t.expect.level)
		problems.push(`expected level ${t.expect.level ?? 'null'}, got ${got.level ?? 'null'}`);
	const want = [...t.expect.criteria].sort();
	const fired = got.basis.map((b) => b.id).sort();
	if (want.join() !== fired.join())
		problems.push(`expected criteria [${want.join(', ')}], got [${fired.join(', ')}]`);
	if (t.expect.components) {
		const levels = got.components.map((c) => c.level);
		if (levels.join() !== t.expect.components.join())
			problems.push(
				`expected component levels [${t.expect.components.join(', ')}], got [${levels.join(', ')}]`
			);
	}
	return problems.length > 0 ? problems.join('; ') : null;
}

export interface GoldenReport {
	passed: number;
	failed: { name: string; file: string; line: number; column: number; problem: string }[];
}

export function runGoldenCases(ruleset: RuleSet): GoldenReport {
	const report: GoldenReport = { passed: 0, failed: [] };
	(ruleset.data.tests ?? []).forEach((t, i) => {
		const problem = runGoldenCase(ruleset, t);
		if (problem === null) report.passed++;
		else report.failed.push({ name: t.name, ...ruleset.testLocations[i]!, problem });
	});
	return report;
}

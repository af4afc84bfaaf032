import { canonicalJson } from './hash';
import { evaluate } from './evaluate';
import { procedureFor } from './procedure';
import type { Classification, GoldenCase, Level, ProcedureCase, RuleSet } from './types';

/** How a golden case writes a fired criterion: its citation and the level it gives. */
export const basisText = (b: { citation: string; level: Level }) =>
	`${b.citation} → cấp độ ${b.level}`;

/**
 * A case written for a version still holds in a child that only records an amendment of the same
 * provision: "Điều 12 khoản 2 điểm b … (được sửa đổi, bổ sung bởi …)" matches "Điều 12 khoản 2 điểm b …".
 */
function basisMatches(b: { citation: string; level: Level }, cited: string): boolean {
	const [citation, level] = cited.split(' → cấp độ ');
	return (
		String(b.level) === level && (b.citation === citation || b.citation.startsWith(`${citation} (`))
	);
}

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
	for (const [id, cited] of Object.entries(t.expect.basis ?? {})) {
		const b = got.basis.find((x) => x.id === id);
		if (!b || basisMatches(b, cited)) continue;
		problems.push(`expected ${id}: "${cited}", got "${basisText(b)}"`);
	}
	// Designations (Điều 16 Nghị định 331/2026): none unless the case names them.
	const designations = Object.fromEntries(got.designations.map((d) => [d.id, d.citation]));
	if (canonicalJson(designations) !== canonicalJson(t.expect.designations ?? {}))
		problems.push(
			`expected designations ${JSON.stringify(t.expect.designations ?? {})}, got ${JSON.stringify(designations)}`
		);
	if (t.expect.components) {
		const levels = got.components.map((c) => c.level);
		if (levels.join() !== t.expect.components.join())
			problems.push(
				`expected component levels [${t.expect.components.join(', ')}], got [${levels.join(', ')}]`
			);
	}
	return problems.length > 0 ? problems.join('; ') : null;
}

/** Checks one level's procedure as a reader sees it; returns what differs, or null. */
export function runProcedureCase(ruleset: RuleSet, want: ProcedureCase): string | null {
	const p = procedureFor(ruleset, want.level, 'vi');
	const deadline = (d: typeof p.appraisal_deadline) =>
		d ? { days: d.days, working_days: d.working_days, citation: d.citation } : null;
	const got: Record<string, unknown> = {
		appraiser: p.appraiser,
		approver: p.approver,
		authority: p.authority_citation,
		appraisal_deadline: deadline(p.appraisal_deadline),
		approval_deadline: deadline(p.approval_deadline),
		completeness_deadline: deadline(p.completeness_deadline),
		submission: p.submission
			? {
					originals: p.submission.originals,
					copies: p.submission.copies,
					citation: p.submission.citation
				}
			: null
	};
	const problems: string[] = [];
	for (const [key, value] of Object.entries(got)) {
		const expected = (want as unknown as Record<string, unknown>)[key];
		if ((key === 'submission' || key === 'completeness_deadline') && expected === undefined)
			continue;
		if (canonicalJson(expected) !== canonicalJson(value))
			problems.push(`${key}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(value)}`);
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
	(ruleset.data.procedure_tests ?? []).forEach((p, i) => {
		const problem = runProcedureCase(ruleset, p);
		if (problem === null) report.passed++;
		else
			report.failed.push({
				name: `procedure, level ${p.level}`,
				...(ruleset.locate?.(['procedure_tests', i]) ?? { file: ruleset.ref, line: 1, column: 1 }),
				problem
			});
	});
	const { effective_from: from, effective_to: to } = ruleset.data;
	(ruleset.data.effective_tests ?? []).forEach((e, i) => {
		const inForce = from <= e.date && (to === undefined || e.date <= to);
		if (inForce === e.in_force) report.passed++;
		else
			report.failed.push({
				name: `in force on ${e.date}`,
				...(ruleset.locate?.(['effective_tests', i]) ?? { file: ruleset.ref, line: 1, column: 1 }),
				problem: `expected ${e.in_force ? 'in force' : 'not in force'} on ${e.date} (in force ${from} – ${to ?? '…'})`
			});
	});
	return report;
}

// Temporal golden cases at every boundary (2017-07-01, 2022-10-01, 2026-07-01, 2026-08-19,
// 2027-01-01, 2027-07-01): which rule set applies and which transition deadline comes next.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTimeline, runTimeline, runTimelineCase } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';

const FILE = 'rulesets/timeline.yaml';
const TEXT = readFileSync(FILE, 'utf8');
const rulesets = bundledRuleSets().rulesets;

describe('rulesets/timeline.yaml', () => {
	const parsed = parseTimeline(FILE, TEXT);

	it('covers every boundary date, each case passing', () => {
		expect(parsed.errors).toEqual([]);
		const dates = new Set(parsed.cases.map((c) => c.date));
		for (const d of [
			'2017-07-01',
			'2022-10-01',
			'2026-07-01',
			'2026-08-19',
			'2027-01-01',
			'2027-07-01'
		])
			expect(dates.has(d), d).toBe(true);
		// The day before each regime takes effect is pinned too.
		for (const d of ['2017-06-30', '2022-09-30', '2026-08-18', '2027-01-02', '2027-07-02'])
			expect(dates.has(d), d).toBe(true);
		const r = runTimeline(rulesets, parsed);
		expect(r.failed).toEqual([]);
		expect(r.passed).toBe(parsed.cases.length);
	});

	it('fails, located, when a date or deadline moves', () => {
		const moved = TEXT.replace('applies_until: 2027-01-01', 'applies_until: 2026-12-31');
		const r = runTimeline(rulesets, parseTimeline(FILE, moved));
		expect(r.failed).toHaveLength(1);
		expect(r.failed[0]!.problem).toBe(
			'transition applies_until: expected 2026-12-31, got 2027-01-01'
		);
		expect(r.failed[0]!.location.line).toBeGreaterThan(1);
		const c = parsed.cases.find((x) => x.date === '2026-08-19')!;
		expect(
			runTimelineCase(rulesets, { ...c, expect: { ...c.expect, ruleset: 'vn-nd85@tt12-2022' } })
		).toMatch(/^on 2026-08-19 a new classification uses vn-nd331@2026, expected vn-nd85@tt12-2022/);
	});

	it('locates a malformed case', () => {
		const r = parseTimeline(
			FILE,
			'cases:\n  - name: x\n    date: 1/7/2026\n    expect: { ruleset: null }\n'
		);
		expect(r.errors).toEqual([
			expect.objectContaining({
				line: 3,
				field: 'cases.0.date',
				message: 'must be a date written YYYY-MM-DD'
			})
		]);
	});
});

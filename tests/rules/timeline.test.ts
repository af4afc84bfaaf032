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

	it('checks the next provision of the rule set in force: due on its day, passed the day after', () => {
		const c = (date: string, next_provision: string | null) =>
			runTimelineCase(rulesets, {
				name: 'x',
				date,
				expect: { ruleset: 'vn-nd85@tt12-2022', next_provision }
			});
		expect(c('2023-05-31', 'tt12-d16-k1@2023-05-31')).toBeNull();
		expect(c('2023-06-01', null)).toBeNull();
		// Three Decree 331 provisions end on 01/07/2027 (Luật 116 Điều 45 khoản 1 and 3, Nghị định 331
		// Điều 39 khoản 1): the first written is named.
		const nd331 = (date: string) =>
			runTimelineCase(rulesets, {
				name: 'x',
				date,
				expect: { ruleset: 'vn-nd331@2026', next_provision: 'none@x' }
			});
		expect(nd331('2027-01-02')).toBe(
			'next provision of vn-nd331@2026: expected none@x, got luat116-d45-k1@2027-07-01'
		);
		expect(nd331('2026-12-31')).toBe(
			'next provision of vn-nd331@2026: expected none@x, got nd331-d39-k1-nd85@2027-01-01'
		);
		expect(
			runTimelineCase(rulesets, { name: 'x', date: '2020-01-01', expect: { ruleset: null } })
		).toBe('on 2020-01-01 a new classification uses vn-nd85@tt03-2017, expected none');
		expect(c('2023-05-31', null)).toBe(
			'next provision of vn-nd85@tt12-2022: expected none, got tt12-d16-k1@2023-05-31'
		);
		expect(c('2023-06-01', 'tt12-d16-k1@2023-05-31')).toBe(
			'next provision of vn-nd85@tt12-2022: expected tt12-d16-k1@2023-05-31, got none'
		);
		// Several problems of one case are reported together.
		expect(
			runTimelineCase(rulesets, {
				name: 'x',
				date: '2017-06-30',
				expect: { ruleset: 'vn-nd85@tt03-2017', next_provision: 'a@2017-07-01' }
			})
		).toBe(
			'on 2017-06-30 a new classification uses no rule set, expected vn-nd85@tt03-2017; next provision of no rule set: expected a@2017-07-01, got none'
		);
	});

	it('follows a stored classification only when a transition is expected', () => {
		const stored = { ruleset: 'vn-nd85@nope' };
		expect(
			runTimelineCase(rulesets, {
				name: 'x',
				date: '2026-09-01',
				stored,
				expect: { ruleset: 'vn-nd331@2026' }
			})
		).toBeNull();
		expect(
			runTimelineCase(rulesets, {
				name: 'x',
				date: '2026-09-01',
				stored,
				expect: { ruleset: 'vn-nd331@2026', transition: { action: 'none', regime: 'x' } }
			})
		).toBe('unknown rule set vn-nd85@nope');
	});

	it('reports a failed case at the case, and counts the rest', () => {
		const text = `cases:
  - name: a
    date: 2020-01-01
    expect: { ruleset: vn-nd85@tt12-2022 }
  - &b
    name: b
    date: 2023-06-01
    expect: { ruleset: vn-nd85@tt12-2022, next_provision: null }
  - <<: *b
    name: c
`;
		const parsed = parseTimeline('t.yaml', text);
		expect(parsed.errors).toEqual([]);
		// The merge key gives c b's date and expectation.
		expect(parsed.cases[2]).toEqual({ ...parsed.cases[1], name: 'c' });
		expect(parsed.locations.map((l) => [l.file, l.line, l.column])).toEqual([
			['t.yaml', 2, 5],
			['t.yaml', 6, 5],
			['t.yaml', 9, 5]
		]);
		expect(runTimeline(rulesets, parsed)).toEqual({
			passed: 2,
			failed: [
				{
					name: 'a',
					location: parsed.locations[0],
					problem:
						'on 2020-01-01 a new classification uses vn-nd85@tt03-2017, expected vn-nd85@tt12-2022'
				}
			]
		});
	});

	it('refuses, located, a file that is not a list of cases', () => {
		expect(parseTimeline('t.yaml', 'cases: [\n')).toEqual({
			cases: [],
			locations: [],
			errors: [expect.objectContaining({ file: 't.yaml', line: 2, column: 1 })]
		});
		// A syntax error anywhere keeps every case out, the well-formed ones too.
		const twice =
			'cases:\n  - name: a\n    date: 2020-01-01\n    expect: { ruleset: null }\n    name: b\n';
		expect(parseTimeline('t.yaml', twice)).toEqual({
			cases: [],
			locations: [],
			errors: [
				{
					file: 't.yaml',
					line: 5,
					column: 5,
					message: 'Map keys must be unique'
				}
			]
		});
		for (const text of ['', 'cases: 3\n', 'case:\n  - name: x\n'])
			expect(parseTimeline('t.yaml', text), text).toEqual({
				cases: [],
				locations: [],
				errors: [{ file: 't.yaml', line: 1, column: 1, message: 'expected "cases:" (a list)' }]
			});
	});

	it('refuses each malformed case at its field, keeping the good ones', () => {
		const text = `cases:
  - name: ok
    date: 2020-01-01
    expect: { ruleset: null }
  -
  - date: 2020-01-01
  - name: 3
  - name: no date
    expect: { ruleset: null }
  - name: no expected rule set
    date: 2020-01-01
    expect: { next_provision: null }
  - name: no stored
    date: 2020-01-01
    expect: { ruleset: null, transition: { action: none } }
  - name: typo
    date: 2020-01-01
    expcet: { ruleset: null }
    expect: { ruleset: null }
  - name: stored typo
    date: 2020-01-01
    stored: { ruleset: a, approved: 2020-01-01 }
    expect: { ruleset: null }
  - name: expect typo
    date: 2020-01-01
    expect: { ruleset: null, next_deadline: null }
  - name: transition typo
    date: 2020-01-01
    stored: { ruleset: a }
    expect: { ruleset: null, transition: { action: none, until: 2020-01-02 } }
  - name: date in a list
    date: [2020-01-01]
    expect: { ruleset: null }
  - name: expect not a block
    date: 2020-01-01
    expect: vn-nd331@2026
  - name: stored a list
    date: 2020-01-01
    stored: [a]
    expect: { ruleset: null }
  - name: stored left empty
    date: 2020-01-01
    stored:
    expect: { ruleset: null }
`;
		const r = parseTimeline('t.yaml', text);
		expect(r.cases.map((c) => c.name)).toEqual(['ok', 'stored left empty']);
		expect(r.locations).toEqual([
			expect.objectContaining({ line: 2, column: 5 }),
			expect.objectContaining({ line: 41, column: 5 })
		]);
		expect(r.errors.map((e) => [e.line, e.column, e.field, e.message])).toEqual([
			[5, 4, 'cases.1.name', 'a case needs a "name"'],
			[6, 5, 'cases.2.name', 'a case needs a "name"'],
			[7, 11, 'cases.3.name', 'a case needs a "name"'],
			[8, 5, 'cases.4.date', 'must be a date written YYYY-MM-DD'],
			[12, 13, 'cases.5.expect', 'a case expects a "ruleset" (or null)'],
			[
				15,
				42,
				'cases.6.expect.transition',
				'a transition needs the "stored" classification it follows'
			],
			[
				18,
				13,
				'cases.7.expcet',
				'unknown key "expcet"; expected one of: name, date, stored, expect'
			],
			[
				22,
				37,
				'cases.8.stored.approved',
				'unknown key "approved"; expected one of: ruleset, stage, approved_on'
			],
			[
				26,
				45,
				'cases.9.expect.next_deadline',
				'unknown key "next_deadline"; expected one of: ruleset, next_provision, transition'
			],
			[
				30,
				65,
				'cases.10.expect.transition.until',
				'unknown key "until"; expected one of: action, regime, applies_until, overdue, next_deadline'
			],
			[32, 11, 'cases.11.date', 'must be a date written YYYY-MM-DD'],
			[36, 13, 'cases.12.expect', 'expected a block of keys: ruleset, next_provision, transition'],
			[39, 13, 'cases.13.stored', 'expected a block of keys: ruleset, stage, approved_on']
		]);
	});
});

// Which rule set applies on a date, on a hand-made registry: exact refs (even withdrawn), an id's
// version in force, and with no id the regime that took effect last among those in force.
import { describe, expect, it } from 'vitest';
import { selectRuleSet, type RuleSet } from '../../src/lib/rules';

const rs = (id: string, version: string, from: string, to?: string, withdrawn = false) =>
	({
		ref: `${id}@${version}`,
		data: { id, version, effective_from: from, ...(to ? { effective_to: to } : {}) },
		...(withdrawn ? { withdrawn: { reason: 'sai', at: '2026-01-01' } } : {})
	}) as unknown as RuleSet;

// Listed out of date order on purpose.
const REGISTRY = [
	rs('nd85', 'tt12', '2022-10-01', '2026-08-18'),
	rs('nd85', 'tt03', '2017-07-01', '2022-09-30'),
	rs('nd331', '2027', '2027-03-01', undefined, true),
	rs('nd331', '2026', '2026-08-19')
];
const pick = (spec: string | undefined, date: string) => selectRuleSet(REGISTRY, spec, date)?.ref;

describe('selectRuleSet', () => {
	it('an exact ref, whatever the date, even withdrawn (stored results cite it)', () => {
		expect(pick('nd85@tt03', '2030-01-01')).toBe('nd85@tt03');
		expect(pick('nd331@2027', '2020-01-01')).toBe('nd331@2027');
		expect(pick('nd331@1999', '2027-01-01')).toBeUndefined();
	});

	it('an id: its version in force on the date, first and last days included', () => {
		expect(pick('nd85', '2017-06-30')).toBeUndefined();
		expect(pick('nd85', '2017-07-01')).toBe('nd85@tt03');
		expect(pick('nd85', '2022-09-30')).toBe('nd85@tt03');
		expect(pick('nd85', '2022-10-01')).toBe('nd85@tt12');
		expect(pick('nd85', '2026-08-18')).toBe('nd85@tt12');
		expect(pick('nd85', '2026-08-19')).toBeUndefined();
	});

	it('a withdrawn version is in force on no date', () => {
		expect(pick('nd331', '2027-06-01')).toBe('nd331@2026');
	});

	it('no id: the regime in force that took effect last', () => {
		expect(pick(undefined, '2020-01-01')).toBe('nd85@tt03');
		expect(pick(undefined, '2024-01-01')).toBe('nd85@tt12');
		expect(pick(undefined, '2026-08-19')).toBe('nd331@2026');
		expect(pick(undefined, '2016-01-01')).toBeUndefined();
	});

	it('with two regimes in force on the same day, the later one wins', () => {
		const overlap = [
			rs('a', '1', '2020-01-01'),
			rs('b', '1', '2021-01-01'),
			rs('c', '1', '2019-01-01')
		];
		expect(selectRuleSet(overlap, undefined, '2022-01-01')?.ref).toBe('b@1');
		expect(selectRuleSet([...overlap].reverse(), undefined, '2022-01-01')?.ref).toBe('b@1');
	});
});

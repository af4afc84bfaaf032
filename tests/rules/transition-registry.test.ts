// transitionStatus on hand-made registries, for what the bundled rule sets do not show: a version
// replaced by a newer version of the same regime, the choice between two later regimes, periods
// in months ending at the end of a shorter month (Bộ luật Dân sự Điều 148), a provision without
// a summary.
import { describe, expect, it } from 'vitest';
import { transitionStatus, type RuleSet, type TransitionRule } from '../../src/lib/rules';

const SOURCES = [
	{
		id: 'nd9',
		type: { vi: 'Nghị định', en: 'Decree' },
		number: '9/2030/NĐ-CP',
		date: '2030-01-01',
		issuer: 'Chính phủ'
	}
];
const rs = (ref: string, from: string, to?: string, transition?: TransitionRule[]) => {
	const [id, version] = ref.split('@');
	return {
		ref,
		data: { id, version, effective_from: from, effective_to: to, transition, sources: SOURCES }
	} as unknown as Pick<RuleSet, 'ref' | 'data'>;
};
const rule = (id: string, extra: Partial<TransitionRule>): TransitionRule => ({
	id,
	text: `Văn bản ${id}`,
	effect: 'finish_under_old',
	citation: { source: 'nd9', article: 40, clause: 1 },
	...extra
});

describe('a version replaced by a newer version of the same regime', () => {
	const reg = [rs('a@2', '2027-03-01'), rs('a@1', '2026-01-01', '2027-02-28')];
	it('while the pinned version is in force: current', () => {
		expect(transitionStatus(reg, { ruleset: 'a@1', date: '2027-02-28' })).toMatchObject({
			regime: 'a@1',
			action: 'none',
			reason: 'current'
		});
	});
	it('after: reclassify under the newer version', () => {
		const s = transitionStatus(reg, { ruleset: 'a@1', date: '2027-03-01' });
		expect(s).toMatchObject({
			regime: 'a@2',
			successor: 'a@2',
			action: 'reclassify_under_new',
			reason: 'superseded_version',
			overdue: false
		});
	});
	it('the newest version is current; an unknown ref has no status', () => {
		expect(transitionStatus(reg, { ruleset: 'a@2', date: '2028-01-01' })?.reason).toBe('current');
		expect(transitionStatus(reg, { ruleset: 'a@3', date: '2028-01-01' })).toBeUndefined();
	});
});

describe('two later regimes', () => {
	// b replaces a on 1/1/2028, c replaces b on 1/1/2030; a version of a's own id never counts.
	const reg = [
		rs('c@1', '2030-01-01'),
		rs('a@1', '2026-01-01', '2027-12-31'),
		rs('b@1', '2028-01-01', '2029-12-31'),
		rs('a@0', '2020-01-01', '2025-12-31')
	];
	it.each([
		['2027-06-01', 'b@1'], // none in force yet: the first to come
		['2028-01-01', 'b@1'],
		['2029-12-31', 'b@1'],
		['2030-01-01', 'c@1'] // the one in force that took effect last
	])('on %s the successor of a@1 is %s', (date, successor) => {
		expect(transitionStatus(reg, { ruleset: 'a@1', date })?.successor).toBe(successor);
	});
	it('an older version of a is judged by a’s last version', () => {
		expect(transitionStatus(reg, { ruleset: 'a@0', date: '2027-06-01' })).toMatchObject({
			regime: 'a@1',
			successor: 'b@1',
			action: 'finish_under_old',
			reason: 'old_still_in_force',
			applies_until: '2027-12-31'
		});
	});
});

describe('dated provisions', () => {
	const months = (m: number, from: string) =>
		transitionStatus(
			[rs('a@1', '2020-01-01'), rs('b@1', from, undefined, [rule('p', { months: m })])],
			{ ruleset: 'a@1', date: '2020-06-01', stage: 'new_project' }
		)?.deadlines.map((d) => d.date);
	it('a period in months ends on the same day of the last month, or its last day', () => {
		expect(months(6, '2026-08-31')).toEqual(['2027-02-28']);
		expect(months(6, '2027-08-31')).toEqual(['2028-02-29']);
		expect(months(1, '2026-01-31')).toEqual(['2026-02-28']);
		expect(months(12, '2026-08-19')).toEqual(['2027-08-19']);
		expect(months(5, '2026-08-19')).toEqual(['2027-01-19']);
		expect(months(4, '2026-08-19')).toEqual(['2026-12-19']);
	});

	it('finish under the old regime until the earliest open deadline; the day itself still counts', () => {
		const reg = [
			rs('a@1', '2020-01-01'),
			rs('b@1', '2026-01-01', undefined, [
				rule('late', { deadline: '2027-06-30' }),
				rule('early', { deadline: '2026-12-31', summary: { vi: 'Tóm tắt', en: 'Summary' } }),
				rule('other', { deadline: '2026-06-30', applies_to: { stage: ['in_operation'] } }),
				rule('info', { deadline: '2026-03-31', effect: undefined })
			])
		];
		const on = (date: string) =>
			transitionStatus(reg, { ruleset: 'a@1', date, stage: 'new_project' })!;
		expect(on('2026-12-31')).toMatchObject({
			applies_until: '2026-12-31',
			action: 'finish_under_old'
		});
		expect(on('2026-12-31').deadlines.map((d) => [d.id, d.date, d.passed])).toEqual([
			['early', '2026-12-31', false],
			['late', '2027-06-30', false]
		]);
		expect(on('2027-01-01').applies_until).toBe('2027-06-30');
		expect(on('2027-01-01').deadlines.map((d) => d.passed)).toEqual([true, false]);
		const p = on('2026-12-31').basis.find((b) => b.id === 'late')!;
		expect([p.summary, p.citation]).toEqual([
			{ vi: 'Văn bản late', en: 'Văn bản late' },
			{ vi: 'Điều 40 khoản 1 Nghị định 9/2030/NĐ-CP', en: 'Article 40(1) of Decree 9/2030/NĐ-CP' }
		]);
		expect(on('2026-12-31').basis.find((b) => b.id === 'early')!.summary).toEqual({
			vi: 'Tóm tắt',
			en: 'Summary'
		});
		expect(on('2027-07-01')).toMatchObject({
			regime: 'b@1',
			reason: 'finish_deadline_passed',
			overdue: true
		});
	});
});

it('an approval counts from its own day, not before', () => {
	const reg = [
		rs('a@1', '2020-01-01'),
		rs('b@1', '2026-01-01', undefined, [rule('keep', { effect: 'keep_level' })])
	];
	const on = (date: string) =>
		transitionStatus(reg, {
			ruleset: 'a@1',
			date,
			approved_on: '2026-05-01',
			stage: 'in_operation'
		})!;
	expect([on('2026-05-01').action, on('2026-05-01').basis.map((b) => b.id)]).toEqual([
		'update_measures',
		['keep']
	]);
	expect(on('2026-04-30')).toMatchObject({ action: 'reclassify_under_new', reason: 'not_covered' });
});

// What the rules-core run of 4 December left alive in transition.ts, each test verified by
// applying the mutation by hand (named in each title) and watching it fail.
describe('regimes with no successor (transition.ts lines 61–62, 105–119)', () => {
	it('a current regime has no successor, deadlines, basis or overdue flag', () => {
		// base's [] / false, each replaced: a current system would show a deadline or be overdue.
		expect(
			transitionStatus([rs('a@1', '2026-01-01')], { ruleset: 'a@1', date: '2027-01-01' })
		).toEqual({
			pinned: 'a@1',
			regime: 'a@1',
			action: 'none',
			reason: 'current',
			deadlines: [],
			basis: [],
			overdue: false
		});
	});

	it('a regime that ended with nothing to replace it is still the current one', () => {
		// `latest.ref === pinned.ref || inForce(…)` → `&&`: it would be "superseded" by itself.
		expect(
			transitionStatus([rs('a@1', '2020-01-01', '2021-12-31')], {
				ruleset: 'a@1',
				date: '2023-01-01'
			})
		).toMatchObject({ regime: 'a@1', action: 'none', reason: 'current' });
	});

	it('an older version still in force stays current to its last day, then is superseded', () => {
		// Listed oldest first, so the newest-first sort of the versions is really exercised.
		const reg = [rs('a@1', '2026-01-01', '2027-06-30'), rs('a@2', '2027-03-01')];
		const on = (date: string) => transitionStatus(reg, { ruleset: 'a@1', date })!;
		// inForce → false, or `date <= effective_to` → `<`: superseded while a@1 is still in force.
		expect([on('2027-03-01').reason, on('2027-06-30').reason]).toEqual(['current', 'current']);
		// `!effective_to ||` → `effective_to ||`: a@1 would stay current after its end.
		expect(on('2027-07-01')).toEqual({
			pinned: 'a@1',
			regime: 'a@2',
			successor: 'a@2',
			action: 'reclassify_under_new',
			reason: 'superseded_version',
			deadlines: [],
			basis: [],
			overdue: false
		});
		// A version without an end date stays in force (`!effective_to || …` → `&&`).
		const open = [rs('a@1', '2026-01-01'), rs('a@2', '2027-03-01')];
		expect(transitionStatus(open, { ruleset: 'a@1', date: '2028-01-01' })?.reason).toBe('current');
	});

	it('before the pinned version takes effect, the version in force governs', () => {
		// `effective_from <= date` → `true` in inForce: a@2 would be current a year early.
		const reg = [rs('a@1', '2026-01-01', '2026-12-31'), rs('a@2', '2027-01-01')];
		expect(transitionStatus(reg, { ruleset: 'a@2', date: '2026-06-01' })).toMatchObject({
			regime: 'a@1',
			action: 'reclassify_under_new'
		});
		expect(transitionStatus(reg, { ruleset: 'a@2', date: '2027-01-01' })?.reason).toBe('current');
	});
});

describe('choosing the successor (transition.ts lines 82–87)', () => {
	it('a regime taking effect the same day does not replace it', () => {
		// `effective_from > pinned's` → `>=`: b@1 would become a@1's successor.
		const reg = [rs('a@1', '2026-01-01'), rs('b@1', '2026-01-01')];
		expect(transitionStatus(reg, { ruleset: 'a@1', date: '2027-01-01' })).toMatchObject({
			regime: 'a@1',
			reason: 'current'
		});
	});

	it('of three later regimes listed in date order: the first to come, then the last in force', () => {
		// The sort's comparison → `true` reverses the list; `.at(-1)` → `.at(1)` picks c@1 on 2027.
		const reg = [
			rs('a@1', '2020-01-01', '2021-12-31'),
			rs('b@1', '2022-01-01', '2023-12-31'),
			rs('c@1', '2024-01-01', '2025-12-31'),
			rs('d@1', '2026-01-01')
		];
		const successor = (date: string) => transitionStatus(reg, { ruleset: 'a@1', date })?.successor;
		expect(['2021-06-01', '2022-01-01', '2025-01-01', '2027-01-01'].map(successor)).toEqual([
			'b@1',
			'b@1',
			'c@1',
			'd@1'
		]);
	});
});

describe('dates of the old regime and of the provisions (transition.ts lines 143–146, 159, 177)', () => {
	it('an old regime ending before the new one starts applies until its own end date', () => {
		// `effective_to ?? addDays(next, -1)` → `&&`: it would run to 28/02/2026, the day before b.
		const reg = [rs('a@1', '2020-01-01', '2025-12-31'), rs('b@1', '2026-03-01')];
		expect(transitionStatus(reg, { ruleset: 'a@1', date: '2025-06-01' })).toMatchObject({
			regime: 'a@1',
			reason: 'old_still_in_force',
			applies_until: '2025-12-31'
		});
	});

	it('dated provisions listed in date order stay in date order', () => {
		// The sort's comparison → `true` would reverse them.
		const reg = [
			rs('a@1', '2020-01-01'),
			rs('b@1', '2026-01-01', undefined, [
				rule('d1', { deadline: '2026-06-30', effect: 'in_force' }),
				rule('d2', { deadline: '2026-12-31' }),
				rule('d3', { deadline: '2027-06-30', effect: 'update_measures' })
			])
		];
		const s = transitionStatus(reg, { ruleset: 'a@1', date: '2026-07-01', stage: 'new_project' })!;
		expect(s.deadlines.map((d) => [d.id, d.date, d.passed])).toEqual([
			['d1', '2026-06-30', true],
			['d2', '2026-12-31', false],
			['d3', '2027-06-30', false]
		]);
	});

	it('an approved system is overdue once any of its deadlines has passed, not only all', () => {
		// Luật 116 Điều 45 khoản 1 (keep the level, measures within 12 months of 01/7/2026, i.e. by
		// 01/7/2027) with a later measures deadline: on 02/7/2027 one has passed, one is open.
		const reg = [
			rs('a@1', '2020-01-01'),
			rs('b@1', '2026-07-01', undefined, [
				rule('keep', { effect: 'keep_level', deadline: '2027-07-01' }),
				rule('measures', { effect: 'update_measures', deadline: '2027-12-31' })
			])
		];
		const on = (date: string) =>
			transitionStatus(reg, { ruleset: 'a@1', date, approved_on: '2025-01-01' })!;
		// `basis.some(passed)` → `every`: not overdue with one deadline missed.
		expect(on('2027-07-02').basis.map((b) => [b.id, b.passed])).toEqual([
			['keep', true],
			['measures', false]
		]);
		expect([on('2027-07-01').overdue, on('2027-07-02').overdue]).toEqual([false, true]);
	});
});

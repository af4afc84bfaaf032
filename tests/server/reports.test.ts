// Periodic reports against a real database and the real Gia Lai YAML: validation, on-time and late
// submissions around the due date, resubmission, audit, and who sees which unit's reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../src/lib/server/audit/log';
import { verifyAudit } from '../../src/lib/server/audit/verify';
import { reportingConfig } from '../../src/lib/server/reports/config';
import {
	findPeriod,
	rollup,
	submitReport,
	unitCalendar,
	validateValues
} from '../../src/lib/server/reports/service';
import { freshDatabase, seed, type Seeded } from './fixtures';

const config = reportingConfig('gia-lai');
const malware = config.reports.find((r) => r.id === 'malware-quarterly')!;
let d: Awaited<ReturnType<typeof freshDatabase>>;
let s: Seeded;

beforeAll(async () => {
	d = await freshDatabase();
	s = await seed(d);
}, 60_000);
afterAll(() => d?.cleanup());

const good = {
	endpoints_total: '40',
	endpoints_protected: '38',
	infected_machines: '2',
	incidents: '1'
};
// 2026-Q3: due Mon 14/9/2026 (before the 15th of September).
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00`);

describe('validation from the YAML fields', () => {
	it.each([
		[{ ...good, endpoints_total: '' }, 'endpoints_total', /Nhập tổng số/],
		[{ ...good, endpoints_total: '-3' }, 'endpoints_total', /số nguyên không âm/],
		[{ ...good, infected_machines: '1.5' }, 'infected_machines', /số nguyên không âm/],
		[{ ...good, endpoints_protected: '41' }, 'endpoints_protected', /không được lớn hơn .*\(40\)/],
		[{ ...good, infected_machines: '50' }, 'infected_machines', /không được lớn hơn/]
	])('%o → error on %s', (raw, field, message) => {
		const r = validateValues(malware, raw);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors.map((e) => e.field)).toEqual([field]);
			expect(r.errors[0]!.message.vi).toMatch(message);
			expect(r.input[field]).toBe(raw[field as keyof typeof raw]);
		}
	});

	it('accepts whole numbers, protected = total, and leaves the optional note out', () => {
		const r = validateValues(malware, { ...good, endpoints_protected: '40' });
		expect(r).toEqual({
			ok: true,
			values: { endpoints_total: 40, endpoints_protected: 40, infected_machines: 2, incidents: 1 }
		});
	});
});

describe('submission and lateness', () => {
	it('on the due day is on time; the day after is late; a resubmission after the due date is late', async () => {
		expect(findPeriod(config, 'malware-quarterly', '2026-Q3')!.period.due).toBe('2026-09-14');
		const a = await submitReport(
			d.db,
			s.users.unitA,
			config,
			'malware-quarterly',
			'2026-Q3',
			good,
			at('2026-09-14', 23)
		);
		expect(a).toMatchObject({ ok: true, late: false });
		const cal = await unitCalendar(d.db, s.users.unitA, config, at('2026-10-01'));
		expect(cal.find((p) => p.id === '2026-Q3')!.status).toBe('submitted');
		const b = await submitReport(
			d.db,
			s.users.unitB,
			config,
			'malware-quarterly',
			'2026-Q3',
			good,
			at('2026-09-15', 0)
		);
		expect(b).toMatchObject({ ok: true, late: true });
		const again = await submitReport(
			d.db,
			s.users.unitA,
			config,
			'malware-quarterly',
			'2026-Q3',
			{ ...good, endpoints_protected: '40' },
			at('2026-09-20')
		);
		expect(again).toMatchObject({ ok: true, late: true });
		const cal2 = await unitCalendar(d.db, s.users.unitA, config, at('2026-10-01'));
		expect(cal2.find((p) => p.id === '2026-Q3')!.status).toBe('submitted_late');
	});

	it('refuses a period that has not started, an unknown report, and non-unit users', async () => {
		await expect(
			submitReport(
				d.db,
				s.users.unitA,
				config,
				'malware-quarterly',
				'2027-Q1',
				good,
				at('2026-12-01')
			)
		).rejects.toMatchObject({ status: 409 });
		await expect(
			submitReport(d.db, s.users.unitA, config, 'nope', '2026-Q3', good, at('2026-09-01'))
		).rejects.toMatchObject({ status: 404 });
		await expect(
			submitReport(d.db, s.users.appraiser, config, 'malware-quarterly', '2026-Q3', good)
		).rejects.toMatchObject({ status: 404 });
	});

	it('each submission is audited under the unit; the chain holds', async () => {
		const entries = await readAudit(d.db, { unitIds: [s.units.A] });
		const submits = entries.filter((e) => e.action === 'report.submit');
		expect(submits.length).toBe(2);
		expect(submits[0]!.actor).toBe('unita');
		expect((await verifyAudit(d.db)).ok).toBe(true);
	});
});

describe('who sees what', () => {
	it('a unit’s calendar shows only its own submissions', async () => {
		const now = at('2026-10-01');
		await submitReport(
			d.db,
			s.users.unitB,
			config,
			'malware-quarterly',
			'2026-Q2',
			good,
			at('2026-06-01')
		);
		const a = await unitCalendar(d.db, s.users.unitA, config, now);
		expect(a.find((p) => p.id === '2026-Q2')!.status).toBe('overdue');
		const b = await unitCalendar(d.db, s.users.unitB, config, now);
		expect(b.find((p) => p.id === '2026-Q2')!.status).toBe('submitted');
		expect(await unitCalendar(d.db, s.users.appraiser, config, now)).toEqual([]);
	});

	it('the body’s roll-up lists all its units and no other body’s, with the protected ratio', async () => {
		const now = at('2026-10-01');
		const p = (await rollup(
			d.db,
			{ body_id: s.bodies.P },
			config,
			'malware-quarterly',
			'2026-Q3',
			now
		))!;
		expect(p.rows.map((r) => [r.unit_name, r.status])).toEqual([
			['Sở Tài chính P', 'submitted_late'],
			['Sở Y tế P', 'submitted_late']
		]);
		const ratio = p.ratios.find((r) => r.field === 'endpoints_protected')!;
		// A resubmitted 40/40, B 38/40.
		expect([ratio.part, ratio.whole, ratio.target]).toEqual([78, 80, 1]);
		expect(ratio.below).toEqual(['Sở Y tế P']);
		const q = (await rollup(
			d.db,
			{ body_id: s.bodies.Q },
			config,
			'malware-quarterly',
			'2026-Q3',
			now
		))!;
		expect(q.rows.map((r) => [r.unit_name, r.status])).toEqual([['Sở Tài chính Q', 'overdue']]);
		expect(q.ratios[0]!.ratio).toBeNull();
		const q4 = (await rollup(
			d.db,
			{ body_id: s.bodies.P },
			config,
			'malware-quarterly',
			'2026-Q4',
			now
		))!;
		expect(q4.counts).toMatchObject({ open: 2, submitted: 0 });
	});
});

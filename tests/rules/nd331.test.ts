// vn-nd331@2026 (Law 116/2025 + Decree 331/2026) through the real YAML library and the real CLI:
// the cross-regime examples of issue 8, the risk-assessment rule of Điều 10 khoản 5, Điều 16
// designations, procedure, transition and the unverified source status.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, procedureFor, type Facts, type Level, type RuleSet } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { UNDER_STRYKER } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = 'tests/fixtures/nd331/online-service-50k.yaml';

function ruleset(ref: string): RuleSet {
	const r = bundledRuleSets().rulesets.find((x) => x.ref === ref);
	if (!r) throw new Error(`${ref} did not load: ${JSON.stringify(bundledRuleSets().errors)}`);
	return r;
}
const nd331 = ruleset('vn-nd331@2026');

function classify(r: RuleSet, facts: Record<string, unknown>, components?: { facts: Facts }[]) {
	const out = evaluate(r, { name: 'test', facts, components });
	if (!out.ok) throw new Error(JSON.stringify(out.errors));
	return out.value;
}

const service = {
	function: 'citizen_services',
	information: ['public', 'personal'],
	defense_security_damage: 'none',
	conditional_business_service: false,
	administrative_procedure_system: false,
	online_service_data_subjects_basic: 50000,
	online_service_data_subjects_sensitive: 0,
	national_egov_system: false,
	national_critical_data_store: false
};

/** The golden cases' systems, without any risk or Prime Minister input: a corpus of real inputs. */
const corpus = (nd331.data.tests ?? []).filter(
	(t) =>
		t.facts.risk_assessment_level === undefined &&
		t.facts.prime_minister_decided_level === undefined &&
		(t.components ?? []).every((c) => c.facts.risk_assessment_level === undefined)
);

describe('vn-nd331@2026 loads as data', () => {
	it('is in the bundled library with no load errors and its golden cases pass', () => {
		expect(bundledRuleSets().errors).toEqual([]);
		expect(nd331.data.effective_from).toBe('2026-08-19');
		expect(nd331.data.effective_to).toBeUndefined();
		expect(corpus.length).toBeGreaterThan(30);
	});

	it('carries the unverified source status in both languages', () => {
		const s = nd331.data.source_status;
		expect(s.status).toBe('unverified');
		expect(s.note.vi).toContain('CHƯA được đối chiếu với Công báo');
		expect(s.note.en).toContain('NOT been checked against the Official Gazette');
		expect(nd331.data.sources.find((x) => x.id === 'nd331')).toMatchObject({
			number: '331/2026/NĐ-CP',
			verified: false
		});
	});

	it("does not know vn-nd85's retired facts", () => {
		for (const name of [
			'online_public_service_level',
			'online_service_users_with_private_info',
			'prime_minister_designated'
		]) {
			const out = evaluate(nd331, { facts: { ...service, [name]: 1 } });
			expect(out.ok).toBe(false);
			if (!out.ok) expect(out.errors.map((e) => e.code)).toContain('unknown_fact');
		}
	});

	it('asks citizen-service and 24/7 questions only of the systems they concern', () => {
		const lan = {
			function: 'infrastructure',
			information: ['private'],
			defense_security_damage: 'none',
			infrastructure_scope: 'single_organization',
			national_egov_system: false,
			national_critical_data_store: false
		};
		expect(classify(nd331, lan).level).toBe(2);
		const national = evaluate(nd331, { facts: { ...lan, infrastructure_scope: 'national' } });
		expect(national.ok).toBe(false);
		if (!national.ok)
			expect(national.errors[0]!.message.en).toContain('operates_24x7_no_unplanned_downtime');
	});

	it('refuses data subjects without personal information (Điều 9 khoản 1 điểm c)', () => {
		const out = evaluate(nd331, { facts: { ...service, information: ['public'] } });
		expect(out.ok).toBe(false);
		if (!out.ok)
			expect(out.errors).toEqual([expect.objectContaining({ path: 'facts.information' })]);
	});
});

describe('cross-regime examples of issue 8', () => {
	it('the online service with 50,000 basic-data subjects is level 3 under Decree 85, level 2 under Decree 331', () => {
		const nd85 = ruleset('vn-nd85@tt03-2017');
		// The same system in vn-nd85's vocabulary: no online public service, 50,000 users whose
		// private or personal information it processes.
		const old = classify(nd85, {
			function: 'citizen_services',
			information: ['public', 'personal'],
			defense_security_damage: 'none',
			online_public_service_level: 0,
			conditional_business_service: false,
			online_service_users_with_private_info: 50000,
			operates_24x7_no_unplanned_downtime: false,
			national_egov_system: false,
			national_critical_data_store: false,
			prime_minister_designated: false
		});
		expect(old.level).toBe(3);
		expect(old.basis.map((b) => b.id)).toContain('nd85-d9-k2c');

		const now = classify(nd331, service);
		expect(now.level).toBe(2);
		expect(now.basis.map((b) => b.citation)).toEqual([
			'Điều 12 khoản 2 điểm a Nghị định 331/2026/NĐ-CP',
			'Điều 12 khoản 2 điểm b Nghị định 331/2026/NĐ-CP'
		]);
		expect(now.not_met.map((c) => c.id)).toContain('nd331-d13-k2c');
	});

	it('any administrative-procedure system is level 3', () => {
		let checked = 0;
		for (const basic of [0, 1, 50000, 99999])
			for (const sensitive of [0, 9999])
				for (const conditional of [false, true])
					for (const risk of [0, 1, 2, 3]) {
						const info = basic + sensitive > 0 ? ['personal'] : ['public'];
						const c = classify(nd331, {
							...service,
							information: info,
							administrative_procedure_system: true,
							conditional_business_service: conditional,
							online_service_data_subjects_basic: basic,
							online_service_data_subjects_sensitive: sensitive,
							risk_assessment_level: risk
						});
						expect(c.level).toBe(3);
						expect(c.basis.map((b) => b.id)).toContain('nd331-d13-k2b');
						checked++;
					}
		expect(checked).toBe(64);
	});
});

describe('Điều 10 khoản 5: a risk assessment raises the level, never lowers it', () => {
	const max = (a: Level | null, b: number) => {
		const m = Math.max(a ?? 0, b);
		return m === 0 ? null : m;
	};

	it('on every golden system, risk level r gives max(level, r)', () => {
		for (const t of corpus) {
			const base = classify(nd331, t.facts, t.components).level;
			for (const r of [1, 2, 3, 4, 5]) {
				const got = classify(nd331, { ...t.facts, risk_assessment_level: r }, t.components);
				expect(got.level, `${t.name} with risk_assessment_level ${r}`).toBe(max(base, r));
				expect(got.level ?? 0).toBeGreaterThanOrEqual(base ?? 0);
			}
		}
	});

	it('a Prime Minister decision raises from level 2 up; Điều 11 has no such criterion', () => {
		for (const t of corpus) {
			const base = classify(nd331, t.facts, t.components).level;
			for (const p of [1, 2, 3, 4, 5]) {
				const got = classify(nd331, { ...t.facts, prime_minister_decided_level: p }, t.components);
				expect(got.level, `${t.name} with prime_minister_decided_level ${p}`).toBe(
					p === 1 ? base : max(base, p)
				);
			}
		}
	});
});

describe('Điều 16: systems important to national security are reported beside the level', () => {
	it('Điều 16 khoản 4 is reported exactly when the system or a component reaches level 5', () => {
		for (const t of corpus) {
			const c = classify(nd331, t.facts, t.components);
			expect(
				c.designations.some((d) => d.id === 'nd331-d16-k4'),
				t.name
			).toBe(c.level === 5);
		}
	});

	it('khoản 1–3 are reported beside the level and never leave it below 3 (Điều 20 khoản 4)', () => {
		const base = classify(nd331, service);
		const c = classify(nd331, {
			...service,
			national_security_command_system: true,
			national_security_sector_consequence: true
		});
		expect(base.level).toBe(2);
		expect(c.level).toBe(3);
		expect(c.basis.map((b) => b.id)).toContain('nd331-d20-k4');
		expect(c.designations.map((d) => [d.id, d.citation])).toEqual([
			['nd331-d16-k1', 'Điều 16 khoản 1 Nghị định 331/2026/NĐ-CP'],
			['nd331-d16-k3', 'Điều 16 khoản 3 Nghị định 331/2026/NĐ-CP']
		]);
		expect(base.designations).toEqual([]);
	});
});

describe('procedure, dossier and transition of Decree 331', () => {
	it('the Ministry of Public Security appraises levels 4–5 in 25 working days; level 3 in 15', () => {
		for (const level of [4, 5] as const) {
			const p = procedureFor(nd331, level, 'vi');
			expect(p.appraiser).toMatch(/^Bộ Công an chủ trì/);
			expect(p.appraisal_deadline).toEqual({
				days: 25,
				working_days: true,
				citation: 'Điều 23 khoản 3 điểm b Nghị định 331/2026/NĐ-CP'
			});
			expect(p.prior_opinion).toContain('đơn vị chuyên trách về an ninh mạng');
		}
		expect(procedureFor(nd331, 5, 'vi').approver).toContain('Thủ tướng Chính phủ');
		const l3 = procedureFor(nd331, 3, 'vi');
		expect(l3.approver).toBe('Chủ quản hệ thống thông tin');
		expect(l3.appraisal_deadline?.days).toBe(15);
		const l1 = procedureFor(nd331, 1, 'en');
		expect(l1.appraisal_deadline).toBeUndefined();
		expect(l1.approval_deadline).toMatchObject({ days: 7, working_days: true });
		expect(l1.submission).toBeUndefined();
	});

	it('lists the eight forms, each available in the source', () => {
		const forms = nd331.data.dossier!.forms!;
		expect(forms.map((f) => f.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `mau-0${n}`));
		expect(forms.every((f) => f.available)).toBe(true);
		expect(nd331.data.dossier!.template).toBe('nd331');
	});

	it('carries the transition deadlines of Law 116 Điều 45 and Decree 331 Điều 38–39', () => {
		const t = Object.fromEntries(nd331.data.transition!.map((x) => [x.id, x.deadline]));
		expect(t).toEqual({
			'luat116-d45-k1': '2027-07-01',
			'luat116-d45-k3': '2027-07-01',
			'nd331-d38': '2026-08-19',
			'nd331-d39-k1-nd85': '2027-01-01',
			'nd331-d39-k1-measures': '2027-07-01'
		});
	});
});

describe('capdo classify --ruleset vn-nd331@2026 --json', () => {
	it.skipIf(UNDER_STRYKER)(
		'prints the level, its cited basis and the rule set with its hash',
		() => {
			const stdout = execFileSync(
				'npx',
				['capdo', 'classify', FIXTURE, '--ruleset', 'vn-nd331@2026', '--json'],
				{ cwd: ROOT, encoding: 'utf8' }
			);
			const out = JSON.parse(stdout) as {
				level: number;
				basis: { id: string; citation: string }[];
				ruleset: { id: string; version: string; hash: string };
				procedure: { appraiser: string };
			};
			expect(out.level).toBe(2);
			expect(out.basis).toContainEqual(
				expect.objectContaining({
					id: 'nd331-d12-k2b',
					citation: 'Điều 12 khoản 2 điểm b Nghị định 331/2026/NĐ-CP'
				})
			);
			expect(out.ruleset).toEqual({ id: 'vn-nd331', version: '2026', hash: nd331.hash });
			expect(out.ruleset.hash).toMatch(/^[0-9a-f]{64}$/);
			expect(out.procedure.appraiser).toContain('Đơn vị chuyên trách về an ninh mạng');
		},
		60_000
	);
});

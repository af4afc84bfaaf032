// Who appraises levels 4–5 and the independence rule, as procedure data (Nghị định 85/2016 Điều 12
// khoản 3 điểm b, c; Thông tư 12/2022 Điều 6; Nghị định 331/2026 Điều 18 khoản 3 điểm b, c, khoản 4).
import { describe, expect, it } from 'vitest';
import { normalizeRouting, procedureFor, type Level } from '../../src/lib/rules';
import { readYamlTree } from '../../src/lib/server/ruleset-files';
import { loadLibrary } from '../../src/lib/rules';
import { ruleset } from './helpers';

const t03 = ruleset('vn-nd85@tt03-2017');
const t12 = ruleset('vn-nd85@tt12-2022');
const nd331 = ruleset('vn-nd331@2026');
const LEVELS: Level[] = [1, 2, 3, 4, 5];

describe('Decree 85: the Ministries of Defence and Public Security appraise their own systems', () => {
	for (const rs of [t03, t12])
		it(`${rs.ref}: levels 4–5 only, by point b and c`, () => {
			for (const level of LEVELS) {
				const def = procedureFor(rs, level);
				const mod = procedureFor(rs, level, 'vi', { managed_by: 'defence' });
				const mps = procedureFor(rs, level, 'vi', { managed_by: 'public_security' });
				if (level <= 3) {
					expect(mod).toEqual(def);
					expect(mps).toEqual(def);
					continue;
				}
				expect(def.appraiser).toMatch(/^Bộ Thông tin và Truyền thông/);
				expect(def.route).toBeUndefined();
				expect(mod.appraiser).toMatch(/^Bộ Quốc phòng chủ trì/);
				expect(mod.addressee).toBe('Bộ Quốc phòng');
				expect(mod.route).toEqual({
					id: 'nd85-d12-k3b',
					citation: 'Điều 12 khoản 3 điểm b Nghị định 85/2016/NĐ-CP'
				});
				expect(mps.appraiser).toMatch(/^Bộ Công an chủ trì/);
				expect(mps.addressee).toBe('Bộ Công an');
				expect(mps.route?.citation).toBe('Điều 12 khoản 3 điểm c Nghị định 85/2016/NĐ-CP');
				// Approval stays with the owner (point d).
				expect(mod.approver).toBe(def.approver);
			}
		});

	it('tt03: the dossier goes to the appraising ministry, not the MIC address of Circular 03 Điều 14', () => {
		expect(procedureFor(t03, 4).submission?.recipient).toMatch(/115 Trần Duy Hưng/);
		expect(procedureFor(t03, 4, 'vi', { managed_by: 'defence' }).submission?.recipient).toBe(
			'Bộ Quốc phòng'
		);
		expect(procedureFor(t03, 5, 'en', { managed_by: 'public_security' }).submission).toMatchObject({
			recipient: 'Ministry of Public Security',
			copies: 4
		});
	});
});

describe('Decree 331 Điều 18 khoản 3: military and cipher systems', () => {
	it('levels 4–5 go to the Ministry of Defence or the Government Cipher Committee, others to MPS', () => {
		for (const level of [4, 5] as Level[]) {
			expect(procedureFor(nd331, level).addressee).toBe('Bộ Công an');
			const mil = procedureFor(nd331, level, 'vi', { system_kind: 'military' });
			expect(mil.addressee).toBe('Bộ Quốc phòng');
			expect(mil.route?.citation).toBe('Điều 18 khoản 3 điểm b Nghị định 331/2026/NĐ-CP');
			expect(mil.authority_note?.citation).toBe('Điều 34 khoản 2 điểm a Nghị định 331/2026/NĐ-CP');
			const cip = procedureFor(nd331, level, 'en', { system_kind: 'cipher' });
			expect(cip.addressee).toBe('Government Cipher Committee');
			expect(cip.route?.citation).toBe('Article 18(3)(c) of Decree 331/2026/NĐ-CP');
		}
		for (const level of [1, 2, 3] as Level[])
			expect(procedureFor(nd331, level, 'vi', { system_kind: 'military' }).route).toBeUndefined();
	});
});

describe('independence: the specialized unit that operates the system does not appraise it', () => {
	for (const [rs, citation] of [
		[t12, 'Điều 6 Thông tư 12/2022/TT-BTTTT'],
		[nd331, 'Điều 18 khoản 4 Nghị định 331/2026/NĐ-CP']
	] as const)
		it(`${rs.ref}: levels 1–3 name who appraises instead`, () => {
			for (const level of LEVELS) {
				const p = procedureFor(rs, level, 'vi', { security_unit_operates: true });
				if (level >= 4) {
					expect(p.route).toBeUndefined();
					continue;
				}
				expect(p.route?.citation).toBe(citation);
				expect(p.appraiser).toContain('Hội đồng thẩm định độc lập');
				expect(p.addressee).toMatch(/^Đơn vị được chủ quản hệ thống thông tin giao/);
				// Approval is not moved: Điều 6 / khoản 4 only organise the appraisal.
				expect(p.approver).toBe(procedureFor(rs, level).approver);
			}
		});

	it('Circular 03 has no such rule: the question is not asked', () => {
		expect(Object.keys(t03.data.procedure.routing!.facts)).toEqual(['managed_by']);
		expect(procedureFor(t03, 2, 'vi', { security_unit_operates: true }).route).toBeUndefined();
	});
});

describe('routing answers', () => {
	it('take defaults when missing and report unknown names and wrong values by path', () => {
		expect(normalizeRouting(nd331, undefined)).toEqual({
			facts: { system_kind: 'other', security_unit_operates: false },
			errors: []
		});
		const r = normalizeRouting(nd331, { system_kind: 'navy', colour: 'red' });
		expect(r.facts.system_kind).toBe('other');
		expect(r.errors.map((e) => [e.path, e.code])).toEqual([
			['routing.colour', 'unknown_fact'],
			['routing.system_kind', 'not_allowed']
		]);
		// A wrong answer never routes: the default applies.
		expect(procedureFor(nd331, 4, 'vi', { system_kind: 'navy' }).addressee).toBe('Bộ Công an');
	});
});

describe('the loader checks routing data', () => {
	const DIR = 'rulesets/vn-nd85/tt03-2017';
	const edit = (f: (t: string) => string) =>
		loadLibrary(
			readYamlTree(DIR).map((x) =>
				x.path.endsWith('/procedure.yaml') ? { ...x, text: f(x.text) } : x
			)
		);
	it('a route may only test routing facts, with their values', () => {
		const r = edit((t) =>
			t
				.replace(
					'when: { fact: managed_by, eq: defence }',
					'when: { fact: function, eq: internal }'
				)
				.replace(
					'when: { fact: managed_by, eq: public_security }',
					'when: { fact: managed_by, eq: army }'
				)
		);
		expect(r.errors.map((e) => [e.field, e.message])).toEqual([
			[
				'procedure.routing.routes.0.when.fact',
				expect.stringMatching(/unknown fact "function".*routing fact/)
			],
			['procedure.routing.routes.1.when.eq', expect.stringMatching(/"army" is not a value/)]
		]);
		expect(r.errors[0]!.file).toBe(`${DIR}/procedure.yaml`);
	});
	it('a routing fact needs a default', () => {
		const r = edit((t) => t.replace('        default: other\n', ''));
		expect(r.errors).toEqual([
			expect.objectContaining({
				field: 'procedure.routing.facts.managed_by',
				message: expect.stringMatching(/needs a default/)
			})
		]);
	});
});

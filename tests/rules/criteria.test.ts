// Every criterion and boundary of vn-nd85@tt03-2017, through the real YAML and the real engine.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, runGoldenCases, type Facts } from '../../src/lib/rules';
import { ruleset } from './helpers';

const rs = ruleset('vn-nd85@tt03-2017');

const base: Facts = {
	function: 'internal',
	information: ['public'],
	defense_security_damage: 'none',
	operates_24x7_no_unplanned_downtime: false,
	national_egov_system: false,
	national_critical_data_store: false,
	prime_minister_designated: false
};
const portal: Facts = {
	...base,
	function: 'citizen_services',
	online_public_service_level: 2,
	conditional_business_service: false,
	online_service_users_with_private_info: 0
};

function classify(facts: Facts, components: { name: string; facts: Facts }[] = []) {
	const r = evaluate(rs, { name: 'test', facts, components });
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}
const fired = (facts: Facts) =>
	classify(facts)
		.basis.map((b) => b.id)
		.sort();

describe('vn-nd85@tt03-2017 golden cases', () => {
	it('all pass and exercise every criterion', () => {
		const report = runGoldenCases(rs);
		expect(report.failed).toEqual([]);
		expect(report.passed).toBeGreaterThanOrEqual(rs.data.criteria.length);
		const exercised = new Set((rs.data.tests ?? []).flatMap((t) => t.expect.criteria));
		for (const c of rs.data.criteria) expect(exercised, c.id).toContain(c.id);
	});

	it('has one criterion per point of Điều 7–11', () => {
		expect(rs.data.criteria.map((c) => c.id)).toEqual([
			'nd85-d7',
			'nd85-d8-k1',
			'nd85-d8-k2a',
			'nd85-d8-k2b',
			'nd85-d8-k2c',
			'nd85-d8-k3',
			'nd85-d9-k1',
			'nd85-d9-k2a',
			'nd85-d9-k2b',
			'nd85-d9-k2c',
			'nd85-d9-k3',
			'nd85-d9-k4',
			'nd85-d10-k1',
			'nd85-d10-k2',
			'nd85-d10-k3',
			'nd85-d10-k4',
			'nd85-d11-k1',
			'nd85-d11-k2',
			'nd85-d11-k3',
			'nd85-d11-k4',
			'nd85-d11-k5'
		]);
	});

	it('each criterion quotes, word for word, the article, clause and point it cites', () => {
		const law = decree85Articles();
		for (const c of rs.data.criteria) {
			const { article, clause, point } = c.citation;
			expect(c.citation.source, c.id).toBe('nd85');
			const a = law.get(article);
			expect(a, `${c.id}: Điều ${article}`).toBeDefined();
			if (clause === undefined) {
				expect(clean(c.text), c.id).toBe(clean(a!.intro));
				continue;
			}
			const k = a!.clauses.get(clause);
			expect(k, `${c.id}: khoản ${clause}`).toBeDefined();
			if (point === undefined) {
				expect(clean(c.text), c.id).toBe(clean(k!.text));
				continue;
			}
			// "<the clause's subject>: <the point>", e.g. "Hệ thống thông tin phục vụ người dân, doanh
			// nghiệp: cung cấp dịch vụ trực tuyến …" for Điều 8 khoản 2 điểm b.
			const [lead, rest] = c.text.split(': ') as [string, string];
			expect(k!.text.startsWith(lead), `${c.id}: ${lead}`).toBe(true);
			expect(k!.points.get(point), `${c.id}: điểm ${point}`).toBeDefined();
			expect(clean(rest).toLowerCase(), c.id).toBe(clean(k!.points.get(point)!).toLowerCase());
		}
	});
});

/** Decree 85 Điều 7–11, verbatim (tests/fixtures/legal/nd85-dieu-7-11.md), by article, clause, point. */
function decree85Articles() {
	type Clause = { text: string; points: Map<string, string> };
	const law = new Map<number, { intro: string; clauses: Map<number, Clause> }>();
	const md = readFileSync(
		fileURLToPath(new URL('../fixtures/legal/nd85-dieu-7-11.md', import.meta.url)),
		'utf8'
	);
	let article: { intro: string; clauses: Map<number, Clause> } | undefined;
	let clause: Clause | undefined;
	for (const line of md.split('\n')) {
		let m: RegExpExecArray | null;
		if ((m = /^Điều (\d+)\. /.exec(line))) {
			law.set(Number(m[1]), (article = { intro: '', clauses: new Map() }));
			clause = undefined;
		} else if (!article || !line.trim()) continue;
		else if ((m = /^(\d+)\. (.+)$/.exec(line)))
			article.clauses.set(Number(m[1]), (clause = { text: m[2]!, points: new Map() }));
		else if ((m = /^([a-zđ])\) (.+)$/.exec(line)) && clause) clause.points.set(m[1]!, m[2]!);
		else if (!clause) article.intro = line;
	}
	return law;
}
/** Whitespace collapsed, the closing full stop or semicolon of a list item dropped. */
const clean = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/[.;]$/, '');

describe('criteria and boundaries', () => {
	it('level 1 only for internal systems with public information only (Điều 7)', () => {
		expect(classify(base).level).toBe(1);
		expect(classify({ ...base, information: ['public', 'private'] }).level).toBe(2);
	});

	it('cites the article, clause and point', () => {
		const r = classify({ ...portal, online_service_users_with_private_info: 25000 });
		expect(r.basis.find((b) => b.id === 'nd85-d9-k2c')?.citation).toBe(
			'Điều 9 khoản 2 điểm c Nghị định 85/2016/NĐ-CP'
		);
		expect(r.basis.find((b) => b.id === 'nd85-d9-k2c')?.citation_en).toBe(
			'Article 9(2)(c) of Decree 85/2016/NĐ-CP'
		);
		expect(classify(base).basis[0]!.citation).toBe('Điều 7 Nghị định 85/2016/NĐ-CP');
	});

	it('9,999 users is level 2, 10,000 is level 3 (Điều 8.2.c / 9.2.c)', () => {
		expect(classify({ ...portal, online_service_users_with_private_info: 9999 }).level).toBe(2);
		// Điều 8.2.c is for "other" online services: a commercial one (no public service, level 0).
		const commercial = { ...portal, online_public_service_level: 0 };
		expect(fired({ ...commercial, online_service_users_with_private_info: 9999 })).toContain(
			'nd85-d8-k2c'
		);
		expect(fired({ ...portal, online_service_users_with_private_info: 9999 })).not.toContain(
			'nd85-d8-k2c'
		);
		expect(classify({ ...portal, online_service_users_with_private_info: 10000 }).level).toBe(3);
		expect(fired({ ...portal, online_service_users_with_private_info: 10000 })).not.toContain(
			'nd85-d8-k2c'
		);
	});

	it('a non-conditional online service with 25,000 users fires level 2 and 3 criteria: level 3', () => {
		const r = classify({ ...portal, online_service_users_with_private_info: 25000 });
		expect(r.level).toBe(3);
		expect(r.basis.map((b) => b.level).sort()).toEqual([2, 2, 3]);
	});

	it('online public service level 2 vs 3', () => {
		expect(classify({ ...portal, online_public_service_level: 2 }).level).toBe(2);
		expect(classify({ ...portal, online_public_service_level: 3 }).level).toBe(3);
	});

	it('construction grade II is level 3, grade I is level 4, special is level 5', () => {
		const scada: Facts = {
			...base,
			function: 'industrial_control',
			construction_work_grade: 'II',
			national_security_work: false
		};
		expect(classify(scada).level).toBe(3);
		expect(classify({ ...scada, construction_work_grade: 'I' }).level).toBe(4);
		expect(classify({ ...scada, construction_work_grade: 'special' }).level).toBe(5);
		expect(
			classify({ ...scada, construction_work_grade: 'IV', national_security_work: true }).level
		).toBe(5);
	});

	it('infrastructure scope maps to levels 2, 3, 4 (with 24/7) and 5', () => {
		const lan: Facts = {
			...base,
			function: 'infrastructure',
			infrastructure_scope: 'single_organization'
		};
		expect(classify(lan).level).toBe(2);
		expect(classify({ ...lan, infrastructure_scope: 'sector_or_provinces' }).level).toBe(3);
		expect(classify({ ...lan, infrastructure_scope: 'national' }).level).toBeNull();
		expect(
			classify({
				...lan,
				infrastructure_scope: 'national',
				operates_24x7_no_unplanned_downtime: true
			}).level
		).toBe(4);
		expect(classify({ ...lan, infrastructure_scope: 'international_gateway' }).level).toBe(5);
	});

	it('defence and security damage maps to levels 3, 4, 5', () => {
		const secret: Facts = { ...base, information: ['state_secret'] };
		expect(classify({ ...secret, defense_security_damage: 'harm' }).level).toBe(3);
		expect(classify({ ...secret, defense_security_damage: 'serious' }).level).toBe(4);
		expect(classify({ ...secret, defense_security_damage: 'especially_serious' }).level).toBe(5);
	});

	it('explains why higher levels did not apply', () => {
		const r = classify(base);
		expect(r.not_met.every((n) => n.level > 1)).toBe(true);
		expect(r.not_met.map((n) => n.id)).toContain('nd85-d11-k5');
	});
});

describe('components (Điều 5 khoản 2)', () => {
	it('takes the maximum over the system and its components', () => {
		const r = classify(base, [
			{ name: 'Cổng', facts: { ...portal, online_public_service_level: 3 } },
			{
				name: 'Mạng',
				facts: { ...base, function: 'infrastructure', infrastructure_scope: 'single_organization' }
			}
		]);
		expect(r.level).toBe(3);
		expect(r.components.map((c) => [c.name, c.level])).toEqual([
			['Cổng', 3],
			['Mạng', 2]
		]);
		expect(r.basis.map((b) => b.id)).toEqual(['nd85-d7']);
	});

	it('a component cannot lower the level', () => {
		expect(
			classify({ ...base, prime_minister_designated: true }, [{ name: 'x', facts: base }]).level
		).toBe(5);
	});
});

describe('undetermined', () => {
	it('never defaults silently: level null, undetermined, with the message to propose a level', () => {
		const r = classify({ ...base, function: 'other' });
		expect(r.level).toBeNull();
		expect(r.undetermined).toBe(true);
		expect(r.message?.vi).toMatch(/tự đề xuất cấp độ và thuyết minh căn cứ đề xuất/);
		expect(r.message?.vi).toMatch(/điểm a khoản 1\s+Điều 14/);
		expect(r.message?.en).toMatch(/proposing a level and explaining its grounds/);
	});
});

describe('result metadata', () => {
	it('carries the rule set id, version and content hash', () => {
		const r = classify(base);
		expect(r.ruleset).toEqual({ id: 'vn-nd85', version: 'tt03-2017', hash: rs.hash });
		expect(rs.hash).toMatch(/^[0-9a-f]{64}$/);
	});
});

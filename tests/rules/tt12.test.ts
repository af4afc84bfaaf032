import { describe, expect, it } from 'vitest';
import {
	evaluate,
	formatCitation,
	loadLibrary,
	procedureFor,
	runGoldenCases,
	selectRuleSet,
	type Citation,
	type Level,
	type RequirementItem
} from '../../src/lib/rules';
import {
	bundledRuleSets,
	DEFAULT_RULESETS_DIR,
	readYamlTree
} from '../../src/lib/server/ruleset-files';

const { rulesets, errors } = bundledRuleSets();
const t03 = rulesets.find((r) => r.ref === 'vn-nd85@tt03-2017')!;
const t12 = rulesets.find((r) => r.ref === 'vn-nd85@tt12-2022')!;
const d = t12.data;
const cite = (c: Citation, lang: 'vi' | 'en' = 'vi') => formatCitation(c, d.sources, lang);

function citations(value: unknown, out: Citation[] = []): Citation[] {
	if (Array.isArray(value)) value.forEach((v) => citations(v, out));
	else if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		if (typeof o.source === 'string' && typeof o.article === 'number') out.push(o as never);
		Object.values(o).forEach((v) => citations(v, out));
	}
	return out;
}
const items = (): (RequirementItem & { group: string })[] =>
	d.requirements!.groups.flatMap((g) => (g.items ?? []).map((it) => ({ ...it, group: g.id })));
const appendixItems = (level: number, prefix: string) =>
	items().filter(
		(it) => it.citation.appendix && it.levels[0] === level && it.citation.item!.startsWith(prefix)
	);

describe('vn-nd85@tt12-2022', () => {
	it('loads over tt03-2017 and takes over on 1 October 2022', () => {
		expect(errors).toEqual([]);
		expect(d.extends).toBe('vn-nd85@tt03-2017');
		expect([t03.data.effective_to, d.effective_from, d.effective_to]).toEqual([
			'2022-09-30',
			'2022-10-01',
			'2026-08-18'
		]);
		expect(selectRuleSet(rulesets, 'vn-nd85', '2022-09-30')?.ref).toBe('vn-nd85@tt03-2017');
		expect(selectRuleSet(rulesets, 'vn-nd85', '2022-10-01')?.ref).toBe('vn-nd85@tt12-2022');
		expect(selectRuleSet(rulesets, 'vn-nd85', '2026-08-18')?.ref).toBe('vn-nd85@tt12-2022');
		expect(selectRuleSet(rulesets, 'vn-nd85', '2026-08-19')).toBeUndefined();
	});

	it('cites Circular 12, never the replaced Circular 03', () => {
		// Decrees 42/2022 and 224/2026 name the forms of online public service the question uses.
		expect(d.sources.map((s) => s.id)).toEqual(['nd85', 'tt12', 'nd42', 'nd224']);
		const all = citations({ ...d, tests: undefined });
		expect(all.filter((c) => c.source === 'tt03')).toEqual([]);
		expect(all.filter((c) => c.source === 'tt12').length).toBeGreaterThan(300);
		expect(cite(d.undetermined.citation)).toBe('Điều 14 khoản 1 điểm a Nghị định 85/2016/NĐ-CP');
		expect(d.undetermined.message.vi).toContain('điểm b khoản 4 Điều 8 Thông tư 12/2022/TT-BTTTT');
	});

	it('classifies as tt03-2017: the same Decree 85 criteria, online public services asked in the terms of Decree 42/2022', () => {
		const restated = ['nd85-d8-k2a', 'nd85-d8-k2c', 'nd85-d9-k2a'];
		const others = (c: typeof d.criteria) => c.filter((x) => !restated.includes(x.id));
		expect(others(d.criteria)).toEqual(others(t03.data.criteria));
		expect(d.criteria.map((c) => c.id)).toEqual(t03.data.criteria.map((c) => c.id));
		for (const id of restated)
			expect(d.criteria.find((c) => c.id === id)!.text).toBe(
				t03.data.criteria.find((c) => c.id === id)!.text
			);
		const report = runGoldenCases(t12);
		expect(report.failed).toEqual([]);
		expect(report.passed).toBe(
			d.tests!.length + d.procedure_tests!.length + d.effective_tests!.length
		);
		// tt03's golden cases, answered in levels 0–4, classify the same under tt12 (through `replaces`).
		for (const t of t03.data.tests!) {
			const a = evaluate(t03, t);
			const b = evaluate(t12, t);
			if (!a.ok || !b.ok) throw new Error(`${t.name}: invalid facts`);
			expect(b.value.level).toBe(a.value.level);
			expect(b.value.basis.map((x) => x.citation)).toEqual(a.value.basis.map((x) => x.citation));
		}
	});

	// capdo check's override warning (issue 19 item 6) is for a condition changed without its text:
	// the three criteria restated over online_public_service_mode mean what they meant over the
	// replaced online_public_service_level (for every old value, through `replaces`), so none.
	it('check does not warn about criteria only restated over the replacing fact; it does when one changes meaning', () => {
		const library = readYamlTree(DEFAULT_RULESETS_DIR);
		const load = (edit: (t: string) => string = (t) => t) =>
			loadLibrary(
				library.map((f) =>
					f.path.endsWith('tt12-2022/criteria.yaml') ? { ...f, text: edit(f.text) } : f
				),
				[],
				false
			);
		expect(load().warnings).toEqual([]);
		// Level 3 only for full online services: partial online filing no longer "mức độ 3 trở lên".
		const changed = load((t) => t.replace('in: [partial_online, full] }', 'in: [full] }'));
		expect(changed.errors).toEqual([]);
		expect(changed.warnings.map((w) => w.field)).toEqual(['criteria.2.when']);
		expect(changed.warnings[0]!.message).toContain(
			'the condition of criterion "nd85-d9-k2a" changed from vn-nd85@tt03-2017'
		);
	});

	it('guides the system-kind question by Điều 7, without Circular 03’s example lists', () => {
		const f = d.facts.function!;
		expect(cite(f.guidance!)).toBe('Điều 7 Thông tư 12/2022/TT-BTTTT');
		expect(t03.data.facts.function!.hints!.internal!.vi).toContain('họp trực tuyến');
		expect(f.hints!.internal!.vi).not.toContain('họp trực tuyến');
		expect(f.hints!.internal!.vi).toContain('phục vụ hoạt động quản trị, vận hành nội bộ');
		// The other questions are inherited unchanged, but for the online public service, asked in
		// the terms of Decree 42/2022 in the place of the old one.
		const others = (facts: typeof d.facts) =>
			Object.entries(facts).filter(
				([name]) =>
					!['function', 'online_public_service_level', 'online_public_service_mode'].includes(name)
			);
		expect(others(d.facts)).toEqual(others(t03.data.facts));
		const order = (facts: typeof d.facts) => Object.keys(facts);
		expect(order(d.facts)).toEqual(
			order(t03.data.facts).map((n) =>
				n === 'online_public_service_level' ? 'online_public_service_mode' : n
			)
		);
		expect(d.facts.online_public_service_mode!.replaces?.fact).toBe('online_public_service_level');
	});

	it('has no submission rule, and routes levels 1–3 by Điều 6 when the security unit operates the system', () => {
		expect(d.procedure.submission).toBeUndefined();
		for (const level of [1, 2, 3, 4, 5] as Level[]) {
			const p = procedureFor(t12, level);
			expect(p.submission).toBeUndefined();
			expect(p.route).toBeUndefined();
			expect(p.appraiser).toBe(procedureFor(t03, level).appraiser);
			const operated = procedureFor(t12, level, 'vi', { security_unit_operates: true });
			if (level <= 3) {
				expect(operated.route?.citation).toBe('Điều 6 Thông tư 12/2022/TT-BTTTT');
				expect(operated.authority_note?.text).toContain('Hội đồng thẩm định độc lập');
				expect(operated.appraiser).toMatch(/^Một đơn vị trực thuộc có đủ năng lực/);
			} else expect(operated).toEqual(p);
		}
		expect(procedureFor(t03, 1).submission?.citation).toBe(
			'Điều 14 khoản 1 Thông tư 03/2017/TT-BTTTT'
		);
	});

	it('structures the explanation by Điều 8 khoản 3–6, items of khoản 5 for levels 4–5 only', () => {
		const ex = d.dossier!.explanation!;
		expect(ex.map((s) => cite(s.citation).replace(' Thông tư 12/2022/TT-BTTTT', ''))).toEqual([
			'Điều 8 khoản 3 điểm a',
			'Điều 8 khoản 3 điểm b',
			'Điều 8 khoản 3 điểm c',
			'Điều 8 khoản 3 điểm d',
			'Điều 8 khoản 4 điểm a',
			'Điều 8 khoản 4 điểm b',
			'Điều 8 khoản 5 điểm a',
			'Điều 8 khoản 5 điểm b',
			'Điều 8 khoản 5 điểm c',
			'Điều 8 khoản 5 điểm d',
			'Điều 8 khoản 6 điểm a',
			'Điều 8 khoản 6 điểm b'
		]);
		for (const s of ex) expect(s.levels).toEqual(s.citation.clause === 5 ? [4, 5] : undefined);
		// Decree 85 Điều 15 contents and Điều 19 plan are inherited, not copied.
		expect(d.dossier!.contents).toEqual(t03.data.dossier!.contents);
		expect(d.dossier!.plan).toEqual(t03.data.dossier!.plan);
	});

	it('lists each appendix row for its level only, as in Phụ lục I–V', () => {
		expect(d.requirements!.cumulative).toBe(false);
		const count = (prefix: string) => [1, 2, 3, 4, 5].map((l) => appendixItems(l, prefix).length);
		// Counted in the text of Phụ lục I–V.
		expect(count('I.')).toEqual([15, 18, 22, 22, 22]); // I. quản lý
		expect(count('II.1.a.')).toEqual([3, 5, 7, 8, 8]); // II.1.a vùng mạng
		expect(count('II.1.b.')).toEqual([3, 6, 16, 17, 19]); // II.1.b phương án thiết kế
		expect(count('II.2.')).toEqual([13, 17, 21, 21, 21]); // II.2 thiết lập, cấu hình
		for (const it of items().filter((x) => x.citation.appendix)) {
			const level = it.levels[0]!;
			expect(it.levels).toHaveLength(1);
			expect(it.citation).toMatchObject({
				source: 'tt12',
				article: 10,
				clause: level,
				appendix: ['I', 'II', 'III', 'IV', 'V'][level - 1]
			});
			expect(it.id).toBe(`pl${level}-${it.citation.item!.toLowerCase().replace(/^(i+)\./, '$1-')}`);
			// Table rows carry their TCVN 11930:2017 clause (5.x for level 1 … 9.x for level 5);
			// design points and rows 1.6–1.7 have none in the appendix.
			const table = /^(I\.1\.[1-5]\.|II\.2\.)/.test(it.citation.item!);
			if (table) expect(it.tcvn, it.id).toMatch(new RegExp(`^${level + 4}\\.[12]\\.\\d\\.\\d$`));
			else expect(it.tcvn, it.id).toBeUndefined();
		}
	});

	it('maps rows to the TCVN clauses the appendices give', () => {
		const tcvn = (id: string) => items().find((x) => x.id === id)?.tcvn;
		expect(tcvn('pl1-i-1.4.2')).toBe('5.1.4.2'); // Thử nghiệm và nghiệm thu (level 1: no outsourcing row)
		expect(tcvn('pl2-i-1.4.3')).toBe('6.1.4.3');
		expect(tcvn('pl2-i-1.5.4')).toBe('6.1.5.4'); // Quản lý sự cố
		expect(tcvn('pl3-i-1.5.8')).toBe('7.1.5.8'); // Quản lý sự cố
		expect(tcvn('pl1-ii-2.1.1.4')).toBe('5.2.1.5'); // Bảo vệ thiết bị hệ thống
		expect(tcvn('pl5-ii-2.1.1.6')).toBe('9.2.1.7');
		expect(tcvn('pl2-ii-2.1.4.1')).toBe('6.2.4.1'); // Bảo mật dữ liệu
	});

	it('renders appendix citations as "Mục … Phụ lục …"', () => {
		const it4 = items().find((x) => x.id === 'pl2-ii-1.b.iv')!;
		expect(cite(it4.citation)).toBe('Mục II.1.b.iv Phụ lục II Thông tư 12/2022/TT-BTTTT');
		expect(cite(it4.citation, 'en')).toBe(
			'Item II.1.b.iv of Appendix II to Circular 12/2022/TT-BTTTT'
		);
		expect(it4.text).toContain('khoản 2 Điều 8 Nghị định 85/2016/NĐ-CP');
		expect(items().find((x) => x.id === 'pl5-ii-1.b.xviii')!.text).toContain('tối thiểu 30 km');
	});

	it('separates cloud-hosted systems logically at level 3 and physically at levels 4–5 (Điều 9)', () => {
		const cloud = d.requirements!.groups.find((g) => g.id === 'cloud-hosting')!.items!;
		const byLevel = (l: Level) => cloud.filter((i) => i.levels.includes(l)).map((i) => i.text);
		expect(byLevel(3).join(' ')).toContain('về lô-gic');
		expect(byLevel(3).join(' ')).not.toContain('về vật lý');
		expect(byLevel(4)).toEqual(byLevel(5));
		expect(byLevel(4).filter((t) => t.includes('về vật lý'))).toHaveLength(3);
		expect(byLevel(1)).toEqual([]);
	});

	it('sets the Điều 16 transition', () => {
		expect(d.transition!.map((t) => [t.id, t.deadline, cite(t.citation)])).toEqual([
			['tt12-d16-k1', '2023-05-31', 'Điều 16 khoản 1 Thông tư 12/2022/TT-BTTTT'],
			['tt12-d16-k2', undefined, 'Điều 16 khoản 2 Thông tư 12/2022/TT-BTTTT']
		]);
		expect(d.transition![0]!.text).toContain('phải hoàn thành trước tháng 6 năm 2023');
	});
});

describe('citation schema: appendix items', () => {
	const folder = (citation: string) =>
		loadLibrary(
			[
				{
					path: 'x/v/ruleset.yaml',
					text: `id: x\nversion: v\nextends: vn-nd85@tt12-2022\neffective_from: 2026-08-19\ntransition:\n  - { id: t, text: T, citation: ${citation} }\n`
				}
			],
			rulesets,
			false
		);

	it('accepts an appendix with an item, and refuses an item without its appendix', () => {
		expect(folder('{ source: tt12, article: 10, appendix: II, item: I.1.1 }').errors).toEqual([]);
		expect(folder('{ source: tt12, article: 10, item: I.1.1 }').errors).toEqual([
			expect.objectContaining({ file: 'x/v/ruleset.yaml', line: 6, field: 'transition.0.citation' })
		]);
		expect(folder('{ source: tt12, article: 10, appendix: "2" }').errors).toHaveLength(1);
	});
});

import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { diffRuleSets, loadLibrary, type Change, type RuleSetDiff } from '../../src/lib/rules';
import { bundledRuleSets, readYamlTree } from '../../src/lib/server/ruleset-files';
import { main } from '../../src/cli/main';

const DIR = 'tests/fixtures/rulesets/diff/fxd';
const { rulesets, errors } = loadLibrary(readYamlTree(DIR));
const A = rulesets.find((r) => r.ref === 'fxd@a')!;
const B = rulesets.find((r) => r.ref === 'fxd@b')!;

const find = (d: RuleSetDiff, section: Change['section'], key: string) =>
	d.changes.find((c) => c.section === section && c.key === key);
const kinds = (d: RuleSetDiff, section: Change['section']) =>
	d.changes
		.filter((c) => c.section === section)
		.map((c) => `${c.kind} ${c.key}`)
		.sort();

async function run(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
	return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('diffRuleSets on the fixture (one change of each kind from a to b)', () => {
	// Computed in beforeAll, not while the file is collected: Stryker activates a mutant in a
	// beforeAll of its own, so a value computed at collection never sees the mutant.
	let d: RuleSetDiff;
	beforeAll(() => void (d = diffRuleSets(A, B)));

	it('loads both versions', () => {
		expect(errors).toEqual([]);
		expect(d.from).toEqual({ ref: 'fxd@a', hash: A.hash });
		expect(d.to).toEqual({ ref: 'fxd@b', hash: B.hash });
	});

	it('lists what was added, removed and changed in each section', () => {
		expect(kinds(d, 'metadata')).toEqual(['changed ruleset']);
		expect(kinds(d, 'sources')).toEqual(['added act2']);
		expect(kinds(d, 'facts')).toEqual(['added users', 'changed public_only', 'removed legacy']);
		expect(kinds(d, 'constraints')).toEqual([]);
		expect(kinds(d, 'criteria')).toEqual(['added c4', 'changed c2', 'removed c3']);
		expect(kinds(d, 'requirements')).toEqual([
			'added r3',
			'changed g1',
			'changed r1',
			'removed r2'
		]);
		expect(kinds(d, 'procedure')).toEqual(['removed submission[1,2,3,4,5]']);
		expect(kinds(d, 'dossier')).toEqual(['added explanation/e2', 'changed explanation/e1']);
		expect(kinds(d, 'transition')).toEqual(['added t1']);
		expect(d.summary.criteria).toEqual({ added: 1, removed: 1, changed: 1 });
		// Citations: e1's changed; users, c4, r3, e2, t1 added; legacy, c3, r2, submission removed.
		expect(d.summary.citations).toBe(10);
	});

	it('names the fields that changed, with before and after', () => {
		expect(find(d, 'metadata', 'ruleset')!.fields!.map((f) => f.field)).toEqual([
			'extends',
			'effective_from',
			'effective_to'
		]);
		expect(find(d, 'facts', 'public_only')!.fields).toEqual([
			{
				field: 'question',
				before: { vi: 'Chỉ xử lý thông tin công cộng?', en: 'Public information only?' },
				after: { vi: 'Hệ thống chỉ xử lý thông tin công cộng?', en: 'Public information only?' }
			}
		]);
		const c2 = find(d, 'criteria', 'c2')!;
		expect(c2.levels).toEqual([3]);
		expect(
			c2.fields!.map((f) => [f.field, f.before_text ?? f.before, f.after_text ?? f.after])
		).toEqual([
			['level', 2, 3],
			['when', 'public_only = false', '(public_only = false ∧ users ≥ 100)']
		]);
		expect(find(d, 'requirements', 'r1')!.fields).toEqual([
			{ field: 'tcvn', before: '5.1.1', after: '6.1.1' }
		]);
		expect(find(d, 'requirements', 'g1')!.fields!.map((f) => f.field)).toEqual(['title']);
	});

	it('renders citations with each side’s sources, appendix items included', () => {
		const e1 = find(d, 'dossier', 'explanation/e1')!.fields![0]!;
		expect([e1.field, e1.before_text, e1.after_text]).toEqual([
			'citation',
			'Điều 11 Văn bản 1/2020',
			'Điều 4 Văn bản 2/2021'
		]);
		expect(find(d, 'requirements', 'r3')!.citation).toBe('Mục 1.2 Phụ lục I Văn bản 2/2021');
		expect(find(d, 'criteria', 'c3')!.citation).toBe('Điều 6 Văn bản 1/2020');
	});

	it('is symmetric and empty between equal versions', () => {
		const back = diffRuleSets(B, A);
		expect(kinds(back, 'criteria')).toEqual(['added c3', 'changed c2', 'removed c4']);
		expect(back.summary.citations).toBe(d.summary.citations);
		expect(diffRuleSets(A, A).changes).toEqual([]);
	});
});

describe('diff of vn-nd85 tt03-2017 → tt12-2022', () => {
	const lib = bundledRuleSets().rulesets;
	const t03 = lib.find((r) => r.ref === 'vn-nd85@tt03-2017')!;
	const t12 = lib.find((r) => r.ref === 'vn-nd85@tt12-2022')!;
	let d: RuleSetDiff;
	beforeAll(() => void (d = diffRuleSets(t03, t12)));

	it('keeps the Decree 85 criteria, restating those that read the online public service in Decree 42 terms', () => {
		expect(kinds(d, 'criteria')).toEqual([
			'changed nd85-d8-k2a',
			'changed nd85-d8-k2c',
			'changed nd85-d9-k2a'
		]);
		expect(kinds(d, 'constraints')).toEqual([]);
		expect(kinds(d, 'facts')).toEqual([
			'added online_public_service_mode',
			'changed function',
			'removed online_public_service_level'
		]);
		expect(
			find(d, 'criteria', 'nd85-d9-k2a')!
				.fields!.map((f) => f.field)
				.sort()
		).toEqual(['note', 'when']);
		const f = find(d, 'facts', 'function')!.fields!;
		expect(f.map((x) => x.field).sort()).toEqual(['guidance', 'help', 'hints']);
		expect(f.find((x) => x.field === 'guidance')).toMatchObject({
			before_text: 'Điều 4 Thông tư 03/2017/TT-BTTTT',
			after_text: 'Điều 7 Thông tư 12/2022/TT-BTTTT'
		});
	});

	it('swaps the Circular, drops the submission rules and adds the Điều 6 route and check', () => {
		expect(kinds(d, 'sources')).toEqual(
			['added nd224', 'added nd42', 'added tt12', 'removed tt03'].sort()
		);
		expect(kinds(d, 'procedure')).toEqual([
			'added routing.facts/security_unit_operates',
			'added routing.routes/tt12-d6',
			// Circular 03 Điều 14 sent levels 4–5 dossiers to a named address; Circular 12 has none.
			'changed routing.routes/nd85-d12-k3b',
			'changed routing.routes/nd85-d12-k3c',
			'removed completeness_deadline[1,2,3,4,5]',
			'removed submission[1,2,3]',
			'removed submission[4,5]'
		]);
		const route = find(d, 'procedure', 'routing.routes/tt12-d6')!;
		expect(route.citation).toBe('Điều 6 Thông tư 12/2022/TT-BTTTT');
		expect(kinds(d, 'appraisal')).toEqual([
			'added checklist/independence',
			'changed checklist/a',
			'changed checklist/b',
			'changed coordination'
		]);
	});

	it('adds every Circular 12 requirement item (Circular 03 had groups only)', () => {
		const items = t12.data.requirements!.groups.flatMap((g) => g.items ?? []);
		const added = d.changes.filter((c) => c.section === 'requirements' && c.kind === 'added');
		for (const it of items)
			expect(
				added.some((c) => c.key === it.id),
				it.id
			).toBe(true);
		expect(kinds(d, 'requirements')).toContain('removed mgmt-assessment');
		expect(find(d, 'requirements', '(requirements)')!.fields!.map((f) => f.field)).toEqual([
			'note',
			'cumulative'
		]);
	});

	it('keeps the dossier contents and plan, and rewrites the explanation', () => {
		const changed = d.changes.filter((c) => c.section === 'dossier');
		expect(changed.every((c) => c.key.startsWith('explanation/'))).toBe(true);
		expect(kinds(d, 'dossier')).toContain('removed explanation/critical-components');
		expect(kinds(d, 'dossier')).toContain('added explanation/owner');
		expect(kinds(d, 'transition')).toEqual(['added tt12-d16-k1', 'added tt12-d16-k2']);
	});
});

describe('capdo diff', () => {
	it('takes folders, prints bilingual labels, and the same diff as JSON', async () => {
		const text = await run(['diff', join(DIR, 'a'), join(DIR, 'b')]);
		expect(text.code).toBe(0);
		expect(text.out).toContain('So sánh / Comparing fxd@a → fxd@b');
		expect(text.out).toContain('Tiêu chí / Criteria: 1 thêm/added, 1 bỏ/removed, 1 sửa/changed');
		expect(text.out).toContain(
			'      when: public_only = false → (public_only = false ∧ users ≥ 100)'
		);
		const json = await run(['diff', join(DIR, 'a'), join(DIR, 'b'), '--json']);
		expect(JSON.parse(json.out)).toEqual(JSON.parse(JSON.stringify(diffRuleSets(A, B))));
	});

	it('takes id@version, and refuses an unknown one', async () => {
		const r = await run(['diff', 'vn-nd85@tt03-2017', 'vn-nd85@tt12-2022', '--json']);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.out).to.ref).toBe('vn-nd85@tt12-2022');
		const bad = await run(['diff', 'vn-nd85@tt03-2017', 'vn-nd85@nope']);
		expect(bad.code).toBe(1);
		expect(bad.err).toContain('no rule set "vn-nd85@nope"');
		expect((await run(['diff', 'vn-nd85@tt03-2017'])).code).toBe(2);
	});
});

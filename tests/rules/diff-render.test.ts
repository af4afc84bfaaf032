// diffRuleSets, rendered output (issue 20, Stryker part `rules-tools`): what a maintainer reads in
// `capdo diff` and the release note, exactly — each condition operator's symbol, a note with its
// citation, the keys of the procedure, appraisal, requirements and dossier items, which fields carry
// text, the levels and TCVN clause of an item, and the count of citations. Real rule sets from
// rulesets/, or copies of them with one thing edited. Every diff is computed inside `it`.
import { describe, expect, it } from 'vitest';
import {
	diffRuleSets,
	formatCondition,
	type Change,
	type Condition,
	type RuleSet,
	type RuleSetData
} from '../../src/lib/rules';
import { ruleset } from './helpers';

const TT03 = ruleset('vn-nd85@tt03-2017');
const TT12 = ruleset('vn-nd85@tt12-2022');
const ND331 = ruleset('vn-nd331@2026');

/** A copy of `base` with `change` applied to its data (same sources, so citations render alike). */
const edited = (base: RuleSet, change: (d: RuleSetData) => void): RuleSet => {
	const data = structuredClone(base.data);
	change(data);
	return { ...base, ref: `${base.ref}-edited`, data };
};
const list = (changes: Change[]) => changes.map((c) => `${c.section} ${c.kind} ${c.key}`);

describe('formatCondition', () => {
	it('writes each operator as its symbol or words', () => {
		const ops: [string, unknown, string][] = [
			['eq', 'internal', 'f = internal'],
			['ne', 'internal', 'f ≠ internal'],
			['lt', 100, 'f < 100'],
			['lte', 100, 'f ≤ 100'],
			['gt', 100, 'f > 100'],
			['gte', 100, 'f ≥ 100'],
			['in', ['a', 'b'], 'f in [a, b]'],
			['contains', 'public', 'f contains public'],
			['contains_any', ['public', 'private'], 'f contains any [public, private]'],
			['only', ['public'], 'f only [public]']
		];
		for (const [op, arg, text] of ops)
			expect(formatCondition({ fact: 'f', [op]: arg } as unknown as Condition), op).toBe(text);
	});

	it('a group of one condition is that condition, without brackets', () => {
		expect(formatCondition({ all: [{ fact: 'users', gte: 100 }] } as Condition)).toBe(
			'users ≥ 100'
		);
		expect(formatCondition({ any: [{ fact: 'users', lt: 5 }] } as Condition)).toBe('users < 5');
		expect(
			formatCondition({
				all: [
					{ fact: 'a', eq: true },
					{ fact: 'b', eq: false }
				]
			} as Condition)
		).toBe('(a = true ∧ b = false)');
	});
});

describe('diffRuleSets: how fields render', () => {
	it('a note of a route renders as its Vietnamese text and citation; a field that is gone has no text', () => {
		// Circular 03 Điều 14 khoản 1 điểm d sent the Defence / Public Security dossiers to a named
		// body; Circular 12 drops the note.
		const d = diffRuleSets(TT03, TT12);
		const route = d.changes.find((c) => c.key === 'routing.routes/nd85-d12-k3b')!;
		expect(route.section).toBe('procedure');
		const note = route.fields!.find((f) => f.field === 'note')!;
		expect(note.before_text).toBe(
			'Hệ thống thông tin do Bộ Quốc phòng quản lý: Bộ Quốc phòng chủ trì thẩm định; hồ sơ gửi tới cơ quan thẩm định quy định tại điểm b khoản 3 Điều 12. (Điều 14 khoản 1 điểm d Nghị định 85/2016/NĐ-CP)'
		);
		expect(Object.keys(note).sort()).toEqual(['after', 'before', 'before_text', 'field']);
		expect(note.after).toBeUndefined();
	});

	it('a field that is neither a citation, a condition, a golden result nor a note has no text', () => {
		const b = edited(TT12, (d) => void (d.criteria[0]!.level = 5));
		const [c] = diffRuleSets(TT12, b).changes;
		expect(c!.fields).toHaveLength(1);
		expect(Object.keys(c!.fields![0]!).sort()).toEqual(['after', 'before', 'field']);
		expect(c!.fields![0]).toMatchObject({ field: 'level', after: 5 });
	});

	it('a condition added where there was none renders after only; a citation field both sides', () => {
		const b = edited(TT12, (d) => {
			const f = d.facts['national_egov_system']!;
			f.applies_when = { fact: 'function', ne: 'infrastructure' } as Condition;
			f.citation = { ...f.citation, clause: 9 };
		});
		const [c] = diffRuleSets(TT12, b).changes;
		expect(list([c!])).toEqual(['facts changed national_egov_system']);
		const applies = c!.fields!.find((f) => f.field === 'applies_when')!;
		expect(applies).toEqual({
			field: 'applies_when',
			before: undefined,
			after: { fact: 'function', ne: 'infrastructure' },
			after_text: 'function ≠ infrastructure'
		});
		expect(Object.keys(applies)).not.toContain('before_text');
		const cit = c!.fields!.find((f) => f.field === 'citation')!;
		expect(cit.before_text).toMatch(/^Điều \d+ .*Nghị định 85\/2016\/NĐ-CP$/);
		expect(cit.after_text).toMatch(/^Điều \d+ khoản 9 /);
	});
});

describe('diffRuleSets: sections and keys', () => {
	it('a constraint changed: its own section, its condition rendered, its citation', () => {
		const b = edited(TT12, (d) => {
			d.constraints![0]!.require = {
				fact: 'defense_security_damage',
				in: ['serious', 'especially_serious']
			} as Condition;
		});
		const d = diffRuleSets(TT12, b);
		expect(d.changes).toEqual([
			{
				section: 'constraints',
				kind: 'changed',
				key: 'state-secret-needs-damage',
				label: undefined,
				levels: undefined,
				citation: 'Điều 9 khoản 1 Nghị định 85/2016/NĐ-CP',
				fields: [
					{
						field: 'require',
						before: TT12.data.constraints![0]!.require,
						after: { fact: 'defense_security_damage', in: ['serious', 'especially_serious'] },
						before_text: 'defense_security_damage in [harm, serious, especially_serious]',
						after_text: 'defense_security_damage in [serious, especially_serious]'
					}
				]
			}
		]);
		expect(d.summary.constraints).toEqual({ added: 0, removed: 0, changed: 1 });
	});

	it('a designation removed: its own section, labelled with its Vietnamese label', () => {
		const des = ND331.data.designations![0]!;
		const b = edited(ND331, (d) => void d.designations!.shift());
		const d = diffRuleSets(ND331, b);
		expect(list(d.changes)).toEqual([`designations removed ${des.id}`]);
		expect(d.changes[0]!.label).toBe(des.label.vi);
		expect(d.summary.designations).toEqual({ added: 0, removed: 1, changed: 0 });
		expect(d.summary.citations).toBe(1);
	});

	it('the title changed: one metadata entry labelled with the new title', () => {
		const b = edited(TT12, (d) => void (d.title = { ...d.title, vi: 'Tiêu đề mới' }));
		expect(diffRuleSets(TT12, b).changes).toEqual([
			{
				section: 'metadata',
				kind: 'changed',
				key: 'ruleset',
				label: 'Tiêu đề mới',
				fields: [{ field: 'title', before: TT12.data.title, after: b.data.title }]
			}
		]);
	});

	it('requirements: the section’s note, a group’s item count, a removed item with its TCVN clause', () => {
		const policy = TT12.data.requirements!.groups.find((g) => g.id === 'mgmt-policy')!;
		const first = policy.items![0]!;
		const b = edited(TT12, (d) => {
			d.requirements!.note = { vi: 'Ghi chú mới', en: 'New note' };
			d.requirements!.groups.find((g) => g.id === 'mgmt-policy')!.items!.shift();
		});
		const d = diffRuleSets(TT12, b);
		expect(list(d.changes)).toEqual([
			'requirements changed (requirements)',
			'requirements changed mgmt-policy',
			`requirements removed ${first.id}`
		]);
		expect(d.changes[0]!.fields).toEqual([
			{ field: 'note', before: TT12.data.requirements!.note, after: b.data.requirements!.note }
		]);
		expect(d.changes[1]!.fields).toEqual([
			{ field: 'items', before: policy.items!.length, after: policy.items!.length - 1 }
		]);
		expect(first.tcvn).toBe('5.1.1.1');
		expect(d.changes[2]).toMatchObject({
			label: first.text,
			levels: first.levels,
			tcvn: '5.1.1.1'
		});
		expect(d.changes[2]!.citation).toMatch(/Thông tư 12\/2022\/TT-BTTTT$/);
		// An item without a TCVN clause has no tcvn key at all.
		const general = TT12.data.requirements!.groups.find((g) => g.id === 'general')!.items![0]!;
		const c = edited(TT12, (x) => void x.requirements!.groups[0]!.items!.shift());
		const removed = diffRuleSets(TT12, c).changes.find((x) => x.key === general.id)!;
		expect(removed.kind).toBe('removed');
		expect(Object.keys(removed)).not.toContain('tcvn');
	});

	it('a golden case whose level changed carries the new level', () => {
		const b = edited(TT12, (d) => void (d.tests![0]!.expect.level = 2));
		const [c] = diffRuleSets(TT12, b).changes;
		expect(c).toMatchObject({ section: 'tests', kind: 'changed', levels: [2] });
		expect(c!.label).toBeUndefined();
	});

	it('procedure keys: kind and levels; routing questions and routes by name and id', () => {
		const b = edited(TT12, (d) => {
			delete d.procedure.routing;
			d.procedure.authority[0]!.approver = { vi: 'Bộ trưởng', en: 'Minister' };
		});
		const d = diffRuleSets(TT12, b);
		expect(list(d.changes)).toEqual([
			'procedure changed authority[1,2]',
			'procedure removed routing.facts/managed_by',
			'procedure removed routing.facts/security_unit_operates',
			'procedure removed routing.routes/nd85-d12-k3b',
			'procedure removed routing.routes/nd85-d12-k3c',
			'procedure removed routing.routes/tt12-d6'
		]);
		expect(d.summary.procedure).toEqual({ added: 0, removed: 5, changed: 1 });
	});

	it('appraisal keys: checklist items and the coordination', () => {
		const b = edited(TT12, (d) => void delete d.appraisal);
		expect(list(diffRuleSets(TT12, b).changes)).toEqual([
			'appraisal removed checklist/a',
			'appraisal removed checklist/b',
			'appraisal removed checklist/c',
			'appraisal removed checklist/independence',
			'appraisal removed coordination'
		]);
	});

	it('the dossier template: one item keyed "template"', () => {
		const b = edited(TT12, (d) => void (d.dossier!.template = 'nd331'));
		expect(diffRuleSets(TT12, b).changes).toEqual([
			{
				section: 'dossier',
				kind: 'changed',
				key: 'template',
				label: undefined,
				levels: undefined,
				citation: undefined,
				fields: [{ field: 'template', before: 'nd85', after: 'nd331' }]
			}
		]);
	});
});

describe('diffRuleSets: the count of citations', () => {
	it('counts a changed item’s citation fields only, and one per added or removed item', () => {
		const crit = TT12.data.criteria[0]!;
		// Level and citation changed: one citation.
		const one = edited(TT12, (d) => {
			d.criteria[0]!.level = 5;
			d.criteria[0]!.citation = { ...crit.citation, clause: 9 };
		});
		expect(diffRuleSets(TT12, one).summary.citations).toBe(1);
		// Level only: none, though the item has a citation.
		const none = edited(TT12, (d) => void (d.criteria[0]!.level = 5));
		expect(diffRuleSets(TT12, none).summary.citations).toBe(0);
		// An item added and one removed: two.
		const two = edited(TT12, (d) => {
			d.criteria.push({ ...structuredClone(crit), id: 'new-one' });
			d.criteria.splice(1, 1);
		});
		expect(diffRuleSets(TT12, two).summary.citations).toBe(2);
	});
});

// buildDossier in process: what it refuses (each field named, in both languages) and what the model
// keeps (normalized unit profile, optional fields, plan statuses, routing, fingerprint). Expected
// messages are written out here; mutation testing (MUTATE_PART=dossier) needs these in-process
// calls, the CLI tests run the code in a child process where no mutant is active.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { buildDossier, fingerprint, planKeys, type DossierInput } from '../../src/lib/dossier';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/dossier');
const rs = (ref = 'vn-nd85@tt03-2017'): RuleSet =>
	bundledRuleSets().rulesets.find((r) => r.ref === ref)!;
type Raw = Record<string, unknown>;
function input(name = 'level1.yaml', change: (f: Raw) => void = () => {}): DossierInput {
	const f = parse(readFileSync(join(FIXTURES, name), 'utf8')) as Raw;
	change(f);
	const { unit, document, approved, ...system } = f;
	return {
		unit,
		document,
		system,
		...(approved === undefined ? {} : { approved })
	} as DossierInput;
}
const errorsOf = (i: DossierInput, ruleset = rs()) => {
	const b = buildDossier(ruleset, i);
	if (b.ok) throw new Error('expected a refusal');
	return b.errors;
};
const only = (i: DossierInput, path: string) => errorsOf(i).filter((e) => e.path === path);
/** Level 1's fixture with no criterion matching (function "other"), with a proposal if given. */
const undetermined = (p?: unknown) =>
	input('level1.yaml', (f) => {
		(f.facts as Raw).function = 'other';
		if (p !== undefined) f.proposal = p;
	});

describe('buildDossier refuses, naming the field', () => {
	it('a rule set without a dossier section', () => {
		const base = rs();
		const bare = { ...base, data: { ...base.data, dossier: undefined } } as RuleSet;
		expect(errorsOf(input(), bare)).toEqual([
			{
				path: 'ruleset',
				message: {
					vi: 'Bộ quy tắc vn-nd85@tt03-2017 không mô tả hồ sơ đề xuất cấp độ (thiếu mục dossier).',
					en: 'Rule set vn-nd85@tt03-2017 does not describe the dossier (no dossier section).'
				}
			}
		]);
	});
	it('no unit; a unit without a name; a signer without a title', () => {
		expect(
			only(
				input('level1.yaml', (f) => delete f.unit),
				'unit'
			)[0]!.message
		).toEqual({
			vi: 'Thiếu thông tin đơn vị (unit: tên đơn vị, cơ quan chủ quản, người ký).',
			en: 'The unit profile is missing (unit: name, governing body, signer).'
		});
		expect(
			only(
				input('level1.yaml', (f) => ((f.unit as Raw).name = '  ')),
				'unit.name'
			)[0]!.message
		).toEqual({
			vi: 'Thiếu tên đơn vị (unit.name).',
			en: 'The unit name is missing (unit.name).'
		});
		expect(
			only(
				input('level1.yaml', (f) => ((f.unit as Raw).signer = { name: 'A' })),
				'unit.signer'
			)[0]!.message
		).toEqual({
			vi: 'Người ký cần có họ tên (name) và chức danh (title).',
			en: 'The signer needs a name and a title.'
		});
	});
	it('no system name; an unknown stage; a component with components', () => {
		expect(
			only(
				input('level1.yaml', (f) => delete f.name),
				'system.name'
			)[0]!.message
		).toEqual({
			vi: 'Thiếu tên hệ thống thông tin.',
			en: 'The information system name is missing.'
		});
		expect(
			only(
				input('level1.yaml', (f) => (f.stage = 'planning')),
				'system.stage'
			)[0]!.message
		).toEqual({
			vi: '"stage" chỉ nhận: new_project, in_operation.',
			en: '"stage" must be one of: new_project, in_operation.'
		});
		const nested = input('level3.yaml', (f) => {
			const c = (f.components as Raw[])[0]!;
			c.components = [{ name: 'X', facts: c.facts }];
		});
		expect(only(nested, 'system.components[0].components')[0]!.message).toEqual({
			vi: 'Hồ sơ chỉ ghi một cấp hệ thống thành phần: khai báo thành phần của thành phần như một thành phần trực tiếp.',
			en: "The dossier records one level of components: list a component's components as direct components."
		});
		// An empty list of sub-components is no second level; a null component is an error, not a crash.
		const empty = input('level3.yaml', (f) => ((f.components as Raw[])[0]!.components = []));
		expect(buildDossier(rs(), empty).ok).toBe(true);
		const hole = buildDossier(
			rs(),
			input('level3.yaml', (f) => (f.components = [null]))
		);
		expect(hole.ok).toBe(false);
	});
	it('invalid facts, located under system.', () => {
		const e = errorsOf(input('level1.yaml', (f) => ((f.facts as Raw).function = 'cooking')));
		expect(e.map((x) => x.path)).toContain('system.facts.function');
		// Facts that cannot be classified do not also ask for a proposal.
		expect(e.map((x) => x.path)).not.toContain('system.proposal');
	});
	it('proposals: missing when undetermined, not an object, a level out of 1–5, below the criteria, unjustified above them', () => {
		expect(only(undetermined(), 'system.proposal')[0]!.message.vi).toBe(
			'Không tiêu chí nào khớp: cần đề xuất cấp độ kèm thuyết minh (proposal: { level, justification }).'
		);
		expect(only(undetermined(3), 'system.proposal')[0]!.message).toEqual({
			vi: '"proposal" phải là { level, justification }.',
			en: '"proposal" must be { level, justification }.'
		});
		expect(
			only(undetermined({ level: 6, justification: 'x' }), 'system.proposal.level')[0]!.message
		).toEqual({
			vi: 'Cấp độ đề xuất phải là số từ 1 đến 5.',
			en: 'The proposed level must be a number from 1 to 5.'
		});
		expect(only(undetermined({ level: '2' }), 'system.proposal.level')).toHaveLength(1);
		// Undetermined: a proposal needs a justification at any level.
		expect(only(undetermined({ level: 1 }), 'system.proposal.justification')[0]!.message.vi).toBe(
			'Cần thuyết minh lý do đề xuất cấp độ (proposal.justification).'
		);
		// Level 3 computed: 2 is below it; 4 without a justification is refused; 3 alone is fine.
		const l3 = (p: unknown) => input('level3.yaml', (f) => (f.proposal = p));
		expect(only(l3({ level: 2, justification: 'x' }), 'system.proposal.level')[0]!.message).toEqual(
			{
				vi: 'Cấp độ đề xuất (2) thấp hơn cấp độ xác định theo tiêu chí (3).',
				en: 'The proposed level (2) is below the level the criteria give (3).'
			}
		);
		expect(only(l3({ level: 4 }), 'system.proposal.justification')).toHaveLength(1);
		const same = buildDossier(rs(), l3({ level: 3 }));
		expect(same.ok && same.dossier.system.proposal).toEqual({ level: 3, justification: '' });
	});
	it('explanation: not an object, an unknown section, a non-text answer', () => {
		expect(
			only(
				input('level4.yaml', (f) => (f.explanation = 'x')),
				'system.explanation'
			)[0]!.message
		).toEqual({
			vi: '"system.explanation" phải là một đối tượng.',
			en: '"system.explanation" must be an object.'
		});
		const unknown = only(
			input('level4.yaml', (f) => ((f.explanation as Raw).weather = 'x')),
			'system.explanation.weather'
		);
		expect(unknown[0]!.message.vi).toMatch(
			/^Mục "weather" không có trong bộ quy tắc \(có: .*threats.*\)\.$/
		);
		expect(unknown[0]!.message.en).toMatch(/^Unknown section "weather" \(known: .*threats.*\)\.$/);
		expect(
			only(
				input('level4.yaml', (f) => ((f.explanation as Raw).threats = 5)),
				'system.explanation.threats'
			)[0]!.message
		).toEqual({
			vi: 'Nội dung phải là văn bản.',
			en: 'The content must be text.'
		});
	});
	it('plan: not an object, an unknown item, a planned item without a date, not applicable without a reason, an unknown status', () => {
		const plan = (p: unknown) => input('level1.yaml', (f) => (f.plan = p));
		expect(only(plan([]), 'system.plan')[0]!.message.en).toBe('"plan" must be an object.');
		expect(only(plan({ nap: { status: 'in_place' } }), 'system.plan.nap')[0]!.message.vi).toBe(
			'Mục "nap" không có trong phương án hay yêu cầu cơ bản của bộ quy tắc.'
		);
		expect(
			only(plan({ operation: { status: 'planned' } }), 'system.plan.operation.date')[0]!.message.vi
		).toBe('Cần ngày dự kiến (YYYY-MM-DD).');
		expect(
			only(
				plan({ operation: { status: 'planned', date: '31/03/2027' } }),
				'system.plan.operation.date'
			)
		).toHaveLength(1);
		expect(
			only(plan({ operation: { status: 'not_applicable' } }), 'system.plan.operation.reason')[0]!
				.message.en
		).toBe('A reason for not applying is required.');
		expect(
			only(plan({ operation: { status: 'done' } }), 'system.plan.operation.status')[0]!.message
		).toEqual({
			vi: 'Trạng thái chỉ nhận: in_place, planned, not_applicable.',
			en: 'The status must be one of: in_place, planned, not_applicable.'
		});
		// An empty plan is no plan: nothing is kept for the paper to print.
		const empty = buildDossier(rs(), plan({}));
		if (!empty.ok) throw new Error(JSON.stringify(empty.errors));
		expect(empty.dossier.system).not.toHaveProperty('plan');
		expect(only(plan({ operation: 'in_place' }), 'system.plan.operation.status')).toHaveLength(1);
	});
	it('document: not an object, a date not in YYYY-MM-DD; approved not a boolean', () => {
		expect(
			only(
				input('level1.yaml', (f) => (f.document = 'x')),
				'document'
			)[0]!.message
		).toEqual({ vi: '"document" phải là một đối tượng.', en: '"document" must be an object.' });
		// `document:` left empty in YAML (null) is no document, not a wrong one.
		expect(
			buildDossier(
				rs(),
				input('level1.yaml', (f) => (f.document = null))
			).ok
		).toBe(true);
		for (const date of ['20/11/2026', '2026-13-45'])
			expect(
				only(
					input('level1.yaml', (f) => (f.document = { date })),
					'document.date'
				)[0]!.message
			).toEqual({
				vi: 'Ngày phải có dạng YYYY-MM-DD.',
				en: 'The date must be YYYY-MM-DD.'
			});
		expect(
			only(
				input('level1.yaml', (f) => (f.approved = 'yes')),
				'approved'
			)[0]!.message
		).toEqual({
			vi: '"approved" phải là true hoặc false.',
			en: '"approved" must be true or false.'
		});
	});
});

describe('buildDossier passes on what the engine says, under system.', () => {
	it('a character the fonts cannot print, on its field', () => {
		const e = errorsOf(input('level1.yaml', (f) => (f.name = `${f.name as string} 🚀`)));
		expect(e.map((x) => x.path)).toEqual(['system.name']);
		expect(e[0]!.message.vi).toMatch(/ký tự “🚀” \(U\+1F680\)/);
		expect(e[0]!.message.en).toMatch(/“🚀” \(U\+1F680\)/);
	});
	it('a routing answer not among the options (Nghị định 331 Điều 18 khoản 3)', () => {
		const e = errorsOf(
			input('nd331-level4.yaml', (f) => (f.routing = { system_kind: 'navy' })),
			rs('vn-nd331@2026')
		);
		expect(e.map((x) => x.path)).toEqual(['system.routing.system_kind']);
	});
	it('the engine’s warnings: an answer under the fact Circular 12 replaced', () => {
		const b = buildDossier(
			rs('vn-nd85@tt12-2022'),
			input('level3.yaml', (f) => {
				delete f.explanation;
				delete f.plan;
			})
		);
		expect(b.ok).toBe(true);
		if (!b.ok) return;
		expect(b.warnings.map((w) => w.path)).toEqual(['system.facts.online_public_service_level']);
		expect(b.dossier.system.facts.online_public_service_mode).toBe('full');
		expect(b.dossier.system.routing?.managed_by).toBe('other');
	});
	it('Decree 331 keeps the routing answers with their defaults', () => {
		const b = buildDossier(rs('vn-nd331@2026'), input('nd331-level4.yaml'));
		expect(b.ok && b.dossier.system.routing?.system_kind).toBe('other');
	});
});

describe('buildDossier keeps', () => {
	it('the unit profile trimmed and NFC, empty contact fields dropped, the signer’s authority, place and address', () => {
		const b = buildDossier(
			rs(),
			input('level1.yaml', (f) => {
				f.unit = {
					name: '  Sở Tài chính\u0301 ',
					contact: { name: ' An ', email: '', phone: '0269' },
					signer: { name: 'Ngọc', title: 'Phó Giám đốc', authority: 'KT. Giám đốc' },
					place: 'Gia Lai',
					address: '1 Trần Phú'
				};
			})
		);
		expect(b.ok).toBe(true);
		if (!b.ok) return;
		expect(b.dossier.unit).toEqual({
			name: 'Sở Tài chính\u0301'.normalize('NFC'),
			governing_body: '',
			security_unit: '',
			contact: { name: 'An', phone: '0269' },
			signer: { name: 'Ngọc', title: 'Phó Giám đốc', authority: 'KT. Giám đốc' },
			place: 'Gia Lai',
			address: '1 Trần Phú'
		});
	});
	it('the system’s optional fields, the computed and proposed levels, the plan by status; not approved by default', () => {
		const b = buildDossier(rs(), input('level4.yaml'));
		expect(b.ok).toBe(true);
		if (!b.ok) return;
		expect(b.warnings).toEqual([]);
		const d = b.dossier;
		expect(d.schema).toBe('capdo-dossier/1');
		expect(d.template).toBe('nd85');
		expect(d.approved).toBe(false);
		expect(d.system.owner).toBe('Văn phòng Chính phủ');
		expect(d.system.stage).toBe('in_operation');
		expect(d.system.design_documents).toBe('Thiết kế thi công được phê duyệt năm 2024 (kèm theo).');
		expect(d.system.specialist_opinion).toMatch(
			/^Đơn vị chuyên trách về an toàn thông tin thống nhất/
		);
		expect(Object.keys(d.system.explanation!).sort()).toEqual([
			'availability-24x7',
			'critical-components',
			'impact',
			'related-systems',
			'threats'
		]);
		expect(d.system.plan).toEqual({
			'design-build': { status: 'in_place' },
			operation: { status: 'in_place' },
			assessment: { status: 'planned', date: '2027-06-30', note: 'Thuê đơn vị độc lập đánh giá.' },
			monitoring: { status: 'in_place', note: 'Kết nối SOC quốc gia.' }
		});
		expect(d.result.computed_level).toBe(4);
		expect(d.result.proposed_level).toBe(4);
		expect(d.result.components.map((c) => [c.name, c.level])).toEqual([
			['Trục liên thông văn bản', 4],
			['Cổng thông tin tra cứu văn bản', 2]
		]);
		expect(d.system.components.map((c) => c.name)).toEqual([
			'Trục liên thông văn bản',
			'Cổng thông tin tra cứu văn bản'
		]);
		expect(d.result.system.criteria.map((c) => c.citation)).toContain(
			'Điều 10 khoản 2 Nghị định 85/2016/NĐ-CP'
		);
		expect(d.result.designations).toEqual([]);
		expect('notices' in d.result).toBe(false);
		// Blank answers are dropped, not kept as empty strings.
		const blank = buildDossier(
			rs(),
			input('level1.yaml', (f) => {
				f.description = '  ';
				f.plan = { operation: { status: 'not_applicable', reason: 'Đã có hệ thống khác.' } };
				f.explanation = { threats: ' ' };
			})
		);
		expect(blank.ok && blank.dossier.system.description).toBeUndefined();
		expect(blank.ok && blank.dossier.system.explanation).toBeUndefined();
		expect(blank.ok && blank.dossier.system.plan).toEqual({
			operation: { status: 'not_applicable', reason: 'Đã có hệ thống khác.' }
		});
	});
	it('Decree 331: the notice that no risk assessment is recorded (Điều 10 khoản 2 điểm a)', () => {
		const b = buildDossier(rs('vn-nd331@2026'), input('nd331-level2.yaml'));
		expect(b.ok).toBe(true);
		if (!b.ok) return;
		expect(b.dossier.template).toBe('nd331');
		expect(b.dossier.result.notices?.map((n) => n.citation)).toEqual([
			'Điều 10 khoản 2 điểm a Nghị định 331/2026/NĐ-CP'
		]);
	});
	it('every refusal of the proposal, explanation and plan in both languages, the known sections listed', () => {
		expect(only(undetermined(), 'system.proposal')[0]!.message).toEqual({
			vi: 'Không tiêu chí nào khớp: cần đề xuất cấp độ kèm thuyết minh (proposal: { level, justification }).',
			en: 'No criterion matches: a proposed level with a justification is required (proposal: { level, justification }).'
		});
		expect(only(undetermined({ level: 1 }), 'system.proposal.justification')[0]!.message).toEqual({
			vi: 'Cần thuyết minh lý do đề xuất cấp độ (proposal.justification).',
			en: 'A written justification for the proposed level is required (proposal.justification).'
		});
		const known = (rs().data.dossier!.explanation ?? []).map((x) => x.id);
		expect(known.length).toBeGreaterThan(1);
		expect(
			only(
				input('level4.yaml', (f) => ((f.explanation as Raw).weather = 'x')),
				'system.explanation.weather'
			)[0]!.message
		).toEqual({
			vi: `Mục "weather" không có trong bộ quy tắc (có: ${known.join(', ')}).`,
			en: `Unknown section "weather" (known: ${known.join(', ')}).`
		});
		const plan = (p: unknown) => input('level1.yaml', (f) => (f.plan = p));
		expect(only(plan([]), 'system.plan')[0]!.message.vi).toBe('"plan" phải là một đối tượng.');
		expect(only(plan({ nap: { status: 'in_place' } }), 'system.plan.nap')[0]!.message.en).toBe(
			'"nap" is neither a plan section nor a baseline requirement of the rule set.'
		);
		expect(
			only(plan({ operation: { status: 'planned' } }), 'system.plan.operation.date')[0]!.message.en
		).toBe('A planned date (YYYY-MM-DD) is required.');
		expect(
			only(plan({ operation: { status: 'not_applicable' } }), 'system.plan.operation.reason')[0]!
				.message.vi
		).toBe('Cần nêu lý do không áp dụng.');
	});
	it('a proposal, explanation or plan given as null is one not given', () => {
		const b = buildDossier(
			rs(),
			input('level3.yaml', (f) => {
				f.proposal = null;
				f.explanation = null;
				f.plan = null;
			})
		);
		expect(b.ok).toBe(true);
		if (!b.ok) return;
		expect(b.dossier.system.proposal).toBeUndefined();
		expect(b.dossier.system.explanation).toBeUndefined();
		expect(b.dossier.system.plan).toBeUndefined();
	});
	it('planKeys on a rule set without plan sections, without requirements, or with a group without items', () => {
		const base = rs();
		const edit = (data: Raw) => planKeys({ ...base, data: { ...base.data, ...data } } as RuleSet);
		const groups = base.data.requirements!.groups;
		// Exact sets: a missing list must add nothing, not even an undefined key.
		const fromRequirements = [
			...new Set(groups.flatMap((g) => [g.id, ...(g.items ?? []).map((i) => i.id)]))
		].sort();
		expect(fromRequirements.length).toBeGreaterThan(0);
		const withoutPlan = edit({ dossier: { ...base.data.dossier, plan: undefined } });
		expect([...withoutPlan].sort()).toEqual(fromRequirements);
		expect([...edit({ dossier: undefined })].sort()).toEqual(fromRequirements);
		const withoutRequirements = edit({ requirements: undefined });
		expect([...withoutRequirements].sort()).toEqual(
			(base.data.dossier!.plan ?? []).map((s) => s.id).sort()
		);
		const mixed = edit({
			requirements: { groups: [{ id: 'g1', items: [{ id: 'i1' }] }, { id: 'g2' }] }
		});
		expect([...mixed].sort()).toEqual(
			[...(base.data.dossier!.plan ?? []).map((s) => s.id), 'g1', 'g2', 'i1'].sort()
		);
	});
	it('planKeys: the Điều 19 sections and the baseline groups and items', () => {
		const keys = planKeys(rs());
		for (const k of [
			'design-build',
			'operation',
			'assessment',
			'monitoring',
			'decommission',
			'tech-network'
		])
			expect(keys.has(k)).toBe(true);
		expect(keys.has('nap')).toBe(false);
	});
	it('the fingerprint: 16 hex digits, blind to the generation time, not to the content', () => {
		const b = buildDossier(rs(), input());
		if (!b.ok) throw new Error('refused');
		const fp = fingerprint(b.dossier);
		expect(fp).toMatch(/^[0-9a-f]{16}$/);
		expect(
			fingerprint({ ...b.dossier, generated_at: '2030-01-01T00:00:00Z', fingerprint: 'x' })
		).toBe(fp);
		expect(fingerprint({ ...b.dossier, approved: true })).not.toBe(fp);
	});
});

describe('buildDossier warns', () => {
	it("when a comma in a YAML { } split the signer's title (the rest became a key without a value)", () => {
		const text = readFileSync(join(FIXTURES, 'level1.yaml'), 'utf8').replace(
			/^(\s*)signer:.*$/m,
			'$1signer: { name: Đỗ Văn Thành, title: KT. Bộ trưởng, Thứ trưởng }'
		);
		const f = parse(text) as Raw;
		const { unit, document, ...system } = f;
		const b = buildDossier(rs(), { unit, document, system } as DossierInput);
		if (!b.ok) throw new Error(JSON.stringify(b.errors));
		expect(b.warnings).toContainEqual({
			path: 'unit.signer.Thứ trưởng',
			message: {
				vi: '"Thứ trưởng" không có giá trị: dấu phẩy trong { } của YAML đã tách giá trị trước nó; đặt giá trị trong ngoặc kép.',
				en: '"Thứ trưởng" has no value: a comma inside a YAML { } split the value before it; put that value in quotes.'
			}
		});
		// Quoted, the title is whole and nothing is said.
		const quoted = parse(
			text.replace('title: KT. Bộ trưởng, Thứ trưởng', 'title: "KT. Bộ trưởng, Thứ trưởng"')
		) as Raw;
		const { unit: u2, document: d2, ...s2 } = quoted;
		const ok = buildDossier(rs(), { unit: u2, document: d2, system: s2 } as DossierInput);
		if (!ok.ok) throw new Error('refused');
		expect(ok.warnings.filter((w) => w.path.startsWith('unit.'))).toEqual([]);
		expect(ok.dossier.unit.signer?.title).toBe('KT. Bộ trưởng, Thứ trưởng');
	});

	it('only of a key that is not a contact field: an empty name, title, authority, email or phone is just left out', () => {
		const f = parse(readFileSync(join(FIXTURES, 'level1.yaml'), 'utf8')) as Raw;
		const unit = f.unit as Raw;
		// YAML `email:` with nothing after it is null; each known field may be left empty.
		unit.contact = { name: null, title: null, authority: null, email: null, phone: null };
		const { document, unit: u, ...system } = f;
		const b = buildDossier(rs(), { unit: u, document, system } as DossierInput);
		if (!b.ok) throw new Error(JSON.stringify(b.errors));
		expect(b.warnings.filter((w) => w.path.startsWith('unit.'))).toEqual([]);
		// A stray key without a value (the tail of a split value) is named, under unit.contact; a key
		// with a value is not a split and is not named.
		unit.contact = { name: 'Nguyễn Văn An', fax: '0269 3822 112', 'Trưởng phòng': null };
		const split = buildDossier(rs(), { unit, document, system } as DossierInput);
		if (!split.ok) throw new Error(JSON.stringify(split.errors));
		expect(split.warnings.map((w) => w.path)).toEqual(['unit.contact.Trưởng phòng']);
	});
});

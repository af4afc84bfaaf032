// Warnings about a child version's overrides of its parent (src/lib/rules/overrides.ts), in process
// so that Stryker's rules-load part sees them: an override that drops a field the parent wrote, and
// a condition changed while the quoted text or the citation stayed — unless the child only restates
// the condition through a fact that replaces the parent's. Then the same through loadLibrary: a
// child folder's warnings, located at the child's field.
import { describe, expect, it } from 'vitest';
import { loadLibrary, type RuleSetData } from '../../src/lib/rules';
import { overrideWarnings } from '../../src/lib/rules/overrides';

/** A parent's sections as overrideWarnings reads them (only the keyed lists and the facts). */
const PARENT = {
	facts: {
		kind: { type: 'enum', values: ['a', 'b'], question: { vi: 'Loại?', en: 'Kind?' } },
		count: { type: 'integer', question: { vi: 'Số?', en: 'Count?' }, after: 'kind' },
		flag: { type: 'boolean', question: { vi: 'Cờ?', en: 'Flag?' } }
	},
	sources: [{ id: 'act', number: '1/2020', issuer: 'Test' }],
	criteria: [
		{
			id: 'c1',
			level: 2,
			text: 'Hệ thống loại a.',
			citation: { source: 'act', article: 4 },
			when: { fact: 'kind', eq: 'a' }
		}
	],
	designations: [
		{
			id: 'd1',
			text: 'Chỉ định.',
			citation: { source: 'act', article: 6 },
			when: { fact: 'flag', eq: true }
		}
	],
	constraints: [{ id: 'k1', field: 'count', when: { fact: 'flag', eq: true } }]
} as unknown as RuleSetData;

/** `o` without `keys`. */
const without = (o: object, ...keys: string[]) =>
	Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
const C1 = PARENT.criteria[0]! as unknown as Record<string, unknown>;
const warn = (own: Record<string, unknown>) => overrideWarnings(PARENT, own, 'fx@v1');

const CHANGED_BOTH =
	'điều kiện của tiêu chí "c1" đã đổi so với fx@v1 nhưng đoạn trích (text) và trích dẫn (citation) thì không: ' +
	'trích đoạn văn bản đã sửa đổi; ghi văn bản sửa đổi trong citation.amended_by / the condition of ' +
	'criterion "c1" changed from fx@v1 but its text and citation did not: quote the amended text; ' +
	'cite the amending provision in citation.amended_by';

describe('overrideWarnings: fields an override drops', () => {
	it('names the one field a criterion override leaves out, in both languages', () => {
		const rest = without(C1, 'text');
		expect(warn({ criteria: [rest] })).toEqual([
			{
				path: ['criteria', 0],
				message:
					'ghi đè tiêu chí "c1" thay toàn bộ mục của fx@v1: "text" của nó bị bỏ (ghi lại nếu vẫn đúng) / ' +
					`overriding criterion "c1" replaces fx@v1's whole item: its "text" is dropped (write it again if still true)`
			}
		]);
	});

	it('lists several dropped fields in the parent’s order, in the plural', () => {
		const own = { sources: [{ id: 'x' }, { id: 'act' }] };
		expect(warn(own)).toEqual([
			{
				path: ['sources', 1],
				message:
					'ghi đè nguồn "act" thay toàn bộ mục của fx@v1: "number", "issuer" của nó bị bỏ (ghi lại nếu vẫn đúng) / ' +
					`overriding source "act" replaces fx@v1's whole item: its "number", "issuer" are dropped (write them again if still true)`
			}
		]);
	});

	it('says nothing when every field is written again, or the item is new', () => {
		expect(warn({ criteria: [{ ...C1 }, { id: 'c9', level: 1 }] })).toEqual([]);
		// An item without a string id matches nothing.
		expect(warn({ criteria: [{ level: 1 }, null] })).toEqual([]);
		// A section that is not a list is left to the schema.
		expect(warn({ criteria: { id: 'c1' } })).toEqual([]);
		// Nor does an id that is not a string, even one the parent's item has too.
		const numbered = {
			...PARENT,
			sources: [{ id: 7, number: '1/2020' }]
		} as unknown as RuleSetData;
		expect(overrideWarnings(numbered, { sources: [{ id: 7 }] }, 'fx@v1')).toEqual([]);
	});

	it('checks constraints, designations and facts, but not a fact’s "after"', () => {
		expect(warn({ constraints: [{ id: 'k1', when: { fact: 'flag', eq: true } }] })).toEqual([
			{
				path: ['constraints', 0],
				message: expect.stringMatching(
					/^ghi đè ràng buộc "k1" .*: "field" của nó .* overriding constraint "k1" .*its "field" is dropped/
				)
			}
		]);
		const d1 = without(PARENT.designations![0]!, 'citation');
		expect(warn({ designations: [d1] })).toEqual([
			{
				path: ['designations', 0],
				message: expect.stringMatching(/^ghi đè chỉ định "d1" .* overriding designation "d1" /)
			}
		]);
		expect(
			warn({
				facts: {
					kind: { type: 'enum', values: ['a', 'b', 'c'] },
					count: { type: 'integer', question: { vi: 'Số?', en: 'Count?' } },
					fresh: { type: 'boolean' }
				}
			})
		).toEqual([
			{
				path: ['facts', 'kind'],
				message:
					'ghi đè dữ kiện "kind" thay toàn bộ mục của fx@v1: "question" của nó bị bỏ (ghi lại nếu vẫn đúng) / ' +
					`overriding fact "kind" replaces fx@v1's whole item: its "question" is dropped (write it again if still true)`
			}
		]);
		// A fact that is not a mapping is the schema's to report.
		expect(warn({ facts: { kind: null, count: 'oops' } })).toEqual([]);
		expect(warn({ facts: null })).toEqual([]);
	});

	it('names a transition provision by its kind', () => {
		const parent = { ...PARENT, transition: [{ id: 't1', text: 'x', citation: 'y' }] };
		expect(
			overrideWarnings(
				parent as unknown as RuleSetData,
				{ transition: [{ id: 't1', text: 'x' }] },
				'p@1'
			)
		).toEqual([
			{
				path: ['transition', 0],
				message:
					'ghi đè điều khoản chuyển tiếp "t1" thay toàn bộ mục của p@1: "citation" của nó bị bỏ (ghi lại nếu vẫn đúng) / ' +
					`overriding transition provision "t1" replaces p@1's whole item: its "citation" is dropped (write it again if still true)`
			}
		]);
	});
});

describe('overrideWarnings: a condition changed without its text or citation', () => {
	const when = { fact: 'kind', eq: 'b' };

	it('asks for both when neither the text nor the citation changed', () => {
		expect(warn({ criteria: [{ ...C1, when }] })).toEqual([
			{ path: ['criteria', 0, 'when'], message: CHANGED_BOTH }
		]);
		// Whitespace in the quoted text does not make it a new quotation.
		expect(warn({ criteria: [{ ...C1, when, text: '  Hệ thống\n  loại a. ' }] })).toEqual([
			{ path: ['criteria', 0, 'when'], message: CHANGED_BOTH }
		]);
	});

	it('asks only for the text when the citation changed, only for the citation when the text did', () => {
		const citation = { source: 'act', article: 4, amended_by: { source: 'act', article: 9 } };
		expect(warn({ criteria: [{ ...C1, when, citation }] })).toEqual([
			{
				path: ['criteria', 0, 'when'],
				message:
					'điều kiện của tiêu chí "c1" đã đổi so với fx@v1 nhưng đoạn trích (text) thì không: ' +
					'trích đoạn văn bản đã sửa đổi / the condition of criterion "c1" changed from fx@v1 but ' +
					'its text did not: quote the amended text'
			}
		]);
		expect(warn({ criteria: [{ ...C1, when, text: 'Hệ thống loại b.' }] })).toEqual([
			{
				path: ['criteria', 0, 'when'],
				message:
					'điều kiện của tiêu chí "c1" đã đổi so với fx@v1 nhưng trích dẫn (citation) thì không: ' +
					'ghi văn bản sửa đổi trong citation.amended_by / the condition of criterion "c1" changed ' +
					'from fx@v1 but its citation did not: cite the amending provision in citation.amended_by'
			}
		]);
		expect(warn({ criteria: [{ ...C1, when, text: 'Hệ thống loại b.', citation }] })).toEqual([]);
		// Words run together are another text: only whitespace runs count as one space.
		expect(warn({ criteria: [{ ...C1, when, text: 'Hệthống loại a.' }] })).toEqual([
			{ path: ['criteria', 0, 'when'], message: expect.stringMatching(/but its citation did not/) }
		]);
	});

	it('a changed condition whose text was dropped: the dropped text, and the citation kept', () => {
		expect(warn({ criteria: [{ ...without(C1, 'text'), when }] })).toEqual([
			{ path: ['criteria', 0], message: expect.stringMatching(/its "text" is dropped/) },
			{
				path: ['criteria', 0, 'when'],
				message:
					'điều kiện của tiêu chí "c1" đã đổi so với fx@v1 nhưng trích dẫn (citation) thì không: ' +
					'ghi văn bản sửa đổi trong citation.amended_by / the condition of criterion "c1" changed ' +
					'from fx@v1 but its citation did not: cite the amending provision in citation.amended_by'
			}
		]);
	});

	it('checks designations, not constraints or sources', () => {
		const d1 = PARENT.designations![0]! as unknown as Record<string, unknown>;
		expect(warn({ designations: [{ ...d1, when: { fact: 'flag', eq: false } }] })).toEqual([
			{
				path: ['designations', 0, 'when'],
				message: expect.stringMatching(
					/^điều kiện của chỉ định "d1" đã đổi .* the condition of designation "d1" changed/
				)
			}
		]);
		const k1 = PARENT.constraints![0]! as unknown as Record<string, unknown>;
		expect(warn({ constraints: [{ ...k1, when: { fact: 'flag', eq: false } }] })).toEqual([]);
	});
});

describe('overrideWarnings: a condition restated through a replacing fact', () => {
	/** The child's fact `kind2` replaces `kind` (a → x, b → y). */
	const replacing = (map: Record<string, unknown>, type = 'enum') => ({
		kind2: { type, values: ['x', 'y'], replaces: { fact: 'kind', map } }
	});
	const child = (when: unknown, facts: unknown = replacing({ a: 'x', b: 'y' })) =>
		warn({ facts, criteria: [{ ...C1, when }] }).filter((w) => w.path.length === 3);

	it('is no change of meaning: no warning', () => {
		expect(child({ fact: 'kind2', eq: 'x' })).toEqual([]);
		expect(child({ not: { fact: 'kind2', eq: 'y' } })).toEqual([]);
	});

	it('warns when the mapped values do not give the parent’s truth', () => {
		expect(child({ fact: 'kind2', eq: 'y' })).toHaveLength(1);
		expect(child({ fact: 'kind2', eq: 'x' }, replacing({ a: 'y', b: 'x' }))).toHaveLength(1);
		// Only a fact that maps every value restates: an empty map proves nothing.
		expect(child({ fact: 'kind2', eq: 'x' }, replacing({}))).toHaveLength(1);
		// A fact that replaces something the parent does not have restates nothing.
		expect(
			child({ fact: 'kind2', eq: 'x' }, { kind2: { replaces: { fact: 'nope', map: { a: 'x' } } } })
		).toHaveLength(1);
		expect(child({ fact: 'kind2', eq: 'x' }, { kind2: { type: 'enum' } })).toHaveLength(1);
		// A fact the child writes as nothing (left to the schema) replaces nothing either.
		expect(child({ fact: 'kind2', eq: 'x' }, { kind2: null })).toHaveLength(1);
	});

	it('simplifies all/any/not around the fixed fact before comparing', () => {
		const parent = {
			...PARENT,
			criteria: [
				{
					...C1,
					when: {
						any: [
							{
								all: [
									{ fact: 'kind', eq: 'a' },
									{ fact: 'flag', eq: true }
								]
							},
							{ not: { fact: 'kind', in: ['a', 'b'] } },
							{ fact: 'count', gte: 3 }
						]
					}
				}
			]
		} as unknown as RuleSetData;
		const restated = {
			any: [
				{
					all: [
						{ fact: 'kind2', eq: 'x' },
						{ fact: 'flag', eq: true }
					]
				},
				{ not: { fact: 'kind2', in: ['x', 'y'] } },
				{ fact: 'count', gte: 3 }
			]
		};
		const own = (when: unknown) => ({
			facts: replacing({ a: 'x', b: 'y' }),
			criteria: [{ ...C1, when }]
		});
		const w = (when: unknown) =>
			overrideWarnings(parent, own(when), 'fx@v1').filter((x) => x.path.length === 3);
		expect(w(restated)).toEqual([]);
		// kind2 = y: the parent's `all` is decided false, the child's must be too.
		expect(
			w({
				any: [
					{
						all: [
							{ fact: 'kind2', eq: 'x' },
							{ fact: 'flag', eq: false }
						]
					},
					{ not: { fact: 'kind2', in: ['x', 'y'] } },
					{ fact: 'count', gte: 3 }
				]
			})
		).toHaveLength(1);
		expect(
			w({
				any: [
					{
						all: [
							{ fact: 'kind2', eq: 'x' },
							{ fact: 'flag', eq: true }
						]
					}
				]
			})
		).toHaveLength(1);
		// Decided members drop out: `any` of (x, or count ≥ 3) equals the parent's only when …
		expect(
			w({
				any: [
					{
						all: [
							{ fact: 'kind2', eq: 'x' },
							{ fact: 'flag', eq: true }
						]
					},
					{ fact: 'count', gte: 3 }
				]
			})
		).toEqual([]);
	});

	it('keeps a `not` over another fact as a condition, not a decided value', () => {
		const parent = {
			...PARENT,
			criteria: [
				{ ...C1, when: { any: [{ fact: 'kind', eq: 'a' }, { not: { fact: 'flag', eq: true } }] } }
			]
		} as unknown as RuleSetData;
		const w = (when: unknown) =>
			overrideWarnings(
				parent,
				{ facts: replacing({ a: 'x', b: 'y' }), criteria: [{ ...C1, when }] },
				'fx@v1'
			).filter((x) => x.path.length === 3);
		expect(w({ any: [{ fact: 'kind2', eq: 'x' }] })).toHaveLength(1);
		expect(
			w({ any: [{ fact: 'kind2', eq: 'x' }, { not: { fact: 'flag', eq: false } }] })
		).toHaveLength(1);
		expect(w({ any: [{ fact: 'kind2', eq: 'x' }, { not: { fact: 'flag', eq: true } }] })).toEqual(
			[]
		);
	});

	it('collapses a decided all/any to true/false, equal to a leaf that gives the same', () => {
		const parent = (when: unknown) =>
			({ ...PARENT, criteria: [{ ...C1, when }] }) as unknown as RuleSetData;
		const w = (p: unknown, c: unknown) =>
			overrideWarnings(
				parent(p),
				{ facts: replacing({ a: 'x', b: 'y' }), criteria: [{ ...C1, when: c }] },
				'fx@v1'
			).filter((x) => x.path.length === 3);
		expect(w({ all: [{ fact: 'kind', eq: 'a' }] }, { fact: 'kind2', eq: 'x' })).toEqual([]);
		expect(w({ any: [{ fact: 'kind', eq: 'a' }] }, { fact: 'kind2', eq: 'x' })).toEqual([]);
		expect(w({ all: [{ fact: 'kind', eq: 'a' }] }, { fact: 'kind2', eq: 'y' })).toHaveLength(1);
	});

	it('reads the old value as the old fact’s type: an integer or a boolean', () => {
		const parent = {
			...PARENT,
			criteria: [
				{
					...C1,
					when: {
						all: [
							{ fact: 'count', gte: 2 },
							{ fact: 'flag', eq: true }
						]
					}
				}
			]
		} as unknown as RuleSetData;
		const facts = {
			size: {
				type: 'enum',
				values: ['small', 'large'],
				replaces: { fact: 'count', map: { 1: 'small', 5: 'large' } }
			},
			flag2: { type: 'boolean', replaces: { fact: 'flag', map: { true: false, false: true } } }
		};
		const w = (when: unknown) =>
			overrideWarnings(parent, { facts, criteria: [{ ...C1, when }] }, 'fx@v1').filter(
				(x) => x.path.length === 3
			);
		// count: 1 → small, 5 → large; count ≥ 2 holds for 5 only.
		expect(
			w({
				all: [
					{ fact: 'size', eq: 'large' },
					{ fact: 'flag', eq: true }
				]
			})
		).toEqual([]);
		expect(
			w({
				all: [
					{ fact: 'size', eq: 'small' },
					{ fact: 'flag', eq: true }
				]
			})
		).toHaveLength(1);
		// flag: true → flag2 false.
		expect(
			w({
				all: [
					{ fact: 'count', gte: 2 },
					{ fact: 'flag2', eq: false }
				]
			})
		).toEqual([]);
		expect(
			w({
				all: [
					{ fact: 'count', gte: 2 },
					{ fact: 'flag2', eq: true }
				]
			})
		).toHaveLength(1);
	});
});

describe('override warnings through loadLibrary', () => {
	const PARENT_YAML = `id: fx
version: v1
title: { vi: Bộ quy tắc thử, en: Test rule set }
effective_from: 2020-01-01
source_status:
  status: unverified
  note: { vi: Dữ liệu thử, en: Test data }
sources:
  - id: act
    type: { vi: Văn bản, en: Act }
    number: 1/2020
    date: 2020-01-01
    issuer: Test
undetermined:
  message: { vi: Không xác định được, en: Undetermined }
  citation: { source: act, article: 1 }
components_rule:
  text: Cấp độ cao nhất của các thành phần.
  citation: { source: act, article: 2 }
facts:
  public_only:
    type: boolean
    question: { vi: Chỉ xử lý thông tin công cộng?, en: Public information only? }
    citation: { source: act, article: 3 }
criteria:
  - id: c1
    level: 1
    citation: { source: act, article: 4 }
    text: Chỉ xử lý thông tin công cộng.
    when: { fact: public_only, eq: true }
procedure:
  authority:
    - levels: [1, 2, 3, 4, 5]
      appraiser: { vi: Đơn vị A, en: Unit A }
      approver: { vi: Đơn vị B, en: Unit B }
      citation: { source: act, article: 5 }
`;
	const CHILD_YAML = `id: fx
version: v2
extends: fx@v1
effective_from: 2021-01-01
criteria:
  - id: c1
    level: 1
    citation: { source: act, article: 4 }
    text: Chỉ xử lý thông tin công cộng.
    when: { fact: public_only, eq: false }
`;

	it('locates each warning at the child’s field, and still loads the child', () => {
		const r = loadLibrary([
			{ path: 'lib/fx/v1/ruleset.yaml', text: PARENT_YAML },
			{ path: 'lib/fx/v2/ruleset.yaml', text: CHILD_YAML }
		]);
		expect(r.errors).toEqual([]);
		expect(r.rulesets.map((x) => x.ref)).toEqual(['fx@v1', 'fx@v2']);
		expect(r.warnings).toEqual([
			{
				file: 'lib/fx/v2/ruleset.yaml',
				line: 10,
				column: 11,
				field: 'criteria.0.when',
				message: CHANGED_BOTH
			}
		]);
		// A version extending the child inherits its criteria, not its warnings, and the child's own
		// are reported once, though two versions resolve through it.
		const grandchild = (v: string, from: string) => ({
			path: `lib/fx/${v}/ruleset.yaml`,
			text: `id: fx\nversion: ${v}\nextends: fx@v2\neffective_from: ${from}\n`
		});
		const three = loadLibrary([
			{ path: 'lib/fx/v1/ruleset.yaml', text: PARENT_YAML },
			{ path: 'lib/fx/v2/ruleset.yaml', text: CHILD_YAML },
			grandchild('v3', '2022-01-01'),
			grandchild('v4', '2023-01-01')
		]);
		expect(three.errors).toEqual([]);
		expect(three.rulesets.map((x) => x.ref)).toEqual(['fx@v1', 'fx@v2', 'fx@v3', 'fx@v4']);
		expect(three.warnings).toEqual(r.warnings);
		expect(three.rulesets[3]!.data.criteria).toEqual(r.rulesets[1]!.data.criteria);
		// A version without a parent has nothing to warn about.
		expect(loadLibrary([{ path: 'lib/fx/v1/ruleset.yaml', text: PARENT_YAML }]).warnings).toEqual(
			[]
		);
	});

	it('merges the facts in interview order: a replacing fact in the place of the one it replaces, new ones last, removed ones gone', () => {
		const q = (w: string) => `{ vi: ${w}?, en: ${w}? }`;
		const parent = PARENT_YAML.replace(
			'criteria:',
			`  old_tier:
    type: integer
    question: ${q('Bậc')}
    citation: { source: act, article: 3 }
  flag:
    type: boolean
    question: ${q('Cờ')}
    citation: { source: act, article: 3 }
criteria:`
		);
		const child = `id: fx
version: v2
extends: fx@v1
effective_from: 2021-01-01
facts:
  extra:
    type: boolean
    question: ${q('Thêm')}
    citation: { source: act, article: 3 }
  tier:
    type: enum
    values: [low, high]
    question: ${q('Mức')}
    citation: { source: act, article: 3 }
    replaces: { fact: old_tier, map: { 1: low, 2: high } }
remove:
  facts: [old_tier]
`;
		const r = loadLibrary([
			{ path: 'lib/fx/v1/ruleset.yaml', text: parent },
			{ path: 'lib/fx/v2/ruleset.yaml', text: child }
		]);
		expect(r.errors).toEqual([]);
		const [v1, v2] = r.rulesets;
		expect(Object.keys(v1!.data.facts)).toEqual(['public_only', 'old_tier', 'flag']);
		expect(Object.keys(v2!.data.facts)).toEqual(['public_only', 'tier', 'flag', 'extra']);
		// `remove` is an instruction, not a section of the merged rule set.
		expect(v2!.data).not.toHaveProperty('remove');
		// The parent's own facts are untouched by the merge.
		expect(v2!.data.facts.flag).toEqual(v1!.data.facts.flag);
		// A child fact that keeps a parent fact's name keeps that fact's place, even when it also
		// says it replaces a removed one (here "legacy", asked before "old_tier").
		const withLegacy = parent.replace(
			'  old_tier:',
			`  legacy:
    type: boolean
    question: ${q('Cũ')}
    citation: { source: act, article: 3 }
  old_tier:`
		);
		const keeps = loadLibrary([
			{ path: 'lib/fx/v1/ruleset.yaml', text: withLegacy },
			{
				path: 'lib/fx/v2/ruleset.yaml',
				text: child
					.replace(
						'remove:',
						`  flag:
    type: boolean
    question: ${q('Cờ mới')}
    citation: { source: act, article: 3 }
    replaces: { fact: legacy, map: { true: true, false: false } }
remove:`
					)
					.replace('facts: [old_tier]', 'facts: [old_tier, legacy]')
			}
		]);
		expect(keeps.errors).toEqual([]);
		expect(Object.keys(keeps.rulesets[1]!.data.facts)).toEqual([
			'public_only',
			'tier',
			'flag',
			'extra'
		]);
	});

	it('locates each error of a child in the file that holds the item: the parent’s or its own, at the index in that file', () => {
		// The parent cites a second act from its first criterion, a fact and the undetermined
		// message; the child removes that act, and adds a fact and a criterion citing an act nobody
		// defines. Each error is placed where a maintainer fixes it.
		const parent = PARENT_YAML.replace(
			'    issuer: Test\n',
			'    issuer: Test\n  - id: act2\n    type: { vi: Văn bản, en: Act }\n    number: 2/2020\n    date: 2020-01-01\n    issuer: Test\n'
		)
			.replace(
				'  citation: { source: act, article: 1 }',
				'  citation: { source: act2, article: 1 }'
			)
			.replace(
				'criteria:\n  - id: c1\n    level: 1\n    citation: { source: act, article: 4 }',
				'  flag:\n    type: boolean\n    question: { vi: Cờ?, en: Flag? }\n    citation: { source: act2, article: 3 }\ncriteria:\n  - id: c1\n    level: 1\n    citation: { source: act2, article: 4 }'
			)
			.replace(
				'procedure:',
				'  - id: c2\n    level: 2\n    citation: { source: act, article: 4 }\n    text: Khác.\n    when: { fact: public_only, eq: false }\nprocedure:'
			);
		const child = `id: fx
version: v2
extends: fx@v1
effective_from: 2021-01-01
remove:
  sources: [act2]
facts:
  extra:
    type: boolean
    question: { vi: Thêm?, en: Extra? }
    citation: { source: nope, article: 3 }
criteria:
  - id: c3
    level: 3
    citation: { source: nope, article: 4 }
    text: Mới.
    when: { fact: extra, eq: true }
`;
		const p = loadLibrary([{ path: 'lib/fx/v1/ruleset.yaml', text: parent }]);
		expect(p.errors).toEqual([]);
		const r = loadLibrary([
			{ path: 'lib/fx/v1/ruleset.yaml', text: parent },
			{ path: 'lib/fx/v2/ruleset.yaml', text: child }
		]);
		const line = (text: string, s: string) => text.split('\n').indexOf(s) + 1;
		const P = 'lib/fx/v1/ruleset.yaml';
		const C = 'lib/fx/v2/ruleset.yaml';
		expect(
			r.errors.map((e) => [e.file, e.line, e.column, e.field, e.message.split(';')[0]])
		).toEqual([
			// Sections and items the child does not write: the parent's file, the parent's index.
			[
				P,
				line(parent, '  citation: { source: act2, article: 1 }'),
				23,
				'undetermined.citation.source',
				'unknown source "act2"'
			],
			[
				P,
				line(parent, '    citation: { source: act2, article: 3 }'),
				25,
				'facts.flag.citation.source',
				'unknown source "act2"'
			],
			[
				C,
				line(child, '    citation: { source: nope, article: 3 }'),
				25,
				'facts.extra.citation.source',
				'unknown source "nope"'
			],
			// c1 is the parent's first criterion; c3, third in the merged list, is the child's first.
			[
				P,
				line(parent, '    citation: { source: act2, article: 4 }'),
				25,
				'criteria.0.citation.source',
				'unknown source "act2"'
			],
			[
				C,
				line(child, '    citation: { source: nope, article: 4 }'),
				25,
				'criteria.0.citation.source',
				'unknown source "nope"'
			]
		]);
	});
});

// The loader's checks of a whole rule set after its schema (resolveFolder and its helpers in
// load.ts), in process for Stryker's rules-load part: a small rule set written here, one mistake
// at a time, and the exact message at the line and field to fix. Fast (no real library loaded).
import { describe, expect, it } from 'vitest';
import {
	formatLoadError,
	formatLoadWarning,
	loadLibrary,
	type SourceFile
} from '../../src/lib/rules';

const FILE = 'lib/fx/v1/ruleset.yaml';
const CITE = 'citation: { source: act, article: 1 }';
const Q = `question: { vi: q, en: q }\n    ${CITE}`;
const MINI = `id: fx
version: v1
title: { vi: Thử, en: Test }
effective_from: 2020-01-01
source_status:
  status: unverified
  note: { vi: Thử, en: Test }
sources:
  - id: act
    type: { vi: Văn bản, en: Act }
    number: 1/2020
    date: 2020-01-01
    issuer: Test
undetermined:
  message: { vi: Không xác định, en: Undetermined }
  ${CITE}
components_rule:
  text: Cấp độ cao nhất.
  ${CITE}
facts:
  flag:
    type: boolean
    ${Q}
  kind:
    type: enum
    values: [alpha, beta]
    ${Q}
  count:
    type: integer
    min: 0
    max: 10
    ${Q}
  tags:
    type: set
    values: [x, y]
    ${Q}
criteria:
  - id: c1
    level: 1
    ${CITE}
    text: Một.
    when: { fact: flag, eq: true }
  - id: c2
    level: 2
    ${CITE}
    text: Hai.
    when: { fact: kind, eq: beta }
procedure:
  authority:
    - levels: [1, 2, 3, 4, 5]
      appraiser: { vi: A, en: A }
      approver: { vi: B, en: B }
      ${CITE}
tests:
  - name: one
    facts: { flag: true, kind: alpha, count: 0, tags: [x] }
    expect: { level: 1, criteria: [c1] }
  - name: two
    facts: { flag: false, kind: beta, count: 0, tags: [x] }
    expect: { level: 2, criteria: [c2] }
`;

/** Loads MINI edited by `edit`; its errors as "line field: message", and where a text sits. */
function problems(edit: (t: string) => string, runTests = true) {
	const text = edit(MINI);
	const r = loadLibrary([{ path: FILE, text }], [], runTests);
	for (const e of r.errors) expect(e.file).toBe(FILE);
	const got = r.errors.map((e) => `${e.line} ${e.field}: ${e.message}`);
	// A rule set that fails has nothing to warn about (MINI has no parent).
	expect(r.warnings).toEqual([]);
	/** The line of the first `needle` after the first `after` (1-based). */
	const line = (needle: string, after = '') => {
		const lines = text.split('\n');
		const from = after ? lines.findIndex((l) => l.includes(after)) : 0;
		return lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;
	};
	return { got, line, r };
}
const add = (yaml: string) => (t: string) => t + yaml;
const swap = (a: string, b: string) => (t: string) => {
	expect(t).toContain(a);
	return t.replace(a, b);
};

describe('the small rule set', () => {
	it('loads as written', () => {
		const { r } = problems((t) => t);
		expect(r.errors).toEqual([]);
		expect(r.rulesets.map((x) => x.ref)).toEqual(['fx@v1']);
	});
});

describe('dates and sources', () => {
	it('an end before the start, and dates that are not in the calendar', () => {
		const p = problems(
			swap('effective_from: 2020-01-01', 'effective_from: 2020-01-01\neffective_to: 2019-12-31')
		);
		expect(p.got).toEqual([
			`${p.line('effective_to')} effective_to: effective_to is before effective_from`
		]);
		const q = problems(
			swap('effective_from: 2020-01-01', 'effective_from: 2021-02-29\neffective_to: 2021-04-31')
		);
		expect(q.got).toEqual([
			`${q.line('effective_from')} effective_from: not a calendar date`,
			`${q.line('effective_to')} effective_to: not a calendar date`
		]);
		expect(problems(swap('effective_from: 2020-01-01', 'effective_from: 2020-02-29')).got).toEqual(
			[]
		);
		// A version in force for one day.
		expect(
			problems(
				swap('effective_from: 2020-01-01', 'effective_from: 2020-01-01\neffective_to: 2020-01-01')
			).got
		).toEqual([]);
	});

	it('a citation of an unknown source, anywhere but in the cases; a source id twice', () => {
		const p = problems((t) =>
			t
				.replace('    text: Hai.', '    text: Hai.\n    note: { vi: n, en: n }')
				.replace(
					`  - id: c2\n    level: 2\n    ${CITE}`,
					'  - id: c2\n    level: 2\n    citation: { source: akt, article: 2 }'
				)
		);
		expect(p.got).toEqual([
			`${p.line('source: akt')} criteria.1.citation.source: unknown source "akt"; có phải "act"? / did you mean "act"?`
		]);
		const q = problems(
			swap(
				'    issuer: Test\n',
				'    issuer: Test\n  - id: act\n    type: { vi: V, en: A }\n    number: 2/2020\n    date: 2020-01-01\n    issuer: Test\n'
			)
		);
		expect(q.got).toEqual([
			`${q.line('id: act', 'issuer: Test')} sources.1.id: duplicate source id "act"`
		]);
	});
});

describe('facts: otherwise and replaces', () => {
	it('"otherwise" needs applies_when and a value of the fact', () => {
		const p = problems(
			swap('    values: [alpha, beta]\n', '    values: [alpha, beta]\n    otherwise: c\n')
		);
		expect(p.got).toEqual([
			`${p.line('otherwise')} facts.kind.otherwise: "otherwise" needs "applies_when": the fact always applies`,
			`${p.line('otherwise')} facts.kind.otherwise: "c" is not a value of "kind"`
		]);
		const ok = problems(
			swap(
				'    values: [alpha, beta]\n',
				'    values: [alpha, beta]\n    otherwise: alpha\n    applies_when: { fact: flag, eq: false }\n'
			)
		);
		expect(ok.got).toEqual([]);
	});

	it('a replaced fact is gone, replaced once, and its map gives values of the new fact', () => {
		const replaces = (fact: string, map: string) =>
			`    values: [alpha, beta]\n    replaces: { fact: ${fact}, map: ${map} }\n`;
		const p = problems(
			swap('    values: [alpha, beta]\n', replaces('flag', '{ "true": alpha, "false": c }'))
		);
		expect(p.got).toEqual([
			`${p.line('replaces')} facts.kind.replaces.fact: "flag" is still a fact of this version: remove it (remove: facts)`,
			`${p.line('replaces')} facts.kind.replaces.map.false: "c" is not a value of "kind"`
		]);
		const twice = problems((t) =>
			t
				.replace('    values: [alpha, beta]\n', replaces('old', '{ p: alpha }'))
				.replace(
					'    values: [x, y]\n',
					'    values: [x, y]\n    replaces: { fact: old, map: {} }\n'
				)
		);
		expect(twice.got).toEqual([
			`${twice.line('replaces', 'kind:')} facts.kind.replaces.fact: "old" is replaced by two facts`,
			`${twice.line('replaces', 'tags:')} facts.tags.replaces.fact: "old" is replaced by two facts`
		]);
		// Each type's values: a boolean takes true/false, an integer whole numbers, a set nothing scalar.
		const typed = problems((t) =>
			t
				.replace(
					'    type: boolean\n',
					'    type: boolean\n    replaces: { fact: o1, map: { a: yes, b: true } }\n'
				)
				.replace(
					'    max: 10\n',
					'    max: 10\n    replaces: { fact: o2, map: { a: 1.5, b: 2 } }\n'
				)
				.replace(
					'    values: [x, y]\n',
					'    values: [x, y]\n    replaces: { fact: o3, map: { a: x } }\n'
				)
		);
		expect(typed.got).toEqual([
			`${typed.line('o1')} facts.flag.replaces.map.a: "yes" is not a value of "flag"`,
			`${typed.line('o2')} facts.count.replaces.map.a: "1.5" is not a value of "count"`,
			`${typed.line('o3')} facts.tags.replaces.map.a: "x" is not a value of "tags"`
		]);
	});
});

describe('constraints, designations, notices', () => {
	const constraint = (id: string, field: string, when = '{ fact: flag, eq: true }') =>
		`  - id: ${id}\n    when: ${when}\n    require: { fact: count, gte: 1 }\n    field: ${field}\n    message: { vi: m, en: m }\n    ${CITE}\n`;

	it('ids are unique, the field is a fact, conditions use declared facts', () => {
		const p = problems(
			add(
				`constraints:\n${constraint('k1', 'count')}${constraint('k1', 'counts', '{ fact: flg, eq: true }')}`
			)
		);
		expect(p.got).toEqual([
			`${p.line('id: k1', 'field: count')} constraints.1.id: duplicate constraint id "k1"`,
			`${p.line('flg')} constraints.1.when.fact: unknown fact "flg" (must be a declared fact); có phải "flag"? / did you mean "flag"?`,
			`${p.line('counts')} constraints.1.field: unknown fact "counts"; có phải "count"? / did you mean "count"?`
		]);
		const req = problems(
			add(
				`constraints:\n${constraint('k1', 'count').replace('{ fact: count, gte: 1 }', '{ fact: kind, gte: 1 }')}`
			)
		);
		expect(req.got).toEqual([
			`${req.line('require')} constraints.0.require.gte: "gte" needs a number fact; "kind" is enum`
		]);
	});

	it('designations: unique ids, known facts', () => {
		const d = (id: string, when: string) =>
			`  - id: ${id}\n    label: { vi: l, en: l }\n    ${CITE}\n    text: t\n    when: ${when}\n`;
		const p = problems(
			add(
				`designations:\n${d('d1', '{ fact: flag, eq: true }')}${d('d1', '{ fact: kind, eq: c }')}`
			)
		);
		expect(p.got).toEqual([
			`${p.line('id: d1', 'designations:') + 5} designations.1.id: duplicate designation id "d1"`,
			`${p.line('eq: c')} designations.1.when.eq: "c" is not a value of "kind" (alpha, beta)`
		]);
	});

	it('notices: unique ids, known facts', () => {
		const n = (id: string, when: string) =>
			`  - id: ${id}\n    when: ${when}\n    message: { vi: m, en: m }\n    ${CITE}\n`;
		const p = problems(
			add(`notices:\n${n('n1', '{ fact: flag, eq: 1 }')}${n('n1', '{ fact: nope, eq: true }')}`)
		);
		expect(p.got).toEqual([
			`${p.line('nope') - 1} notices.1.id: duplicate notice id "n1"`,
			`${p.line('eq: 1')} notices.0.when.eq: "flag" is true or false, not 1`,
			`${p.line('nope')} notices.1.when.fact: unknown fact "nope" (must be a declared fact)`
		]);
	});
});

describe('conditions: operators that fit the fact', () => {
	const when = (w: string) => swap('when: { fact: flag, eq: true }', `when: ${w}`);
	const one = (w: string) => {
		// The cases are not run: a changed condition may well fail them.
		const p = problems(when(w), false);
		return p.got.map((g) => g.replace(/^\d+ /, ''));
	};

	it('numbers for lt/lte/gt/gte, sets for contains/contains_any/only, no eq on a set', () => {
		for (const op of ['lt', 'lte', 'gt', 'gte'])
			expect(one(`{ fact: flag, ${op}: 1 }`)).toEqual([
				`criteria.0.when.${op}: "${op}" needs a number fact; "flag" is boolean`
			]);
		expect(one('{ fact: kind, contains: alpha }')).toEqual([
			'criteria.0.when.contains: "contains" needs a set fact; "kind" is enum'
		]);
		expect(one('{ fact: tags, eq: x }')).toEqual([
			'criteria.0.when.eq: "eq" cannot compare the set fact "tags"; use contains, contains_any or only'
		]);
		expect(one('{ fact: tags, contains_any: [x, z] }')).toEqual([
			'criteria.0.when.contains_any: "z" is not a value of "tags" (x, y)'
		]);
		expect(one('{ fact: tags, only: [y] }')).toEqual([]);
		expect(one('{ fact: count, gte: 3 }')).toEqual([]);
	});

	it('operands of the fact’s type, inside all/any/not too', () => {
		expect(one('{ all: [{ fact: flag, eq: true }, { not: { fact: count, eq: 1.5 } }] }')).toEqual([
			'criteria.0.when.all.1.not.eq: "count" is an integer, not 1.5'
		]);
		expect(one('{ any: [{ fact: kind, in: [alpha, bta] }, { fact: flag, eq: "yes" }] }')).toEqual([
			'criteria.0.when.any.0.in: "bta" is not a value of "kind" (alpha, beta); có phải "beta"? / did you mean "beta"?',
			'criteria.0.when.any.1.eq: "flag" is true or false, not "yes"'
		]);
		expect(one('{ fact: count, in: [1, 2] }')).toEqual([]);
		expect(one('{ fact: flag, in: [true, false] }')).toEqual([]);
	});

	it('an integer asked with radios may have 21 values, one label each', () => {
		const labels = Array.from({ length: 21 }, (_, i) => `"${i}": { vi: v${i}, en: v${i} }`).join(
			', '
		);
		const p = problems(swap('    max: 10\n', `    max: 20\n    labels: { ${labels} }\n`));
		expect(p.got).toEqual([]);
	});

	it('a condition with two operators, or a combinator beside a fact, is refused where it stands', () => {
		expect(one('{ fact: flag, eq: true, ne: false }')).toEqual([
			'criteria.0.when: a condition on "flag" needs exactly one operator (eq, ne, in, lt, lte, gt, gte, contains, contains_any, only)'
		]);
		expect(one('{ all: [{ fact: flag, eq: true }], fact: flag }')).toEqual([
			'criteria.0.when: "all" must stand alone in its condition'
		]);
	});

	it('a set fact’s default is a list of its values', () => {
		const p = problems(swap('    values: [x, y]\n', '    values: [x, y]\n    default: x\n'));
		expect(p.got).toEqual([
			`${p.line('default: x')} facts.tags.default: default does not fit the set fact "tags"`
		]);
	});

	it('an enum fact’s default is one value, not a list of them', () => {
		const p = problems(
			swap('    values: [alpha, beta]\n', '    values: [alpha, beta]\n    default: [alpha]\n')
		);
		expect(p.got).toEqual([
			`${p.line('default: [alpha]')} facts.kind.default: default does not fit the enum fact "kind"`
		]);
	});

	it('a fact does not depend on itself', () => {
		const p = problems(
			swap(
				'    values: [alpha, beta]\n',
				'    values: [alpha, beta]\n    applies_when: { fact: kind, eq: alpha }\n'
			)
		);
		expect(p.got).toEqual([
			`${p.line('applies_when')} facts.kind.applies_when.fact: "kind" is asked later (must be an earlier fact): place this fact after it with "after:"`
		]);
	});

	it('applies_when only looks at facts asked before', () => {
		const p = problems(
			swap(
				'    values: [alpha, beta]\n',
				'    values: [alpha, beta]\n    applies_when: { fact: count, gt: 1 }\n'
			)
		);
		expect(p.got).toEqual([
			`${p.line('applies_when')} facts.kind.applies_when.fact: "count" is asked later (must be an earlier fact): place this fact after it with "after:"`
		]);
	});
});

describe('applies_when naming a fact that does not exist', () => {
	// It crashed the loader (a TypeError reading the undeclared fact's type) instead of saying so.
	// A fact asked once for the whole system also got a second, misleading "cannot depend on" error.
	it.each([
		['is a located error with the closest name', ''],
		['is only that error for a fact asked once for the whole system', '    scope: system\n']
	])('%s', (_, scope) => {
		const p = problems(
			swap(
				'    values: [alpha, beta]\n',
				`    values: [alpha, beta]\n${scope}    applies_when: { fact: flags, eq: true }\n`
			)
		);
		expect(p.got).toEqual([
			`${p.line('applies_when')} facts.kind.applies_when.fact: unknown fact "flags" (must be an earlier fact); có phải "flag"? / did you mean "flag"?`
		]);
	});
});

describe('screening groups and system facts', () => {
	const groups = (g: string) => (t: string) => t.replace('facts:\n', `groups:\n${g}facts:\n`);
	const G = '  g: { question: { vi: g, en: g } }\n';

	it('a fact’s group exists; a group has facts and not a fact’s name', () => {
		const p = problems((t) =>
			groups(`${G}  kind: { question: { vi: k, en: k } }\n`)(t).replace(
				'    type: boolean\n',
				'    type: boolean\n    group: h\n'
			)
		);
		expect(p.got).toEqual([
			`${p.line('group: h')} facts.flag.group: unknown group "h"`,
			`${p.line('  g: {')} groups.g: group "g" has no facts`,
			`${p.line('  kind: {')} groups.kind: group "kind" has the name of a fact`,
			`${p.line('  kind: {')} groups.kind: group "kind" has no facts`
		]);
	});

	it('a screening group’s facts all have a statement; a non-boolean one a default', () => {
		const p = problems((t) =>
			groups(G)(t)
				.replace(
					'    type: boolean\n',
					'    type: boolean\n    group: g\n    statement: { vi: s, en: s }\n'
				)
				.replace('    max: 10\n', '    max: 10\n    group: g\n')
				.replace(
					'    values: [x, y]\n',
					'    values: [x, y]\n    group: g\n    statement: { vi: s, en: s }\n'
				)
				.replace(
					'    values: [alpha, beta]\n',
					'    values: [alpha, beta]\n    group: g\n    statement: { vi: s, en: s }\n'
				)
		);
		expect(p.got).toEqual([
			`${p.line('group: g', 'values: [alpha, beta]')} facts.kind.group: an enum fact in a screening group needs a "default" (its value when its option is not ticked)`,
			`${p.line('group: g', 'values: [x, y]')} facts.tags.group: a set fact in a screening group needs a "default" (its value when its option is not ticked)`,
			`${p.line('group: g', 'max: 10')} facts.count.group: fact "count" in screening group "g" needs a "statement" (its option on the group's page); a group whose facts have none asks their questions together`
		]);
	});

	it('a fact in a group depends only on facts asked before the group’s page', () => {
		const p = problems((t) =>
			groups(G)(t)
				.replace('    values: [alpha, beta]\n', '    values: [alpha, beta]\n    group: g\n')
				.replace(
					'    max: 10\n',
					'    max: 10\n    group: g\n    applies_when: { fact: kind, eq: alpha }\n'
				)
		);
		expect(p.got).toEqual([
			`${p.line('applies_when')} facts.count.applies_when: "kind" is not asked before the page of group "g"`
		]);
	});

	it('a system-wide fact depends only on system-wide facts', () => {
		const p = problems((t) =>
			t.replace(
				'    max: 10\n',
				'    max: 10\n    scope: system\n    applies_when: { fact: flag, eq: true }\n'
			)
		);
		expect(p.got).toEqual([
			`${p.line('applies_when')} facts.count.applies_when: "count" is asked once for the whole system, so it cannot depend on "flag", which each component answers`
		]);
		const ok = problems((t) =>
			t
				.replace('    type: boolean\n', '    type: boolean\n    scope: system\n')
				.replace(
					'    max: 10\n',
					'    max: 10\n    scope: system\n    applies_when: { fact: flag, eq: true }\n'
				)
		);
		expect(ok.got).toEqual([]);
	});
});

describe('procedure', () => {
	it('each level once per list, an authority for every level', () => {
		const p = problems((t) =>
			t
				.replace('    - levels: [1, 2, 3, 4, 5]\n', '    - levels: [1, 2, 3]\n')
				.replace(
					'procedure:\n',
					`procedure:\n  appraisal_deadline:\n    - { levels: [3, 4], days: 10, working_days: true, ${CITE} }\n    - { levels: [5, 4], days: 10, working_days: true, ${CITE} }\n`
				)
		);
		expect(p.got).toEqual([
			`${p.line('authority:') + 1} procedure.authority: no authority for level 4`,
			`${p.line('authority:') + 1} procedure.authority: no authority for level 5`,
			`${p.line('levels: [5, 4]')} procedure.appraisal_deadline.1.levels: level 4 is already covered by entry 1`
		]);
	});

	it('a procedure without authorities has none for any level; an identification needs all five fields', () => {
		const p = problems((t) =>
			t.replace(/procedure:\n {2}authority:\n(?: {4}.*\n)+/, 'procedure: {}\n')
		);
		expect(p.got).toEqual(
			[1, 2, 3, 4, 5].map(
				(l) => `${p.line('procedure: {}')} procedure.authority: no authority for level ${l}`
			)
		);
		const help = `{ help: { vi: h, en: h }, ${CITE} }`;
		const q = problems(add(`identification:\n  system: ${help}\n  operator: ${help}\n`));
		expect(q.got).toEqual(
			['owner', 'new_project', 'in_operation'].map(
				(k) => `${q.line('system:', 'identification:')} identification: missing field "${k}"`
			)
		);
	});

	it('routing facts are well-formed facts with a default, are always asked, are not classification facts; routes are well formed', () => {
		const routing = `  routing:
    facts:
      via:
        type: enum
        values: [p, q, p]
        ${Q.replace('\n    ', '\n        ')}
        applies_when: { fact: via, eq: p }
      flag:
        type: boolean
        default: false
        ${Q.replace('\n    ', '\n        ')}
    routes:
      - { id: r1, levels: [], when: { fact: vias, eq: p }, appraiser: { vi: X, en: X }, ${CITE} }
      - { id: r1, levels: [4], when: { fact: via, eq: p }, appraiser: { vi: X, en: X }, ${CITE} }
`;
		const p = problems((t) => t.replace('tests:\n', `${routing}tests:\n`));
		const via = p.line('via:');
		const flag = p.line('flag:', 'routing:');
		expect(p.got).toEqual([
			// Each routing fact is checked as a fact, located under procedure.routing.facts.
			`${p.line('values: [p, q, p]')} procedure.routing.facts.via.values.2: duplicate value "p"`,
			`${via + 1} procedure.routing.facts.via: routing fact "via" needs a default (records saved before it existed must still route)`,
			`${p.line('applies_when: { fact: via')} procedure.routing.facts.via.applies_when: a routing fact is always asked`,
			`${flag + 1} procedure.routing.facts.flag: "flag" is also a classification fact; use another name`,
			`${p.line('id: r1, levels: [4]')} procedure.routing.routes.1.id: duplicate route id "r1"`,
			`${p.line('levels: []')} procedure.routing.routes.0.levels: levels is empty`,
			`${p.line('levels: []')} procedure.routing.routes.0.when.fact: unknown fact "vias" (must be a routing fact); có phải "via"? / did you mean "via"?`
		]);
	});
});

describe('dossier, requirements, appraisal', () => {
	const section = (id: string, fired = '') =>
		`    - { id: ${id}, title: { vi: t, en: t }, ${CITE}${fired} }\n`;

	it('unique ids per list, fired criteria that exist, template and contents', () => {
		const p = problems(
			add(
				`dossier:\n  template: nd85\n  contents:\n${section('s1')}${section('s1', ', fired: [c1, c9]')}  plan:\n${section('s1')}`
			)
		);
		expect(p.got).toEqual([
			`${p.line('c9')} dossier.contents.1.fired.1: unknown criterion "c9"`,
			`${p.line('c9')} dossier.contents.1.id: duplicate contents id "s1"`
		]);
		const q = problems(add(`dossier:\n  explanation:\n${section('e1')}${section('e1')}`));
		expect(q.got).toEqual([
			`${q.line('dossier:') + 1} dossier: dossier needs "template"`,
			`${q.line('dossier:') + 1} dossier: dossier needs "contents"`,
			`${q.line('id: e1') + 1} dossier.explanation.1.id: duplicate explanation id "e1"`
		]);
		const plan = problems(
			add(
				`dossier:\n  template: nd85\n  contents:\n${section('s1')}  plan:\n${section('p1')}${section('p1')}`
			)
		);
		expect(plan.got).toEqual([
			`${plan.line('id: p1') + 1} dossier.plan.1.id: duplicate plan id "p1"`
		]);
	});

	it('requirement ids are unique across groups and items', () => {
		const item = (id: string) => `        - { id: ${id}, text: t, levels: [1], ${CITE} }\n`;
		const group = (id: string, items: string) =>
			`    - id: ${id}\n      title: { vi: t, en: t }\n      ${CITE}\n      items:\n${items}`;
		const p = problems(
			add(
				`requirements:\n  groups:\n${group('g1', item('i1') + item('g1'))}${group('g2', item('i1'))}`
			)
		);
		expect(p.got).toEqual([
			`${p.line('id: g1', 'id: i1')} requirements.groups.0.items.1.id: duplicate requirement id "g1"`,
			`${p.line('id: i1', 'id: g2')} requirements.groups.1.items.0.id: duplicate requirement id "i1"`
		]);
	});

	it('requirement group ids are unique, located at the group', () => {
		const group = (id: string) => `    - id: ${id}\n      title: { vi: t, en: t }\n      ${CITE}\n`;
		const p = problems(add(`requirements:\n  groups:\n${group('g1')}${group('g1')}`));
		expect(p.got).toEqual([
			`${p.line('id: g1') + 3} requirements.groups.1.id: duplicate requirement id "g1"`
		]);
	});

	it('checklist items: unique ids, levels not empty', () => {
		const c = (id: string, levels: string) =>
			`    - { id: ${id}, text: t, label: { vi: l, en: l }, levels: ${levels}, ${CITE} }\n`;
		const p = problems(add(`appraisal:\n  checklist:\n${c('a1', '[1]')}${c('a1', '[]')}`));
		const line = p.line('levels: []');
		expect(p.got).toEqual([
			`${line} appraisal.checklist.1.id: duplicate checklist item id "a1"`,
			`${line} appraisal.checklist.1.levels: levels is empty`
		]);
	});
});

describe('golden cases and procedure cases', () => {
	it('every criterion is expected by some case, once there are cases', () => {
		const p = problems(
			swap('    expect: { level: 2, criteria: [c2] }', '    expect: { level: 2, criteria: [c1] }')
		);
		expect(p.got).toEqual([
			`${p.line('id: c2')} criteria.1.id: no golden test case expects criterion "c2"`
		]);
		// Without cases, nothing is asked of the criteria.
		const none = problems((t) => t.slice(0, t.indexOf('tests:\n')));
		expect(none.got).toEqual([]);
	});

	it('a failing case is reported at the case, with what differs', () => {
		const p = problems(
			swap('expect: { level: 2, criteria: [c2] }', 'expect: { level: 3, criteria: [c2] }')
		);
		expect(p.got).toEqual([`${p.line('name: two')} tests.1: test "two": expected level 3, got 2`]);
		expect(p.r.rulesets).toEqual([]);
	});

	it('procedure cases: one per level, all five, each checked', () => {
		const pc = (level: number, approver = 'B') =>
			`  - { level: ${level}, appraiser: A, approver: ${approver}, authority: Điều 1 Văn bản 1/2020, appraisal_deadline: null, approval_deadline: null }\n`;
		const ok = problems(add(`procedure_tests:\n${[1, 2, 3, 4, 5].map((l) => pc(l)).join('')}`));
		expect(ok.got).toEqual([]);
		const p = problems(add(`procedure_tests:\n${pc(1)}${pc(1)}${pc(2, 'C')}`));
		expect(p.got).toEqual([
			`${p.line('level: 1', 'level: 1, appraiser') + 1} procedure_tests.1.level: duplicate procedure test for level 1`,
			`${p.line('procedure_tests:') + 1} procedure_tests: no procedure test for level 3`,
			`${p.line('procedure_tests:') + 1} procedure_tests: no procedure test for level 4`,
			`${p.line('procedure_tests:') + 1} procedure_tests: no procedure test for level 5`
		]);
		const failing = problems(
			add(`procedure_tests:\n${[1, 2, 3, 4, 5].map((l) => pc(l, l === 4 ? 'C' : 'B')).join('')}`)
		);
		expect(failing.got).toEqual([
			`${failing.line('level: 4')} procedure_tests.3: procedure test for level 4: approver: expected "C", got "B"`
		]);
	});

	it('loads without running the cases when asked', () => {
		const text = MINI.replace(
			'expect: { level: 2, criteria: [c2] }',
			'expect: { level: 3, criteria: [c2] }'
		);
		const r = loadLibrary([{ path: FILE, text }], [], false);
		expect(r.errors).toEqual([]);
		expect(r.rulesets.map((x) => x.ref)).toEqual(['fx@v1']);
	});
});

describe('a child version', () => {
	const CHILD = 'lib/fx/v2/ruleset.yaml';
	const child = (body: string): SourceFile => ({
		path: CHILD,
		text: `id: fx\nversion: v2\nextends: fx@v1\neffective_from: 2021-01-01\n${body}`
	});
	const childErrors = (body: string) =>
		loadLibrary([{ path: FILE, text: MINI }, child(body)]).errors.map(
			(e) => `${e.file}:${e.line} ${e.field}: ${e.message}`
		);

	it('removes only what its parent has; a version without a parent removes nothing', () => {
		expect(childErrors('remove:\n  criteria: [c1x]\n  facts: [tags, flg]\n')).toEqual([
			`${CHILD}:6 remove.criteria.0: fx@v1 has no criteria entry "c1x"; có phải "c1"? / did you mean "c1"?`,
			`${CHILD}:7 remove.facts.1: fx@v1 has no facts entry "flg"; có phải "flag"? / did you mean "flag"?`
		]);
		const r = loadLibrary([{ path: FILE, text: `${MINI}remove:\n  facts: [tags]\n` }]);
		expect(r.errors.map((e) => `${e.line} ${e.field}: ${e.message}`)).toEqual([
			`${MINI.split('\n').length + 1} remove.facts: only a version that extends another can remove from it`
		]);
	});

	it('names each fact it adds that the inherited cases lack, once, with an example default per type', () => {
		const fact = (name: string, def: string) => `  ${name}:\n${def}    ${Q}\n`;
		const errs = loadLibrary([
			{ path: FILE, text: MINI },
			child(
				`facts:\n${fact('n_bool', '    type: boolean\n')}${fact('n_int', '    type: integer\n    min: 2\n')}${fact('n_enum', '    type: enum\n    values: [p, q]\n')}`
			)
		]).errors;
		expect(errs.map((e) => [e.line, e.field])).toEqual([
			// At the fact's name (line 6 of the child).
			[6, 'facts.n_bool'],
			[10, 'facts.n_int'],
			[15, 'facts.n_enum']
		]);
		expect(errs[0]!.message).toBe(
			'2 ca kiểm thử không có dữ kiện mới "n_bool" ("one"; "two"): thêm "default: false" vào dữ kiện — ' +
				'câu trả lời coi là đúng với các hệ thống đã xác định trước phiên bản này — hoặc thêm "n_bool" ' +
				'vào các ca đó / 2 golden case(s) lack the new fact "n_bool" ("one"; "two"): give the fact ' +
				'"default: false" — the answer taken for systems classified before this version — or add ' +
				'"n_bool" to those cases'
		);
		expect(errs[1]!.message).toContain('"default: 2"');
		expect(errs[2]!.message).toContain('"default: p"');
	});

	it('lists up to three cases whole', () => {
		const three = `  - name: three\n    facts: { flag: true, kind: alpha, count: 0, tags: [x] }\n    expect: { level: 1, criteria: [c1] }\n`;
		const errs = loadLibrary([
			{ path: FILE, text: MINI + three },
			child(`facts:\n  n_bool:\n    type: boolean\n    ${Q}\n`)
		]).errors;
		expect(errs.map((e) => e.message.split(': thêm')[0])).toEqual([
			'3 ca kiểm thử không có dữ kiện mới "n_bool" ("one"; "two"; "three")'
		]);
	});

	it('reports a case whole when it also lacks a fact the parent had', () => {
		// The child writes "count" again without its default: case "one", which left it out, now
		// lacks it too, so the new fact is not the whole reason there.
		const parent = MINI.replace('    max: 10\n', '    max: 10\n    default: 0\n').replace(
			'facts: { flag: true, kind: alpha, count: 0, tags: [x] }',
			'facts: { flag: true, kind: alpha, tags: [x] }'
		);
		const r = loadLibrary([
			{ path: FILE, text: parent },
			child(
				`facts:\n  count:\n    type: integer\n    min: 0\n    max: 10\n    ${Q}\n  n_bool:\n    type: boolean\n    ${Q}\n`
			)
		]);
		expect(
			r.errors.map((e) => `${e.file}:${e.line} ${e.field}: ${e.message.split(': thêm')[0]}`)
		).toEqual([
			`${FILE}:60 tests.0: test "one": invalid facts: facts: Missing facts: count, n_bool.`,
			`${CHILD}:12 facts.n_bool: 1 ca kiểm thử không có dữ kiện mới "n_bool" ("two")`
		]);
	});

	it('locates what it lacks in its own file, what it inherits at the parent item that has it', () => {
		// effective_from is not inherited: its absence is the child's to fix, in the child's file.
		const noDate = loadLibrary([
			{ path: FILE, text: MINI },
			{ path: CHILD, text: 'id: fx\nversion: v2\nextends: fx@v1\n' }
		]);
		expect(noDate.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`)).toEqual([
			`${CHILD}:1:1 missing section "effective_from"`
		]);
		expect(noDate.warnings).toEqual([]);
		// Removing the fact that the parent's second criterion asks points at that criterion (index
		// 1 in the parent's file), not at the first.
		const lines = MINI.split('\n');
		const c2When = lines.findIndex((l) => l.includes('when: { fact: kind')) + 1;
		expect(childErrors('remove:\n  facts: [kind]\n')).toEqual([
			`${FILE}:${c2When} criteria.1.when.fact: unknown fact "kind" (must be a declared fact)`
		]);
	});

	it('names a section the parent lacks when told to remove from it, and the levels its own cases lack', () => {
		// MINI has no constraints and no procedure cases.
		expect(childErrors('remove:\n  constraints: [k1]\n')).toEqual([
			`${CHILD}:6 remove.constraints.0: fx@v1 has no constraints entry "k1"`
		]);
		const pc = `procedure_tests:\n  - { level: 1, appraiser: A, approver: B, authority: Điều 1 Văn bản 1/2020, appraisal_deadline: null, approval_deadline: null }\n`;
		expect(childErrors(pc)).toEqual(
			[2, 3, 4, 5].map((l) => `${CHILD}:6 procedure_tests: no procedure test for level ${l}`)
		);
	});

	it('locates an error in its own unkeyed list at that item, not the first', () => {
		const correction = (revision: number) =>
			`  - revision: ${revision}\n    date: 2021-0${revision}-01\n    kind: substantive\n    previous: sha256:${'a'.repeat(64)}\n    reason: { vi: Sửa, en: Fix }\n    changes: [{ target: criteria/c1, what: { vi: a, en: a }, citation: { source: act, article: 1 } }]\n`;
		expect(childErrors(`corrections:\n${correction(2)}${correction(4)}`)).toEqual([
			`${CHILD}:12 corrections.1.revision: revision 4 out of order: the corrections are revisions 2, 3, … in order (this is entry 2, so revision 3)`
		]);
	});

	it('shortens a long list of cases', () => {
		const cases = ['three', 'four', 'five']
			.map(
				(n) =>
					`  - name: ${n}\n    facts: { flag: true, kind: alpha, count: 0, tags: [x] }\n    expect: { level: 1, criteria: [c1] }\n`
			)
			.join('');
		const errs = loadLibrary([
			{ path: FILE, text: MINI + cases },
			child(`facts:\n  n_set:\n    type: set\n    values: [p]\n    ${Q}\n`)
		]).errors;
		expect(errs.map((e) => e.message.split(': thêm')[0])).toEqual([
			'5 ca kiểm thử không có dữ kiện mới "n_set" ("one"; "two"; "three"; và 2 ca khác)'
		]);
		expect(errs[0]!.message).toContain('"default: []"');
		expect(errs[0]!.message).toContain('("one"; "two"; "three"; and 2 more)');
	});
});

describe('loadLibrary', () => {
	it('reads only YAML files, not the lock, folder by folder in path order', () => {
		const r = loadLibrary([
			{
				path: 'lib/fx/v2/ruleset.yaml',
				text: MINI.replace('version: v1', 'version: v2').replace(
					'effective_from: 2020-01-01',
					'effective_from: 2021-01-01'
				)
			},
			{ path: 'lib/fx/v1/README.md', text: 'not yaml: [' },
			{ path: 'lib/fx/v1/criteria.yaml.orig', text: 'not yaml: [' },
			{ path: 'lib/published.yaml', text: 'fx@v1: nonsense' },
			// The lock and the timeline at the root of what was passed, as \`capdo check .\` in rulesets/.
			{ path: 'published.yaml', text: 'not yaml: [' },
			{ path: 'timeline.yaml', text: 'not yaml: [' },
			{ path: 'lib/fx/v1/ruleset.yml', text: MINI }
		]);
		expect(r.errors).toEqual([]);
		expect(r.rulesets.map((x) => [x.ref, x.dir])).toEqual([
			['fx@v1', 'lib/fx/v1'],
			['fx@v2', 'lib/fx/v2']
		]);
	});

	it('reads the files of a folder in name order, whatever order they come in', () => {
		const r = loadLibrary([
			{ path: FILE, text: MINI },
			{ path: 'lib/fx/v1/a.yaml', text: 'title: { vi: A, en: A }\n' }
		]);
		expect(r.errors).toEqual([
			{
				file: FILE,
				line: 3,
				column: 1,
				field: 'title',
				message: 'section "title" is already defined in lib/fx/v1/a.yaml'
			}
		]);
	});

	it('reports the same problem once, and formats errors and warnings with their place', () => {
		const p = problems(
			swap('effective_from: 2020-01-01', 'effective_from: 2020-01-01\neffective_to: 2019-12-31')
		);
		const e = p.r.errors[0]!;
		expect(formatLoadError(e)).toBe(
			`${FILE}:5:15: effective_to: effective_to is before effective_from`
		);
		expect(formatLoadError({ ...e, field: undefined })).toBe(
			`${FILE}:5:15: effective_to is before effective_from`
		);
		expect(formatLoadWarning(e)).toBe(
			`${FILE}:5:15: cảnh báo / warning: effective_to: effective_to is before effective_from`
		);
		expect(formatLoadWarning({ ...e, field: undefined })).toBe(
			`${FILE}:5:15: cảnh báo / warning: effective_to is before effective_from`
		);
	});
});

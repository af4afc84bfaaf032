// One folder's YAML files parsed and checked against the schema (parseFolder in load.ts), in
// process with small texts: where each error points (file, line, column, field) and which file a
// rule-set-wide error is put in when no section names a place.
import { describe, expect, it } from 'vitest';
import { formatLoadError, formatLoadWarning, parseFolder } from '../../src/lib/rules/load';

const D = 'rs/x';
const file = (name: string, text: string) => ({ path: `${D}/${name}`, text });
const parse = (...files: ReturnType<typeof file>[]) => parseFolder(D, files);
/** A folder of one ruleset.yaml holding id, version and then `yaml`. */
const parseRuleSet = (yaml: string) => parse(file('ruleset.yaml', `id: x\nversion: v\n${yaml}`));
const err = (name: string, line: number, column: number, message: string, field?: string) => ({
	file: `${D}/${name}`,
	line,
	column,
	...(field === undefined ? {} : { field }),
	message
});

describe('parseFolder', () => {
	it('puts errors of a folder with no file in its ruleset.yaml at 1:1', () => {
		const r = parse();
		expect(r.errors).toEqual([
			err('ruleset.yaml', 1, 1, 'missing field "id"'),
			err('ruleset.yaml', 1, 1, 'missing field "version"')
		]);
		expect(r.ref).toBe('?@?');
		expect(r.parent).toBeUndefined();
	});

	it('refuses a file that is not a mapping of sections', () => {
		expect(parse(file('ruleset.yaml', '- a\n- b\n')).errors).toEqual([
			err('ruleset.yaml', 1, 1, 'a rule-set file must be a mapping of sections')
		]);
	});

	it('refuses a file that is a single value, and one whose aliases expand too far', () => {
		expect(parse(file('ruleset.yaml', 'hello\n')).errors).toEqual([
			err('ruleset.yaml', 1, 1, 'a rule-set file must be a mapping of sections')
		]);
		const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
			.concat(
				['b', 'c', 'd'].map((k, i) => `${k}: &${k} [${`*${'abc'[i]}, `.repeat(9)}*${'abc'[i]}]`)
			)
			.join('\n');
		expect(parse(file('ruleset.yaml', 'id: x\nversion: v\n'), file('z.yaml', bomb)).errors).toEqual(
			[
				err(
					'z.yaml',
					2,
					8,
					'too many alias expansions (more than 1000): nested aliases like these can exhaust memory'
				)
			]
		);
	});

	it('points an error inside aliased content at the alias, and a key with no value at the key', () => {
		const r = parseRuleSet('x: &a [1, 2]\ncriteria: *a\ntitle:\n  vi: V\n  ? en\n');
		expect(r.errors).toEqual([
			err('ruleset.yaml', 3, 1, 'unknown field "x"', 'x'),
			err('ruleset.yaml', 7, 5, 'must be string', 'title.en'),
			err('ruleset.yaml', 4, 11, 'must be object', 'criteria.0'),
			err('ruleset.yaml', 4, 11, 'must be object', 'criteria.1')
		]);
	});

	it('puts a missing section in an empty ruleset.yaml at 1:1 when another file has the rest', () => {
		const r = parse(file('ruleset.yaml', ''), file('facts.yaml', 'facts: {}\n'));
		expect(r.errors).toEqual([
			err('ruleset.yaml', 1, 1, 'missing field "id"'),
			err('ruleset.yaml', 1, 1, 'missing field "version"')
		]);
	});

	it('says once what a value that is none of the allowed types must be, and only what fails inside one', () => {
		const proc = (deadline: string) =>
			parseRuleSet(
				`procedure_tests:\n  - level: 1\n    appraisal_deadline: ${deadline}\n`
			).errors.filter((e) => e.field?.startsWith('procedure_tests.0.'));
		expect(proc('"5"')).toEqual([
			err('ruleset.yaml', 5, 25, 'must be null or object', 'procedure_tests.0.appraisal_deadline')
		]);
		expect(proc('{ days: x, working_days: true, citation: c }')).toEqual([
			err('ruleset.yaml', 5, 33, 'must be integer', 'procedure_tests.0.appraisal_deadline.days')
		]);
		expect(proc('{ days: 1, working_days: true }')).toEqual([
			err('ruleset.yaml', 5, 25, 'missing field "citation"', 'procedure_tests.0.appraisal_deadline')
		]);
		expect(proc('~')).toEqual([]);
	});

	it('suggests only the fields the object with an unknown field can have', () => {
		const unknown = (yaml: string) =>
			parseRuleSet(yaml)
				.errors.filter((e) => e.message.startsWith('unknown field'))
				.map((e) => e.message);
		// A criterion has no "label" (a designation has): no suggestion, even with "level" missing so
		// that its other fields would fit a designation too.
		expect(unknown('criteria:\n  - id: c\n    text: T\n    lable: x\n')).toEqual([
			'unknown field "lable"'
		]);
		expect(unknown('designations:\n  - id: d\n    text: T\n    lable: x\n')).toEqual([
			'unknown field "lable"; có phải "label"? / did you mean "label"?'
		]);
		// A fact (a $ref definition) has no "levels", though objects sharing its "citation" do.
		expect(
			unknown(
				'facts:\n  a:\n    type: boolean\n    citation: { source: s, article: 1 }\n    levles: [1]\n'
			)
		).toEqual(['unknown field "levles"']);
		expect(unknown('facts:\n  a:\n    type: boolean\n    hepl: x\n')).toEqual([
			'unknown field "hepl"; có phải "help"? / did you mean "help"?'
		]);
	});

	it('names a field whose key holds "/" or "~" as written (JSON Pointer ~1 and ~0 decoded)', () => {
		const r = parseRuleSet('facts:\n  a/b~c:\n    type: 3\n');
		expect(
			r.errors.filter((e) => e.field?.startsWith('facts.')).map((e) => [e.line, e.column, e.field])
		).toEqual([
			[4, 3, 'facts.a/b~c'],
			[5, 5, 'facts.a/b~c'],
			[5, 5, 'facts.a/b~c'],
			[5, 11, 'facts.a/b~c.type']
		]);
	});

	it('says which form a date takes, and which field a mistyped one probably is', () => {
		const text = `id: x
version: v
effective_from: 2020-1-1
sources:
  - id: a
    type: { vi: V, en: A }
    number: '1'
    date: 1/1/2020
    issuer: T
    title: T
    titel: x
criteria:
  - id: c
    levle: 2
    text: t
    when: { fact: f, eq: true }
    citation: { source: a, artcle: 1 }
facts:
  f:
    type: boolean
    group: Bad
    question: { vi: q, en: q }
    citation: { source: a, article: 1 }
`;
		const errors = parse(file('ruleset.yaml', text)).errors;
		const some = (field: string) =>
			errors.filter((e) => e.field === field).map((e) => [e.line, e.column, e.message]);
		const DATE = 'must be a date written YYYY-MM-DD';
		expect(some('effective_from')).toEqual([[3, 17, DATE]]);
		expect(some('sources.0.date')).toEqual([[8, 11, DATE]]);
		expect(some('facts.f.group')).toEqual([[21, 12, 'must match ^[a-z][a-z0-9_]*$']]);
		const mean = (k: string) => `; có phải "${k}"? / did you mean "${k}"?`;
		expect(some('sources.0.titel')).toEqual([[11, 5, `unknown field "titel"${mean('title')}`]]);
		expect(some('criteria.0.levle')).toEqual([[14, 5, `unknown field "levle"${mean('level')}`]]);
		expect(some('criteria.0.citation.artcle')).toEqual([
			[17, 28, `unknown field "artcle"${mean('article')}`]
		]);
	});

	it('skips an empty file and reads id from the others', () => {
		const r = parse(file('a.yaml', ''), file('ruleset.yaml', 'id: x\n'));
		expect(r.errors).toEqual([err('ruleset.yaml', 1, 1, 'missing field "version"')]);
		expect(r.ref).toBe('x@?');
	});

	it('points a section defined twice at its key in the second file', () => {
		const r = parse(
			file('ruleset.yaml', 'id: x\nversion: v1\n'),
			file('b.yaml', 'title: t\n\nversion: v2\n')
		);
		expect(r.errors).toEqual([
			err('b.yaml', 3, 1, 'section "version" is already defined in rs/x/ruleset.yaml', 'version')
		]);
		expect(r.ref).toBe('x@v1');
	});

	it('puts an error with no section in the file with id, else ruleset.yaml, else the first', () => {
		const title = err('a.yaml', 1, 8, 'must be object', 'title');
		expect(parse(file('a.yaml', 'title: t\n'), file('b.yaml', 'id: x\n')).errors).toEqual([
			err('b.yaml', 1, 1, 'missing field "version"'),
			title
		]);
		expect(
			parse(file('a.yaml', 'title: t\n'), file('ruleset.yaml', 'version: v\n')).errors
		).toEqual([err('ruleset.yaml', 1, 1, 'missing field "id"'), title]);
		expect(parse(file('a.yaml', 'title: t\n'), file('b.yaml', 'version: v\n')).errors).toEqual([
			err('a.yaml', 1, 1, 'missing field "id"'),
			title
		]);
	});

	it('locates schema errors in nested maps by key, digits in keys kept as text', () => {
		const r = parseRuleSet(
			'facts:\n  q1:\n    type: boolen\n  1a:\n    type: boolean\n    levle: 2\n'
		);
		expect(r.errors).toEqual([
			// A bad name is one error, at the key itself (not the facts block, not twice).
			err('ruleset.yaml', 6, 3, 'the name "1a" must match ^[a-z][a-z0-9_]*$', 'facts.1a'),
			err('ruleset.yaml', 5, 5, 'missing field "question"', 'facts.q1'),
			err('ruleset.yaml', 5, 5, 'missing field "citation"', 'facts.q1'),
			err('ruleset.yaml', 5, 11, 'must be one of: enum, set, boolean, integer', 'facts.q1.type'),
			err('ruleset.yaml', 7, 5, 'missing field "question"', 'facts.1a'),
			err('ruleset.yaml', 7, 5, 'missing field "citation"', 'facts.1a'),
			err('ruleset.yaml', 8, 5, 'unknown field "levle"', 'facts.1a.levle')
		]);
	});

	it('points an empty section at its value', () => {
		expect(parseRuleSet('title:\n').errors).toEqual([
			err('ruleset.yaml', 3, 7, 'must be object', 'title')
		]);
	});

	it('reads id and version only when they are text', () => {
		const r = parse(file('ruleset.yaml', 'id: 5\nversion: v\n'));
		expect(r.errors).toEqual([err('ruleset.yaml', 1, 5, 'must be string', 'id')]);
		expect(r.ref).toBe('?@v');
	});

	it('stops at a YAML syntax error and names no rule set', () => {
		const r = parse(file('ruleset.yaml', 'a: [1\n'));
		expect(r.errors.map((e) => [e.file, e.line, e.column])).toEqual([[`${D}/ruleset.yaml`, 2, 1]]);
		expect(r.ref).toBe('?@?');
	});

	it('formats errors and warnings with and without a field', () => {
		const e = err('a.yaml', 3, 7, 'must be object');
		expect(formatLoadError(e)).toBe('rs/x/a.yaml:3:7: must be object');
		expect(formatLoadError({ ...e, field: 'title' })).toBe(
			'rs/x/a.yaml:3:7: title: must be object'
		);
		expect(formatLoadWarning(e)).toBe('rs/x/a.yaml:3:7: cảnh báo / warning: must be object');
		expect(formatLoadWarning({ ...e, field: 'title' })).toBe(
			'rs/x/a.yaml:3:7: cảnh báo / warning: title: must be object'
		);
	});
});

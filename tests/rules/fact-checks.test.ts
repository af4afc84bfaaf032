// The loader's checks of one fact definition (checkFact in load.ts), in process: a fact added at
// the top of Circular 03's real facts.yaml, and the exact located error for each mistake.
import { describe, expect, it } from 'vitest';
import { errorIn, errorsWithEdited } from './helpers';

const DIR = 'rulesets/vn-nd85/tt03-2017';
const Q = 'question: { vi: q, en: q }\n    citation: { source: nd85, article: 6 }\n';
/** The errors of tt03 with `facts` (YAML of facts at 2 spaces) put first in facts.yaml (line 4). */
const errorsWith = (facts: string) =>
	errorsWithEdited(DIR, 'facts.yaml', (t) => t.replace('facts:\n', `facts:\n${facts}`));
const at = errorIn(`${DIR}/facts.yaml`);

describe('checks of a fact definition', () => {
	it('an enum needs values; a boolean has none; values are unique', () => {
		expect(errorsWith(`  zz:\n    type: enum\n    ${Q}`)).toEqual([
			at(5, 5, 'facts.zz.values', 'enum fact "zz" needs values')
		]);
		expect(errorsWith(`  zz:\n    type: set\n    values: []\n    ${Q}`)).toEqual([
			at(6, 13, 'facts.zz.values', 'set fact "zz" needs values')
		]);
		expect(errorsWith(`  zz:\n    type: boolean\n    values: [a]\n    ${Q}`)).toEqual([
			at(6, 13, 'facts.zz.values', 'a boolean fact has no values')
		]);
		expect(errorsWith(`  zz:\n    type: enum\n    values: [a, b, a]\n    ${Q}`)).toEqual([
			at(6, 20, 'facts.zz.values.2', 'duplicate value "a"')
		]);
	});

	it('an integer with labels needs min and max, and one label per value', () => {
		expect(
			errorsWith(
				`  zz:\n    type: integer\n    min: 0\n    labels: { "0": { vi: a, en: a } }\n    ${Q}`
			)
		).toEqual([
			at(
				7,
				13,
				'facts.zz.labels',
				'an integer fact with labels needs min and max (at most 21 values)'
			),
			at(7, 20, 'facts.zz.labels.0', 'label for unknown value "0"')
		]);
		expect(
			errorsWith(
				`  zz:\n    type: integer\n    min: 0\n    max: 21\n    labels: { "0": { vi: a, en: a } }\n    ${Q}`
			)
		).toEqual([
			at(
				8,
				13,
				'facts.zz.labels',
				'an integer fact with labels needs min and max (at most 21 values)'
			),
			at(8, 20, 'facts.zz.labels.0', 'label for unknown value "0"')
		]);
		expect(
			errorsWith(
				`  zz:\n    type: integer\n    min: 1\n    max: 3\n    labels: { "1": { vi: a, en: a }, "5": { vi: a, en: a } }\n    ${Q}`
			)
		).toEqual([
			at(8, 43, 'facts.zz.labels.5', 'label for unknown value "5"'),
			at(8, 13, 'facts.zz.labels', 'no label for value 2'),
			at(8, 13, 'facts.zz.labels', 'no label for value 3')
		]);
	});

	it('hints only for known values, min not above max, a statement only in a group', () => {
		expect(
			errorsWith(`  zz:\n    type: boolean\n    hints: { maybe: { vi: a, en: a } }\n    ${Q}`)
		).toEqual([at(6, 21, 'facts.zz.hints.maybe', 'hint for unknown value "maybe"')]);
		expect(errorsWith(`  zz:\n    type: integer\n    min: 5\n    max: 2\n    ${Q}`)).toEqual([
			at(6, 10, 'facts.zz.min', 'min is greater than max')
		]);
		// One allowed value is a fact with a fixed answer, not a mistake.
		expect(
			errorsWith(`  zz:\n    type: integer\n    min: 3\n    max: 3\n    default: 3\n    ${Q}`)
		).toEqual([]);
		expect(
			errorsWith(`  zz:\n    type: boolean\n    statement: { vi: a, en: a }\n    ${Q}`)
		).toEqual([
			at(6, 16, 'facts.zz.statement', 'fact "zz" has a "statement" but no "group" to show it in')
		]);
	});

	it('an integer with labels but no min, or with hints, says so rather than guess its values', () => {
		expect(
			errorsWith(
				`  zz:\n    type: integer\n    max: 3\n    labels: { "1": { vi: a, en: a } }\n    hints: { "1": { vi: a, en: a } }\n    ${Q}`
			).map((e) => e.message)
		).toEqual([
			'an integer fact with labels needs min and max (at most 21 values)',
			'label for unknown value "1"',
			'hint for unknown value "1"'
		]);
	});

	it('labels, once given, name every value of any fact; min and max belong to integers', () => {
		expect(
			errorsWith(
				`  zz:\n    type: enum\n    values: [a, b]\n    labels: { a: { vi: a, en: a } }\n    ${Q}`
			)
		).toEqual([at(7, 13, 'facts.zz.labels', 'no label for value b')]);
		expect(
			errorsWith(
				`  zz:\n    type: enum\n    values: [a, b]\n    min: 5\n    max: 2\n    default: a\n    ${Q}`
			).map((e) => e.message)
		).toEqual([
			'only an integer fact has min, not an enum fact',
			'only an integer fact has max, not an enum fact'
		]);
		expect(errorsWith(`  zz:\n    type: set\n    values: [a]\n    max: 1\n    ${Q}`)).toEqual([
			at(7, 10, 'facts.zz.max', 'only an integer fact has max, not a set fact')
		]);
	});

	it('labels the 21 values from 1 to 21, the most there can be', () => {
		const errs = errorsWith(
			`  zz:\n    type: integer\n    min: 1\n    max: 21\n    labels: { "1": { vi: a, en: a } }\n    ${Q}`
		);
		expect(errs.map((e) => e.message)).toEqual(
			Array.from({ length: 20 }, (_, i) => `no label for value ${i + 2}`)
		);
	});

	it('a default must fit its fact', () => {
		expect(
			errorsWith(
				`  zz:\n    type: integer\n    min: 1\n    max: 3\n    default: 4\n    ${Q}` +
					`  zy:\n    type: enum\n    values: [a]\n    default: b\n    ${Q}` +
					`  zx:\n    type: set\n    values: [a]\n    default: [a, c]\n    ${Q}` +
					`  zw:\n    type: boolean\n    default: 1\n    ${Q}` +
					`  zv:\n    type: integer\n    default: 1.5\n    ${Q}` +
					`  zt:\n    type: integer\n    min: 1\n    default: 0\n    ${Q}` +
					`  zs:\n    type: enum\n    values: [a]\n    default: true\n    ${Q}`
			)
		).toEqual([
			at(8, 14, 'facts.zz.default', 'default does not fit the integer fact "zz"'),
			at(14, 14, 'facts.zy.default', 'default does not fit the enum fact "zy"'),
			at(20, 14, 'facts.zx.default', 'default does not fit the set fact "zx"'),
			at(25, 14, 'facts.zw.default', 'default does not fit the boolean fact "zw"'),
			at(30, 14, 'facts.zv.default', 'default does not fit the integer fact "zv"'),
			at(36, 14, 'facts.zt.default', 'default does not fit the integer fact "zt"'),
			at(42, 14, 'facts.zs.default', 'default does not fit the enum fact "zs"')
		]);
		expect(
			errorsWith(
				`  zz:\n    type: integer\n    min: 1\n    max: 3\n    default: 3\n    ${Q}` +
					`  zu:\n    type: integer\n    min: 1\n    max: 3\n    default: 1\n    ${Q}` +
					`  zy:\n    type: enum\n    values: [a]\n    default: a\n    ${Q}` +
					`  zx:\n    type: set\n    values: [a, c]\n    default: [a, c]\n    ${Q}` +
					`  zw:\n    type: boolean\n    default: false\n    ${Q}` +
					`  zt:\n    type: integer\n    min: 1\n    default: 9\n    ${Q}` +
					`  zs:\n    type: integer\n    max: 9\n    default: -1\n    ${Q}`
			)
		).toEqual([]);
	});
});

// The loader's checks of golden cases (load.ts), in process on tt03's real tests.yaml with one
// case edited: each mistake's exact message, file, line, column and field.
import { describe, expect, it } from 'vitest';
import { errorIn, errorsWithEdited } from './helpers';

const DIR = 'rulesets/vn-nd85/tt03-2017';
const FIRST_BASIS = '      basis:\n        nd85-d7: Điều 7 Nghị định 85/2016/NĐ-CP → cấp độ 1\n';
const errorsWith = (edit: (text: string) => string) => errorsWithEdited(DIR, 'tests.yaml', edit);
const at = errorIn(`${DIR}/tests.yaml`);

describe('checks of golden cases', () => {
	it('a case needs basis or criteria', () => {
		expect(errorsWith((t) => t.replace(FIRST_BASIS, ''))).toEqual([
			at(16, 7, 'tests.0.expect', 'a golden case needs "basis" (or "criteria")')
		]);
	});

	it('every expected criterion has a citation in basis, and every cited one is expected', () => {
		expect(
			errorsWith((t) =>
				t.replace(FIRST_BASIS, `      criteria: [nd85-d7, nd85-d8-k1]\n${FIRST_BASIS}`)
			)
		).toEqual([
			at(19, 9, 'tests.0.expect.basis', 'criterion "nd85-d8-k1" has no expected citation')
		]);
		expect(
			errorsWith((t) =>
				t.replace(FIRST_BASIS, `      criteria: [nd85-d7]\n${FIRST_BASIS}        nd85-d8-k1: x\n`)
			)
		).toEqual([
			at(20, 21, 'tests.0.expect.basis.nd85-d8-k1', '"nd85-d8-k1" is cited but not in criteria')
		]);
	});

	it('names are unique', () => {
		expect(
			errorsWith((t) =>
				t.replace(
					'Quản lý nhân sự có thông tin cá nhân → cấp độ 2',
					'Quản lý văn bản nội bộ có thông tin riêng → cấp độ 2'
				)
			)
		).toEqual([
			at(
				27,
				11,
				'tests.2.name',
				'duplicate test name "Quản lý văn bản nội bộ có thông tin riêng → cấp độ 2"'
			)
		]);
	});

	it('an unknown criterion is named with a suggestion', () => {
		expect(errorsWith((t) => t.replace(FIRST_BASIS, '      criteria: [nd85-d77]\n'))).toEqual([
			at(
				17,
				18,
				'tests.0.expect.criteria.0',
				'unknown criterion "nd85-d77"; có phải "nd85-d7"? / did you mean "nd85-d7"?'
			)
		]);
	});
});

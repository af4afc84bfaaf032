// The unit profile's completeness (the task list says "Đã nhập" only when it is complete) and the
// contact checks.
import { describe, expect, it } from 'vitest';
import type { UnitProfile } from '../../src/lib/model/inventory';
import { unitProblems, unitStatus, validEmail, validPhone } from '../../src/lib/model/unit';

const full: UnitProfile = {
	name: 'Sở Tài chính tỉnh Gia Lai',
	governing_body: 'Ủy ban nhân dân tỉnh Gia Lai',
	security_unit: 'Phòng Công nghệ thông tin',
	contact: { name: 'Nguyễn Văn An', email: 'an@gialai.gov.vn', phone: '0269 3824 123' }
};

describe('unit profile', () => {
	it('is complete with the four required fields and valid contacts', () => {
		expect(unitProblems(full)).toEqual([]);
		expect(unitStatus(full)).toBe('done');
	});

	it('a name alone is not complete', () => {
		const u = { ...full, governing_body: '', security_unit: ' ', contact: { name: '' } };
		expect(unitStatus(u)).toBe('in_progress');
		expect(unitProblems(u).map((p) => p.field)).toEqual([
			'governing_body',
			'security_unit',
			'contact'
		]);
		expect(unitStatus({ ...u, name: '' })).toBe('not_started');
	});

	it('rejects a malformed email or phone, and a signer without a title', () => {
		const u = {
			...full,
			contact: { name: 'An', email: 'an@gialai', phone: '12345' },
			signer: { name: 'Trần Thị Bình', title: '' }
		};
		expect(unitProblems(u)).toEqual([
			{ field: 'email', problem: 'invalid' },
			{ field: 'phone', problem: 'invalid' },
			{ field: 'signer_title', problem: 'required' }
		]);
		expect(unitStatus(u)).toBe('in_progress');
	});

	it.each([
		['an@gialai.gov.vn', true],
		['a.b+c@so-tc.gialai.gov.vn', true],
		['an@gialai', false],
		['an gialai.gov.vn', false]
	])('email %s → %s', (v, ok) => expect(validEmail(v)).toBe(ok));

	it.each([
		['0269 3824 123', true],
		['+84 269 3824 123', true],
		['(0269) 3.824.123', true],
		['0912-345-678', true],
		['12345', false],
		['0269 abc 123', false]
	])('phone %s → %s', (v, ok) => expect(validPhone(v)).toBe(ok));
});

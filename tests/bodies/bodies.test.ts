// The 2025 reorganisation as dated data (bodies/vn.yaml): the real file loads, a broken one is
// refused with located errors, and names resolve by date — the day before a change keeps the old
// name, the day of it gives the successor, and successions chain with the province merges.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBodies, nameOn, provincesAfter } from '../../src/lib/bodies';
import { BODIES_FILE, vnBodies } from '../../src/lib/server/bodies-file';

const TEXT = readFileSync(BODIES_FILE, 'utf8');
const bodies = vnBodies();

describe('bodies/vn.yaml', () => {
	it('loads, every rename cites sources, and the provinces from 1/7/2025 number 34', () => {
		expect(loadBodies('bodies/vn.yaml', TEXT).errors).toEqual([]);
		for (const s of bodies.data.successions) expect(s.sources.length).toBeGreaterThan(0);
		const after = provincesAfter(bodies);
		expect(after).toHaveLength(34);
		expect(after).toContain('tỉnh Gia Lai');
		expect(after).not.toContain('tỉnh Bình Định');
	});

	it('refuses a broken file with file:line:column and the field', () => {
		const broken = TEXT.replace(
			'sources: [ictvietnam-2025-03-10]',
			'sources: [ictvietnam-2025-03-10, no-such-source]'
		).replace(
			'- { name: tỉnh Lào Cai, former: [tỉnh Lào Cai, tỉnh Yên Bái] }',
			'- { name: tỉnh Lào Cai, former: [tỉnh Lào Cai, tỉnh Hà Giang] }'
		);
		const { bodies: b, errors } = loadBodies('bodies/vn.yaml', broken);
		expect(b).toBeUndefined();
		const line = (s: string) => TEXT.split('\n').findIndex((l) => l.includes(s)) + 1;
		expect(errors).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					line: line('sources: [ictvietnam-2025-03-10]'),
					field: 'successions.2.sources.1',
					message: 'unknown source "no-such-source"'
				}),
				expect.objectContaining({
					line: line('{ name: tỉnh Lào Cai'),
					message: expect.stringContaining('"tỉnh Hà Giang" is listed twice')
				})
			])
		);
		const bad = loadBodies('x.yaml', TEXT.replace('from: 2025-03-01', 'from: 2025-3-1'));
		expect(bad.errors[0]).toMatchObject({
			file: 'x.yaml',
			field: 'successions.0.from',
			message: 'must be a date written YYYY-MM-DD'
		});
	});
});

describe('nameOn', () => {
	const MIC_AIS = 'Bộ Thông tin và Truyền thông (Cục An toàn thông tin)';

	it('the Authority of Information Security: MIC until 28/2/2025, the Ministry of Public Security from 1/3/2025', () => {
		expect(nameOn(bodies, MIC_AIS, '2025-02-28')).toEqual({ name: MIC_AIS, steps: [] });
		const r = nameOn(bodies, MIC_AIS, '2025-03-01');
		expect(r.name).toBe(
			'Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)'
		);
		expect(r.steps.map((s) => s.id)).toEqual(['information-security-mps']);
		expect(r.steps[0]!.sources.map((s) => s.trust)).toContain('secondary');
		expect(
			nameOn(
				bodies,
				'Ministry of Information and Communications (Authority of Information Security)',
				'2026-01-05'
			).name
		).toBe(
			'Ministry of Public Security (Department of Cybersecurity and High-Tech Crime Prevention)'
		);
		expect(nameOn(bodies, 'Bộ Thông tin và Truyền thông', '2025-03-01').name).toBe(
			'Bộ Khoa học và Công nghệ'
		);
	});

	it('a provincial Sở TT&TT becomes the Sở KH&CN, then takes the merged province’s name', () => {
		const old = 'Sở Thông tin và Truyền thông tỉnh Bình Định';
		expect(nameOn(bodies, old, '2025-02-28').name).toBe(old);
		expect(nameOn(bodies, old, '2025-06-30').name).toBe('Sở Khoa học và Công nghệ tỉnh Bình Định');
		const r = nameOn(bodies, old, '2025-07-01');
		expect(r.name).toBe('Sở Khoa học và Công nghệ tỉnh Gia Lai');
		expect(r.steps.map((s) => s.id)).toEqual(['provincial-dic-dost', 'province:tinh binh dinh']);
		// Spelling variants of the same name (tone placement, capitals, dashes) still match.
		expect(nameOn(bodies, 'UBND Tỉnh Hòa Bình', '2025-07-01').name).toBe('UBND tỉnh Phú Thọ');
		expect(nameOn(bodies, 'Ủy ban nhân dân tỉnh Bà Rịa–Vũng Tàu', '2025-07-01').name).toBe(
			'Ủy ban nhân dân Thành phố Hồ Chí Minh'
		);
	});

	it('leaves alone a name no change touches, and a province that kept its name', () => {
		for (const n of ['Ủy ban nhân dân tỉnh Gia Lai', 'Sở Tài chính tỉnh Nghệ An', 'Bộ Quốc phòng'])
			expect(nameOn(bodies, n, '2026-03-05')).toEqual({ name: n, steps: [] });
		// "…tỉnh Đắk Nông" must match the whole words, not "Nông" inside another name.
		expect(nameOn(bodies, 'Chi cục Nông', '2026-03-05').steps).toEqual([]);
	});
});

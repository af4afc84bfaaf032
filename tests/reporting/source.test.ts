// The source letter's line on the reports page: a known number, and an unknown one said plainly.
import { describe, expect, it } from 'vitest';
import { sourceLetter } from '../../src/lib/reporting/source';
import { readFileSync } from 'node:fs';

describe('sourceLetter', () => {
	it('says "số hiệu không rõ" instead of a dangling symbol', () => {
		const s = { number: '/UBND-KGVX', date: '2018-07', issuer: 'Ủy ban nhân dân tỉnh Gia Lai' };
		expect(sourceLetter(s, 'vi')).toBe(
			'Công văn số hiệu không rõ (ký hiệu …/UBND-KGVX) tháng 7/2018 của Ủy ban nhân dân tỉnh Gia Lai'
		);
		expect(sourceLetter(s, 'en')).toBe(
			'Letter number unknown (reference …/UBND-KGVX), July 2018, Ủy ban nhân dân tỉnh Gia Lai'
		);
		expect(sourceLetter(s, 'vi')).not.toMatch(/ \/UBND/);
	});

	it('prints a known number and a full date in Vietnamese form', () => {
		const s = { number: '1234/UBND-KGVX', date: '2018-07-05', issuer: 'UBND tỉnh Gia Lai' };
		expect(sourceLetter(s, 'vi')).toBe(
			'Công văn số 1234/UBND-KGVX ngày 05/07/2018 của UBND tỉnh Gia Lai'
		);
	});

	it('the bundled duties never cite the letter with a dangling symbol', () => {
		const text = readFileSync('reporting/gia-lai.yaml', 'utf8');
		expect(text).not.toMatch(/(Công văn|Letter) \//);
	});
});

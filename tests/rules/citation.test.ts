// Citations as a reader finds them in the law: Điều/khoản/điểm, appendices and items, amendments
// listed in order ("A, B và C"), in both languages — written out by hand.
import { describe, expect, it } from 'vitest';
import { formatCitation, type Citation, type Source } from '../../src/lib/rules';

const src = (id: string, vi: string, en: string, number: string): Source => ({
	id,
	type: { vi, en },
	number,
	date: '2016-07-01',
	issuer: 'Chính phủ'
});
const SOURCES = [
	src('nd85', 'Nghị định', 'Decree', '85/2016/NĐ-CP'),
	src('tt12', 'Thông tư', 'Circular', '12/2022/TT-BTTTT'),
	src('nd1', 'Nghị định', 'Decree', '1/2027/NĐ-CP'),
	src('nd2', 'Nghị định', 'Decree', '2/2028/NĐ-CP')
];
const both = (c: Citation) => [formatCitation(c, SOURCES), formatCitation(c, SOURCES, 'en')];

describe('formatCitation', () => {
	it('article, clause and point', () => {
		expect(both({ source: 'nd85', article: 7 })).toEqual([
			'Điều 7 Nghị định 85/2016/NĐ-CP',
			'Article 7 of Decree 85/2016/NĐ-CP'
		]);
		expect(both({ source: 'nd85', article: 9, clause: 2 })).toEqual([
			'Điều 9 khoản 2 Nghị định 85/2016/NĐ-CP',
			'Article 9(2) of Decree 85/2016/NĐ-CP'
		]);
		expect(both({ source: 'nd85', article: 9, clause: 2, point: 'c' })).toEqual([
			'Điều 9 khoản 2 điểm c Nghị định 85/2016/NĐ-CP',
			'Article 9(2)(c) of Decree 85/2016/NĐ-CP'
		]);
	});

	it('an appendix, with or without its item', () => {
		expect(both({ source: 'tt12', appendix: 'II', item: 'I.1.1' } as unknown as Citation)).toEqual([
			'Mục I.1.1 Phụ lục II Thông tư 12/2022/TT-BTTTT',
			'Item I.1.1 of Appendix II to Circular 12/2022/TT-BTTTT'
		]);
		expect(both({ source: 'tt12', appendix: 'III' } as unknown as Citation)).toEqual([
			'Phụ lục III Thông tư 12/2022/TT-BTTTT',
			'Appendix III to Circular 12/2022/TT-BTTTT'
		]);
	});

	it('an unknown source is named by its id', () => {
		expect(both({ source: 'nd999', article: 1 })).toEqual(['Điều 1 nd999', 'Article 1 of nd999']);
	});

	it('one, two and three amendments, in the order given', () => {
		const c = (n: number): Citation => ({
			source: 'nd85',
			article: 9,
			clause: 3,
			amended_by: [
				{ source: 'nd1', article: 1, clause: 2 },
				{ source: 'nd2', article: 3 },
				{ source: 'nd2', article: 4, clause: 1, point: 'a' }
			].slice(0, n)
		});
		expect(both(c(0))).toEqual([
			'Điều 9 khoản 3 Nghị định 85/2016/NĐ-CP',
			'Article 9(3) of Decree 85/2016/NĐ-CP'
		]);
		expect(both(c(1))).toEqual([
			'Điều 9 khoản 3 Nghị định 85/2016/NĐ-CP (được sửa đổi, bổ sung bởi Điều 1 khoản 2 Nghị định 1/2027/NĐ-CP)',
			'Article 9(3) of Decree 85/2016/NĐ-CP, as amended by Article 1(2) of Decree 1/2027/NĐ-CP'
		]);
		expect(both(c(2))).toEqual([
			'Điều 9 khoản 3 Nghị định 85/2016/NĐ-CP (được sửa đổi, bổ sung bởi Điều 1 khoản 2 Nghị định 1/2027/NĐ-CP và Điều 3 Nghị định 2/2028/NĐ-CP)',
			'Article 9(3) of Decree 85/2016/NĐ-CP, as amended by Article 1(2) of Decree 1/2027/NĐ-CP and Article 3 of Decree 2/2028/NĐ-CP'
		]);
		expect(both(c(3))).toEqual([
			'Điều 9 khoản 3 Nghị định 85/2016/NĐ-CP (được sửa đổi, bổ sung bởi Điều 1 khoản 2 Nghị định 1/2027/NĐ-CP, Điều 3 Nghị định 2/2028/NĐ-CP và Điều 4 khoản 1 điểm a Nghị định 2/2028/NĐ-CP)',
			'Article 9(3) of Decree 85/2016/NĐ-CP, as amended by Article 1(2) of Decree 1/2027/NĐ-CP, Article 3 of Decree 2/2028/NĐ-CP and Article 4(1)(a) of Decree 2/2028/NĐ-CP'
		]);
	});
});

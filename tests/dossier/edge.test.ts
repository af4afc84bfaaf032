// What the dossier says in the cases the fixtures do not show by themselves: the unverified-source
// warning and the rule set's notices, the Điều 7 step 1 rows, a system without components, a
// component meeting two criteria, the baseline requirements table by level (groups, items in and out
// of scope, the TCVN 11930:2017 clause, the English item text), numbers in English notation.
import { describe, expect, it } from 'vitest';
import { linesOf } from './blocks-text';
import {
	between,
	blocksOf,
	readPapers,
	built,
	D331,
	edit,
	fixture,
	ND331,
	ND85,
	rs,
	TT03,
	TT12,
	withData,
	type Raw
} from './setup';

const lines = (ref: string, f: Raw, opts: { lang?: 'vi' | 'en'; copy?: 'draft' | 'final' } = {}) =>
	readPapers(ref, f, linesOf, opts);

describe('warnings and notices at the head of the dossier', () => {
	it('Decree 331 (not checked against the Gazette): the warning with the rule set’s note, then the Điều 10 khoản 2 điểm a notice', () => {
		const { dossier } = lines(ND331, fixture('nd331-level4.yaml'));
		const r = rs(ND331).data;
		expect(r.source_status.status).toBe('unverified');
		expect(dossier[3]).toBe(
			`CẢNH BÁO: NGUỒN VĂN BẢN CHƯA ĐƯỢC KIỂM CHỨNG: ${r.source_status.note!.vi}`
		);
		const notice = r.notices!.find((n) => n.id === 'nd331-d10-k2a')!;
		expect(dossier[4]).toBe(`LƯU Ý: ${notice.message.vi} (Điều 10 khoản 2 điểm a ${D331})`);
		expect(dossier[5]).toBe('Cấp độ xác định theo tiêu chí: Cấp độ 4');
	});
	it('Decree 85 (checked): neither', () => {
		const { dossier } = lines(TT03, fixture('level3.yaml'));
		expect(dossier.some((l) => l.startsWith('CẢNH BÁO') || l.startsWith('LƯU Ý'))).toBe(false);
	});
	it('a notice the rule set does not know is not printed', () => {
		const d = built(ND331, fixture('nd331-level4.yaml'));
		const other = { ...d, result: { ...d.result, notices: [{ id: 'not-in-the-rule-set' }] } };
		const dossier = linesOf(blocksOf(ND331, other as typeof d).dossier);
		expect(dossier.some((l) => l.startsWith('LƯU Ý'))).toBe(false);
	});
});

describe('Decree 85 level 3 and level 1', () => {
	it('Phần 1 and Bước 1 rows: name, owner, operator, stage; function and components', () => {
		const { dossier } = lines(TT03, fixture('level3.yaml'));
		const name = 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh';
		expect(between(dossier, 'Phần 1.', 'Phần 2.').slice(0, 4)).toEqual([
			`Tên hệ thống thông tin: ${name}`,
			'Chủ quản hệ thống thông tin: Ủy ban nhân dân tỉnh Gia Lai',
			'Đơn vị vận hành hệ thống thông tin: Trung tâm Chuyển đổi số tỉnh Gia Lai',
			'Giai đoạn: Dự án đầu tư xây dựng mới hoặc mở rộng, nâng cấp'
		]);
		expect(between(dossier, 'Bước 1.', 'Bước 2.')).toEqual([
			`Tên hệ thống thông tin: ${name}`,
			'Loại hệ thống (chức năng): Phục vụ người dân, doanh nghiệp',
			'Chủ quản hệ thống thông tin: Ủy ban nhân dân tỉnh Gia Lai',
			'Đơn vị vận hành hệ thống thông tin: Trung tâm Chuyển đổi số tỉnh Gia Lai',
			'Hệ thống thành phần: Cơ sở dữ liệu hồ sơ thủ tục hành chính'
		]);
		// Level 3: no level 4–5 explanation, and a level found by the criteria needs no undetermined rule.
		expect(dossier).not.toContain(
			'Nội dung thuyết minh bổ sung đối với hệ thống đề xuất cấp độ 4, cấp độ 5'
		);
		expect(dossier.some((l) => l.startsWith('Câu trả lời không khớp tiêu chí nào'))).toBe(false);
	});
	it('level 1 without components: "chưa khai báo" in step 1, no component table', () => {
		const { dossier } = lines(TT03, fixture('level1.yaml'));
		expect(between(dossier, 'Bước 1.', 'Bước 2.').at(-1)).toBe(
			'Hệ thống thành phần: chưa khai báo'
		);
		expect(dossier).not.toContain('Hệ thống thành phần | Cấp độ | Căn cứ');
		expect(dossier.some((l) => l.startsWith('Theo nguyên tắc trên'))).toBe(false);
	});
	it('a component meeting three criteria lists them all; one meeting none gets no heading of its own', () => {
		const f = edit(fixture('level3.yaml'), (f) => {
			const facts = f.facts as Raw;
			(f.components as Raw[]).push({ name: 'Cổng thanh toán', facts: structuredClone(facts) });
			((f.components as Raw[])[0]!.facts as Raw).function = 'other';
		});
		const { dossier } = lines(TT03, f);
		expect(dossier).toContain(
			`Cổng thanh toán | Cấp độ 3 | Điều 8 khoản 2 điểm b ${ND85}; Điều 9 khoản 2 điểm a ${ND85}; Điều 9 khoản 2 điểm c ${ND85}`
		);
		expect(dossier).toContain('Cổng thanh toán:');
		expect(dossier).not.toContain('Cơ sở dữ liệu hồ sơ thủ tục hành chính:');
	});
	it('in English a number is written 25,000', () => {
		const { dossier } = lines(TT03, fixture('level3.yaml'), { lang: 'en' });
		expect(dossier.some((l) => l.includes(' | 25,000 | '))).toBe(true);
	});
	it('an explicit addressee on the draft: as written, no renamed-addressee note', () => {
		const f = edit(fixture('level3.yaml'), (f) => {
			f.document = { addressee: 'Sở Khoa học và Công nghệ tỉnh Gia Lai' };
		});
		const { letter } = lines(TT03, f);
		expect(letter).toContain('Kính gửi: Sở Khoa học và Công nghệ tỉnh Gia Lai');
		expect(letter.some((l) => l.startsWith('CƠ QUAN NHẬN'))).toBe(false);
	});
});

describe('Circular 12 level 4: the 24/7 explanation (Điều 8 khoản 5 điểm d) only under Decree 85 Điều 10 khoản 2 or 3', () => {
	const TITLE =
		'Thuyết minh yêu cầu cần phải vận hành 24/7 và không chấp nhận ngừng vận hành mà không có kế hoạch trước đối với các hệ thống thông tin theo quy định tại khoản 2 và khoản 3 Điều 10 của Nghị định số 85/2016/NĐ-CP (Điều 8 khoản 5 điểm d Thông tư 12/2022/TT-BTTTT)';
	const level4 = (change: (f: Raw) => void = () => {}) => {
		const d = built(
			TT12,
			edit(fixture('level4.yaml'), (f) => {
				delete f.explanation;
				delete f.plan;
				change(f);
			})
		);
		return { level: d.result.proposed_level, dossier: linesOf(blocksOf(TT12, d).dossier) };
	};
	const threats = (dossier: string[]) =>
		dossier.filter((l) => l.startsWith('Thuyết minh về các nguy cơ tấn công mạng'));
	it('the national e-government system running 24/7 (khoản 2): asked, with "chưa khai báo" for an answer', () => {
		const { level, dossier } = level4();
		expect(level).toBe(4);
		expect(
			dossier.filter((l) => l.startsWith('Thuyết minh yêu cầu cần phải vận hành 24/7'))
		).toEqual([TITLE]);
		expect(dossier[dossier.indexOf(TITLE) + 1]).toBe('chưa khai báo');
	});
	it('only a component under khoản 3 (the national shared axis, 24/7): asked for the system too', () => {
		const { level, dossier } = level4((f) => {
			(f.facts as Raw).national_egov_system = false;
		});
		expect(level).toBe(4);
		expect(dossier).toContain(TITLE);
	});
	it('level 4 under khoản 1 only (serious harm to defence and security): the other level-4 points, not the 24/7 one', () => {
		const { level, dossier } = level4((f) => {
			Object.assign(f.facts as Raw, {
				national_egov_system: false,
				defense_security_system: true,
				defense_security_damage: 'serious'
			});
			delete f.components;
		});
		expect(level).toBe(4);
		expect(threats(dossier)).toHaveLength(1);
		expect(dossier.some((l) => l.includes('vận hành 24/7 và không chấp nhận'))).toBe(false);
	});
});

describe('Decree 85 level 5: no higher criterion is left to miss', () => {
	it('no "criteria of higher levels not met" line: the maximum rule, then the levels', () => {
		const f = edit(fixture('level4.yaml'), (f) => {
			(f.facts as Raw).national_critical_data_store = true;
		});
		const { dossier } = lines(TT03, f);
		const max = dossier.indexOf('Theo nguyên tắc trên, cấp độ của hệ thống thông tin là cấp độ 5.');
		expect(max).toBeGreaterThan(0);
		expect(dossier[max + 1]).toBe('Cấp độ xác định theo tiêu chí: Cấp độ 5');
		expect(dossier.some((l) => l.startsWith('Các tiêu chí cấp độ cao hơn'))).toBe(false);
	});
});

describe('the baseline requirements table (Decree 331 Điều 30, Circular 12/2022)', () => {
	const plan = (ruleset: ReturnType<typeof rs>) =>
		between(linesOf(blocksOf(TT03, fixture('level3.yaml'), { ruleset }).dossier), 'Phần 4.', '---');
	it('a rule set without baseline requirements: the plan is the Điều 19 table alone', () => {
		const p = plan(withData(TT03, (d) => ({ ...d, requirements: undefined })));
		expect(p[0]).toBe('Nội dung phương án bảo đảm an toàn hệ thống thông tin');
		// The header, then a) to g) of Điều 19 khoản 2, and nothing after them.
		expect(p.slice(2).map((l) => l.split(' | ')[1])).toEqual(
			['a', 'b', 'c', 'd', 'đ', 'e', 'g'].map((k) => `Điều 19 khoản 2 điểm ${k} ${ND85}`)
		);
	});
	it('requirements without a note: the heading, then the table', () => {
		const p = plan(
			withData(TT03, (d) => ({ ...d, requirements: { ...d.requirements!, note: undefined } }))
		);
		const at = p.indexOf('Đáp ứng yêu cầu cơ bản đối với cấp độ 3');
		expect(p[at + 1]).toBe('Yêu cầu | Căn cứ | Trạng thái');
	});
	it('a rule set without Điều 19 items: no empty table of them, the baseline first', () => {
		const p = plan(withData(TT03, (d) => ({ ...d, dossier: { ...d.dossier!, plan: [] } })));
		expect(p[0]).toBe('Đáp ứng yêu cầu cơ bản đối với cấp độ 3');
		expect(p).not.toContain('Nội dung phương án bảo đảm an toàn hệ thống thông tin');
	});
	const baseline = (dossier: string[], level: number) =>
		between(dossier, `Đáp ứng yêu cầu cơ bản đối với cấp độ ${level}`, 'Phần 5.');
	it('Decree 331 level 4: the groups for every level as rows, the design principles for levels 4–5, the hosting rules for levels 3–4, not level 5’s', () => {
		const b = baseline(lines(ND331, fixture('nd331-level4.yaml')).dossier, 4);
		expect(b[2]).toBe(
			`Thiết lập chính sách an ninh mạng | Điều 30 khoản 3 điểm a ${D331} | chưa khai báo`
		);
		const groups = b.filter((l) => l.startsWith('# '));
		expect(groups).toEqual([
			'# Nguyên tắc thiết kế phương án theo cấp độ',
			'# Hệ thống cấp độ 3, 4 thuê dịch vụ tại trung tâm dữ liệu hoặc điện toán đám mây'
		]);
		const principles = between(b, '# Nguyên tắc', '# Hệ thống cấp độ 3, 4');
		expect(principles.map((l) => l.split(' | ')[1])).toEqual([
			`Điều 30 khoản 5 điểm b ${D331}`,
			`Điều 30 khoản 7 ${D331}`
		]);
		expect(between(b, '# Hệ thống cấp độ 3, 4', '~')).toHaveLength(3);
	});
	it('Decree 331 level 2: the level 1–3 principle, no hosting rules', () => {
		const { dossier } = lines(ND331, fixture('nd331-level2.yaml'));
		const b = between(dossier, 'Đáp ứng yêu cầu cơ bản đối với cấp độ 2', '---');
		expect(b.filter((l) => l.startsWith('# '))).toEqual([
			'# Nguyên tắc thiết kế phương án theo cấp độ'
		]);
		expect(between(b, '# Nguyên tắc', '~').map((l) => l.split(' | ')[1])).toEqual([
			expect.stringMatching(/^Điều 30 khoản 5 điểm a /),
			`Điều 30 khoản 7 ${D331}`
		]);
	});
	it('Circular 12 level 4: each item with its TCVN 11930:2017 clause; in English the item’s English text', () => {
		const d = built(
			TT12,
			edit(fixture('level4.yaml'), (f) => {
				delete f.explanation;
				delete f.plan;
			})
		);
		const vi = linesOf(blocksOf(TT12, d).dossier);
		expect(vi).toContainEqual(
			expect.stringMatching(
				/^Chính sách an toàn thông tin \| .*Phụ lục IV.*; TCVN 11930:2017 8\.1\.1\.1 \| chưa khai báo$/
			)
		);
		const en = linesOf(blocksOf(TT12, d, { lang: 'en' }).dossier);
		expect(en).toContainEqual(
			expect.stringMatching(
				/^Information security policy \| .*; TCVN 11930:2017 8\.1\.1\.1 \| not provided$/
			)
		);
		// Level 4 only: no level-3 item of the same appendix structure.
		expect(vi.filter((l) => l.includes('TCVN 11930:2017 7.1.1.1'))).toEqual([]);
	});
});

// The dossier's block model in process (no CLI, no PDF): which letters, which parts, which
// citations, which enclosed documents and which parties, per regime and level. Expectations are
// written from the decrees (Nghị định 85/2016 Điều 12, 15, 16, 17, 19; Thông tư 03/2017 Điều 14;
// Nghị định 331/2026 Điều 18, 20–24, 29, Phụ lục Mẫu 01–03) and from the fixture's own inputs.
// These run in the same process as the code, so mutation testing (`MUTATE_PART=dossier`) can see
// them kill a mutant of model.ts or the templates; the CLI/PDF tests cannot.
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/lib/rules';
import { vnBodies } from '../../src/lib/server/bodies-file';
import { buildDossier, dossierBlocks } from '../../src/lib/dossier';
import { linesOf } from './blocks-text';
import {
	between,
	readPapers,
	built,
	D331,
	edit,
	fixture,
	input,
	ND331,
	ND85,
	rs,
	TT03,
	type Raw
} from './setup';

const papers = (ref: string, f: Raw, opts: { lang?: 'vi' | 'en'; copy?: 'draft' | 'final' } = {}) =>
	readPapers(ref, f, linesOf, opts);

describe('Decree 85 cover letter (Điều 12, 15)', () => {
	it('level 3: to the unit’s own specialized unit, to appraise; Điều 15 khoản 1–4 enclosed', () => {
		const { ids, letter } = papers(TT03, fixture('level3.yaml'));
		expect(ids).toEqual(['cover-letter']);
		const name = 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh';
		const unit = 'Sở Khoa học và Công nghệ tỉnh Gia Lai';
		expect(letter.slice(0, 7)).toEqual([
			'ỦY BAN NHÂN DÂN TỈNH GIA LAI',
			'SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH GIA LAI',
			'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
			'Số: ……/……',
			`V/v đề nghị thẩm định hồ sơ đề xuất cấp độ hệ thống thông tin “${name}”`,
			'Gia Lai, ngày …… tháng …… năm ……',
			'Kính gửi: Trung tâm Chuyển đổi số tỉnh Gia Lai'
		]);
		expect(letter).toContain(
			`Căn cứ Nghị định số 85/2016/NĐ-CP ngày 01/07/2016 của Chính phủ về bảo đảm an toàn hệ thống thông tin theo cấp độ;`
		);
		expect(
			letter.some((l) => l.startsWith('Căn cứ Thông tư số 03/2017/TT-BTTTT ngày 24/04/2017'))
		).toBe(true);
		expect(letter).toContain(
			`${unit} đề nghị Trung tâm Chuyển đổi số tỉnh Gia Lai thẩm định hồ sơ đề xuất cấp độ 3 đối với hệ thống thông tin sau:`
		);
		expect(letter).toContain(`Tên hệ thống thông tin: ${name}`);
		expect(letter).toContain('Chủ quản hệ thống thông tin: Ủy ban nhân dân tỉnh Gia Lai');
		expect(letter).toContain(
			'Đơn vị vận hành hệ thống thông tin: Trung tâm Chuyển đổi số tỉnh Gia Lai'
		);
		expect(letter).toContain('Cấp độ đề xuất: Cấp độ 3');
		expect(between(letter, 'Hồ sơ kèm theo:', unit)).toEqual([
			`1. Tài liệu mô tả, thuyết minh tổng quan về hệ thống thông tin (Điều 15 khoản 1 ${ND85})`,
			`2. Tài liệu thiết kế: thiết kế sơ bộ hoặc tài liệu có giá trị tương đương (Điều 15 khoản 2 ${ND85})`,
			`3. Tài liệu thuyết minh về việc đề xuất cấp độ (Điều 15 khoản 3 ${ND85})`,
			`4. Tài liệu thuyết minh phương án bảo đảm an toàn thông tin theo cấp độ (Điều 15 khoản 4 ${ND85})`
		]);
		expect(letter.slice(-6)).toEqual([
			`${unit} gửi kèm hồ sơ đề xuất cấp độ theo danh mục trên. Đề nghị quý cơ quan xem xét, thẩm định theo quy định.`,
			'Đầu mối liên hệ: Lê Minh Đức, Phó Giám đốc Trung tâm, 0269 3 700 800',
			'Nơi nhận: Như trên; Ủy ban nhân dân tỉnh Gia Lai; Lưu: VT.',
			'GIÁM ĐỐC',
			'(Ký, ghi rõ họ tên và đóng dấu)',
			'Phạm Quốc Hưng'
		]);
	});

	it('level 1: the specialized unit appraises and approves (khoản 1); numbered and dated', () => {
		const { letter } = papers(TT03, fixture('level1.yaml'));
		expect(letter).toContain('Số: 125/STC-CNTT');
		expect(letter).toContain('Gia Lai, ngày 20 tháng 11 năm 2026');
		expect(letter).toContain(
			'V/v đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ hệ thống thông tin “Hệ thống thư điện tử nội bộ”'
		);
		expect(letter).toContain('Kính gửi: Phòng Công nghệ thông tin, Sở Tài chính');
		expect(letter).toContain(
			'Sở Tài chính tỉnh Gia Lai đề nghị Phòng Công nghệ thông tin, Sở Tài chính thẩm định, phê duyệt hồ sơ đề xuất cấp độ 1 đối với hệ thống thông tin sau:'
		);
		expect(letter).toContain(
			'Sở Tài chính tỉnh Gia Lai gửi kèm hồ sơ đề xuất cấp độ theo danh mục trên. Đề nghị quý cơ quan xem xét, thẩm định, phê duyệt theo quy định.'
		);
		expect(letter).toContain(
			`2. Tài liệu thiết kế: thiết kế thi công đã được cấp có thẩm quyền phê duyệt hoặc tài liệu có giá trị tương đương (Điều 15 khoản 2 ${ND85})`
		);
		expect(letter).toContain(
			'Đầu mối liên hệ: Nguyễn Văn An, Trưởng phòng Công nghệ thông tin, 0269 3822 111, an.nv@stc.gialai.gov.vn'
		);
	});

	it('level 2: still appraised and approved by the specialized unit (Điều 12 khoản 1 covers levels 1 and 2)', () => {
		// Level 1's fixture with private information: Điều 8 khoản 1, level 2.
		const level2 = edit(
			fixture('level1.yaml'),
			(f) => ((f.facts as Raw).information = ['public', 'private'])
		);
		expect(built(TT03, level2).result.computed_level).toBe(2);
		const { letter } = papers(TT03, level2);
		expect(letter).toContain(
			'V/v đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ hệ thống thông tin “Hệ thống thư điện tử nội bộ”'
		);
		expect(letter).toContain(
			'Sở Tài chính tỉnh Gia Lai đề nghị Phòng Công nghệ thông tin, Sở Tài chính thẩm định, phê duyệt hồ sơ đề xuất cấp độ 2 đối với hệ thống thông tin sau:'
		);
		expect(letter).toContain(
			'Sở Tài chính tỉnh Gia Lai gửi kèm hồ sơ đề xuất cấp độ theo danh mục trên. Đề nghị quý cơ quan xem xét, thẩm định, phê duyệt theo quy định.'
		);
	});

	it('level 4: the specialist opinion of khoản 5 is enclosed too, and the letter goes past the unit', () => {
		const { letter } = papers(TT03, fixture('level4.yaml'));
		const items = letter.filter((l) => /^\d\. /.test(l));
		expect(items).toHaveLength(5);
		expect(items[4]).toMatch(/^5\. .*\(Điều 15 khoản 5 Nghị định 85\/2016\/NĐ-CP\)$/);
		// Levels 4–5 are not the unit's own specialized unit's to appraise (Điều 12 khoản 3, 4).
		expect(letter).not.toContain('Kính gửi: Cục Kiểm soát thủ tục hành chính');
		expect(letter.find((l) => l.startsWith('Kính gửi: '))).toMatch(/Bộ|Cục/);
		expect(letter).toContain('Nơi nhận: Như trên; Chính phủ; Lưu: VT.');
		expect(letter.slice(-3)).toEqual([
			'KT. BỘ TRƯỞNG, CHỦ NHIỆM',
			'(Ký, ghi rõ họ tên và đóng dấu)',
			'Đỗ Văn Thành'
		]);
	});

	it('without owner, operator, contact, governing body or signer: dots and "chưa khai báo", never blanks', () => {
		const f = edit(fixture('level3.yaml'), (f) => {
			delete f.owner;
			delete f.operator;
			const u = f.unit as Raw;
			delete u.governing_body;
			delete u.signer;
			u.contact = {};
		});
		const { letter, dossier } = papers(TT03, f);
		expect(letter[0]).toBe('SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH GIA LAI');
		expect(letter).toContain('Chủ quản hệ thống thông tin: chưa khai báo');
		expect(letter).toContain('Đơn vị vận hành hệ thống thông tin: chưa khai báo');
		expect(letter.some((l) => l.startsWith('Đầu mối liên hệ'))).toBe(false);
		expect(letter.slice(-4)).toEqual([
			'Nơi nhận: Như trên; Lưu: VT.',
			'THỦ TRƯỞNG ĐƠN VỊ',
			'(Ký, ghi rõ họ tên và đóng dấu)',
			'……………………'
		]);
		expect(between(dossier, 'Bước 1.', 'Bước 2.')).toContain(
			'Chủ quản hệ thống thông tin: chưa khai báo'
		);
	});

	it('the signature copy has no signing hint; an explicit addressee is kept as written', () => {
		const f = edit(fixture('level3.yaml'), (f) => {
			f.document = { addressee: 'Sở Khoa học và Công nghệ tỉnh Gia Lai' };
			(f.unit as Raw).signer = {
				name: 'Phạm Quốc Hưng',
				title: 'Phó Giám đốc',
				authority: 'KT. Giám đốc'
			};
		});
		const { letter } = papers(TT03, f, { copy: 'final' });
		expect(letter).toContain('Kính gửi: Sở Khoa học và Công nghệ tỉnh Gia Lai');
		expect(letter.slice(-3)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Phạm Quốc Hưng']);
	});
});

describe('Decree 85 dossier body', () => {
	it('level 3: parts by Điều 15, the Điều 7 steps, criteria quoted, components and the maximum rule', () => {
		const { dossier } = papers(TT03, fixture('level3.yaml'));
		expect(dossier.slice(0, 6)).toEqual([
			'HỒ SƠ ĐỀ XUẤT CẤP ĐỘ AN TOÀN HỆ THỐNG THÔNG TIN',
			'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh',
			'(Kèm theo văn bản số ……/…… của Sở Khoa học và Công nghệ tỉnh Gia Lai)',
			'Cấp độ xác định theo tiêu chí: Cấp độ 3',
			'Cấp độ đề xuất: Cấp độ 3',
			'Cấp độ được phê duyệt: chưa phê duyệt (dự thảo)'
		]);
		expect(dossier.filter((l) => l.startsWith('Phần '))).toEqual([
			`Phần 1. Tài liệu mô tả, thuyết minh tổng quan về hệ thống thông tin [Điều 15 khoản 1 ${ND85}]`,
			`Phần 2. Tài liệu thiết kế [Điều 15 khoản 2 ${ND85}]`,
			`Phần 3. Tài liệu thuyết minh về việc đề xuất cấp độ [Điều 15 khoản 3 ${ND85}]`,
			`Phần 4. Tài liệu thuyết minh phương án bảo đảm an toàn thông tin theo cấp độ [Điều 15 khoản 4 ${ND85}]`
		]);
		const part1 = between(dossier, 'Phần 1.', 'Phần 2.');
		expect(part1).toContain('Giai đoạn: Dự án đầu tư xây dựng mới hoặc mở rộng, nâng cấp');
		expect(part1.at(-1)).toMatch(/^Cổng dịch vụ công và hệ thống một cửa điện tử của tỉnh/);
		expect(between(dossier, 'Phần 2.', 'Phần 3.')).toEqual([
			'Giai đoạn: Dự án đầu tư xây dựng mới hoặc mở rộng, nâng cấp',
			'Tài liệu thiết kế phải có: Thiết kế sơ bộ hoặc tài liệu có giá trị tương đương',
			'Tài liệu kèm theo: chưa khai báo'
		]);
		const step1 = between(dossier, 'Bước 1.', 'Bước 2.');
		expect(step1).toContain('Loại hệ thống (chức năng): Phục vụ người dân, doanh nghiệp');
		expect(step1).toContain('Hệ thống thành phần: Cơ sở dữ liệu hồ sơ thủ tục hành chính');
		expect(between(dossier, 'Bước 2.', 'Bước 3.')).toEqual([
			`Loại thông tin được xử lý: Thông tin công cộng; Thông tin riêng; Thông tin cá nhân (Điều 6 khoản 1 ${ND85}).`
		]);
		const step3 = between(dossier, 'Bước 3.', 'Phần 4.');
		expect(step3[0]).toBe('Hệ thống đáp ứng các tiêu chí sau:');
		// Điều 9 khoản 2 điểm a (online public services at level 3 or above) and điểm c (10,000 users).
		const cites = step3.filter((l) => l.startsWith('“')).map((l) => /\[(.*)\]$/.exec(l)![1]);
		expect(cites).toEqual([
			`Điều 8 khoản 2 điểm b ${ND85} — cấp độ 2`,
			`Điều 9 khoản 2 điểm a ${ND85} — cấp độ 3`,
			`Điều 9 khoản 2 điểm c ${ND85} — cấp độ 3`,
			`Điều 8 khoản 3 ${ND85} — cấp độ 2`,
			`Điều 5 khoản 2 ${ND85}`
		]);
		expect(step3).toContain('Hệ thống thành phần | Cấp độ | Căn cứ');
		expect(step3).toContain(
			`Cơ sở dữ liệu hồ sơ thủ tục hành chính | Cấp độ 2 | Điều 8 khoản 3 ${ND85}`
		);
		expect(step3).toContain('Cơ sở dữ liệu hồ sơ thủ tục hành chính:');
		expect(step3).toContain('Theo nguyên tắc trên, cấp độ của hệ thống thông tin là cấp độ 3.');
		// Every level-4 and level-5 criterion (Điều 10 khoản 1–4, Điều 11 khoản 1–5), each once.
		const notMet = step3.find((l) =>
			l.startsWith('Các tiêu chí cấp độ cao hơn không được đáp ứng: ')
		)!;
		expect(notMet).toBe(
			'Các tiêu chí cấp độ cao hơn không được đáp ứng: ' +
				[
					...[1, 2, 3, 4].map((k) => `Điều 10 khoản ${k} ${ND85}`),
					...[1, 2, 3, 4, 5].map((k) => `Điều 11 khoản ${k} ${ND85}`)
				].join('; ') +
				'.'
		);
		const plan = between(
			dossier,
			'Nội dung phương án bảo đảm an toàn hệ thống thông tin',
			'Đáp ứng yêu cầu'
		);
		expect(plan.slice(1).map((l) => l.split(' | ')[1])).toEqual(
			['a', 'b', 'c', 'd', 'đ', 'e', 'g'].map((p) => `Điều 19 khoản 2 điểm ${p} ${ND85}`)
		);
		expect(plan.slice(1).every((l) => l.endsWith(' | chưa khai báo'))).toBe(true);
		expect(dossier).toContain('Đáp ứng yêu cầu cơ bản đối với cấp độ 3');
	});

	it('facts annex: every declared answer in words with its question, per system and component', () => {
		const { dossier } = papers(TT03, fixture('level3.yaml'));
		const annex = between(dossier, 'Dữ kiện đã khai báo', 'PHỤ LỤC.');
		expect(annex[0]).toBe('Câu hỏi | Trả lời | Căn cứ');
		expect(annex[1]).toBe('# Hệ thống thông tin giải quyết thủ tục hành chính tỉnh');
		expect(annex).toContain(
			`Hệ thống phục vụ hoạt động nghiệp vụ nào? | Phục vụ người dân, doanh nghiệp | Điều 6 khoản 2 ${ND85}`
		);
		// A number in Vietnamese notation, a boolean as Có/Không, a list joined by "; ".
		expect(annex.some((l) => l.includes(' | 25.000 | '))).toBe(true);
		// A number asked with radios is written as the option chosen, not the bare number.
		expect(annex).toContain(
			`Dịch vụ công trực tuyến của hệ thống đạt mức độ cao nhất nào? | Mức độ 4: nộp, thanh toán và nhận kết quả trực tuyến | Điều 8 khoản 2 điểm a ${ND85}`
		);
		expect(
			annex.some((l) => l.includes(' | Thông tin công cộng; Thông tin riêng; Thông tin cá nhân | '))
		).toBe(true);
		expect(
			annex.some((l) =>
				l.startsWith('Dịch vụ có thuộc ngành, nghề kinh doanh có điều kiện không? | Không |')
			)
		).toBe(true);
		expect(annex).toContain('# Cơ sở dữ liệu hồ sơ thủ tục hành chính');
		expect(annex).toContain(
			`Hạ tầng thông tin phục vụ trong phạm vi nào? | Phục vụ một cơ quan, tổ chức | Điều 9 khoản 3 ${ND85}`
		);
	});

	it('procedure annex at level 3: appraiser and approver (Điều 12 khoản 2), 15 days, 07 working days, 01 + 02 copies', () => {
		const { dossier } = papers(TT03, fixture('level3.yaml'));
		expect(between(dossier, 'PHỤ LỤC. THỦ TỤC THẨM ĐỊNH, PHÊ DUYỆT', '~')).toEqual([
			`Cơ quan thẩm định: Đơn vị chuyên trách về an toàn thông tin của chủ quản hệ thống thông tin (Điều 12 khoản 2 ${ND85})`,
			`Cấp phê duyệt: Chủ quản hệ thống thông tin (Điều 12 khoản 2 ${ND85})`,
			`Thời hạn thẩm định: tối đa 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (Điều 16 khoản 2 điểm a ${ND85})`,
			`Thời hạn phê duyệt: tối đa 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (Điều 17 khoản 2 ${ND85})`,
			'Nộp hồ sơ: 01 bản chính và 02 bản sao hợp lệ, gửi Đơn vị chuyên trách về an toàn thông tin (Điều 14 khoản 1 Thông tư 03/2017/TT-BTTTT)'
		]);
	});

	it('level 1 plan: statuses as declared (in place with its note, planned with its date, not applicable with its reason)', () => {
		const { dossier } = papers(TT03, fixture('level1.yaml'));
		expect(dossier).toContain(
			`a) Bảo đảm an toàn hệ thống thông tin trong khâu thiết kế, xây dựng | Điều 19 khoản 2 điểm a ${ND85} | đã triển khai: Thiết kế có phân vùng mạng và tường lửa.`
		);
		expect(
			dossier.some((l) => l.startsWith('b) ') && l.endsWith(' | kế hoạch, dự kiến 31/03/2027'))
		).toBe(true);
		expect(
			dossier.some(
				(l) =>
					l.startsWith('g) ') && l.endsWith(' | không áp dụng: Hệ thống chưa có kế hoạch thanh lý.')
			)
		).toBe(true);
		expect(dossier).toContain('Đáp ứng yêu cầu cơ bản đối với cấp độ 1');
		// Level 1: nothing fired above it is listed as "not met" for level 1 itself.
		const notMet = dossier.find((l) =>
			l.startsWith('Các tiêu chí cấp độ cao hơn không được đáp ứng: ')
		)!;
		expect(notMet).toContain(`Điều 8 khoản 1 ${ND85}`);
		expect(notMet).not.toContain(`Điều 7 khoản 1 ${ND85}`);
	});

	it('level 4: the Điều 15 khoản 5 specialist opinion and the level 4–5 explanation sections', () => {
		const { dossier } = papers(TT03, fixture('level4.yaml'));
		expect(
			dossier.filter((l) => l.startsWith('Phần ')).map((l) => /\[(.*)\]$/.exec(l)![1])
		).toEqual([1, 2, 3, 4, 5].map((k) => `Điều 15 khoản ${k} ${ND85}`));
		expect(dossier).toContain(
			'Nội dung thuyết minh bổ sung đối với hệ thống đề xuất cấp độ 4, cấp độ 5'
		);
		expect(dossier).toContain(
			'Văn bản chỉ đạo, điều hành được gửi liên tục, kể cả ngoài giờ hành chính; ngừng hệ thống làm chậm chỉ đạo của Chính phủ.'
		);
		expect(dossier).toContain(
			'Tài liệu kèm theo: Thiết kế thi công được phê duyệt năm 2024 (kèm theo).'
		);
		expect(dossier.at(dossier.indexOf('---') - 1)).toBe(
			'Đơn vị chuyên trách về an toàn thông tin thống nhất đề xuất cấp độ 4 và phương án bảo đảm an toàn thông tin kèm theo.'
		);
		expect(dossier).toContain(
			'Hệ thống thành phần: Trục liên thông văn bản; Cổng thông tin tra cứu văn bản'
		);
	});

	it('an undetermined system: the computed level says so, the proposal and its justification are shown, Điều 14 khoản 1 điểm a cited', () => {
		const f = edit(fixture('level1.yaml'), (f) => {
			(f.facts as Raw).function = 'other';
			f.proposal = { level: 2, justification: 'Hệ thống sẽ xử lý thông tin riêng từ năm 2027.' };
		});
		const b = buildDossier(rs(TT03), input(f));
		expect(b.ok).toBe(true);
		if (!b.ok) return;
		expect(b.dossier.result.computed_level).toBeNull();
		expect(b.dossier.result.proposed_level).toBe(2);
		const lines = linesOf(dossierBlocks(b.dossier, rs(TT03), 'vi').dossier);
		expect(lines).toContain('Cấp độ xác định theo tiêu chí: không xác định được theo tiêu chí');
		expect(lines).toContain('Cấp độ đề xuất: Cấp độ 2');
		expect(lines).toContain('Không tiêu chí nào khớp với hệ thống.');
		expect(lines.some((l) => l.endsWith(`(Điều 14 khoản 1 điểm a ${ND85}).`))).toBe(true);
		expect(lines).toContain(
			'Thuyết minh đề xuất của chủ quản hệ thống thông tin: Hệ thống sẽ xử lý thông tin riêng từ năm 2027.'
		);
	});

	it('approved: the approved-level row says so', () => {
		const d = built(TT03, fixture('level1.yaml'), { approved: true });
		expect(d.approved).toBe(true);
		expect(linesOf(dossierBlocks(d, rs(TT03), 'vi').dossier)).toContain(
			'Cấp độ được phê duyệt: đã phê duyệt'
		);
	});

	it('in English: English frame and citations, the decree’s words quoted in Vietnamese', () => {
		const { letter, dossier } = papers(TT03, fixture('level3.yaml'), { lang: 'en' });
		expect(letter).toContain('To: Trung tâm Chuyển đổi số tỉnh Gia Lai');
		expect(letter.find((l) => l.startsWith('Re: '))).toBe(
			'Re: request to appraise the level-proposal dossier of the information system “Hệ thống thông tin giải quyết thủ tục hành chính tỉnh”'
		);
		expect(dossier[0]).toBe('INFORMATION SYSTEM SECURITY LEVEL PROPOSAL DOSSIER');
		expect(dossier.some((l) => l.startsWith('Part 3. ') && l.includes('Article 15'))).toBe(true);
		expect(
			dossier.some(
				(l) =>
					l.startsWith('“Hệ thống thông tin phục vụ người dân, doanh nghiệp') &&
					l.includes('— level 3]')
			)
		).toBe(true);
		expect(dossier).toContain('Under this rule, the level of the information system is level 3.');
	});
});

describe('Decree 331 letters: Mẫu 01–03 by level (Điều 18, 20 khoản 1)', () => {
	it('level 2: Mẫu 01 only, to the specialized unit, appraise and approve; four enclosed documents', () => {
		const { ids, letter } = papers(ND331, fixture('nd331-level2.yaml'));
		expect(ids).toEqual(['mau-01']);
		expect(letter[0]).toBe('Mẫu số 01: Văn bản đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ');
		expect(letter).toContain('V/v đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ');
		expect(letter).toContain('Kính gửi: Phòng Quản lý công nghệ và An ninh mạng.');
		const unit = 'Trung tâm Thông tin và Thống kê khoa học và công nghệ';
		expect(letter).toContain(
			`${unit} đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ với các nội dung sau:`
		);
		expect(between(letter, 'Phần 1. Thông tin chung', 'Phần 2.')).toEqual([
			'1. Tên hệ thống thông tin: Cổng đăng ký sự kiện khoa học trực tuyến',
			`2. Đơn vị vận hành hệ thống thông tin: ${unit}`,
			'3. Địa chỉ: 15 Trần Hưng Đạo, phường Pleiku, tỉnh Gia Lai',
			'4. Cấp độ hệ thống thông tin đề xuất: Cấp độ 2'
		]);
		expect(between(letter, 'Phần 2. Hồ sơ kèm theo', unit)).toEqual([
			'1. Tài liệu mô tả, thuyết minh tổng quan về hệ thống thông tin.',
			'2. Tài liệu thiết kế thi công đã được cấp có thẩm quyền phê duyệt hoặc tài liệu có giá trị tương đương.',
			'3. Tài liệu thuyết minh về việc đề xuất cấp độ căn cứ trên các tiêu chí theo quy định của pháp luật.',
			'4. Tài liệu thuyết minh phương án bảo đảm an ninh mạng theo cấp độ tương ứng.'
		]);
		expect(letter).toContain(
			`${unit} đề nghị Phòng Quản lý công nghệ và An ninh mạng thẩm định và phê duyệt hồ sơ đề xuất cấp độ của hệ thống thông tin “Cổng đăng ký sự kiện khoa học trực tuyến”.`
		);
		// The Law comes first, then the decree that guides it.
		const pursuant = letter.filter((l) => l.startsWith('Căn cứ '));
		expect(pursuant[0]).toBe('Căn cứ Luật An ninh mạng số 116/2025/QH15;');
		expect(pursuant[1]).toMatch(
			/^Căn cứ Nghị định số 331\/2026\/NĐ-CP ngày 19\/08\/2026 của Chính phủ/
		);
		expect(letter.slice(-3)).toEqual([
			'GIÁM ĐỐC',
			'(Ký, ghi rõ họ tên, chức danh và đóng dấu)',
			'Nguyễn Văn Bình'
		]);
	});

	it('level 3: Mẫu 02 to the specialized unit, a new project encloses its preliminary design', () => {
		const { ids, letter } = papers(ND331, fixture('nd331-level3.yaml'));
		expect(ids).toEqual(['mau-02']);
		expect(letter).toContain('Số: 215/SKHCN-CĐS');
		expect(letter).toContain('Kính gửi: Trung tâm Chuyển đổi số tỉnh Gia Lai.');
		expect(letter).toContain('V/v đề nghị thẩm định hồ sơ đề xuất cấp độ');
		expect(letter).toContain('2. Tài liệu thiết kế sơ bộ hoặc tài liệu có giá trị tương đương.');
		expect(between(letter, 'Phần 2. Hồ sơ kèm theo', 'Sở Khoa học')).toEqual([
			'1. Tài liệu mô tả, thuyết minh tổng quan về hệ thống thông tin.',
			'2. Tài liệu thiết kế sơ bộ hoặc tài liệu có giá trị tương đương.',
			'3. Tài liệu thuyết minh về việc đề xuất cấp độ căn cứ trên các tiêu chí theo quy định của pháp luật.',
			'4. Tài liệu thuyết minh phương án bảo đảm an ninh mạng theo cấp độ tương ứng.',
			'5. Ý kiến về mặt chuyên môn của đơn vị chuyên trách về an ninh mạng của chủ quản hệ thống thông tin (đối với hệ thống thông tin đề xuất cấp độ 4 hoặc cấp độ 5).'
		]);
		expect(letter).toContain(
			'Sở Khoa học và Công nghệ tỉnh Gia Lai đề nghị Trung tâm Chuyển đổi số tỉnh Gia Lai cho ý kiến thẩm định hồ sơ đề xuất cấp độ hệ thống thông tin đối với “Hệ thống thông tin giải quyết thủ tục hành chính tỉnh”.'
		);
		expect(letter.find((l) => l.startsWith('2. Đơn vị vận hành'))).toBe(
			'2. Đơn vị vận hành hệ thống thông tin: Trung tâm Chuyển đổi số tỉnh Gia Lai'
		);
		expect(letter).toContain('3. Địa chỉ: ……………………');
	});

	it('level 4: Mẫu 03 to the unit’s specialized unit first (undated), then Mẫu 02 to the Ministry of Public Security', () => {
		const { ids, letters } = papers(ND331, fixture('nd331-level4.yaml'));
		expect(ids).toEqual(['mau-03', 'mau-02']);
		const [m03, m02] = letters as [string[], string[]];
		const su = 'Cục Chuyển đổi số và An ninh mạng, Văn phòng Chính phủ';
		expect(m03[0]).toBe('Mẫu số 03: Văn bản xin ý kiến chuyên môn về hồ sơ đề xuất cấp độ');
		expect(m03).toContain(`Kính gửi: ${su}.`);
		expect(m03).toContain('V/v cho ý kiến chuyên môn về hồ sơ đề xuất cấp độ');
		expect(m03).toContain(
			`Văn phòng Chính phủ đề nghị ${su} cho ý kiến chuyên môn về hồ sơ đề xuất cấp độ với các nội dung sau:`
		);
		expect(m03.filter((l) => /^\d\. Tài liệu|^\d\. Ý kiến/.test(l))).toHaveLength(4);
		expect(m03).toContain(
			`Văn phòng Chính phủ đề nghị ${su} cho ý kiến về sự phù hợp của đề xuất cấp độ và phương án bảo đảm an ninh mạng hệ thống thông tin theo cấp độ của hệ thống thông tin “Hệ thống quản lý văn bản và điều hành quốc gia”.`
		);
		expect(m03.at(-1)).toBe(
			`Gửi trước văn bản đề nghị thẩm định, để xin ý kiến chuyên môn (Điều 20 khoản 1 điểm d ${D331}).`
		);
		expect(m02).toContain('Kính gửi: Bộ Công an.');
		expect(m02).toContain(
			'Văn phòng Chính phủ đề nghị Bộ Công an cho ý kiến thẩm định hồ sơ đề xuất cấp độ hệ thống thông tin đối với “Hệ thống quản lý văn bản và điều hành quốc gia”.'
		);
		expect(m02.filter((l) => /^\d\. Tài liệu|^\d\. Ý kiến/.test(l))).toHaveLength(5);
		expect(m02.at(-1)).toBe('Đỗ Văn Thành');
	});

	it('the main letter keeps its number and date; Mẫu 03 is numbered at signing; the signature copy drops captions and the "sent first" note', () => {
		const f = edit(fixture('nd331-level4.yaml'), (f) => {
			f.document = { number: '88/VPCP-CĐS', date: '2026-10-05' };
		});
		const draft = papers(ND331, f);
		expect(draft.letters[0]).toContain('Số: ……/……');
		expect(draft.letters[0]).toContain('Hà Nội, ngày …… tháng …… năm ……');
		expect(draft.letters[1]).toContain('Số: 88/VPCP-CĐS');
		expect(draft.letters[1]).toContain('Hà Nội, ngày 05 tháng 10 năm 2026');
		const final = papers(ND331, f, { copy: 'final' });
		expect(final.letters[0]![0]).toBe('CHÍNH PHỦ');
		expect(final.letters[0]!.some((l) => l.startsWith('Gửi trước'))).toBe(false);
		expect(final.letters[1]!.some((l) => l.startsWith('Mẫu số'))).toBe(false);
		expect(final.letters[1]!.slice(-2)).toEqual(['KT. BỘ TRƯỞNG, CHỦ NHIỆM', 'Đỗ Văn Thành']);
	});

	it('in English: the forms’ English wording, the Ministry first named', () => {
		const { letters } = papers(ND331, fixture('nd331-level4.yaml'), { lang: 'en' });
		expect(letters[0]).toContain(
			'Re: request for a professional opinion on the level-proposal dossier'
		);
		expect(letters[1]).toContain('Re: request for appraisal of the level-proposal dossier');
		expect(letters[1]).toContain('Part 2. Enclosed documents');
		expect(letters[1]!.find((l) => l.startsWith('Pursuant to Law'))).toBe(
			'Pursuant to Law No. 116/2025/QH15 (“An ninh mạng”);'
		);
	});
});

describe('Decree 331 dossier (Điều 21, 22, 29)', () => {
	it('level 4: the national-security row, parties from the profile, the level list and the Điều 22 khoản 5 sections', () => {
		const { dossier } = papers(ND331, fixture('nd331-level4.yaml'));
		expect(dossier[0]).toBe('HỒ SƠ ĐỀ XUẤT CẤP ĐỘ HỆ THỐNG THÔNG TIN');
		expect(dossier).toContain(
			'Hệ thống thông tin quan trọng về an ninh quốc gia: không đáp ứng tiêu chí nào'
		);
		expect(
			dossier.filter((l) => l.startsWith('Phần ')).map((l) => /\[(.*)\]$/.exec(l)![1])
		).toEqual([1, 2, 3, 4, 5].map((k) => `Điều 21 khoản ${k} ${D331}`));
		const part1 = between(dossier, 'Phần 1.', 'Phần 2.');
		expect(part1).toContain('Tên chủ quản: Văn phòng Chính phủ');
		// The operator is not the unit: only its name, not the unit's signer or address.
		expect(part1).toContain('Tên đơn vị vận hành: Cục Kiểm soát thủ tục hành chính');
		expect(part1.some((l) => l.startsWith('Người đại diện, chức vụ'))).toBe(false);
		expect(part1.filter((l) => l === 'chưa khai báo')).toHaveLength(2); // khoản 3 điểm c, d unanswered
		const part3 = between(dossier, 'Phần 3.', 'Phần 4.');
		expect(part3).toContain(
			`Hệ thống quản lý văn bản và điều hành quốc gia | Cấp độ 4 | Điều 12 khoản 1 ${D331}; Điều 14 khoản 2 ${D331}`
		);
		expect(part3).toContain(`Trục liên thông văn bản | Cấp độ 4 | Điều 14 khoản 2 ${D331}`);
		expect(part3).toContain(`Cơ sở dữ liệu văn bản điện tử | Cấp độ 2 | Điều 12 khoản 1 ${D331}`);
		expect(part3).toContain('Loại hệ thống thông tin: Phục vụ hoạt động nội bộ');
		expect(part3).toContain(
			'Tấn công từ chối dịch vụ, mã độc tống tiền, chiếm quyền tài khoản quản trị.'
		);
		const khoan5 = part3.filter((l) => l.includes(`(Điều 22 khoản 5`));
		expect(khoan5.map((l) => /\((Điều 22 [^)]*)\)$/.exec(l)![1])).toEqual([
			`Điều 22 khoản 5 ${D331}`,
			...['a', 'b', 'c', 'd'].map((p) => `Điều 22 khoản 5 điểm ${p} ${D331}`)
		]);
		expect(part3.find((l) => l.startsWith('Các tiêu chí cấp độ cao hơn'))).toBe(
			'Các tiêu chí cấp độ cao hơn không được đáp ứng: ' +
				[1, 2, 3, 4, 5].map((k) => `Điều 15 khoản ${k} ${D331}`).join('; ') +
				'.'
		);
		const part4 = between(dossier, 'Phần 4.', 'Phần 5.');
		expect(part4[0]).toMatch(/\(Điều 22 khoản 6 Nghị định 331\/2026\/NĐ-CP\)$/);
		expect(part4).toContain(
			`c) Kiểm tra, đánh giá an ninh mạng | Điều 29 khoản 2 điểm c ${D331} | kế hoạch, dự kiến 30/06/2027: Thuê đơn vị độc lập đánh giá.`
		);
		expect(part4).toContain('Đáp ứng yêu cầu cơ bản đối với cấp độ 4');
		expect(between(dossier, 'Phần 5.', '---')).toEqual([
			'Đơn vị chuyên trách về an ninh mạng thống nhất đề xuất cấp độ 4 và phương án bảo đảm an ninh mạng kèm theo.'
		]);
	});

	it('level 4 annex: Bộ Công an appraises (Điều 18 khoản 3), the prior opinion, 25 working days, Mẫu 02 and 03 enclosed', () => {
		const { dossier } = papers(ND331, fixture('nd331-level4.yaml'));
		const annex = between(
			dossier,
			'PHỤ LỤC. THỦ TỤC THẨM ĐỊNH, PHÊ DUYỆT',
			'Biểu mẫu xác định cấp độ'
		);
		expect(annex[0]).toMatch(
			/^Cơ quan thẩm định: Bộ Công an.*\(Điều 18 khoản 3 Nghị định 331\/2026\/NĐ-CP\)$/
		);
		expect(annex[1]).toBe(`Cấp phê duyệt: Chủ quản hệ thống thông tin (Điều 18 khoản 3 ${D331})`);
		expect(annex[2]).toMatch(/^Ý kiến trước khi gửi thẩm định: .*\(Điều 20 khoản 1 điểm d\)$/);
		expect(annex[3]).toBe(
			`Thời hạn thẩm định: tối đa 25 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (Điều 23 khoản 3 điểm b ${D331})`
		);
		expect(annex[4]).toBe(
			`Thời hạn phê duyệt: tối đa 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (Điều 24 khoản 2 ${D331})`
		);
		const forms = between(
			dossier,
			'Biểu mẫu xác định cấp độ (Phụ lục Nghị định)',
			'Quy định chuyển tiếp'
		);
		const use = (n: string) => forms.find((l) => l.startsWith(`Mẫu số ${n}:`))!.split(' | ')[2]!;
		expect(use('01')).toMatch(/^Không dùng cho cấp độ đề xuất/);
		expect(use('02')).toMatch(/^Kèm theo hồ sơ này/);
		expect(use('03')).toMatch(/^Kèm theo hồ sơ này/);
		expect(use('04')).toMatch(/^Do cơ quan thẩm định ban hành/);
		expect(use('06')).toMatch(/^Do cấp phê duyệt ban hành/);
		expect(use('08')).toMatch(/^Báo cáo định kỳ, không thuộc hồ sơ đề xuất cấp độ/);
	});

	it('transition rules: an undated letter lists them all; one dated 1/3/2027 only those still running', () => {
		const all = papers(ND331, fixture('nd331-level4.yaml')).dossier;
		const rules = (lines: string[]) => lines.slice(lines.indexOf('Quy định chuyển tiếp') + 1);
		expect(rules(all).map((l) => /mốc (\S+)\)\.$/.exec(l)?.[1])).toEqual([
			'01/07/2027',
			'01/07/2027',
			'19/08/2026',
			'01/01/2027',
			'01/07/2027'
		]);
		const dated = papers(
			ND331,
			edit(fixture('nd331-level4.yaml'), (f) => void (f.document = { date: '2027-03-01' }))
		).dossier;
		expect(rules(dated).map((l) => /\((Điều [^;]*);/.exec(l)![1])).toEqual([
			'Điều 45 khoản 1 Luật 116/2025/QH15',
			'Điều 45 khoản 3 Luật 116/2025/QH15',
			`Điều 39 khoản 1 ${D331}`
		]);
		const late = papers(
			ND331,
			edit(fixture('nd331-level4.yaml'), (f) => void (f.document = { date: '2027-07-02' }))
		).dossier;
		expect(late.includes('Quy định chuyển tiếp')).toBe(false);
	});

	it('level 2 with the operator as the unit: representative, address and contact from the profile (Điều 22 khoản 3 điểm b)', () => {
		const { dossier } = papers(ND331, fixture('nd331-level2.yaml'));
		const part1 = between(dossier, 'Phần 1.', 'Phần 2.');
		expect(part1).toContain('Tên chủ quản: Sở Khoa học và Công nghệ tỉnh Gia Lai');
		expect(part1).toContain(
			'Tên đơn vị vận hành: Trung tâm Thông tin và Thống kê khoa học và công nghệ'
		);
		expect(part1).toContain('Người đại diện, chức vụ: Nguyễn Văn Bình, Giám đốc');
		expect(part1).toContain('Địa chỉ: 15 Trần Hưng Đạo, phường Pleiku, tỉnh Gia Lai');
		expect(part1).toContain('Thông tin liên hệ: Trần Thị Hoa, Viên chức, hoa.tt@gialai.gov.vn');
		// Levels 1–2: appraised and approved by the specialized unit (Điều 18 khoản 1), no prior opinion.
		const annex = between(dossier, 'PHỤ LỤC.', 'Biểu mẫu');
		expect(annex[0]).toMatch(/\(Điều 18 khoản 1 Nghị định 331\/2026\/NĐ-CP\)$/);
		expect(annex.some((l) => l.startsWith('Ý kiến trước khi gửi thẩm định'))).toBe(false);
		expect(dossier.filter((l) => l.startsWith('Phần ')).length).toBe(4);
	});

	it('a designated system (Điều 16): "Có" with its citation, the list request in Mẫu 02 and the designation note', () => {
		const f = edit(fixture('nd331-level4.yaml'), (f) => {
			(f.facts as Raw).national_security_command_system = true;
		});
		const d = built(ND331, f);
		expect(d.result.designations.map((x) => x.citation)).toEqual([`Điều 16 khoản 1 ${D331}`]);
		const b = dossierBlocks(d, rs(ND331), 'vi');
		const m02 = linesOf(b.letters.at(-1)!.blocks);
		expect(m02.find((l) => l.startsWith('Văn phòng Chính phủ đề nghị Bộ Công an'))).toBe(
			'Văn phòng Chính phủ đề nghị Bộ Công an cho ý kiến thẩm định hồ sơ đề xuất cấp độ hệ thống thông tin đối với “Hệ thống quản lý văn bản và điều hành quốc gia”; đồng thời đề nghị đưa hệ thống vào Danh mục hệ thống thông tin quan trọng về an ninh quốc gia.'
		);
		const lines = linesOf(b.dossier);
		expect(lines).toContain(
			`Hệ thống thông tin quan trọng về an ninh quốc gia: Có (Điều 16 khoản 1 ${D331})`
		);
		expect(
			lines.some((l) =>
				l.startsWith(`Hệ thống quan trọng về an ninh quốc gia (Điều 16 khoản 1 ${D331}): `)
			)
		).toBe(true);
		expect(lines.some((l) => l.startsWith('“') && l.includes(`[Điều 16 khoản 1 ${D331} — `))).toBe(
			true
		);
	});

	it('a form the source lacks: a notice instead of a drafted letter, and "not in the source" in the annex', () => {
		const base = rs(ND331);
		const forms = base.data.dossier!.forms!.map((f) =>
			f.id === 'mau-02' ? { ...f, available: false } : f
		);
		const broken = {
			...base,
			data: { ...base.data, dossier: { ...base.data.dossier!, forms } }
		} as RuleSet;
		const d = built(ND331, fixture('nd331-level3.yaml'));
		const b = dossierBlocks(d, broken, 'vi');
		expect(linesOf(b.letters[0]!.blocks)).toEqual([
			'THIẾU BIỂU MẪU TRONG NGUỒN VĂN BẢN: Nguồn văn bản của bộ quy tắc không có (hoặc có bản lỗi) nội dung “Mẫu số 02: Văn bản đề nghị thẩm định hồ sơ đề xuất cấp độ”; capdo không tự soạn văn bản này. Lập văn bản theo bản Công báo.'
		]);
		const row = linesOf(b.dossier).find((l) => l.startsWith('Mẫu số 02:'))!;
		expect(row).toContain('Kèm theo hồ sơ này (văn bản mẫu không có trong nguồn)');
	});
});

describe('letters across the 2025 reorganisation (bodies/vn.yaml), Circular 12 level 4', () => {
	const MIC = 'Bộ Thông tin và Truyền thông (Cục An toàn thông tin)';
	const MPS = 'Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)';
	const TT12 = 'vn-nd85@tt12-2022';
	const dated = (date: string) =>
		built(
			TT12,
			edit(fixture('level4.yaml'), (f) => {
				delete f.explanation;
				delete f.plan;
				f.document = { date };
			})
		);
	const letter = (date: string, lang: 'vi' | 'en' = 'vi', copy: 'draft' | 'final' = 'draft') =>
		linesOf(dossierBlocks(dated(date), rs(TT12), lang, copy, vnBodies()).letters[0]!.blocks);
	it('before 1/3/2025 to the Authority of Information Security, no note', () => {
		const l = letter('2025-02-28');
		expect(l).toContain(`Kính gửi: ${MIC}`);
		expect(l.some((x) => x.startsWith('CƠ QUAN NHẬN ĐÃ THAY ĐỔI'))).toBe(false);
	});
	it('from 1/3/2025 to the Ministry of Public Security, with the drafter’s note on the draft only', () => {
		const l = letter('2025-03-01');
		expect(l).toContain(`Kính gửi: ${MPS}`);
		const note = l.find((x) =>
			x.startsWith('CƠ QUAN NHẬN ĐÃ THAY ĐỔI (CHỈ IN TRÊN BẢN DỰ THẢO): ')
		)!;
		expect(note).toContain(`Văn bản đề ngày 01/03/2025: gửi ${MPS} thay cho ${MIC}.`);
		expect(note).toContain('(thứ cấp)');
		expect(note).toMatch(/Kiểm tra lại trước khi ký\.$/);
		const en = letter('2025-03-01', 'en').find((x) =>
			x.startsWith('ADDRESSEE HAS CHANGED (DRAFT ONLY): ')
		)!;
		expect(en).toContain(
			'Letter dated 01/03/2025: addressed to Ministry of Public Security (Department of Cybersecurity and High-Tech Crime Prevention) instead of Ministry of Information and Communications (Authority of Information Security).'
		);
		expect(en).toContain('(secondary)');
		expect(en).toMatch(/Check before signing\.$/);
		const final = letter('2025-03-01', 'vi', 'final');
		expect(final).toContain(`Kính gửi: ${MPS}`);
		expect(final.some((x) => x.startsWith('CƠ QUAN NHẬN'))).toBe(false);
	});
	// The note in full: the reason of every rename, then every source once, each with its trust.
	const source = (id: string, trust: string) => `${vnBodies().sources.get(id)!.title} (${trust})`;
	it('the note in full: the handover’s reason and its three sources, separated by "; "', () => {
		const note = letter('2025-03-01').find((x) => x.startsWith('CƠ QUAN NHẬN ĐÃ THAY ĐỔI'))!;
		expect(note).toBe(
			`CƠ QUAN NHẬN ĐÃ THAY ĐỔI (CHỈ IN TRÊN BẢN DỰ THẢO): Văn bản đề ngày 01/03/2025: gửi ${MPS} thay cho ${MIC}. ` +
				'Chức năng quản lý nhà nước về an toàn thông tin mạng của Bộ Thông tin và Truyền thông chuyển sang Bộ Công an từ 01/3/2025 (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao triển khai); không tìm thấy văn bản sửa đổi thẩm quyền thẩm định của Nghị định 85/2016/NĐ-CP — cách đọc của capdo. ' +
				`Nguồn: ${source('bca-handover-2025', 'thứ cấp')}; ${source('nd02-2025', 'thứ cấp')}; ${source('nd55-2025', 'cổng thông tin')}. ` +
				'Kiểm tra lại trước khi ký.'
		);
	});
	it('two renames (a Sở TT&TT of Bình Định on 1/7/2025): both reasons in order, then the sources of both', () => {
		const d = built(
			TT12,
			edit(fixture('level3.yaml'), (f) => {
				delete f.explanation;
				delete f.plan;
				f.document = { date: '2025-07-01' };
				(f.unit as Raw).security_unit = 'Sở Thông tin và Truyền thông tỉnh Bình Định';
			})
		);
		const note = linesOf(
			dossierBlocks(d, rs(TT12), 'vi', 'draft', vnBodies()).letters[0]!.blocks
		).find((x) => x.startsWith('CƠ QUAN NHẬN ĐÃ THAY ĐỔI'))!;
		expect(note).toBe(
			'CƠ QUAN NHẬN ĐÃ THAY ĐỔI (CHỈ IN TRÊN BẢN DỰ THẢO): Văn bản đề ngày 01/07/2025: gửi Sở Khoa học và Công nghệ tỉnh Gia Lai thay cho Sở Thông tin và Truyền thông tỉnh Bình Định. ' +
				'Sở Thông tin và Truyền thông hợp nhất vào Sở Khoa học và Công nghệ của tỉnh, thành phố, hoạt động từ 01/3/2025. ' +
				// A sentence of its own: a capital letter, the date as the note writes dates.
				'Tỉnh Bình Định hợp nhất vào tỉnh Gia Lai từ 01/07/2025. ' +
				`Nguồn: ${source('ictvietnam-2025-03-10', 'thứ cấp')}; ${source('nq202-2025', 'thứ cấp')}; ${source('nq60-tw-2025', 'thứ cấp')}. ` +
				'Kiểm tra lại trước khi ký.'
		);
		const en = linesOf(
			dossierBlocks(d, rs(TT12), 'en', 'draft', vnBodies()).letters[0]!.blocks
		).find((x) => x.startsWith('ADDRESSEE HAS CHANGED'))!;
		expect(en).toContain(
			'Letter dated 01/07/2025: addressed to Sở Khoa học và Công nghệ tỉnh Gia Lai instead of Sở Thông tin và Truyền thông tỉnh Bình Định. ' +
				"Each province's Department of Information and Communications merged into its Department of Science and Technology, working from 1 March 2025. " +
				'Tỉnh Bình Định merged into tỉnh Gia Lai from 01/07/2025. Sources: '
		);
	});
});

describe('the design section without a stage: the rule set’s help says what to enclose', () => {
	it('Decree 85 level 1', () => {
		const f = edit(fixture('level1.yaml'), (f) => delete f.stage);
		const help = rs(TT03).data.dossier!.contents.find((s) => s.id === 'design')!.help!;
		const part2 = between(papers(TT03, f).dossier, 'Phần 2.', 'Phần 3.');
		expect(part2).toEqual([
			help.vi,
			'Tài liệu kèm theo: Hồ sơ thiết kế thi công phê duyệt tại Quyết định số 45/QĐ-STC ngày 12/3/2021.'
		]);
		expect(help.vi).toMatch(/thiết kế/i);
	});
});

describe('English and edge wording', () => {
	it('Decree 331 level 2 in English: Mẫu 01 and the operating unit’s details from the profile', () => {
		const { letter, dossier } = papers(ND331, fixture('nd331-level2.yaml'), { lang: 'en' });
		const unit = 'Trung tâm Thông tin và Thống kê khoa học và công nghệ';
		expect(letter).toContain(
			`${unit} requests the appraisal and approval of the level-proposal dossier as follows:`
		);
		expect(letter).toContain(
			`${unit} requests Phòng Quản lý công nghệ và An ninh mạng to appraise and approve the level-proposal dossier of the information system “Cổng đăng ký sự kiện khoa học trực tuyến”.`
		);
		expect(dossier).toContain('Representative and title: Nguyễn Văn Bình, Giám đốc');
		expect(dossier).toContain('Address: 15 Trần Hưng Đạo, phường Pleiku, tỉnh Gia Lai');
		expect(dossier).toContain('Contact: Trần Thị Hoa, Viên chức, hoa.tt@gialai.gov.vn');
		expect(dossier).toContain('Owner: Sở Khoa học và Công nghệ tỉnh Gia Lai');
	});
	it('Decree 331 level 3 new project in English: the preliminary design item', () => {
		const { letter } = papers(ND331, fixture('nd331-level3.yaml'), { lang: 'en' });
		expect(letter).toContain('2. Preliminary design or an equivalent document.');
	});
	it('a designated system in English asks for the list too', () => {
		const f = edit(fixture('nd331-level4.yaml'), (f) => {
			(f.facts as Raw).national_security_command_system = true;
		});
		const { letter } = papers(ND331, f, { lang: 'en' });
		expect(
			letter.filter((l) =>
				l.endsWith(
					', and requests that the system be put on the list of information systems important to national security.'
				)
			)
		).toHaveLength(1);
	});
	it('no specialist opinion yet at level 4: said so in each regime’s words', () => {
		const nd85 = papers(
			TT03,
			edit(fixture('level4.yaml'), (f) => delete f.specialist_opinion)
		);
		expect(nd85.dossier.at(nd85.dossier.indexOf('---') - 1)).toBe(
			'Chưa có ý kiến của đơn vị chuyên trách về an toàn thông tin.'
		);
		const nd331 = papers(
			ND331,
			edit(fixture('nd331-level4.yaml'), (f) => delete f.specialist_opinion)
		);
		expect(nd331.dossier.at(nd331.dossier.indexOf('---') - 1)).toBe(
			'Chưa có ý kiến chuyên môn của đơn vị chuyên trách về an ninh mạng.'
		);
	});
	it('a component no criterion matches shows a dash for its basis', () => {
		const f = edit(fixture('level3.yaml'), (f) => {
			const c = (f.components as Raw[])[0]!;
			(c.facts as Raw).function = 'other';
		});
		const { dossier } = papers(TT03, f);
		expect(dossier).toContain(
			'Cơ sở dữ liệu hồ sơ thủ tục hành chính | không xác định được theo tiêu chí | —'
		);
	});
	it('a form missing from the source, in English', () => {
		const base = rs(ND331);
		const forms = base.data.dossier!.forms!.map((f) =>
			f.id === 'mau-01' ? { ...f, available: false } : f
		);
		const broken = {
			...base,
			data: { ...base.data, dossier: { ...base.data.dossier!, forms } }
		} as RuleSet;
		const b = dossierBlocks(built(ND331, fixture('nd331-level2.yaml')), broken, 'en');
		expect(linesOf(b.letters[0]!.blocks)[0]).toMatch(
			/^FORM MISSING FROM THE LEGAL SOURCE: The rule set's legal source lacks \(or has a damaged copy of\) “.*”; capdo does not draft it\. Use the Official Gazette text\.$/
		);
	});
});

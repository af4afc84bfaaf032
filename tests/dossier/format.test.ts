// What the papers must look like, not only what they say: the Decree 30/2020/NĐ-CP Phụ lục I
// presentation the templates control (the writers set the letterhead, title and headings): the
// grounds ("Căn cứ …") in italics, body paragraphs with their first line indented, the part
// headings of the Decree 331 forms in bold; and capdo's own conventions that keep the owner's words
// apart from the tool's: a label in bold before its value, a citation in italics after it, and
// "chưa khai báo" (nothing declared) in italics so that it never reads as the owner's answer.
// Read with blocks-style.ts: **bold**, _italic_, ⇥ first-line indent, [right], {10pt}.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/lib/paper/blocks';
import { styledLinesOf } from './blocks-style';
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
	TT03,
	TT12,
	withData,
	type Raw
} from './setup';

const styled = (ref: string, f: Raw, opts: { lang?: 'vi' | 'en'; copy?: 'draft' | 'final' } = {}) =>
	readPapers(ref, f, styledLinesOf, opts);

describe('letters (Decree 30/2020 Phụ lục I)', () => {
	it('Decree 85: each ground in italics, indented; the request indented in upright type', () => {
		const { letter } = styled(TT03, fixture('level3.yaml'));
		expect(letter.filter((l) => l.includes('Căn cứ'))).toEqual([
			`⇥_Căn cứ Nghị định số 85/2016/NĐ-CP ngày 01/07/2016 của Chính phủ về bảo đảm an toàn hệ thống thông tin theo cấp độ;_`,
			expect.stringMatching(/^⇥_Căn cứ Thông tư số 03\/2017\/TT-BTTTT ngày 24\/04\/2017 .*;_$/)
		]);
		expect(letter).toContain(
			'⇥Sở Khoa học và Công nghệ tỉnh Gia Lai đề nghị Trung tâm Chuyển đổi số tỉnh Gia Lai thẩm định hồ sơ đề xuất cấp độ 3 đối với hệ thống thông tin sau:'
		);
		// The enclosures: the label bold and indented, each document upright with its Điều 15
		// citation in italics; the closing request and the contact indented like the body.
		const from = letter.indexOf('⇥**Hồ sơ kèm theo:**');
		expect(from).toBeGreaterThan(0);
		expect(letter.slice(from + 1, from + 7)).toEqual([
			`1. Tài liệu mô tả, thuyết minh tổng quan về hệ thống thông tin _(Điều 15 khoản 1 ${ND85})_`,
			`2. Tài liệu thiết kế: thiết kế sơ bộ hoặc tài liệu có giá trị tương đương _(Điều 15 khoản 2 ${ND85})_`,
			`3. Tài liệu thuyết minh về việc đề xuất cấp độ _(Điều 15 khoản 3 ${ND85})_`,
			`4. Tài liệu thuyết minh phương án bảo đảm an toàn thông tin theo cấp độ _(Điều 15 khoản 4 ${ND85})_`,
			'⇥Sở Khoa học và Công nghệ tỉnh Gia Lai gửi kèm hồ sơ đề xuất cấp độ theo danh mục trên. Đề nghị quý cơ quan xem xét, thẩm định theo quy định.',
			'⇥Đầu mối liên hệ: Lê Minh Đức, Phó Giám đốc Trung tâm, 0269 3 700 800'
		]);
	});

	it('Decree 85 in English: "Pursuant to Decree 85/2016/NĐ-CP", no Vietnamese "số", in italics', () => {
		const { letter } = styled(TT03, fixture('level3.yaml'), { lang: 'en' });
		expect(letter.filter((l) => l.includes('Pursuant to'))[0]).toBe(
			'⇥_Pursuant to Decree 85/2016/NĐ-CP of 01/07/2016 issued by Chính phủ (“Về bảo đảm an toàn hệ thống thông tin theo cấp độ”);_'
		);
	});

	it('Decree 331 Mẫu 02: the Law, then the decree, in italics; Phần 1 and Phần 2 in bold; the caption right-aligned, small, italic', () => {
		const { letter } = styled(ND331, fixture('nd331-level3.yaml'));
		expect(letter[0]).toBe(
			'[right]{10pt}_Mẫu số 02: Văn bản đề nghị thẩm định hồ sơ đề xuất cấp độ_'
		);
		expect(letter.filter((l) => l.includes('Căn cứ'))).toEqual([
			'⇥_Căn cứ Luật An ninh mạng số 116/2025/QH15;_',
			'⇥_Căn cứ Nghị định số 331/2026/NĐ-CP ngày 19/08/2026 của Chính phủ về bảo vệ an ninh mạng đối với hệ thống thông tin;_'
		]);
		expect(letter.filter((l) => l.includes('Phần '))).toEqual([
			'⇥**Phần 1. Thông tin chung**',
			'⇥**Phần 2. Hồ sơ kèm theo**'
		]);
		const unit = 'Sở Khoa học và Công nghệ tỉnh Gia Lai';
		expect(letter.filter((l) => l.includes(`${unit} đề nghị`))).toEqual([
			`⇥${unit} đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ với các nội dung sau:`,
			`⇥${unit} đề nghị Trung tâm Chuyển đổi số tỉnh Gia Lai cho ý kiến thẩm định hồ sơ đề xuất cấp độ hệ thống thông tin đối với “Hệ thống thông tin giải quyết thủ tục hành chính tỉnh”.`
		]);
		expect(letter.filter((l) => /^\d\. Tài liệu/.test(l))).toHaveLength(4);
	});

	it('Decree 331 in English: "Pursuant to Decree No. 331/2026/NĐ-CP", no "số"', () => {
		const { letter } = styled(ND331, fixture('nd331-level2.yaml'), { lang: 'en' });
		expect(letter.filter((l) => l.includes('Pursuant to'))).toEqual([
			'⇥_Pursuant to Law No. 116/2025/QH15 (“An ninh mạng”);_',
			expect.stringMatching(/^⇥_Pursuant to Decree 331\/2026\/NĐ-CP of 19\/08\/2026 issued by /)
		]);
	});

	it('Mẫu 03 (sent first): its caption and the drafter’s "sent first" note in small italics', () => {
		const { letters } = styled(ND331, fixture('nd331-level4.yaml'));
		expect(letters[0]![0]).toBe(
			'[right]{10pt}_Mẫu số 03: Văn bản xin ý kiến chuyên môn về hồ sơ đề xuất cấp độ_'
		);
		expect(letters[0]!.at(-1)).toBe(
			`{10pt}_Gửi trước văn bản đề nghị thẩm định, để xin ý kiến chuyên môn (Điều 20 khoản 1 điểm d ${D331})._`
		);
	});
});

describe('the dossier: labels bold, citations italic, what is not declared in italics', () => {
	it('Decree 85 level 3: the design part, step 2, the component’s name, the criteria not met', () => {
		const { dossier } = styled(TT03, fixture('level3.yaml'));
		expect(between(dossier, 'Phần 1.', 'Phần 2.').at(-1)).toMatch(
			/^⇥Cổng dịch vụ công và hệ thống một cửa điện tử của tỉnh/
		);
		expect(between(dossier, 'Phần 2.', 'Phần 3.').at(-1)).toBe(
			'⇥**Tài liệu kèm theo: **_chưa khai báo_'
		);
		expect(between(dossier, 'Bước 2.', 'Bước 3.')).toEqual([
			`⇥**Loại thông tin được xử lý: **Thông tin công cộng; Thông tin riêng; Thông tin cá nhân_ (Điều 6 khoản 1 ${ND85})._`
		]);
		// A component's name stands over its quoted criteria as a bold sub-heading, not a paragraph.
		expect(dossier).toContain('**Cơ sở dữ liệu hồ sơ thủ tục hành chính:**');
		expect(dossier.find((l) => l.includes('Các tiêu chí cấp độ cao hơn'))).toMatch(
			/^⇥\{11pt\}_Các tiêu chí cấp độ cao hơn không được đáp ứng: _Điều 10 khoản 1 /
		);
		// Nothing declared for a plan item: italics; what the unit declared: upright.
		expect(dossier).toContain(
			`a) Bảo đảm an toàn hệ thống thông tin trong khâu thiết kế, xây dựng | Điều 19 khoản 2 điểm a ${ND85} | _chưa khai báo_`
		);
		expect(dossier.find((l) => l.startsWith('⇥{11pt}_Chi tiết yêu cầu theo từng cấp độ'))).toMatch(
			/_$/
		);
	});

	it('Decree 85 level 3, step 3: capdo’s own sentences indented like the body (the criteria met, the maximum rule), the component’s name not', () => {
		const { dossier } = styled(TT03, fixture('level3.yaml'));
		const step3 = between(dossier, 'Bước 3.', 'Cấp độ xác định theo tiêu chí');
		expect(step3[0]).toBe('⇥Hệ thống đáp ứng các tiêu chí sau:');
		expect(step3).toContain('⇥Theo nguyên tắc trên, cấp độ của hệ thống thông tin là cấp độ 3.');
		expect(step3).toContain('**Cơ sở dữ liệu hồ sơ thủ tục hành chính:**');
	});

	it('Decree 85 level 1: a declared plan status upright, the attached documents upright after the bold label', () => {
		const { dossier } = styled(TT03, fixture('level1.yaml'));
		expect(dossier).toContain(
			`a) Bảo đảm an toàn hệ thống thông tin trong khâu thiết kế, xây dựng | Điều 19 khoản 2 điểm a ${ND85} | đã triển khai: Thiết kế có phân vùng mạng và tường lửa.`
		);
		expect(dossier).toContain(
			'⇥**Tài liệu kèm theo: **Hồ sơ thiết kế thi công phê duyệt tại Quyết định số 45/QĐ-STC ngày 12/3/2021.'
		);
	});

	it('without a stage, the rule set’s help is a hint in italics', () => {
		const { dossier } = styled(
			TT03,
			edit(fixture('level1.yaml'), (f) => delete f.stage)
		);
		expect(between(dossier, 'Phần 2.', 'Phần 3.')[0]).toMatch(/^⇥_.*thiết kế.*_$/i);
	});

	it('the owner’s justification after its bold label; the undetermined rule plain, its citation italic', () => {
		const f = edit(fixture('level1.yaml'), (f) => {
			(f.facts as Raw).function = 'other';
			f.proposal = { level: 2, justification: 'Hệ thống sẽ xử lý thông tin riêng từ năm 2027.' };
		});
		const { dossier } = styled(TT03, f);
		expect(dossier).toContain(
			'⇥**Thuyết minh đề xuất của chủ quản hệ thống thông tin: **Hệ thống sẽ xử lý thông tin riêng từ năm 2027.'
		);
		expect(dossier).toContainEqual(
			expect.stringMatching(
				new RegExp(
					`^⇥Câu trả lời không khớp tiêu chí nào .*_ \\(Điều 14 khoản 1 điểm a ${ND85}\\)\\._$`
				)
			)
		);
	});

	it('Decree 85 level 4: the explanation sections’ titles bold and unindented, citation italic, answers indented; the opinion indented', () => {
		const { dossier } = styled(TT03, fixture('level4.yaml'));
		const i = dossier.findIndex((l) => l.includes('(Điều 7 khoản 3 điểm a Thông tư 03/2017'));
		expect(dossier[i]).toBe(
			'**Các hệ thống thông tin khác có liên quan, có kết nối hoặc có ảnh hưởng quan trọng và mức độ ảnh hưởng**_ (Điều 7 khoản 3 điểm a Thông tư 03/2017/TT-BTTTT)_'
		);
		expect(dossier[i + 1]).toMatch(/^⇥/);
		expect(dossier.at(dossier.indexOf('---') - 1)).toBe(
			'⇥Đơn vị chuyên trách về an toàn thông tin thống nhất đề xuất cấp độ 4 và phương án bảo đảm an toàn thông tin kèm theo.'
		);
		const missing = styled(
			TT03,
			edit(fixture('level4.yaml'), (f) => delete f.specialist_opinion)
		).dossier;
		expect(missing.at(missing.indexOf('---') - 1)).toBe(
			'⇥_Chưa có ý kiến của đơn vị chuyên trách về an toàn thông tin._'
		);
	});

	it('Decree 331 level 4: section titles, the overview, the system’s own row bold in the level list', () => {
		const { dossier } = styled(ND331, fixture('nd331-level4.yaml'));
		const part1 = between(dossier, 'Phần 1.', 'Phần 2.');
		expect(part1).toContain(
			`**Phạm vi, quy mô và đối tượng phục vụ của hệ thống thông tin**_ (Điều 22 khoản 3 điểm c ${D331})_`
		);
		expect(part1.filter((l) => l === '⇥_chưa khai báo_')).toHaveLength(2);
		expect(part1).toContain(
			'⇥Hệ thống quốc gia phục vụ gửi, nhận văn bản điện tử giữa các cơ quan nhà nước, vận hành liên tục 24/7, kết nối Trục liên thông văn bản quốc gia.'
		);
		expect(part1).toContain(
			'⇥Văn phòng Chính phủ, 1 Hoàng Hoa Thám, Ba Đình, Hà Nội; người đại diện Bộ trưởng, Chủ nhiệm.'
		);
		expect(dossier).toContain(
			`**Hệ thống quản lý văn bản và điều hành quốc gia** | Cấp độ 4 | Điều 12 khoản 1 ${D331}; Điều 14 khoản 2 ${D331}`
		);
		expect(dossier).toContain(
			'⇥Văn bản chỉ đạo, điều hành được gửi liên tục, kể cả ngoài giờ hành chính; ngừng hệ thống làm chậm chỉ đạo của Chính phủ.'
		);
	});

	it('Decree 331 forms annex: the enclosed forms bold; a form’s note and "not in the source" in italics', () => {
		const { dossier } = styled(ND331, fixture('nd331-level4.yaml'));
		const forms = between(dossier, 'Biểu mẫu xác định cấp độ', 'Quy định chuyển tiếp');
		expect(forms[0]).toBe('Biểu mẫu ⟨0.42⟩ | Căn cứ ⟨0.22⟩ | Sử dụng ⟨0.36⟩');
		expect(forms.filter((l) => l.startsWith('**')).map((l) => l.split('**')[1])).toEqual([
			'Mẫu số 02: Văn bản đề nghị thẩm định hồ sơ đề xuất cấp độ',
			'Mẫu số 03: Văn bản xin ý kiến chuyên môn về hồ sơ đề xuất cấp độ'
		]);
		expect(forms).toContain(
			`**Mẫu số 03: Văn bản xin ý kiến chuyên môn về hồ sơ đề xuất cấp độ** | Điều 20 khoản 1 điểm d ${D331} | Kèm theo hồ sơ này_. Cấp độ 4, 5._`
		);
		expect(forms).toContain(
			`Mẫu số 04: Ý kiến thẩm định hồ sơ đề xuất cấp độ | Điều 23 ${D331} | Do cơ quan thẩm định ban hành`
		);
		// The bundled forms are all available: mark Mẫu 04 as missing from the source.
		const lacking = withData(ND331, (d) => ({
			...d,
			dossier: {
				...d.dossier!,
				forms: d.dossier!.forms!.map((f) => (f.id === 'mau-04' ? { ...f, available: false } : f))
			}
		}));
		const p = blocksOf(ND331, built(ND331, fixture('nd331-level4.yaml')), { ruleset: lacking });
		expect(styledLinesOf(p.dossier)).toContain(
			`Mẫu số 04: Ý kiến thẩm định hồ sơ đề xuất cấp độ | Điều 23 ${D331} | Do cơ quan thẩm định ban hành_ (văn bản mẫu không có trong nguồn)_`
		);
	});

	it('Decree 331 transition rules: a dash list, each summary upright and its citation and date in italics', () => {
		const { dossier } = styled(ND331, fixture('nd331-level4.yaml'));
		expect(dossier.slice(dossier.indexOf('Quy định chuyển tiếp') + 1)[3]).toBe(
			`- Hệ thống đang đầu tư, xây dựng trước 01/7/2026: hoàn thành thẩm định, phê duyệt cấp độ theo Nghị định 85/2016/NĐ-CP chậm nhất hết ngày 01/01/2027._ (Điều 39 khoản 1 ${D331}; mốc 01/01/2027)._`
		);
	});

	it('Decree 331 Phần 3: the owner’s own words on the level list and the level detail, indented like the body', () => {
		const f = edit(fixture('nd331-level4.yaml'), (f) => {
			const e = f.explanation as Raw;
			e['level-list'] = 'Danh sách gồm một hệ thống.';
			e['level-detail'] = 'Cấp độ theo tiêu chí của Điều 12.';
		});
		const { dossier } = styled(ND331, f);
		expect(dossier).toContain('⇥Danh sách gồm một hệ thống.');
		expect(dossier).toContain('⇥Cấp độ theo tiêu chí của Điều 12.');
	});

	it('a designated system: the designation note’s label bold', () => {
		const f = edit(fixture('nd331-level4.yaml'), (f) => {
			(f.facts as Raw).national_security_command_system = true;
		});
		const { dossier } = styled(ND331, f);
		expect(dossier).toContainEqual(
			expect.stringMatching(
				new RegExp(
					`^⇥\\*\\*Hệ thống quan trọng về an ninh quốc gia \\(Điều 16 khoản 1 ${D331}\\): \\*\\*[^*_]+$`
				)
			)
		);
	});
});

/** Every paper of these inputs, in both languages and both copies. */
function allPapers(): { name: string; blocks: Block[] }[] {
	const cases: [string, string][] = [
		[TT03, 'level1.yaml'],
		[TT03, 'level3.yaml'],
		[TT03, 'level4.yaml'],
		[ND331, 'nd331-level2.yaml'],
		[ND331, 'nd331-level3.yaml'],
		[ND331, 'nd331-level4.yaml']
	];
	const out: { name: string; blocks: Block[] }[] = [];
	for (const [ref, name] of cases) {
		const d = built(ref, fixture(name));
		for (const lang of ['vi', 'en'] as const)
			for (const copy of ['draft', 'final'] as const) {
				const p = blocksOf(ref, d, { lang, copy });
				for (const l of p.letters)
					out.push({ name: `${name} ${lang} ${copy} ${l.id}`, blocks: l.blocks });
				out.push({ name: `${name} ${lang} ${copy} dossier`, blocks: p.dossier });
			}
	}
	const tt12 = built(
		TT12,
		edit(fixture('level4.yaml'), (f) => {
			delete f.explanation;
			delete f.plan;
		})
	);
	for (const lang of ['vi', 'en'] as const)
		out.push({ name: `tt12 level4 ${lang}`, blocks: blocksOf(TT12, tt12, { lang }).dossier });
	return out;
}

describe('every paper, both languages, both copies', () => {
	// Built inside each test, not in the describe body: Stryker's per-test coverage counts only what a
	// test itself runs, so papers built at collection time would let every mutant in them survive.
	it('each table’s columns have a title and share the width: the shares add up to 1', () => {
		const papers = allPapers();
		for (const { name, blocks } of papers)
			for (const b of blocks)
				if (b.kind === 'table') {
					expect(
						b.columns.every((c) => c.title.length > 0),
						name
					).toBe(true);
					expect(
						b.columns.reduce((s, c) => s + c.width, 0),
						`${name}: ${b.columns.map((c) => c.title).join(' | ')}`
					).toBeCloseTo(1, 6);
				}
	});
	it('no empty text: every run, field, table and list has something to print', () => {
		const papers = allPapers();
		for (const { name, blocks } of papers)
			for (const b of blocks) {
				const where = `${name}: ${JSON.stringify(b).slice(0, 120)}`;
				if (b.kind === 'para')
					expect(
						b.runs.every((r) => r.text.trim() !== ''),
						where
					).toBe(true);
				if (b.kind === 'notice') expect(b.text.trim(), where).not.toBe('');
				if (b.kind === 'fields') {
					expect(b.rows.length, where).toBeGreaterThan(0);
					expect(
						b.rows.every(([k, v]) => k.trim() !== '' && v.trim() !== ''),
						where
					).toBe(true);
				}
				if (b.kind === 'table') {
					expect(b.rows.length, where).toBeGreaterThan(0);
					for (const r of b.rows)
						if ('cells' in r) {
							expect(r.cells, where).toHaveLength(b.columns.length);
							expect(
								r.cells.every(
									(c) =>
										c
											.map((x) => x.text)
											.join('')
											.trim() !== ''
								),
								where
							).toBe(true);
						}
				}
				if (b.kind === 'list')
					expect(
						b.items.every(
							(i) =>
								i
									.map((x) => x.text)
									.join('')
									.trim() !== ''
						),
						where
					).toBe(true);
			}
	});
});

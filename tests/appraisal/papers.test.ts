// The appraisal papers read back as a reader would: Mẫu số 04–07 of Decree 331/2026 and the Decree
// 85/2016 opinion, tờ trình and decision, written by the shared writers from the bundled rule sets
// and a filled review; the PDF through pdftotext, the DOCX through its XML. Set CAPDO_PAPER_PNG=dir
// to keep PNGs of every page (pdftoppm) and the DOCX files for looking at them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	appraisalPaper,
	papersFor,
	regimeOf,
	type AppraisalPaperInput
} from '../../src/lib/appraisal/papers';
import { paperDocx, paperPdf } from '../../src/lib/paper';
import type { Level, RuleSet } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { checklistFor } from '../../src/lib/server/workflow/checklist';
import { EMPTY_OPINION, type PaperId } from '../../src/lib/server/workflow/opinion';
import { docxText, pdfText } from '../paper/measure';

const dir = mkdtempSync(join(tmpdir(), 'capdo-appraisal-papers-'));
const PNG = process.env.CAPDO_PAPER_PNG;

function ruleset(ref: string): RuleSet {
	const rs = bundledRuleSets().rulesets.find((r) => r.ref === ref);
	if (!rs) throw new Error(`no rule set ${ref}`);
	return rs;
}

function input(
	rs: RuleSet,
	level: Level,
	o: Partial<AppraisalPaperInput> = {}
): AppraisalPaperInput {
	return {
		ruleset: rs,
		level,
		system: {
			name: 'Hệ thống một cửa điện tử tỉnh',
			operator: 'Sở Nội vụ tỉnh Gia Lai',
			owner: 'Ủy ban nhân dân tỉnh Gia Lai'
		},
		unit: {
			name: 'Sở Nội vụ tỉnh Gia Lai',
			governing_body: 'Ủy ban nhân dân tỉnh Gia Lai',
			security_unit: 'Sở Khoa học và Công nghệ tỉnh Gia Lai',
			contact: { name: 'Trần Thị B' },
			place: 'Gia Lai',
			address: '28 Trần Phú, Quy Nhơn, Gia Lai',
			signer: { name: 'Nguyễn Văn C', title: 'Giám đốc' }
		},
		appraiser: {
			governing_body: 'Ủy ban nhân dân tỉnh Gia Lai',
			lead: 'Sở Khoa học và Công nghệ tỉnh Gia Lai'
		},
		checklist: checklistFor(rs, level).map((item, i) => ({
			item,
			verdict: 'met',
			comment: i === 0 ? 'Đúng tiêu chí đã viện dẫn.' : ''
		})),
		opinion: {
			...EMPTY_OPINION,
			request_number: '45/SNV-VP',
			request_date: '2026-10-02',
			method: 'written',
			coordination: [{ body: 'Công an tỉnh Gia Lai', opinion: 'Thống nhất cấp độ đề xuất.' }],
			conclusion: 'suitable'
		},
		papers: {
			opinion: { number: '118/SKHCN-BCVT', date: '2026-10-20' },
			submission: { number: '77/TTr-SNV', date: '2026-10-22' },
			plan_decision: { number: '19/QĐ-UBND', date: '2026-10-30' },
			signer: { name: 'Phạm Văn D', title: 'Chủ tịch' },
			standard: 'TCVN 14423:2025'
		},
		approval: { number: '2345/QĐ-UBND', date: '2026-10-28' },
		dossier: { revision: 2, sha256: 'ab'.repeat(32) },
		copy: 'draft',
		generatedAt: '2026-10-28T03:00:00.000Z',
		...o
	};
}

interface Rendered {
	pdf: string;
	docx: string;
}
const rendered = new Map<string, Rendered>();

async function render(key: string, a: AppraisalPaperInput, id: PaperId): Promise<Rendered> {
	const paper = appraisalPaper(id, a);
	const pdfFile = join(dir, `${key}.pdf`);
	writeFileSync(pdfFile, await paperPdf(paper, paper.title));
	const docx = await paperDocx(paper, paper.title);
	if (PNG) {
		mkdirSync(PNG, { recursive: true });
		execFileSync('pdftoppm', ['-r', '60', '-png', pdfFile, join(PNG, key)]);
		writeFileSync(join(PNG, `${key}.docx`), docx);
	}
	const out = { pdf: pdfText(pdfFile), docx: docxText(docx) };
	rendered.set(key, out);
	return out;
}

const ND331 = 'vn-nd331@2026';
const TT12 = 'vn-nd85@tt12-2022';

describe('which papers a level calls for', () => {
	it('follows Điều 18 Nghị định 331 and Điều 12 Nghị định 85', () => {
		expect(papersFor('nd331', 2)).toEqual(['opinion', 'decision']);
		expect(papersFor('nd331', 3)).toEqual(['opinion', 'submission', 'decision']);
		expect(papersFor('nd331', 4)).toEqual(['opinion', 'submission', 'decision']);
		expect(papersFor('nd331', 5)).toEqual(['opinion', 'plan_decision']);
		expect(papersFor('nd85', 5)).toEqual(['opinion']);
		expect(regimeOf(ruleset(ND331))).toBe('nd331');
		expect(regimeOf(ruleset(TT12))).toBe('nd85');
	});
});

describe('Decree 331/2026: Mẫu số 04–07 in PDF and DOCX', () => {
	beforeAll(async () => {
		const rs = ruleset(ND331);
		for (const id of ['opinion', 'submission', 'decision'] as const)
			await render(`nd331-${id}`, input(rs, 3), id);
		await render('nd331-plan_decision', input(rs, 5), 'plan_decision');
		await render('nd331-opinion-final', input(rs, 3, { copy: 'final' }), 'opinion');
		await render(
			'nd331-opinion-unsuitable',
			input(rs, 3, {
				opinion: {
					...input(rs, 3).opinion,
					conclusion: 'unsuitable',
					fixes: 'Bổ sung thiết kế thi công.\nCập nhật phương án vận hành.'
				},
				checklist: checklistFor(rs, 3).map((item) => ({
					item,
					verdict: item.id === 'b' ? 'not_met' : 'met',
					comment: ''
				}))
			}),
			'opinion'
		);
	}, 240_000);

	it('Mẫu 04: the form’s fixed text, the request, the checklist with citations, the conclusion', () => {
		for (const text of [rendered.get('nd331-opinion')!.pdf, rendered.get('nd331-opinion')!.docx]) {
			expect(text).toContain('V/v ý kiến thẩm định hồ sơ đề xuất cấp độ');
			expect(text).toContain('Số: 118/SKHCN-BCVT');
			expect(text).toContain('Gia Lai, ngày 20 tháng 10 năm 2026');
			expect(text).toContain(
				'Sở Khoa học và Công nghệ tỉnh Gia Lai nhận được Công văn số 45/SNV-VP ngày 02 tháng 10 năm 2026 của Sở Nội vụ tỉnh Gia Lai về việc thẩm định hồ sơ đề xuất cấp độ của hệ thống thông tin đối với Hệ thống một cửa điện tử tỉnh.'
			);
			for (const part of [
				'Phần 1. Hồ sơ, tài liệu thẩm định',
				'Phần 2. Căn cứ pháp lý để thẩm định',
				'Phần 3. Tổ chức thẩm định',
				'Phần 4. Ý kiến thẩm định',
				'Phần 5. Kết luận'
			])
				expect(text).toContain(part);
			expect(text).toContain('Căn cứ Luật An ninh mạng số 116/2025/QH15');
			expect(text).toContain('Hình thức thẩm định: Lấy ý kiến bằng văn bản.');
			expect(text).toContain('Công an tỉnh Gia Lai: Thống nhất cấp độ đề xuất.');
			expect(text).toContain('a) Sự phù hợp về việc đề xuất cấp độ;');
			expect(text).toContain('Điều 23 khoản 1 điểm a');
			expect(text).toContain('Đúng tiêu chí đã viện dẫn.');
			expect(text).toContain(
				'Hồ sơ đề xuất cấp độ hệ thống thông tin là phù hợp để theo cấp độ đề xuất (cấp độ 3).'
			);
			expect(text).toContain(
				'Trên đây là ý kiến thẩm định của Sở Khoa học và Công nghệ tỉnh Gia Lai'
			);
			// Level 3: no specialist opinion among the documents (that is item 5, levels 4–5).
			expect(text).not.toContain('đề xuất cấp độ 4 hoặc cấp độ 5');
		}
	});

	it('Mẫu 04 draft vs signature copy; "chưa phù hợp" lists the points to fix', () => {
		const draft = rendered.get('nd331-opinion')!.pdf;
		const final = rendered.get('nd331-opinion-final')!.pdf;
		expect(draft).toContain('Mẫu số 04 — Phụ lục Nghị định số 331/2026/NĐ-CP');
		expect(draft).toContain('(Ký, ghi rõ họ tên, chức danh và đóng dấu)');
		expect(draft).toContain('hồ sơ lần nộp 2');
		expect(final).not.toContain('Mẫu số 04 —');
		expect(final).not.toContain('(Ký, ghi rõ họ tên');
		expect(final).not.toContain('hồ sơ lần nộp');
		const no = rendered.get('nd331-opinion-unsuitable')!;
		for (const text of [no.pdf, no.docx]) {
			expect(text).toContain(
				'là chưa phù hợp để theo cấp độ đề xuất (cấp độ 3). Những nội dung chưa phù hợp:'
			);
			expect(text).toContain('Bổ sung thiết kế thi công.');
			expect(text).toContain('Cập nhật phương án vận hành.');
			expect(text).toContain('Chưa phù hợp');
		}
	});

	it('Mẫu 05: tờ trình from the unit to the owner, with the opinion it rests on', () => {
		for (const text of Object.values(rendered.get('nd331-submission')!)) {
			expect(text).toContain('TỜ TRÌNH');
			expect(text).toContain('Về việc phê duyệt đề xuất cấp độ');
			expect(text).toContain('Số: 77/TTr-SNV');
			expect(text).toContain(
				'Căn cứ ý kiến thẩm định của Sở Khoa học và Công nghệ tỉnh Gia Lai (văn bản số 118/SKHCN-BCVT ngày 20 tháng 10 năm 2026);'
			);
			expect(text).toContain('1. Tên hệ thống thông tin: Hệ thống một cửa điện tử tỉnh');
			expect(text).toContain('3. Địa chỉ: 28 Trần Phú, Quy Nhơn, Gia Lai');
			expect(text).toContain('4. Cấp độ hệ thống thông tin đề xuất: cấp độ 3');
			expect(text).toContain(
				'Ý kiến thẩm định của cơ quan phối hợp thẩm định đối với hệ thống thông tin đề xuất từ cấp độ 3 trở lên.'
			);
			expect(text).toContain(
				'Sở Nội vụ tỉnh Gia Lai trình Ủy ban nhân dân tỉnh Gia Lai xem xét, quyết định phê duyệt đề xuất cấp độ của hệ thống thông tin Hệ thống một cửa điện tử tỉnh.'
			);
			expect(text).toContain('Nguyễn Văn C');
		}
	});

	it('Mẫu 06: the decision carries the recorded approval’s number and date, the level and the standard', () => {
		for (const text of Object.values(rendered.get('nd331-decision')!)) {
			expect(text).toContain('QUYẾT ĐỊNH');
			expect(text).toContain('Về việc phê duyệt cấp độ hệ thống thông tin');
			expect(text).toContain('Số: 2345/QĐ-UBND');
			expect(text).toContain('Gia Lai, ngày 28 tháng 10 năm 2026');
			expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH GIA LAI');
			expect(text).toContain('Xét đề nghị của cơ quan Sở Nội vụ tỉnh Gia Lai.');
			expect(text).toContain(
				'Điều 1. Phê duyệt cấp độ hệ thống thông tin đối với Hệ thống một cửa điện tử tỉnh cụ thể như sau:'
			);
			expect(text).toContain('2. Cấp độ hệ thống thông tin: cấp độ 3');
			expect(text).toContain('là phù hợp với tiêu chuẩn quốc gia TCVN 14423:2025');
			expect(text).toContain('theo các quy định tại Điều 33 Nghị định số 331/2026/NĐ-CP');
			expect(text).toContain('Điều 3. Điều khoản thi hành');
			expect(text).toContain('Phạm Văn D');
		}
	});

	it('Mẫu 07: the plan decision for level 5', () => {
		for (const text of Object.values(rendered.get('nd331-plan_decision')!)) {
			expect(text).toContain('Về việc phê duyệt phương án bảo đảm an ninh mạng hệ thống thông tin');
			expect(text).toContain('Số: 19/QĐ-UBND');
			expect(text).toContain(
				'Điều 1. Phê duyệt phương án đảm bảo an ninh mạng đối với Hệ thống một cửa điện tử tỉnh cụ thể như sau:'
			);
			expect(text).toContain('tương ứng với cấp độ 5');
			// Level 5: the specialist opinion is among the documents (Mẫu 04 Phần 1 item 5).
		}
	});
});

describe('Decree 85/2016: opinion (Điều 16), tờ trình (Điều 17), decision', () => {
	beforeAll(async () => {
		const rs = ruleset(TT12);
		for (const id of ['opinion', 'submission', 'decision'] as const)
			await render(`nd85-${id}`, input(rs, 3), id);
		await render('nd85-decision-2', input(rs, 2, { approval: undefined }), 'decision');
	}, 240_000);

	it('the opinion has the five parts in Decree 85’s words, with Điều 16 khoản 1 and Circular 12 Điều 6', () => {
		for (const text of Object.values(rendered.get('nd85-opinion')!)) {
			expect(text).toContain('V/v ý kiến thẩm định hồ sơ đề xuất cấp độ');
			expect(text).toContain('Phần 5. Kết luận');
			expect(text).toContain('Căn cứ Nghị định số 85/2016/NĐ-CP');
			expect(text).toContain('Căn cứ Thông tư số 12/2022/TT-BTTTT');
			expect(text).toContain('an toàn thông tin');
			expect(text).not.toContain('an ninh mạng');
			expect(text).toContain(
				'2. Ý kiến thẩm định theo nội dung tại khoản 1 Điều 16 Nghị định số 85/2016/NĐ-CP'
			);
			expect(text).toContain('Điều 16 khoản 1 điểm b');
			expect(text).toContain('Điều 6'); // independence (Circular 12 Điều 6), level 3
			expect(text).toContain('theo quy định tại Điều 17 Nghị định số 85/2016/NĐ-CP');
		}
	});

	it('the tờ trình lists Điều 17 khoản 1; the decision names the level and Điều 19', () => {
		for (const text of Object.values(rendered.get('nd85-submission')!)) {
			expect(text).toContain('Về việc phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin');
			expect(text).toContain('Phần 2. Hồ sơ phê duyệt đề xuất cấp độ');
			expect(text).toContain('Hồ sơ đề xuất cấp độ.');
		}
		for (const text of Object.values(rendered.get('nd85-decision')!)) {
			expect(text).toContain('Về việc phê duyệt cấp độ an toàn hệ thống thông tin');
			expect(text).toContain('Số: 2345/QĐ-UBND');
			expect(text).toContain('2. Cấp độ hệ thống thông tin: cấp độ 3');
			expect(text).toContain('khoản 1 Điều 19 Nghị định số 85/2016/NĐ-CP');
			expect(text).not.toContain('an ninh mạng');
		}
	});

	it('level 2: the specialized unit decides; before approval the number and date are blank', () => {
		const { pdf } = rendered.get('nd85-decision-2')!;
		expect(pdf).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
		expect(pdf).toContain('Số: ……/……');
		expect(pdf).toContain('Gia Lai, ngày …… tháng …… năm ……');
		expect(pdf).toContain('2. Cấp độ hệ thống thông tin: cấp độ 2');
	});
});

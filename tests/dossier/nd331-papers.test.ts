// The Decree 331/2026 papers in process, where blocks.test.ts and format.test.ts left
// templates/nd331.ts untested (Stryker survivors, issue 20): the English Mẫu 02 and 03 letters, the
// Điều 22 khoản 4 order of Phần 3 (level list, then the detail per system, then the risks), the owner's
// own words beside what capdo fills in, the parties when nothing is known, two Điều 16 designations,
// an undetermined system, the grounds of a rule set with three sources, a rule set without forms or
// without the level-detail section, and the transition rules on the day of a deadline.
// (tests/dossier/nd331.test.ts renders the same papers through the CLI; these run in process.)
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/lib/paper/blocks';
import type { RuleSet } from '../../src/lib/rules';
import { linesOf } from './blocks-text';
import {
	between,
	blocksOf,
	built,
	D331,
	edit,
	fixture,
	ND331,
	readPapers,
	withData,
	type Raw
} from './setup';

const L4 = 'nd331-level4.yaml';
const lines = (f: Raw, opts: { lang?: 'vi' | 'en'; copy?: 'draft' | 'final' } = {}) =>
	readPapers(ND331, f, linesOf, opts);
/** The papers of `f` under a changed copy of the Decree 331 rule set, as text lines. */
const under = (ruleset: RuleSet, f: Raw, lang: 'vi' | 'en' = 'vi') => {
	const p = blocksOf(ND331, built(ND331, f), { ruleset, lang });
	return { letters: p.letters.map((l) => linesOf(l.blocks)), dossier: linesOf(p.dossier) };
};
const SYSTEM = 'Hệ thống quản lý văn bản và điều hành quốc gia';
const UNIT = 'Văn phòng Chính phủ';
const SU = 'Cục Chuyển đổi số và An ninh mạng, Văn phòng Chính phủ';
const N = (k: string) => `Điều 16 khoản ${k} ${D331}`;

describe('the English request letters (Phụ lục, Mẫu 02 and 03)', () => {
	it('level 4: Mẫu 03 to the unit’s specialized unit, sent first; then Mẫu 02 to the Ministry with the fifth enclosure', () => {
		const { ids, letters } = lines(fixture(L4), { lang: 'en' });
		expect(ids).toEqual(['mau-03', 'mau-02']);
		const [m03, m02] = letters as [string[], string[]];
		const grounds = [
			'Pursuant to Law No. 116/2025/QH15 (“An ninh mạng”);',
			'Pursuant to Decree 331/2026/NĐ-CP of 19/08/2026 issued by Chính phủ (“Về bảo vệ an ninh mạng đối với hệ thống thông tin”);'
		];
		const part1 = [
			'Part 1. General information',
			`1. Information system: ${SYSTEM}`,
			'2. Operating unit: Cục Kiểm soát thủ tục hành chính',
			'3. Address: 1 Hoàng Hoa Thám, Ba Đình, Hà Nội',
			'4. Proposed level: Level 4',
			'Part 2. Enclosed documents',
			'1. Overview description and explanation of the information system.',
			'2. Construction design approved by the competent authority, or an equivalent document.',
			'3. Explanation of the proposed level against the criteria provided by law.',
			'4. Explanation of the cybersecurity plan for the corresponding level.'
		];
		expect(m03[0]).toBe(
			'Form 03: Request for a professional opinion on the level-proposal dossier'
		);
		expect(between(m03, 'To:', 'Recipients:')).toEqual([
			...grounds,
			`${UNIT} requests ${SU} to give a professional opinion on the level-proposal dossier as follows:`,
			...part1,
			`${UNIT} requests ${SU} to give its opinion on whether the proposed level and the cybersecurity plan for that level suit the information system “${SYSTEM}”.`
		]);
		expect(m03.at(-1)).toBe(
			'Sent before the request for appraisal, to obtain the professional opinion (Article 20(1)(d) of Decree 331/2026/NĐ-CP).'
		);
		expect(m02).toContain('To: Ministry of Public Security.');
		expect(between(m02, 'To:', 'Recipients:')).toEqual([
			...grounds,
			// Mẫu 02 repeats Mẫu 01's "appraisal and approval" here, as the decree words it.
			`${UNIT} requests the appraisal and approval of the level-proposal dossier as follows:`,
			...part1,
			"5. Professional opinion of the system owner's specialized cybersecurity unit (for systems proposed at level 4 or 5).",
			`${UNIT} requests Ministry of Public Security to give its appraisal opinion on the level-proposal dossier of the information system “${SYSTEM}”.`
		]);
		expect(m02.at(-1)).toBe('Đỗ Văn Thành');
	});
});

describe('Phần 3 in the order of Điều 22 khoản 4–5', () => {
	// The citation of each explanation section in Phần 3, in order.
	const sections = (part3: string[]) =>
		part3.flatMap((l) => /\((Điều 22 [^)]*)\)$/.exec(l)?.[1] ?? []);
	const khoan = (k: string) => `Điều 22 khoản ${k} ${D331}`;

	it('level 4: the level list (system first, then components), the detail per system, the risks, khoản 5; no khoản 3 or 6 section; the level fields last', () => {
		const { dossier } = lines(fixture(L4));
		const part3 = between(dossier, 'Phần 3.', 'Phần 4.');
		expect(sections(part3)).toEqual(
			['4 điểm a', '4 điểm b', '4 điểm c', '5', '5 điểm a', '5 điểm b', '5 điểm c', '5 điểm d'].map(
				khoan
			)
		);
		expect(part3.slice(0, 5)).toEqual([
			`Danh mục các hệ thống thông tin và cấp độ tương ứng: tên hệ thống, cấp độ đề xuất, căn cứ đề xuất (${khoan('4 điểm a')})`,
			'Hệ thống thông tin | Cấp độ đề xuất | Căn cứ đề xuất',
			`${SYSTEM} | Cấp độ 4 | Điều 12 khoản 1 ${D331}; Điều 14 khoản 2 ${D331}`,
			`Trục liên thông văn bản | Cấp độ 4 | Điều 14 khoản 2 ${D331}`,
			`Cơ sở dữ liệu văn bản điện tử | Cấp độ 2 | Điều 12 khoản 1 ${D331}`
		]);
		expect(part3.slice(5, 9)).toEqual([
			`Thuyết minh chi tiết từng hệ thống: loại thông tin được xử lý, loại hệ thống thông tin, căn cứ đề xuất cấp độ (${khoan('4 điểm b')})`,
			'Loại hệ thống thông tin: Phục vụ hoạt động nội bộ',
			'Loại thông tin được xử lý: Thông tin công cộng; Thông tin riêng',
			'Hệ thống đáp ứng các tiêu chí sau:'
		]);
		// The detail ends with the components and the maximum rule; the risks (điểm c) follow.
		const rule = part3.findIndex((l) => l.startsWith('Theo nguyên tắc trên'));
		expect(part3[rule]).toBe('Theo nguyên tắc trên, cấp độ của hệ thống thông tin là cấp độ 4.');
		// Decree 331 has no components clause: the rule set's note says how capdo reads it.
		expect(part3[rule - 1]).toMatch(
			/^Nghị định 331\/2026\/NĐ-CP không có quy định riêng về cấp độ của hệ thống gồm nhiều hệ thống thành phần/
		);
		expect(part3[rule + 1]).toMatch(/^Nhận diện sơ bộ các nguy cơ/);
		expect(part3.filter((l) => l.startsWith('Loại hệ thống thông tin:'))).toHaveLength(1);
		expect(part3.slice(-4)).toEqual([
			'Cấp độ xác định theo tiêu chí: Cấp độ 4',
			'Cấp độ đề xuất: Cấp độ 4',
			'Cấp độ được phê duyệt: chưa phê duyệt (dự thảo)',
			'Hệ thống thông tin quan trọng về an ninh quốc gia: không đáp ứng tiêu chí nào'
		]);
	});

	it('the owner’s own words on the level list come before the table, on the detail after what capdo fills in', () => {
		const f = edit(fixture(L4), (f) => {
			const e = f.explanation as Raw;
			e['level-list'] = 'Danh mục gồm hệ thống chính và hai hệ thống thành phần.';
			e['level-detail'] = 'Trục liên thông quyết định cấp độ của hệ thống.';
		});
		const part3 = between(lines(f).dossier, 'Phần 3.', 'Phần 4.');
		expect(part3.slice(1, 3)).toEqual([
			'Danh mục gồm hệ thống chính và hai hệ thống thành phần.',
			'Hệ thống thông tin | Cấp độ đề xuất | Căn cứ đề xuất'
		]);
		const risks = part3.findIndex((l) => l.startsWith('Nhận diện sơ bộ các nguy cơ'));
		expect(part3.slice(risks - 2, risks)).toEqual([
			'Theo nguyên tắc trên, cấp độ của hệ thống thông tin là cấp độ 4.',
			'Trục liên thông quyết định cấp độ của hệ thống.'
		]);
		expect(part3.filter((l) => l.startsWith('Trục liên thông quyết định'))).toHaveLength(1);
		expect(part3.filter((l) => l === 'chưa khai báo')).toHaveLength(2); // điểm c and khoản 5
	});

	it('a rule set without the level-detail section: the detail leads Phần 3, once; without any Điều 22 section: the detail and the conclusion only', () => {
		const noDetail = withData(ND331, (d) => ({
			...d,
			dossier: {
				...d.dossier!,
				explanation: d.dossier!.explanation!.filter((s) => s.id !== 'level-detail')
			}
		}));
		const part3 = between(under(noDetail, fixture(L4)).dossier, 'Phần 3.', 'Phần 4.');
		expect(part3.slice(0, 3)).toEqual([
			'Loại hệ thống thông tin: Phục vụ hoạt động nội bộ',
			'Loại thông tin được xử lý: Thông tin công cộng; Thông tin riêng',
			'Hệ thống đáp ứng các tiêu chí sau:'
		]);
		expect(part3.filter((l) => l.startsWith('Loại hệ thống thông tin:'))).toHaveLength(1);
		expect(sections(part3)).toEqual(
			['4 điểm a', '4 điểm c', '5', '5 điểm a', '5 điểm b', '5 điểm c', '5 điểm d'].map(khoan)
		);
		const none = withData(ND331, (d) => ({
			...d,
			dossier: { ...d.dossier!, explanation: undefined }
		}));
		const { dossier } = under(none, fixture(L4));
		const bare = between(dossier, 'Phần 3.', 'Phần 4.');
		expect(sections(bare)).toEqual([]);
		expect(bare[0]).toBe('Loại hệ thống thông tin: Phục vụ hoạt động nội bộ');
		expect(bare.at(-1)).toBe(
			'Hệ thống thông tin quan trọng về an ninh quốc gia: không đáp ứng tiêu chí nào'
		);
		// Phần 1 keeps the overview rows and the description, without the khoản 3 sections.
		expect(between(dossier, 'Phần 1.', 'Phần 2.').at(-1)).toMatch(/^Hệ thống quốc gia phục vụ/);
	});
});

describe('Phần 1: the owner and the operator (Điều 22 khoản 3 điểm a, b)', () => {
	const OWNER_HEAD = 'Thông tin về chủ quản hệ thống thông tin';
	const OPERATOR_HEAD = 'Thông tin về đơn vị vận hành hệ thống thông tin';

	it('level 4: the owner’s name then its own words, then the operator’s name alone (it is not the unit)', () => {
		const part1 = between(lines(fixture(L4)).dossier, 'Phần 1.', 'Phần 2.');
		const i = part1.findIndex((l) => l.startsWith(OWNER_HEAD));
		expect(part1.slice(i + 1, i + 5).map((l) => l.split(':')[0])).toEqual([
			'Tên chủ quản',
			'Văn phòng Chính phủ, 1 Hoàng Hoa Thám, Ba Đình, Hà Nội; người đại diện Bộ trưởng, Chủ nhiệm.',
			`${OPERATOR_HEAD}`,
			'Tên đơn vị vận hành'
		]);
		expect(part1[i + 1]).toBe('Tên chủ quản: Văn phòng Chính phủ');
		expect(part1[i + 4]).toBe('Tên đơn vị vận hành: Cục Kiểm soát thủ tục hành chính');
		const en = between(lines(fixture(L4), { lang: 'en' }).dossier, 'Part 1.', 'Part 2.');
		expect(en).toContain('Owner: Văn phòng Chính phủ');
		// (The overview rows above also name the operator: read the line under the khoản 3 điểm b title.)
		const b = en.findIndex((l) => l.startsWith('The operating unit: name;'));
		expect(en[b + 1]).toBe('Operating unit: Cục Kiểm soát thủ tục hành chính');
	});

	it('nothing known of the owner: "chưa khai báo"; only its own words: those, with no empty rows', () => {
		const unknown = edit(fixture(L4), (f) => {
			delete f.owner;
			delete (f.unit as Raw).governing_body;
			delete (f.explanation as Raw).owner;
		});
		const part1 = between(lines(unknown).dossier, 'Phần 1.', 'Phần 2.');
		const i = part1.findIndex((l) => l.startsWith(OWNER_HEAD));
		expect(part1.slice(i + 1, i + 3)).toEqual([
			'chưa khai báo',
			expect.stringMatching(new RegExp(`^${OPERATOR_HEAD}`))
		]);
		const ownWords = edit(unknown, (f) => {
			(f.explanation as Raw).owner = 'Văn phòng Chính phủ; người đại diện Bộ trưởng, Chủ nhiệm.';
		});
		const blocks = blocksOf(ND331, ownWords).dossier;
		const text = (b: Block) => (b.kind === 'para' ? b.runs.map((r) => r.text).join('') : b.kind);
		const j = blocks.findIndex((b) => text(b).startsWith(OWNER_HEAD));
		expect(blocks.slice(j + 1, j + 3).map(text)).toEqual([
			'Văn phòng Chính phủ; người đại diện Bộ trưởng, Chủ nhiệm.',
			expect.stringMatching(new RegExp(`^${OPERATOR_HEAD}`))
		]);
	});
});

describe('Điều 16: two designations', () => {
	const twice = () =>
		edit(fixture(L4), (f) => {
			(f.facts as Raw).national_security_command_system = true;
			(f.facts as Raw).national_security_telecom_system = true;
		});

	it('both citations in the level fields, one list request in Mẫu 02, each designation’s own note', () => {
		const { letter, dossier } = lines(twice());
		expect(dossier[8]).toBe(
			`Hệ thống thông tin quan trọng về an ninh quốc gia: Có (${N('1')}; ${N('2')})`
		);
		expect(letter.filter((l) => l.includes('Danh mục hệ thống thông tin quan trọng'))).toEqual([
			`${UNIT} đề nghị Bộ Công an cho ý kiến thẩm định hồ sơ đề xuất cấp độ hệ thống thông tin đối với “${SYSTEM}”; đồng thời đề nghị đưa hệ thống vào Danh mục hệ thống thông tin quan trọng về an ninh quốc gia.`
		]);
		// Each designation quoted with its own words and label (Điều 16 khoản 1, then khoản 2).
		expect(dossier.filter((l) => l.startsWith('“') && l.includes('[Điều 16'))).toEqual([
			`“Hệ thống thông tin phục vụ chỉ đạo, điều hành của các công trình quan trọng liên quan đến an ninh quốc gia theo quy định của pháp luật.” [${N('1')} — Quan trọng về an ninh quốc gia: chỉ đạo, điều hành công trình quan trọng liên quan đến an ninh quốc gia]`,
			`“Hệ thống thông tin phục vụ chỉ đạo, điều hành, điều khiển hoạt động của công trình viễn thông quan trọng liên quan đến an ninh quốc gia theo quy định của pháp luật.” [${N('2')} — Quan trọng về an ninh quốc gia: công trình viễn thông quan trọng liên quan đến an ninh quốc gia]`
		]);
		// In English, the citations in English as everywhere else in the paper (the result stores
		// them in Vietnamese): the level fields and the level list.
		const en = lines(twice(), { lang: 'en' }).dossier;
		const A = (a: string) => `Article ${a} of Decree 331/2026/NĐ-CP`;
		expect(en[8]).toBe(
			`Information system important to national security: Yes (${A('16(1)')}; ${A('16(2)')})`
		);
		expect(en).toContain(`${SYSTEM} | Level 4 | ${A('12(1)')}; ${A('14(2)')}; ${A('20(4)')}`);
		// The bundled designations share one note; give each its own to see which is printed where.
		const own = withData(ND331, (d) => ({
			...d,
			designations: d.designations!.map((x) => ({
				...x,
				note: { vi: `Ghi chú của ${x.id}.`, en: `Note of ${x.id}.` }
			}))
		}));
		const notes = (l: string[]) => l.filter((x) => x.startsWith('Hệ thống quan trọng về an ninh'));
		expect(notes(under(own, twice()).dossier)).toEqual([
			`Hệ thống quan trọng về an ninh quốc gia (${N('1')}): Ghi chú của nd331-d16-k1.`,
			`Hệ thống quan trọng về an ninh quốc gia (${N('2')}): Ghi chú của nd331-d16-k2.`
		]);
		expect(
			under(own, twice(), 'en').dossier.filter((x) => x.startsWith('Important to national'))
		).toEqual([
			`Important to national security (Article 16(1) of Decree 331/2026/NĐ-CP): Note of nd331-d16-k1.`,
			`Important to national security (Article 16(2) of Decree 331/2026/NĐ-CP): Note of nd331-d16-k2.`
		]);
	});

	it('a designation the rule set does not describe gets no note; the level fields still say "Có"', () => {
		const onlyK2 = withData(ND331, (d) => ({
			...d,
			designations: d.designations!.filter((x) => x.id !== 'nd331-d16-k1')
		}));
		const notes = (l: string[]) => l.filter((x) => x.startsWith('Hệ thống quan trọng về an ninh'));
		const a = under(onlyK2, twice()).dossier;
		expect(notes(a)).toEqual([expect.stringContaining(`(${N('2')}): `)]);
		expect(a[8]).toBe(
			`Hệ thống thông tin quan trọng về an ninh quốc gia: Có (${N('1')}; ${N('2')})`
		);
		const none = withData(ND331, (d) => ({ ...d, designations: undefined }));
		expect(notes(under(none, twice()).dossier)).toEqual([]);
	});
});

describe('an undetermined Decree 331 system (Điều 10 khoản 4 điểm a)', () => {
	it('the owner proposes level 3: Mẫu 02, the level list with a dash for its basis, the rule and the justification', () => {
		const f = edit(fixture(L4), (f) => {
			delete f.components;
			f.facts = {
				function: 'other',
				information: ['public'],
				defense_security_damage: 'none',
				national_egov_system: false,
				national_critical_data_store: false
			};
			f.proposal = { level: 3, justification: 'Đánh giá rủi ro an ninh mạng hỗ trợ cấp độ 3.' };
		});
		const { ids, letter, dossier } = lines(f);
		expect(ids).toEqual(['mau-02']);
		expect(letter).toContain('4. Cấp độ hệ thống thông tin đề xuất: Cấp độ 3');
		const part3 = between(dossier, 'Phần 3.', 'Phần 4.');
		expect(part3.slice(1, 3)).toEqual([
			'Hệ thống thông tin | Cấp độ đề xuất | Căn cứ đề xuất',
			`${SYSTEM} | Cấp độ 3 | —`
		]);
		expect(part3.slice(4, 7)).toEqual([
			'Loại hệ thống thông tin: Hệ thống thông tin khác',
			'Loại thông tin được xử lý: Thông tin công cộng',
			'Không tiêu chí nào khớp với hệ thống.'
		]);
		expect(part3).toContainEqual(
			expect.stringMatching(
				new RegExp(
					`^Không tiêu chí nào tại Điều 11 đến Điều 15 .* \\(Điều 10 khoản 4 điểm a ${D331}\\)\\.$`
				)
			)
		);
		expect(part3.slice(-5)).toEqual([
			'Cấp độ xác định theo tiêu chí: không xác định được theo tiêu chí',
			'Cấp độ đề xuất: Cấp độ 3',
			'Cấp độ được phê duyệt: chưa phê duyệt (dự thảo)',
			'Hệ thống thông tin quan trọng về an ninh quốc gia: không đáp ứng tiêu chí nào',
			'Thuyết minh đề xuất của chủ quản hệ thống thông tin: Đánh giá rủi ro an ninh mạng hỗ trợ cấp độ 3.'
		]);
	});
});

describe('the grounds and the forms from the rule set', () => {
	it('three sources: the Law first, then the others in the rule set’s order', () => {
		const circular = {
			id: 'tt-x',
			type: { vi: 'Thông tư', en: 'Circular' },
			number: '01/2027/TT-BCA',
			date: '2027-01-15',
			issuer: 'Bộ Công an',
			title: 'Hướng dẫn hồ sơ đề xuất cấp độ',
			verified: true
		};
		const three = withData(ND331, (d) => {
			const [decree, law] = d.sources as [(typeof d.sources)[0], (typeof d.sources)[0]];
			return { ...d, sources: [decree, law, circular] as typeof d.sources };
		});
		const { letters } = under(three, fixture('nd331-level2.yaml'));
		expect(letters[0]!.filter((l) => l.startsWith('Căn cứ'))).toEqual([
			'Căn cứ Luật An ninh mạng số 116/2025/QH15;',
			'Căn cứ Nghị định số 331/2026/NĐ-CP ngày 19/08/2026 của Chính phủ về bảo vệ an ninh mạng đối với hệ thống thông tin;',
			'Căn cứ Thông tư số 01/2027/TT-BCA ngày 15/01/2027 của Bộ Công an hướng dẫn hồ sơ đề xuất cấp độ;'
		]);
	});

	it('a rule set without Điều 29 plan items: Phần 4 goes from the khoản 6 explanation to the baseline requirements, no empty plan table', () => {
		const noPlan = withData(ND331, (d) => ({ ...d, dossier: { ...d.dossier!, plan: undefined } }));
		const part4 = between(under(noPlan, fixture(L4)).dossier, 'Phần 4.', 'Phần 5.');
		expect(part4.slice(1, 3)).toEqual(['chưa khai báo', 'Đáp ứng yêu cầu cơ bản đối với cấp độ 4']);
		expect(part4).not.toContain('Nội dung phương án bảo đảm an ninh mạng');
	});

	it('a rule set that lists no forms: a notice per letter naming the form, no "sent first" note, no forms annex', () => {
		const noForms = withData(ND331, (d) => ({
			...d,
			dossier: { ...d.dossier!, forms: undefined }
		}));
		const { letters, dossier } = under(noForms, fixture(L4));
		const missing = (id: string) =>
			`THIẾU BIỂU MẪU TRONG NGUỒN VĂN BẢN: Nguồn văn bản của bộ quy tắc không có (hoặc có bản lỗi) nội dung “${id}”; capdo không tự soạn văn bản này. Lập văn bản theo bản Công báo.`;
		expect(letters).toEqual([[missing('mau-03')], [missing('mau-02')]]);
		expect(dossier).not.toContain('Biểu mẫu xác định cấp độ (Phụ lục Nghị định)');
		expect(dossier[dossier.indexOf('Quy định chuyển tiếp') - 1]).toMatch(
			/^Thời hạn phê duyệt: tối đa 07 ngày làm việc/
		);
	});
});

describe('the letter’s “Căn cứ” lines (Nghị định 30/2020 Phụ lục I)', () => {
	it('cite the Law first, then the other sources in the rule set’s order, whatever that order', () => {
		const tt = {
			id: 'tt-x',
			type: { vi: 'Thông tư', en: 'Circular' },
			number: '01/2027/TT-BCA',
			date: '2027-01-01',
			issuer: 'Bộ Công an',
			title: 'Hướng dẫn thử',
			verified: false
		};
		const pursuant = (order: (s: RuleSet['data']['sources']) => RuleSet['data']['sources']) => {
			const rs = withData(ND331, (d) => ({ ...d, sources: order([...d.sources, tt]) }));
			return under(rs, fixture(L4))
				.letters.at(-1)!
				.filter((l) => l.startsWith('Căn cứ'))
				.map((l) => /(Luật|Nghị định|Thông tư)/.exec(l)![1]);
		};
		const LAW_FIRST = ['Luật', 'Nghị định', 'Thông tư'];
		expect(pursuant((s) => s)).toEqual(LAW_FIRST);
		expect(pursuant((s) => [...s].reverse())).toEqual(['Luật', 'Thông tư', 'Nghị định']);
		const law = (s: RuleSet['data']['sources']) => s.filter((x) => x.type.vi === 'Luật');
		const rest = (s: RuleSet['data']['sources']) => s.filter((x) => x.type.vi !== 'Luật');
		expect(pursuant((s) => [...rest(s), ...law(s)])).toEqual(LAW_FIRST);
		expect(pursuant((s) => [rest(s)[0]!, ...law(s), ...rest(s).slice(1)])).toEqual(LAW_FIRST);
	});
});

describe('transition rules on the letter’s date', () => {
	const dated = (date: string) => edit(fixture(L4), (f) => void (f.document = { date }));
	const cited = (dossier: string[]) =>
		dossier
			.slice(dossier.indexOf('Quy định chuyển tiếp') + 1)
			.map((l) => /\((Điều [^)]*)\)\.$/.exec(l)?.[1]);

	it('a rule whose deadline is the letter’s date still runs that day; not the day after', () => {
		expect(cited(lines(dated('2027-01-01')).dossier)).toEqual([
			'Điều 45 khoản 1 Luật 116/2025/QH15; mốc 01/07/2027',
			'Điều 45 khoản 3 Luật 116/2025/QH15; mốc 01/07/2027',
			`Điều 39 khoản 1 ${D331}; mốc 01/01/2027`,
			`Điều 39 khoản 1 ${D331}; mốc 01/07/2027`
		]);
		expect(cited(lines(dated('2027-01-02')).dossier)).toEqual([
			'Điều 45 khoản 1 Luật 116/2025/QH15; mốc 01/07/2027',
			'Điều 45 khoản 3 Luật 116/2025/QH15; mốc 01/07/2027',
			`Điều 39 khoản 1 ${D331}; mốc 01/07/2027`
		]);
	});

	it('a rule whose period is given in months is dated as the engine dates it; a rule set without transition rules has no such heading', () => {
		// Six months from 19/8/2026, the day the rule set takes effect: 19/02/2027 (Bộ luật Dân sự
		// Điều 148), the date transitionStatus gives the same provision.
		const months = withData(ND331, (d) => ({
			...d,
			transition: d.transition!.map((t) =>
				t.id === 'nd331-d38'
					? { ...t, deadline: undefined, months: 6 }
					: t.id === 'nd331-d39-k1-nd85'
						? { ...t, deadline: undefined }
						: t
			)
		}));
		const list = (ruleset: RuleSet, date: string) =>
			(blocksOf(ND331, built(ND331, dated(date)), { ruleset }).dossier.find(
				(b) =>
					b.kind === 'list' &&
					b.marker === 'dash' &&
					b.items.some((i) => /Điều 45/.test(i.map((r) => r.text).join('')))
			) ?? { items: [] }) as Extract<Block, { kind: 'list' }>;
		const d38 = (date: string) =>
			list(months, date).items.find((i) => /Điều 38/.test(i.map((r) => r.text).join('')));
		expect(d38('2027-02-19')!.map((r) => [r.text, r.italic ?? false])).toEqual([
			[months.data.transition!.find((t) => t.id === 'nd331-d38')!.summary!.vi, false],
			[` (Điều 38 ${D331}`, true],
			['; mốc 19/02/2027', true],
			[').', true]
		]);
		expect(d38('2027-02-20')).toBeUndefined();
		// Neither a deadline nor a period: listed on any date, with no "mốc".
		const undated = list(months, '2027-02-20').items.find((i) =>
			/Điều 39 khoản 1/.test(i.map((r) => r.text).join(''))
		)!;
		expect(undated.map((r) => r.text)).toEqual([
			months.data.transition!.find((t) => t.id === 'nd331-d39-k1-nd85')!.summary!.vi,
			` (Điều 39 khoản 1 ${D331}`,
			').'
		]);
		const none = withData(ND331, (d) => ({ ...d, transition: undefined }));
		expect(under(none, fixture(L4)).dossier).not.toContain('Quy định chuyển tiếp');
	});

	it('after the last deadline the dossier ends with the forms annex', () => {
		const { dossier } = lines(dated('2027-07-02'));
		expect(dossier.at(-1)).toMatch(/^Mẫu số 08: Mẫu báo cáo \| Điều 36 /);
	});

	it('a rule without a summary prints the law’s text; one without a deadline runs on any date, with no "mốc"', () => {
		const plain = withData(ND331, (d) => ({
			...d,
			transition: d.transition!.map((t) =>
				t.id === 'luat116-d45-k1'
					? { ...t, summary: undefined }
					: t.id === 'nd331-d38'
						? { ...t, deadline: undefined }
						: t
			)
		}));
		const { dossier } = under(plain, dated('2027-07-02'));
		expect(dossier.slice(dossier.indexOf('Quy định chuyển tiếp') + 1)).toEqual([
			`Tiêu chí, thẩm quyền, trình tự và biểu mẫu của Nghị định 331/2026/NĐ-CP áp dụng từ ngày 19/8/2026 (Luật An ninh mạng có hiệu lực từ 01/7/2026). (Điều 38 ${D331}).`
		]);
		const undated = under(plain, fixture(L4)).dossier;
		expect(undated[undated.indexOf('Quy định chuyển tiếp') + 1]).toBe(
			`${plain.data.transition![0]!.text} (Điều 45 khoản 1 Luật 116/2025/QH15; mốc 01/07/2027).`
		);
	});
});

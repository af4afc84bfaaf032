// The Decree 331/2026 dossier (template nd331) from the bundled vn-nd331@2026 rule set: real PDFs
// via the CLI in a child process, parsed back with pdftotext. Expected wording is the decree's own
// (Điều 18, 20–24, Phụ lục Mẫu 01–03), written out here rather than read from the rule set.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureFor, type RuleSet } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { nameOn } from '../../src/lib/bodies';
import { vnDateOf } from '../../src/lib/calendar';
import { vnBodies } from '../../src/lib/server/bodies-file';
import { buildDossier, dossierPdf, type Dossier } from '../../src/lib/dossier';
import schema from '../../src/lib/dossier/dossier.schema.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/dossier');
const RS = 'vn-nd331@2026';
const ND85 = 'vn-nd85@tt12-2022';
const rulesets = bundledRuleSets().rulesets;
const ruleset = (ref = RS): RuleSet => rulesets.find((r) => r.ref === ref)!;
const DECREE = 'Nghị định 331/2026/NĐ-CP';
const WARNING = 'CẢNH BÁO: NGUỒN VĂN BẢN CHƯA ĐƯỢC KIỂM CHỨNG';

function capdo(...args: string[]) {
	const r = spawnSync(process.execPath, [join(ROOT, 'bin/capdo.js'), ...args], {
		cwd: ROOT,
		encoding: 'utf8'
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
}
/** Whitespace collapsed, so text wrapped over lines still matches. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const pdfText = (file: string, page?: number) =>
	flat(
		execFileSync(
			'pdftotext',
			[...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'],
			{ encoding: 'utf8' }
		)
	);
const pages = (file: string) =>
	Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const fixture = (name: string) =>
	parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

interface Made {
	pdf: string;
	text: string;
	page1: string;
	twin: Dossier & { fingerprint: string };
}
const made: Record<number, Made> = {};
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'capdo-nd331-'));
	for (const level of [2, 3, 4]) {
		const pdf = join(dir, `l${level}.pdf`);
		const json = join(dir, `l${level}.json`);
		const src = join(FIXTURES, `nd331-level${level}.yaml`);
		const r = capdo('dossier', src, '--ruleset', RS, '--out', pdf, '--json', json);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		made[level] = {
			pdf,
			text: pdfText(pdf),
			page1: pdfText(pdf, 1),
			twin: JSON.parse(readFileSync(json, 'utf8'))
		};
	}
}, 180_000);

describe('nd331 request letter (Phụ lục Mẫu 01–03)', () => {
	it.each([2, 3, 4])('level %i: Decree 30 frame and the Law 116 basis on page 1', (level) => {
		const p1 = made[level]!.page1;
		expect(made[level]!.twin.template).toBe('nd331');
		expect(p1).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(p1).toContain('Độc lập - Tự do - Hạnh phúc');
		expect(p1).toContain('Căn cứ Luật An ninh mạng số 116/2025/QH15;');
		expect(p1).toContain(`Căn cứ ${DECREE.replace('Nghị định', 'Nghị định số')} ngày 19/08/2026`);
		expect(p1).toContain('Phần 1. Thông tin chung');
		expect(p1).toContain(`4. Cấp độ hệ thống thông tin đề xuất: Cấp độ ${level}`);
		expect(p1).toContain('Phần 2. Hồ sơ kèm theo');
		// Item 2 by stage (Điều 21 khoản 2): the level-3 fixture is a new project.
		expect(p1).toContain(
			made[level]!.twin.system.stage === 'new_project'
				? '2. Tài liệu thiết kế sơ bộ hoặc tài liệu có giá trị tương đương.'
				: '2. Tài liệu thiết kế thi công đã được cấp có thẩm quyền phê duyệt hoặc tài liệu có giá trị tương đương.'
		);
		// One-page letter: the signature block and "Nơi nhận" stay on page 1.
		expect(p1).toContain('Nơi nhận:');
		expect(p1).toContain('(Ký, ghi rõ họ tên, chức danh và đóng dấu)');
		expect(p1).toContain(WARNING); // the draft's footer, first sentence of the note
		expect(made[level]!.text).toContain('CHƯA được đối chiếu với Công báo'); // the whole note
		expect(p1).toContain('DỰ THẢO');
	});

	it('level 2: Mẫu 01 to the specialized unit, which appraises and approves (Điều 18 khoản 1)', () => {
		const p1 = made[2]!.page1;
		expect(p1).toContain('Mẫu số 01: Văn bản đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ');
		expect(p1).toContain('V/v đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ');
		expect(p1).toContain('Kính gửi: Phòng Quản lý công nghệ và An ninh mạng.');
		expect(p1).toContain(
			'Trung tâm Thông tin và Thống kê khoa học và công nghệ đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ với các nội dung sau:'
		);
		expect(p1).toContain('3. Địa chỉ: 15 Trần Hưng Đạo, phường Pleiku, tỉnh Gia Lai');
		expect(p1).toContain(
			'đề nghị Phòng Quản lý công nghệ và An ninh mạng thẩm định và phê duyệt hồ sơ đề xuất cấp độ của hệ thống thông tin “Cổng đăng ký sự kiện khoa học trực tuyến”.'
		);
		expect(p1).not.toContain('5. Ý kiến về mặt chuyên môn');
		expect(made[2]!.text).not.toContain('V/v cho ý kiến chuyên môn');
	});

	it('level 3: Mẫu 02 to the specialized unit, which appraises (Điều 18 khoản 2 điểm a)', () => {
		const p1 = made[3]!.page1;
		expect(p1).toContain('Mẫu số 02: Văn bản đề nghị thẩm định hồ sơ đề xuất cấp độ');
		expect(p1).toContain('V/v đề nghị thẩm định hồ sơ đề xuất cấp độ');
		expect(p1).not.toContain('Văn bản đề nghị thẩm định, phê duyệt');
		expect(p1).toContain('Kính gửi: Trung tâm Chuyển đổi số tỉnh Gia Lai.');
		expect(p1).toContain('Số: 215/SKHCN-CĐS');
		expect(p1).toContain('Gia Lai, ngày 15 tháng 9 năm 2026');
		expect(p1).toContain('3. Địa chỉ: ……'); // no address declared: left to fill at signing
		expect(p1).toContain(
			'5. Ý kiến về mặt chuyên môn của đơn vị chuyên trách về an ninh mạng của chủ quản hệ thống thông tin (đối với hệ thống thông tin đề xuất cấp độ 4 hoặc cấp độ 5).'
		);
		expect(p1).toContain(
			'đề nghị Trung tâm Chuyển đổi số tỉnh Gia Lai cho ý kiến thẩm định hồ sơ đề xuất cấp độ hệ thống thông tin đối với “Hệ thống thông tin giải quyết thủ tục hành chính tỉnh”.'
		);
		expect(p1).not.toContain('Danh mục hệ thống thông tin quan trọng');
		expect(made[3]!.text).not.toContain('V/v cho ý kiến chuyên môn');
	});

	it('level 4: Mẫu 03 to the specialized unit first, then Mẫu 02 to the Ministry of Public Security (Điều 20 khoản 1 điểm d)', () => {
		// The opinion Mẫu 03 asks for is enclosed with Mẫu 02, so Mẫu 03 leads the pack.
		const p1 = pdfText(made[4]!.pdf, 2);
		// Điều 18 khoản 3 điểm a: "Bộ Công an chủ trì … thực hiện thẩm định".
		expect(procedureFor(ruleset(), 4).appraiser).toMatch(/^Bộ Công an chủ trì/);
		expect(p1).toContain('Mẫu số 02: Văn bản đề nghị thẩm định hồ sơ đề xuất cấp độ');
		expect(p1).toContain('Kính gửi: Bộ Công an.');
		expect(p1).toContain('đề nghị Bộ Công an cho ý kiến thẩm định hồ sơ đề xuất cấp độ');
		const p2 = made[4]!.page1;
		expect(p2).toContain('Mẫu số 03: Văn bản xin ý kiến chuyên môn về hồ sơ đề xuất cấp độ');
		expect(p2).toContain('V/v cho ý kiến chuyên môn về hồ sơ đề xuất cấp độ');
		expect(p2).toContain('Kính gửi: Cục Chuyển đổi số và An ninh mạng, Văn phòng Chính phủ.');
		expect(p2).toContain(
			'cho ý kiến về sự phù hợp của đề xuất cấp độ và phương án bảo đảm an ninh mạng hệ thống thông tin theo cấp độ của hệ thống thông tin “Hệ thống quản lý văn bản và điều hành quốc gia”.'
		);
		expect(p2).toContain(`Điều 20 khoản 1 điểm d ${DECREE}`);
		expect(p2).not.toContain('5. Ý kiến về mặt chuyên môn'); // Mẫu 03 lists four items
		expect(p2).toMatch(/Số: ……\/……/); // numbered at signing; the unit's number is Mẫu 02's
	});
});

describe('nd331 routing (Điều 18 khoản 3 điểm b, c; khoản 4)', () => {
	it('a military level-4 system writes to the Ministry of Defence; an operated level-2 one to the independent appraiser', async () => {
		const base = fixture('nd331-level4.yaml');
		const letter = async (system: Record<string, unknown>) => {
			const built = buildDossier(ruleset(), { unit: base.unit as never, system });
			expect(built.ok, JSON.stringify(!built.ok && built.errors)).toBe(true);
			if (!built.ok) return '';
			const file = join(dir, `routed-${Math.random().toString(36).slice(2)}.pdf`);
			writeFileSync(file, await dossierPdf(built.dossier, ruleset()));
			return pdfText(file);
		};
		const mil = await letter({ ...base, routing: { system_kind: 'military' } });
		expect(mil).toContain('Kính gửi: Bộ Quốc phòng.');
		expect(mil).not.toContain('Kính gửi: Bộ Công an.');
		const l2 = fixture('nd331-level2.yaml');
		const operated = await letter({ ...l2, routing: { security_unit_operates: true } });
		expect(operated).toContain(
			'Kính gửi: Đơn vị được chủ quản hệ thống thông tin giao chủ trì thẩm định hoặc Hội đồng thẩm định độc lập.'
		);
		const bad = buildDossier(ruleset(), {
			unit: l2.unit as never,
			system: { ...l2, routing: { system_kind: 'navy' } }
		});
		expect(!bad.ok && bad.errors.map((e) => e.path)).toEqual(['system.routing.system_kind']);
	}, 60_000);
});

describe('nd331 dossier contents (Điều 21, 22, 29)', () => {
	it('quotes and cites the criteria that fired, per level', () => {
		const t2 = made[2]!.text;
		expect(t2).toContain(`Điều 12 khoản 2 điểm a ${DECREE} — cấp độ 2`);
		expect(t2).toContain(`Điều 12 khoản 2 điểm b ${DECREE} — cấp độ 2`);
		expect(t2).toContain('dưới 100.000 chủ thể dữ liệu đối với dữ liệu cá nhân cơ bản');
		const t3 = made[3]!.text;
		expect(t3).toContain(`Điều 13 khoản 2 điểm b ${DECREE} — cấp độ 3`);
		expect(t3).toContain('hệ thống thông tin giải quyết thủ tục hành chính');
		expect(t3).toContain('Thiết kế sơ bộ hoặc tài liệu có giá trị tương đương'); // new project
		const t4 = made[4]!.text;
		expect(t4).toContain(`Điều 14 khoản 2 ${DECREE} — cấp độ 4`);
		expect(t4).toContain('yêu cầu vận hành 24/7 và không chấp nhận ngừng vận hành');
	});

	it('lists components with their levels and applies the maximum rule (derived from Điều 7 khoản 2)', () => {
		const t4 = made[4]!.text;
		expect(t4).toContain(`Điều 22 khoản 4 điểm a ${DECREE}`);
		expect(t4).toContain('Trục liên thông văn bản');
		expect(t4).toContain(`Cơ sở dữ liệu văn bản điện tử Cấp độ 2 Điều 12 khoản 1 ${DECREE}`);
		expect(t4).toContain('áp dụng cấp độ cao nhất');
		expect(t4).toContain(`(Điều 7 khoản 2 ${DECREE})`);
		expect(t4).toContain('capdo suy ra');
		expect(t4).toContain('cấp độ của hệ thống thông tin là cấp độ 4');
	});

	it('explains by Điều 22: sections by level, each cited, missing answers "chưa khai báo"', () => {
		const t4 = made[4]!.text;
		// 22.3.b filled from what is known (the operator), never "chưa khai báo" when data exists.
		expect(t4).not.toMatch(/Điều 22 khoản 3 điểm b Nghị định 331\/2026\/NĐ-CP\) chưa khai báo/);
		expect(t4).toContain(
			'(Điều 22 khoản 3 điểm b Nghị định 331/2026/NĐ-CP) Tên đơn vị vận hành: Cục Kiểm soát thủ tục hành chính'
		);
		// The unit operates the level-2 system itself: its signer, address and contact fill 22.3.b.
		expect(made[2]!.text).toContain('Người đại diện, chức vụ: Nguyễn Văn Bình, Giám đốc');
		expect(made[2]!.text).toContain('Địa chỉ: 15 Trần Hưng Đạo, phường Pleiku, tỉnh Gia Lai');
		expect(t4).toContain('Văn phòng Chính phủ, 1 Hoàng Hoa Thám'); // 22.3.a answered
		expect(t4).toMatch(/Điều 22 khoản 5 Nghị định 331\/2026\/NĐ-CP\) chưa khai báo/);
		expect(t4).toContain(`Điều 22 khoản 5 điểm d ${DECREE}`);
		expect(t4).toContain('ngừng hệ thống làm chậm chỉ đạo của Chính phủ');
		expect(t4).toContain(`Điều 21 khoản 5 ${DECREE}`);
		expect(t4).toContain('thống nhất đề xuất cấp độ 4');
		for (const l of [2, 3]) {
			expect(made[l]!.text).not.toContain('Điều 22 khoản 5');
			expect(made[l]!.text).not.toContain('Điều 21 khoản 5');
		}
		expect(made[2]!.text).toContain('khoảng 50.000 người đăng ký, 300 sự kiện mỗi năm'); // 22.3.c
	});

	it('reports the Điều 16 designation beside the level', () => {
		expect(made[4]!.text).toContain(
			'Hệ thống thông tin quan trọng về an ninh quốc gia: không đáp ứng tiêu chí nào'
		);
	});

	it('renders the Điều 29 plan and the baseline checklist with statuses', () => {
		const t2 = made[2]!.text;
		expect(t2).toContain('Nội dung phương án bảo đảm an ninh mạng');
		expect(t2).toContain(`Điều 29 khoản 2 điểm đ ${DECREE}`);
		expect(t2).toContain('đã triển khai: Tách vùng máy chủ công khai và vùng cơ sở dữ liệu.');
		expect(t2).toContain('kế hoạch, dự kiến 31/03/2027');
		expect(t2).toContain('không áp dụng: Chưa có kế hoạch thanh lý.');
		expect(t2).toContain('Đáp ứng yêu cầu cơ bản đối với cấp độ 2');
		expect(t2).toContain(`Điều 22 khoản 6 ${DECREE}`);
	});
});

describe('nd331 annex: procedure, forms, transition', () => {
	it('gives the working-day time limits of Điều 23 khoản 3 and Điều 24 khoản 2', () => {
		const approval = `tối đa 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (Điều 24 khoản 2 ${DECREE})`;
		expect(made[2]!.text).toContain('không quy định thời hạn riêng cho cấp độ này');
		expect(made[3]!.text).toContain(
			`tối đa 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (Điều 23 khoản 3 điểm a ${DECREE})`
		);
		expect(made[4]!.text).toContain(
			`tối đa 25 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (Điều 23 khoản 3 điểm b ${DECREE})`
		);
		for (const l of [2, 3, 4]) expect(made[l]!.text).toContain(approval);
	});

	it('lists Mẫu 01–08, marking the enclosed letters and who issues the others', () => {
		const t4 = made[4]!.text;
		expect(t4).toContain('Mẫu số 03: Văn bản xin ý kiến chuyên môn về hồ sơ đề xuất cấp độ');
		expect(t4).toMatch(
			/Mẫu số 04: Ý kiến thẩm định hồ sơ đề xuất cấp độ .*Do cơ quan thẩm định ban hành/
		);
		expect(t4).toMatch(
			/Mẫu số 06: Quyết định phê duyệt cấp độ hệ thống thông tin .*Do cấp phê duyệt ban hành/
		);
		expect(t4).toContain('Mẫu số 08: Mẫu báo cáo');
		expect(t4.match(/Kèm theo hồ sơ này/g)).toHaveLength(2);
		expect(made[2]!.text.match(/Kèm theo hồ sơ này/g)).toHaveLength(1);
	});

	it('shows the transition rules still running on the letter date', () => {
		// Undated letter: every rule, including the decree's entry into force (Điều 38).
		expect(made[2]!.text).toContain('Quy định chuyển tiếp');
		expect(made[2]!.text).toContain(`(Điều 38 ${DECREE}; mốc 19/08/2026)`);
		// Dated 15/09/2026: Điều 38's date has passed; Law 116 Điều 45 khoản 1 still runs.
		const t3 = made[3]!.text;
		expect(t3).toContain('khoản 1 Luật 116/2025/QH15; mốc 01/07/2027)');
		expect(t3).not.toContain('mốc 19/08/2026');
	});

	it('stamps every draft page: DỰ THẢO, the unverified warning, the machine footer', () => {
		const rs = ruleset();
		for (const level of [2, 3, 4]) {
			const m = made[level]!;
			const n = pages(m.pdf);
			for (let p = 1; p <= n; p++) {
				const t = pdfText(m.pdf, p);
				expect(t).toContain('DỰ THẢO');
				expect(t).toContain(WARNING);
				expect(t).toContain(`${RS} #${rs.hash.slice(0, 12)}`);
				expect(t).toContain(`Mã kiểm tra ${m.twin.fingerprint}`);
			}
		}
	});

	it('writes a twin that validates (with unit.address) and re-renders the same text', () => {
		const validate = new Ajv({ strict: false }).compile(schema);
		const twin = made[2]!.twin;
		expect(validate(twin), JSON.stringify(validate.errors)).toBe(true);
		expect(twin.unit.address).toBe('15 Trần Hưng Đạo, phường Pleiku, tỉnh Gia Lai');
		const again = join(dir, 'again2.pdf');
		const r = capdo('dossier', join(dir, 'l2.json'), '--out', again);
		expect(r.code).toBe(0);
		const strip = (s: string) => s.replace(/Lập lúc .+? \(UTC\+7\)/g, '');
		expect(strip(pdfText(again))).toBe(strip(made[2]!.text));
	});
});

describe('nd331 across regimes and edge cases', () => {
	it('renders with the rule set in force when --ruleset is not given', () => {
		const out = join(dir, 'default.pdf');
		const r = capdo(
			'dossier',
			join(FIXTURES, 'nd331-level2.yaml'),
			'--date',
			'2026-12-01',
			'--out',
			out
		);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		expect(pdfText(out, 1)).toContain('Mẫu số 01: Văn bản đề nghị thẩm định, phê duyệt');
	});

	it('the same system under vn-nd85@tt12-2022 still gets the Decree 85 dossier', () => {
		// vn-nd85 also asks prime_minister_designated, and the 24/7 question of every system;
		// explanation and plan ids differ per regime.
		const src = fixture('nd331-level4.yaml');
		const nd85 = ruleset(ND85);
		const add = (f: Record<string, unknown>) => ({
			operates_24x7_no_unplanned_downtime: false,
			...f,
			prime_minister_designated: false
		});
		const keep = (o: Record<string, unknown>, ids: Set<string>) =>
			Object.fromEntries(Object.entries(o).filter(([k]) => ids.has(k)));
		const input = {
			...src,
			facts: add(src.facts as Record<string, unknown>),
			components: (src.components as { name: string; facts: Record<string, unknown> }[]).map(
				(c) => ({ ...c, facts: add(c.facts) })
			),
			explanation: keep(
				src.explanation as Record<string, unknown>,
				new Set(nd85.data.dossier!.explanation!.map((s) => s.id))
			),
			plan: keep(
				src.plan as Record<string, unknown>,
				new Set(nd85.data.dossier!.plan!.map((s) => s.id))
			)
		};
		const file = join(dir, 'cross.yaml');
		writeFileSync(file, stringify(input));
		const pdf = join(dir, 'cross.pdf');
		const r = capdo('dossier', file, '--ruleset', ND85, '--out', pdf);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		const t = pdfText(pdf);
		expect(t).toContain(
			'V/v đề nghị thẩm định hồ sơ đề xuất cấp độ hệ thống thông tin “Hệ thống quản lý văn bản và điều hành quốc gia”'
		);
		// Undated, so dated today: the successor of the Authority of Information Security.
		expect(flat(t)).toContain(
			`Kính gửi: ${nameOn(vnBodies(), procedureFor(nd85, 4).addressee, vnDateOf(new Date())).name}`
		);
		expect(t).toContain('Điều 10 khoản 2 Nghị định 85/2016/NĐ-CP — cấp độ 4');
		expect(t).not.toContain('Mẫu số 0');
		expect(t).not.toContain('Luật An ninh mạng');
		expect(t).not.toContain(WARNING);
	});

	const input = (name: string) => {
		const { unit, document, ...system } = fixture(name);
		return { unit, document, system } as Parameters<typeof buildDossier>[1];
	};

	it('adds the request for the national-security list (Mẫu 02 footnote 1) when Điều 16 applies', async () => {
		const i = input('nd331-level3.yaml');
		const facts = { ...(i.system.facts as object), national_security_command_system: true };
		const built = buildDossier(ruleset(), { ...i, system: { ...i.system, facts } });
		if (!built.ok) throw new Error(JSON.stringify(built.errors));
		expect(built.dossier.result.designations.map((d) => d.id)).toEqual(['nd331-d16-k1']);
		const file = join(dir, 'listed.pdf');
		writeFileSync(file, await dossierPdf(built.dossier, ruleset()));
		expect(pdfText(file, 1)).toContain(
			'“Hệ thống thông tin giải quyết thủ tục hành chính tỉnh”; đồng thời đề nghị đưa hệ thống vào Danh mục hệ thống thông tin quan trọng về an ninh quốc gia.'
		);
		const t = pdfText(file);
		expect(t).toContain(
			`Hệ thống thông tin quan trọng về an ninh quốc gia: Có (Điều 16 khoản 1 ${DECREE})`
		);
		expect(t).toContain('thực hiện trình tự, thủ tục như cấp độ 5 (Điều 20 khoản 4)');
	});

	it('says so instead of inventing a form the source lacks', async () => {
		const rs = ruleset();
		const forms = rs.data.dossier!.forms!.map((f) =>
			f.id === 'mau-02' ? { ...f, available: false } : f
		);
		const broken: RuleSet = {
			...rs,
			data: { ...rs.data, dossier: { ...rs.data.dossier!, forms } }
		};
		const built = buildDossier(broken, input('nd331-level3.yaml'));
		if (!built.ok) throw new Error('fixture invalid');
		const file = join(dir, 'noform.pdf');
		writeFileSync(file, await dossierPdf(built.dossier, broken));
		const p1 = pdfText(file, 1);
		expect(p1).toContain('THIẾU BIỂU MẪU TRONG NGUỒN VĂN BẢN');
		expect(p1).toContain('Mẫu số 02: Văn bản đề nghị thẩm định hồ sơ đề xuất cấp độ');
		expect(p1).not.toContain('V/v đề nghị thẩm định');
		expect(pdfText(file)).toContain('văn bản mẫu không có trong nguồn');
	});

	it('renders in English with the lead appraising body and English citations', async () => {
		const built = buildDossier(ruleset(), input('nd331-level4.yaml'));
		if (!built.ok) throw new Error('fixture invalid');
		const file = join(dir, 'en.pdf');
		writeFileSync(file, await dossierPdf(built.dossier, ruleset(), { lang: 'en' }));
		const t = pdfText(file);
		expect(t).toContain('To: Ministry of Public Security.');
		expect(t).toContain('Article 14(2) of Decree 331/2026/NĐ-CP — level 4');
		expect(t).toContain('WARNING: LEGAL SOURCE NOT VERIFIED');
		expect(t).not.toContain('Kính gửi');
	});
});

// Real dossiers from the bundled rule set, via the CLI (child process) and the library, parsed back
// with pdftotext. Expected legal content is checked against the decree's text, not only the data.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { docxParts } from '../paper/measure';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureFor, type RuleSet } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { nameOn } from '../../src/lib/bodies';
import { vnDateOf } from '../../src/lib/calendar';
import { vnBodies } from '../../src/lib/server/bodies-file';
import { buildDossier, dossierPdf, fingerprint, type Dossier } from '../../src/lib/dossier';
import schema from '../../src/lib/dossier/dossier.schema.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/dossier');
const RS = 'vn-nd85@tt03-2017';
const ruleset = (): RuleSet => bundledRuleSets().rulesets.find((r) => r.ref === RS)!;

function capdo(...args: string[]) {
	const r = spawnSync(process.execPath, [join(ROOT, 'bin/capdo.js'), ...args], {
		cwd: ROOT,
		encoding: 'utf8'
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
}
const pdfText = (file: string, page?: number) =>
	execFileSync(
		'pdftotext',
		['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'],
		{ encoding: 'utf8' }
	);
/** Whitespace collapsed, so text wrapped over lines still matches. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const pages = (file: string) =>
	Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

const fixture = (name: string) =>
	parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

interface Made {
	pdf: string;
	json: string;
	text: string;
	out: string;
	twin: Dossier & { fingerprint: string; generated_at: string };
}
const made: Record<number, Made> = {};
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'capdo-dossier-'));
	for (const level of [1, 3, 4]) {
		const pdf = join(dir, `l${level}.pdf`);
		const json = join(dir, `l${level}.json`);
		const r = capdo(
			'dossier',
			join(FIXTURES, `level${level}.yaml`),
			'--ruleset',
			RS,
			'--out',
			pdf,
			'--json',
			json
		);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		made[level] = {
			pdf,
			json,
			out: r.out,
			text: pdfText(pdf),
			twin: JSON.parse(readFileSync(json, 'utf8'))
		};
	}
}, 180_000);

describe('capdo dossier (CLI, real PDFs)', () => {
	it.each([1, 3, 4])('level %i: cover letter in the Decree 30 layout', (level) => {
		const { text } = made[level]!;
		const first = pdfText(made[level]!.pdf, 1);
		expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
		expect(first).toMatch(/Số: /);
		expect(first).toMatch(/ngày .+ tháng .+ năm/);
		// Levels 1–2: one unit appraises and approves (Điều 12 khoản 1 Nghị định 85/2016/NĐ-CP).
		const act = level <= 2 ? 'thẩm định, phê duyệt' : 'thẩm định';
		expect(flat(first)).toContain(`V/v đề nghị ${act} hồ sơ đề xuất`);
		expect(flat(text)).toContain(`Đề nghị quý cơ quan xem xét, ${act} theo quy định.`);
		if (level > 2) expect(first).not.toContain('phê duyệt hồ sơ');
		// Kính gửi: the unit's own specialized unit by name for levels 1–3 (Điều 12 khoản 1, 2), the
		// rule set's short name of the appraising body for levels 4–5 (Điều 12 khoản 3).
		const addressee =
			level <= 3
				? (
						parse(readFileSync(join(FIXTURES, `level${level}.yaml`), 'utf8')) as {
							unit: { security_unit: string };
						}
					).unit.security_unit
				: // Undated, so dated today: the Authority of Information Security's duty is with the
					// Ministry of Public Security since 1/3/2025 (bodies/vn.yaml; tests/dossier/reorganisation.test.ts).
					nameOn(vnBodies(), procedureFor(ruleset(), 4).addressee, vnDateOf(new Date())).name;
		expect(flat(text)).toContain(`Kính gửi: ${addressee}`);
		expect(flat(text)).toContain(`Cấp độ đề xuất: Cấp độ ${level}`);
		expect(text).toContain('Nơi nhận:');
	});

	it('addresses levels 1–3 to the specialized unit and level 4 to the Ministry (Điều 12)', () => {
		const to = (l: number) =>
			flat(made[l]!.text).match(/Kính gửi: ([^;.]+?) (?:CƠ QUAN NHẬN|Căn cứ)/)![1]!;
		expect(to(1)).toBe('Phòng Công nghệ thông tin, Sở Tài chính');
		expect(to(3)).toBe('Trung tâm Chuyển đổi số tỉnh Gia Lai');
		expect(to(4)).toBe(
			'Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)'
		);
	});

	it('quotes and cites the criteria that fired, and the maximum rule for components', () => {
		const t1 = flat(made[1]!.text);
		expect(t1).toContain('Điều 7 Nghị định 85/2016/NĐ-CP — cấp độ 1');
		expect(t1).toContain('chỉ xử lý thông tin công cộng');
		const t3 = flat(made[3]!.text);
		expect(t3).toContain('Điều 9 khoản 2 điểm c Nghị định 85/2016/NĐ-CP — cấp độ 3');
		expect(t3).toContain('từ 10.000 người sử dụng trở lên');
		expect(t3).toContain('Điều 5 khoản 2 Nghị định 85/2016/NĐ-CP'); // maximum rule
		expect(t3).toContain('cấp độ của hệ thống thông tin là cấp độ 3');
		const t4 = flat(made[4]!.text);
		expect(t4).toContain('Điều 10 khoản 2 Nghị định 85/2016/NĐ-CP — cấp độ 4');
		expect(t4).toContain('Trục liên thông văn bản');
		expect(t4).toContain('Điều 10 khoản 3 Nghị định 85/2016/NĐ-CP — cấp độ 4'); // component
	});

	it('includes the level 4–5 explanation, the 24/7 justification and the specialist opinion only at level 4', () => {
		const t4 = flat(made[4]!.text);
		expect(t4).toContain('Điều 7 khoản 3 điểm đ Thông tư 03/2017/TT-BTTTT');
		expect(t4).toContain('vận hành 24/7 và không chấp nhận ngừng vận hành');
		expect(t4).toContain('ngừng hệ thống làm chậm chỉ đạo của Chính phủ');
		expect(t4).toContain('Điều 15 khoản 5 Nghị định 85/2016/NĐ-CP');
		expect(t4).toContain('thống nhất đề xuất cấp độ 4');
		// sections a–e not answered are shown as not declared, not silently dropped
		expect(t4).toMatch(/Điều 7 khoản 3 điểm c Thông tư 03\/2017\/TT-BTTTT\) chưa khai báo/);
		for (const l of [1, 3]) {
			expect(flat(made[l]!.text)).not.toContain('Điều 15 khoản 5');
			expect(flat(made[l]!.text)).not.toContain('Điều 7 khoản 3 điểm a');
		}
	});

	it('renders the Điều 19 plan and the baseline checklist with statuses', () => {
		// Table cells: read in reading order (no -layout), so each cell's lines stay together.
		const t1 = flat(execFileSync('pdftotext', [made[1]!.pdf, '-'], { encoding: 'utf8' }));
		expect(t1).toContain('Điều 19 khoản 2 điểm a Nghị định 85/2016/NĐ-CP');
		expect(t1).toContain('đã triển khai: Thiết kế có phân vùng mạng và tường lửa');
		expect(t1).toContain('kế hoạch, dự kiến 31/03/2027');
		expect(t1).toContain('không áp dụng: Hệ thống chưa có kế hoạch thanh lý');
		expect(t1).toContain('Đáp ứng yêu cầu cơ bản đối với cấp độ 1');
		expect(t1).toContain('An toàn hạ tầng mạng');
		expect(t1).toContain('chưa khai báo');
	});

	it('adds the procedure annex: time limits and copies by level (Điều 16, 17; TT 03 Điều 14)', () => {
		const t3 = flat(made[3]!.text);
		expect(t3).toContain('tối đa 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ');
		expect(t3).toContain('Điều 16 khoản 2 điểm a Nghị định 85/2016/NĐ-CP');
		expect(t3).toContain('tối đa 07 ngày làm việc');
		expect(t3).toContain('01 bản chính và 02 bản sao hợp lệ');
		const t4 = flat(made[4]!.text);
		expect(t4).toContain('tối đa 30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ');
		expect(t4).toContain('01 bản chính và 04 bản sao hợp lệ');
		expect(t4).toContain('Tầng 8, Tòa nhà 115 Trần Duy Hưng');
		expect(flat(made[1]!.text)).toContain('không quy định thời hạn riêng cho cấp độ này');
	});

	it('stamps every draft page with DỰ THẢO and the machine footer (system, rule set, fingerprint)', () => {
		for (const level of [1, 3, 4]) {
			const m = made[level]!;
			const n = pages(m.pdf);
			expect(n).toBeGreaterThan(2);
			const hash = ruleset().hash.slice(0, 12);
			for (let p = 1; p <= n; p++) {
				const t = flat(pdfText(m.pdf, p));
				expect(t).not.toMatch(/Trang \d+\/\d+/);
				expect(t).toContain('DỰ THẢO');
				expect(t).toContain(m.twin.system.name);
				expect(t).toContain(`${RS} #${hash}`);
				expect(t).toContain(`Mã kiểm tra ${m.twin.fingerprint}`);
				expect(t).toMatch(/Lập lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(UTC\+7\)/);
			}
		}
	});

	it('names the design document the stage needs, and cites each unmet higher criterion once', () => {
		// Điều 15 khoản 2 Nghị định 85/2016/NĐ-CP: preliminary design for a new project, the approved
		// construction design for a system in operation.
		expect(flat(pdfText(made[3]!.pdf, 1))).toContain(
			'Tài liệu thiết kế: thiết kế sơ bộ hoặc tài liệu có giá trị tương đương'
		);
		expect(flat(pdfText(made[4]!.pdf, 1))).toContain(
			'Tài liệu thiết kế: thiết kế thi công đã được cấp có thẩm quyền phê duyệt'
		);
		for (const level of [1, 3]) {
			const m = /Các tiêu chí cấp độ cao hơn không được đáp ứng: (.+?)\./.exec(
				flat(made[level]!.text)
			);
			expect(m, `level ${level}`).not.toBeNull();
			const cites = m![1]!.split('; ');
			expect(cites.length).toBeGreaterThan(1);
			expect(new Set(cites).size, cites.join(' | ')).toBe(cites.length);
		}
	});

	it('keeps every diacritic through pdftotext', () => {
		const src = fixture('level3.yaml');
		const t = flat(made[3]!.text);
		expect(t).toContain(flat(src.description as string));
		expect(t).toContain('Cơ sở dữ liệu hồ sơ thủ tục hành chính');
		expect(t).toContain('Dự án đầu tư xây dựng mới hoặc mở rộng, nâng cấp');
		expect(t).toContain('Thiết kế sơ bộ hoặc tài liệu có giá trị tương đương');
	});

	it('writes a JSON twin that validates and re-renders with the same fingerprint', () => {
		const validate = new Ajv({ strict: false }).compile(schema);
		for (const level of [1, 3, 4]) {
			const m = made[level]!;
			expect(validate(m.twin), JSON.stringify(validate.errors)).toBe(true);
			expect(m.twin.schema).toBe('capdo-dossier/1');
			expect(m.twin.result.proposed_level).toBe(level);
			expect(m.twin.ruleset.hash).toBe(ruleset().hash);
			expect(m.out).toContain(`fingerprint ${m.twin.fingerprint}`);
			const again = join(dir, `again${level}.pdf`);
			const r = capdo('dossier', m.json, '--out', again);
			expect(r.err).toBe('');
			expect(r.code).toBe(0);
			expect(r.out).toContain(`fingerprint ${m.twin.fingerprint}`);
			// Same content: only the generation time may differ.
			const strip = (s: string) => s.replace(/Lập lúc .+? \(UTC\+7\)/g, '');
			expect(strip(pdfText(again))).toBe(strip(m.text));
		}
	}, 180_000);

	it('warns when a twin was edited after it was generated', () => {
		const twin = { ...made[3]!.twin, document: { number: '99/XYZ' } };
		const edited = join(dir, 'edited.json');
		writeFileSync(edited, JSON.stringify(twin));
		const r = capdo('dossier', edited, '--out', join(dir, 'edited.pdf'));
		expect(r.code).toBe(0);
		expect(r.err).toContain(`says fingerprint ${made[3]!.twin.fingerprint}`);
	});
});

describe('capdo dossier: JSON twin and system-file checks', () => {
	it('reports an edited result by its path instead of silently recomputing it', () => {
		const twin = structuredClone(made[3]!.twin);
		twin.result.proposed_level = 5;
		const edited = join(dir, 'edited-result.json');
		writeFileSync(edited, JSON.stringify(twin, null, 2));
		const r = capdo('dossier', edited, '--out', join(dir, 'edited-result.pdf'));
		expect(r.code).toBe(0);
		expect(r.err).toMatch(
			/edited-result\.json:\d+:\d+: result\.proposed_level says 5 but vn-nd85@tt03-2017 gives 3/
		);
		expect(pdfText(join(dir, 'edited-result.pdf'))).toContain('Cấp độ đề xuất: Cấp độ 3');
	});

	it('warns about an unknown key in a system file, with its line', () => {
		const d = mkdtempSync(join(tmpdir(), 'capdo-unknown-'));
		const file = join(d, 'in.yaml');
		writeFileSync(
			file,
			readFileSync(join(FIXTURES, 'level1.yaml'), 'utf8') + 'descripton: viết sai tên trường\n'
		);
		const r = capdo('dossier', file, '--ruleset', RS, '--json', join(d, 'out.json'));
		expect(r.code).toBe(0);
		expect(r.err).toMatch(/in\.yaml:\d+:\d+: unknown key "descripton" is ignored/);
	});

	it('writes DOCX beside the PDF, the signature copy with --final, one part with --part', () => {
		const d = mkdtempSync(join(tmpdir(), 'capdo-docx-'));
		const [pdf, docx] = [join(d, 'l.pdf'), join(d, 'l.docx')];
		const r = capdo(
			'dossier',
			join(FIXTURES, 'level3.yaml'),
			'--ruleset',
			RS,
			'--out',
			pdf,
			'--docx',
			docx,
			'--final',
			'--part',
			'letter'
		);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		expect(r.out).toContain('bản trình ký');
		const t = flat(pdfText(pdf));
		expect(t).toContain('Kính gửi');
		expect(t).not.toContain('HỒ SƠ ĐỀ XUẤT CẤP ĐỘ AN TOÀN');
		expect(t).not.toContain('DỰ THẢO');
		const x = docxParts(readFileSync(docx));
		expect(x['word/document.xml']).toContain('Kính gửi');
		expect(x['docProps/custom.xml']).toContain('<vt:lpwstr>final</vt:lpwstr>');
		expect(capdo('dossier', join(FIXTURES, 'level3.yaml'), '--part', 'x', '--out', pdf).code).toBe(
			2
		);
	});

	it('refuses a character the fonts cannot print, naming the field and its line', () => {
		const d = mkdtempSync(join(tmpdir(), 'capdo-glyph-'));
		const file = join(d, 'in.yaml');
		const src = readFileSync(join(FIXTURES, 'level1.yaml'), 'utf8').replace(
			/^name: (.*)$/m,
			'name: $1 🚀'
		);
		writeFileSync(file, src);
		const r = capdo('dossier', file, '--ruleset', RS, '--out', join(d, 'out.pdf'));
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/in\.yaml:\d+:\d+: name: ký tự “🚀” \(U\+1F680\)/);
		expect(existsSync(join(d, 'out.pdf'))).toBe(false);
	});
});

describe('capdo dossier refuses bad input, naming the field and leaving no file', () => {
	const refuse = (yaml: string, field: RegExp) => {
		const d = mkdtempSync(join(tmpdir(), 'capdo-bad-'));
		const file = join(d, 'in.yaml');
		writeFileSync(file, yaml);
		const r = capdo(
			'dossier',
			file,
			'--ruleset',
			RS,
			'--out',
			join(d, 'out.pdf'),
			'--json',
			join(d, 'out.json')
		);
		expect(r.code).toBe(1);
		expect(r.err).toMatch(field);
		expect(readdirSync(d)).toEqual(['in.yaml']);
		return r.err;
	};
	const level1 = readFileSync(join(FIXTURES, 'level1.yaml'), 'utf8');

	it('missing unit name', () => {
		const err = refuse(level1.replace('  name: Sở Tài chính tỉnh Gia Lai\n', ''), /unit\.name/);
		expect(err).toMatch(/in\.yaml:\d+:\d+: unit\.name: Thiếu tên đơn vị/);
	});

	it('undetermined level without a proposal', () => {
		const undetermined = level1.replace('function: internal', 'function: other');
		const err = refuse(undetermined, /proposal/);
		expect(err).toContain('Không tiêu chí nào khớp');
	});

	it('a proposal above the computed level without a justification', () => {
		refuse(`${level1}\nproposal: { level: 2 }\n`, /proposal\.justification/);
	});

	it('invalid facts, located in the file', () => {
		const err = refuse(
			level1.replace('function: internal', 'function: everything'),
			/facts\.function/
		);
		expect(err).toMatch(/in\.yaml:1[0-9]:\d+: facts\.function/);
	});

	it('a planned item without its date', () => {
		refuse(
			level1.replace('{ status: planned, date: 2027-03-31 }', '{ status: planned }'),
			/plan\.operation\.date/
		);
	});
});

describe('dossier library', () => {
	const input = (name: string) => {
		const f = fixture(name);
		const { unit, document, ...system } = f;
		return { unit, document, system } as Parameters<typeof buildDossier>[1];
	};

	it('accepts an undetermined system with a justified proposal, showing computed vs proposed', async () => {
		const i = input('level1.yaml');
		const system = {
			...i.system,
			facts: { ...(i.system.facts as object), function: 'other' },
			proposal: {
				level: 2 as const,
				justification: 'Hệ thống xử lý dữ liệu nội bộ quan trọng của Sở.'
			}
		};
		const built = buildDossier(ruleset(), { ...i, system });
		expect(built.ok).toBe(true);
		if (!built.ok) return;
		expect(built.dossier.result.computed_level).toBeNull();
		expect(built.dossier.result.proposed_level).toBe(2);
		const file = join(dir, 'undetermined.pdf');
		writeFileSync(file, await dossierPdf(built.dossier, ruleset()));
		const t = flat(pdfText(file));
		expect(t).toContain('Cấp độ xác định theo tiêu chí: không xác định được theo tiêu chí');
		expect(t).toContain('Cấp độ đề xuất: Cấp độ 2');
		expect(t).toContain('Hệ thống xử lý dữ liệu nội bộ quan trọng của Sở.');
		// The duty to propose a level, cited where Decree 85 puts it; capdo's own sentence is not
		// quoted as if it were the circular's (Circular 03 Điều 7 khoản 3 says nothing of the kind).
		expect(t).toContain(
			'đối chiếu lại câu trả lời trước khi đề xuất. (Điều 14 khoản 1 điểm a Nghị định 85/2016/NĐ-CP).'
		);
		expect(t).not.toContain('“Câu trả lời không khớp');
		expect(t).not.toContain('Điều 7 khoản 3 Thông tư 03/2017/TT-BTTTT)');
	});

	it('renders English labels with Vietnamese legal quotes and English citations', async () => {
		const built = buildDossier(ruleset(), input('level3.yaml'));
		if (!built.ok) throw new Error('fixture invalid');
		const file = join(dir, 'en.pdf');
		writeFileSync(file, await dossierPdf(built.dossier, ruleset(), { lang: 'en' }));
		const t = flat(pdfText(file));
		expect(t).toContain('SOCIALIST REPUBLIC OF VIET NAM');
		expect(t).toContain('To: Trung tâm Chuyển đổi số tỉnh Gia Lai'); // the unit's own specialized unit
		expect(t).toContain('Article 9(2)(c) of Decree 85/2016/NĐ-CP — level 3');
		expect(t).toContain('từ 10.000 người sử dụng trở lên'); // the quote stays Vietnamese
		expect(t).toContain('DỰ THẢO (DRAFT)');
		expect(t).not.toContain('Kính gửi');
		expect(t).not.toContain('chưa khai báo');
	});

	it('normalizes decomposed (NFD) input to NFC', async () => {
		const i = input('level1.yaml');
		const nfd = 'Hệ thống quản lý tài sản'.normalize('NFD');
		const built = buildDossier(ruleset(), { ...i, system: { ...i.system, name: nfd } });
		if (!built.ok) throw new Error('fixture invalid');
		expect(built.dossier.system.name).toBe('Hệ thống quản lý tài sản'.normalize('NFC'));
		const file = join(dir, 'nfd.pdf');
		writeFileSync(file, await dossierPdf(built.dossier, ruleset()));
		expect(pdfText(file)).toContain('Hệ thống quản lý tài sản'.normalize('NFC'));
	});

	it('the signature copy drops watermark and machine footer whatever the approval; the fingerprint covers the approval', async () => {
		const draft = buildDossier(ruleset(), input('level1.yaml'));
		const approved = buildDossier(ruleset(), { ...input('level1.yaml'), approved: true });
		if (!draft.ok || !approved.ok) throw new Error('fixture invalid');
		expect(fingerprint(approved.dossier)).not.toBe(fingerprint(draft.dossier));
		const file = join(dir, 'final.pdf');
		writeFileSync(file, await dossierPdf(draft.dossier, ruleset(), { copy: 'final' }));
		const t = flat(pdfText(file));
		expect(t).not.toContain('DỰ THẢO');
		expect(t).not.toContain('Lập lúc');
		expect(t).not.toContain('(Ký, ghi rõ họ tên');
		// One small line at the end of the dossier carries the fingerprint.
		expect(t.match(new RegExp(`Mã kiểm tra ${fingerprint(draft.dossier)}`, 'g'))).toHaveLength(1);
		// An approved dossier's draft copy is still a draft.
		writeFileSync(file, await dossierPdf(approved.dossier, ruleset()));
		expect(flat(pdfText(file))).toContain('DỰ THẢO');
	});

	it('fingerprint ignores the generation time but not the content', () => {
		const a = buildDossier(ruleset(), input('level4.yaml'));
		if (!a.ok) throw new Error('fixture invalid');
		const d = a.dossier;
		expect(fingerprint({ ...d, generated_at: '2020-01-01T00:00:00Z' })).toBe(fingerprint(d));
		expect(fingerprint({ ...d, system: { ...d.system, description: 'khác' } })).not.toBe(
			fingerprint(d)
		);
		expect(fingerprint(d)).toMatch(/^[0-9a-f]{16}$/);
	});

	it('prints the rule set warning when its source is unverified', async () => {
		const rs = ruleset();
		const note = {
			vi: 'Bản sao của công ty luật, chưa đối chiếu Công báo.',
			en: 'Unverified copy.'
		};
		const unverified: RuleSet = {
			...rs,
			data: { ...rs.data, source_status: { status: 'unverified', note } }
		};
		const built = buildDossier(unverified, input('level1.yaml'));
		if (!built.ok) throw new Error('fixture invalid');
		const file = join(dir, 'unverified.pdf');
		writeFileSync(file, await dossierPdf(built.dossier, unverified));
		const t = flat(pdfText(file));
		expect(t).toContain('CẢNH BÁO: NGUỒN VĂN BẢN CHƯA ĐƯỢC KIỂM CHỨNG');
		expect(t).toContain(note.vi);
	});

	it('refuses to render with a different rule set than it was built with', async () => {
		const built = buildDossier(ruleset(), input('level1.yaml'));
		if (!built.ok) throw new Error('fixture invalid');
		const other: RuleSet = { ...ruleset(), hash: '0'.repeat(64) };
		await expect(dossierPdf(built.dossier, other)).rejects.toThrow(/built with vn-nd85@tt03-2017/);
	});
});

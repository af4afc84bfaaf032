// The cover letter's list of enclosed documents is Điều 15 Nghị định 85/2016/NĐ-CP item by item (the
// specialist opinion of khoản 5 only at levels 4–5), written out here by hand from the decree and
// read back from the letter's PDF with pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildDossier, dossierPdf } from '../../src/lib/dossier';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';

const ROOT = resolve(import.meta.dirname, '../..');
const rs = () => bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd85@tt03-2017')!;

async function enclosed(fixture: string): Promise<string> {
	const f = parse(readFileSync(join(ROOT, 'tests/fixtures/dossier', fixture), 'utf8')) as Record<
		string,
		unknown
	>;
	const { unit, document, ...system } = f;
	const built = buildDossier(rs(), { unit, document, system } as Parameters<
		typeof buildDossier
	>[1]);
	if (!built.ok) throw new Error(JSON.stringify(built.errors));
	const file = join(mkdtempSync(join(tmpdir(), 'capdo-letter-')), 'letter.pdf');
	writeFileSync(file, await dossierPdf(built.dossier, rs(), { part: 'letter' }));
	const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
	const name = (unit as { name: string }).name;
	const m = new RegExp(`Hồ sơ kèm theo: (.*?) ${name} gửi kèm hồ sơ`).exec(text);
	expect(m, text).not.toBeNull();
	return m![1]!;
}

const ND85 = 'Nghị định 85/2016/NĐ-CP';
const item = (n: number, title: string, clause: number) =>
	`${n}. ${title} (Điều 15 khoản ${clause} ${ND85})`;

describe('Điều 15: the documents enclosed with the cover letter', () => {
	it('level 3, new project: khoản 1–4, the design item naming the preliminary design', async () => {
		const list = await enclosed('level3.yaml');
		const want = [
			item(1, 'Tài liệu mô tả, thuyết minh tổng quan về hệ thống thông tin', 1),
			item(2, 'Tài liệu thiết kế: thiết kế sơ bộ hoặc tài liệu có giá trị tương đương', 2),
			item(3, 'Tài liệu thuyết minh về việc đề xuất cấp độ', 3),
			item(4, 'Tài liệu thuyết minh phương án bảo đảm an toàn thông tin theo cấp độ', 4)
		].join(' ');
		expect(list).toBe(want);
	}, 60_000);

	it('level 4, in operation: khoản 1–5, the approved construction design', async () => {
		const list = await enclosed('level4.yaml');
		expect(list).toBe(
			[
				item(1, 'Tài liệu mô tả, thuyết minh tổng quan về hệ thống thông tin', 1),
				item(
					2,
					'Tài liệu thiết kế: thiết kế thi công đã được cấp có thẩm quyền phê duyệt hoặc tài liệu có giá trị tương đương',
					2
				),
				item(3, 'Tài liệu thuyết minh về việc đề xuất cấp độ', 3),
				item(4, 'Tài liệu thuyết minh phương án bảo đảm an toàn thông tin theo cấp độ', 4),
				item(5, 'Ý kiến về mặt chuyên môn của đơn vị chuyên trách về an toàn thông tin', 5)
			].join(' ')
		);
	}, 60_000);
});

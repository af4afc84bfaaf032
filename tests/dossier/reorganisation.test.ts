// Issue 14 item 11: letters dated after the 2025 reorganisation go to the successor body
// (bodies/vn.yaml) — the Authority of Information Security's duty with the Ministry of Public
// Security from 1/3/2025, a provincial Sở TT&TT as the Sở KH&CN, a merged province under its new
// name from 1/7/2025 — and the draft says so with the (secondary) sources; older letters keep the
// name in force on their date. Real rule sets, real PDF parsed back with pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { vnBodies } from '../../src/lib/server/bodies-file';
import {
	buildDossier,
	dossierPapers,
	dossierPdf,
	type Copy,
	type DocumentInfo
} from '../../src/lib/dossier';
import type { Block } from '../../src/lib/paper/blocks';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/dossier');
const fixture = (name: string) =>
	parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
const tt12 = bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd85@tt12-2022')!;
const MIC = 'Bộ Thông tin và Truyền thông (Cục An toàn thông tin)';
const MPS = 'Bộ Công an (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)';

/** The level-4 fixture (Điều 10 khoản 2) with the level-3 fixture's unit, under Circular 12. */
function letter(document: DocumentInfo, opts: { security_unit?: string; level3?: boolean } = {}) {
	// Circular 03's explanation and plan sections are not Circular 12's: left out here.
	const system = fixture(opts.level3 ? 'level3.yaml' : 'level4.yaml');
	for (const k of ['unit', 'document', 'explanation', 'plan']) delete system[k];
	const unit = fixture('level3.yaml').unit as Record<string, unknown>;
	const built = buildDossier(tt12, {
		unit: { ...unit, ...(opts.security_unit ? { security_unit: opts.security_unit } : {}) },
		system: system as never,
		document
	});
	if (!built.ok) throw new Error(JSON.stringify(built.errors));
	return built.dossier;
}
const blocks = (d: ReturnType<typeof letter>, copy: Copy = 'draft', bodies = vnBodies()) =>
	dossierPapers(d, tt12, { copy, part: 'letter', bodies })[0]!.blocks;
const to = (bs: Block[]) =>
	(bs.find((b) => b.kind === 'addressee') as { lines: string[] }).lines.join(' ');
const notice = (bs: Block[]) =>
	bs.find((b) => b.kind === 'notice' && /CƠ QUAN NHẬN/.test(b.title)) as
		{ title: string; text: string } | undefined;

describe('Circular 12 letters across the 2025 reorganisation', () => {
	it('level 4: the Authority of Information Security until 28/2/2025, the Ministry of Public Security from 1/3/2025', () => {
		const before = letter({ date: '2025-02-28' });
		expect(blocks(before).map((b) => b.kind)).toContain('addressee');
		expect(before.result.proposed_level).toBe(4);
		expect(to(blocks(before))).toBe(MIC);
		expect(notice(blocks(before))).toBeUndefined();

		const after = blocks(letter({ date: '2025-03-01' }));
		expect(to(after)).toBe(MPS);
		const n = notice(after)!;
		expect(n.text).toContain(`Văn bản đề ngày 01/03/2025: gửi ${MPS} thay cho ${MIC}.`);
		expect(n.text).toContain('cách đọc của capdo');
		expect(n.text).toContain('(thứ cấp)');
		// The signature copy addresses the successor without the drafter's note.
		const final = blocks(letter({ date: '2025-03-01' }), 'final');
		expect(to(final)).toBe(MPS);
		expect(notice(final)).toBeUndefined();
	});

	it('level 3: the unit’s Sở TT&TT becomes the Sở KH&CN, and Bình Định’s becomes Gia Lai’s from 1/7/2025', () => {
		const su = 'Sở Thông tin và Truyền thông tỉnh Bình Định';
		const at = (date: string) => to(blocks(letter({ date }, { security_unit: su, level3: true })));
		expect(at('2025-02-28')).toBe(su);
		expect(at('2025-03-01')).toBe('Sở Khoa học và Công nghệ tỉnh Bình Định');
		expect(at('2025-07-01')).toBe('Sở Khoa học và Công nghệ tỉnh Gia Lai');
	});

	it('an explicit addressee is kept as written, and a route’s ministry is not renamed', () => {
		const own = letter({ date: '2026-03-05', addressee: MIC });
		expect(to(blocks(own))).toBe(MIC);
		const routed = letter({ date: '2026-03-05' });
		routed.system.routing = { managed_by: 'defence' };
		expect(to(blocks(routed))).toBe('Bộ Quốc phòng');
	});

	it('prints the successor and the note in the PDF', () => {
		const dir = mkdtempSync(join(tmpdir(), 'capdo-reorg-'));
		const file = join(dir, 'l4.pdf');
		return dossierPdf(letter({ date: '2026-03-05' }), tt12, {
			part: 'letter',
			bodies: vnBodies()
		}).then((bytes) => {
			writeFileSync(file, bytes);
			const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
				/\s+/g,
				' '
			);
			expect(text).toContain(`Kính gửi: ${MPS}`);
			expect(text).toContain('CƠ QUAN NHẬN ĐÃ THAY ĐỔI');
			expect(text).toContain(`thay cho ${MIC}`);
		});
	}, 120_000);
});

// The diagonal "DỰ THẢO" watermark is drawn as outlines (no text to extract), so pdftotext cannot see
// it: the footer's "DỰ THẢO" label would satisfy a text check with the watermark gone. Here every page
// is rasterised with pdftoppm and the translucent red of the watermark is looked for in the pixels.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDossier, dossierPdf, type Copy } from '../../src/lib/dossier';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';

const ROOT = resolve(import.meta.dirname, '../..');
const DPI = 24; // 1 px ≈ 1.06 mm: enough to see a 150 mm word, cheap to scan
const MM = DPI / 25.4;

interface Page {
	w: number;
	h: number;
	/** The watermark's pixels: translucent red over white (red channel high, green and blue lower). */
	pink: { x: number; y: number }[];
}

/** Every page of a PDF as binary PPM (P6), parsed. */
function raster(pdf: string): Page[] {
	const dir = mkdtempSync(join(tmpdir(), 'capdo-wm-'));
	execFileSync('pdftoppm', ['-r', String(DPI), pdf, join(dir, 'p')]);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.ppm'))
		.sort()
		.map((f) => {
			const buf = readFileSync(join(dir, f));
			const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
			const [w, h] = [Number(header[1]), Number(header[2])];
			const data = buf.subarray(header[0].length);
			const pink: Page['pink'] = [];
			for (let y = 0; y < h; y++)
				for (let x = 0; x < w; x++) {
					const i = (y * w + x) * 3;
					const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
					if (r > 200 && r - g > 12 && r - b > 12) pink.push({ x, y });
				}
			return { w, h, pink };
		});
}

const ruleset = () => bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd85@tt03-2017')!;
const pages: Partial<Record<Copy, Page[]>> = {};

beforeAll(async () => {
	const f = parse(readFileSync(join(ROOT, 'tests/fixtures/dossier/level3.yaml'), 'utf8')) as Record<
		string,
		unknown
	>;
	const { unit, document, ...system } = f;
	const built = buildDossier(ruleset(), { unit, document, system } as Parameters<
		typeof buildDossier
	>[1]);
	if (!built.ok) throw new Error(JSON.stringify(built.errors));
	const dir = mkdtempSync(join(tmpdir(), 'capdo-wm-pdf-'));
	for (const copy of ['draft', 'final'] as const) {
		const file = join(dir, `${copy}.pdf`);
		writeFileSync(file, await dossierPdf(built.dossier, ruleset(), { copy }));
		pages[copy] = raster(file);
	}
}, 120_000);

describe('the DỰ THẢO watermark, seen in the pixels', () => {
	it('is drawn on every page of the draft: a red word about 150 mm long, centred, rising left to right', () => {
		const draft = pages.draft!;
		expect(draft.length).toBeGreaterThan(2);
		draft.forEach((p, n) => {
			const at = `page ${n + 1}`;
			expect(p.pink.length, at).toBeGreaterThan(400);
			const xs = p.pink.map((q) => q.x);
			const ys = p.pink.map((q) => q.y);
			const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
			// 150 mm along a 45° diagonal spans about 106 mm across and down (plus the letters' height).
			expect((x1 - x0) / MM, at).toBeGreaterThan(95);
			expect((x1 - x0) / MM, at).toBeLessThan(140);
			expect((y1 - y0) / MM, at).toBeGreaterThan(95);
			expect((y1 - y0) / MM, at).toBeLessThan(140);
			expect(Math.abs((x0 + x1) / 2 - p.w / 2) / MM, at).toBeLessThan(10);
			expect(Math.abs((y0 + y1) / 2 - p.h / 2) / MM, at).toBeLessThan(10);
			// Diagonal: the left half of the word sits lower on the page than the right half.
			const mid = p.w / 2;
			const meanY = (qs: { y: number }[]) => qs.reduce((s, q) => s + q.y, 0) / qs.length;
			const left = p.pink.filter((q) => q.x < mid);
			const right = p.pink.filter((q) => q.x >= mid);
			expect(meanY(left) - meanY(right), at).toBeGreaterThan(30 * MM);
		});
	});

	it('is absent from every page of the signature copy', () => {
		const final = pages.final!;
		expect(final.length).toBe(pages.draft!.length);
		final.forEach((p, n) => expect(p.pink.length, `page ${n + 1}`).toBe(0));
	});
});

// Reading papers back the way a reader's tools do: words with their boxes from `pdftotext -bbox`
// (in mm from the page's top-left corner), DOCX parts as XML, LibreOffice for DOCX → PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';

export interface Word {
	text: string;
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}
export interface PageWords {
	width: number;
	height: number;
	words: Word[];
}

const MM = 25.4 / 72;
const unescape = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

/** Every page's words with their boxes, in mm. */
export function pdfWords(file: string): PageWords[] {
	const html = execFileSync('pdftotext', ['-bbox', file, '-'], {
		encoding: 'utf8',
		maxBuffer: 64 << 20
	});
	const pages: PageWords[] = [];
	for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
		const words: Word[] = [];
		for (const w of m[3]!.matchAll(
			/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g
		))
			words.push({
				text: unescape(w[5]!),
				x0: Number(w[1]) * MM,
				y0: Number(w[2]) * MM,
				x1: Number(w[3]) * MM,
				y1: Number(w[4]) * MM
			});
		pages.push({ width: Number(m[1]) * MM, height: Number(m[2]) * MM, words });
	}
	return pages;
}

/** Text normalized for comparison: NFC, no-break spaces as spaces, whitespace collapsed. */
export const norm = (s: string) =>
	s
		.normalize('NFC')
		.replace(/[\u00a0\s]+/g, ' ')
		.trim();

export function pdfText(file: string, page?: number): string {
	return norm(
		execFileSync(
			'pdftotext',
			[...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'],
			{ encoding: 'utf8', maxBuffer: 64 << 20 }
		)
	);
}

/** The parts of a DOCX (zip) as strings, by path. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
	return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

/** The DOCX body's text as a reader sees it: every w:t in order, a space between paragraphs. */
export function docxText(bytes: Uint8Array): string {
	const xml = docxParts(bytes)['word/document.xml'] ?? '';
	const texts: string[] = [];
	for (const para of xml.split('</w:p>'))
		texts.push([...para.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
	return norm(
		texts
			.join(' ')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&')
	);
}

/** DOCX bytes → PDF through LibreOffice headless (its own throwaway profile). */
export function libreOfficePdf(docx: Uint8Array, name = 'paper.docx'): string {
	const dir = mkdtempSync(join(tmpdir(), 'capdo-lo-'));
	const src = join(dir, name);
	writeFileSync(src, docx);
	execFileSync(
		'soffice',
		[
			`-env:UserInstallation=file://${join(dir, 'profile')}`,
			'--headless',
			'--convert-to',
			'pdf',
			'--outdir',
			dir,
			src
		],
		{ stdio: 'ignore', timeout: 120_000 }
	);
	return join(dir, basename(name, '.docx') + '.pdf');
}

export const pages = (file: string) =>
	Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

export const read = (f: string) => readFileSync(f);

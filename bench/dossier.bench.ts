// Dossier generation: time per PDF and per DOCX and their sizes (goal: a DOCX costs no more time
// than the PDF of the same dossier; a level-3 DOCX ≤ 100 KB), against LibreOffice headless
// converting the same document (same blocks, written as HTML and loaded into Writer) to PDF, in
// the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Block, Run } from '../src/lib/paper/blocks';
import { loadDocxDeps, loadPdfDeps } from '../src/lib/paper';
import {
	buildDossier,
	dossierBlocks,
	dossierFile,
	type DossierInput,
	type FileFormat
} from '../src/lib/dossier';
import { bundledRuleSets } from '../src/lib/server/ruleset-files';
import type { BenchResult } from './run';

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures/dossier');

function input(name: string): DossierInput {
	const { unit, document, ...system } = parse(readFileSync(join(FIXTURES, name), 'utf8'));
	return { unit, document, system };
}

const esc = (s: string) =>
	s.normalize('NFC').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const runs = (rs: Run[]) =>
	rs
		.map((r) => {
			let t = esc(r.text);
			if (r.bold) t = `<b>${t}</b>`;
			if (r.italic) t = `<i>${t}</i>`;
			return t;
		})
		.join('');

/** The same blocks as an HTML document with the Decree 30 page geometry, for Writer to convert. */
function toHtml(blocks: Block[]): string {
	const body = blocks
		.map((b) => {
			switch (b.kind) {
				case 'letterhead':
					return `<table width="100%"><tr><td align="center">${esc(b.governing_body ?? '')}<br><b>${esc(b.issuer)}</b><hr width="30%"><br>${esc(b.number)}<br><small>${esc(b.subject ?? '')}</small></td><td align="center"><b>${esc(b.motto[0])}</b><br><b><u>${esc(b.motto[1])}</u></b><br><br><i>${esc(b.date_line)}</i></td></tr></table>`;
				case 'title':
					return `<h1 align="center">${esc(b.text)}</h1><p align="center">${esc(b.sub ?? '')}</p>`;
				case 'addressee':
					return `<p align="center">${esc(b.label)} ${esc(b.lines.join('; '))}</p>`;
				case 'heading':
					return `<h${b.level + 1}>${esc(b.text)}${b.cite ? ` <i>(${esc(b.cite)})</i>` : ''}</h${b.level + 1}>`;
				case 'para':
					return `<p align="justify">${runs(b.runs)}</p>`;
				case 'list':
					return b.items.map((i) => `<p>${runs(i)}</p>`).join('');
				case 'quote':
					return `<blockquote><i>“${esc(b.text)}”</i> (${esc(b.cite)})</blockquote>`;
				case 'notice':
					return `<p><b>${esc(b.title)}</b> ${esc(b.text)}</p>`;
				case 'fields':
					return b.rows.map(([k, v]) => `<p>${esc(k)}: <b>${esc(v)}</b></p>`).join('');
				case 'table':
					return `<table border="1" width="100%"><tr>${b.columns.map((c) => `<th>${esc(c.title)}</th>`).join('')}</tr>${b.rows
						.map((r) =>
							'group' in r
								? `<tr><td colspan="${b.columns.length}"><b>${esc(r.group)}</b></td></tr>`
								: `<tr>${r.cells.map((c) => `<td>${runs(c)}</td>`).join('')}</tr>`
						)
						.join('')}</table>`;
				case 'signature':
					return `<table width="100%"><tr><td><b><i>${esc(b.recipients_label)}</i></b><br>${(b.recipients ?? []).map((r) => `- ${esc(r)}`).join('<br>')}</td><td align="center"><b>${esc(b.title)}</b><br><i>${esc(b.note ?? '')}</i><br><br><br><br><b>${esc(b.name)}</b></td></tr></table>`;
				case 'page_break':
					return '<p style="page-break-before: always"></p>';
			}
		})
		.join('\n');
	return `<!doctype html><html><head><meta charset="utf-8"><style>@page { size: A4; margin: 20mm 15mm 25mm 30mm } body { font-family: 'Times New Roman', Tinos, serif; font-size: 13pt }</style></head><body>${body}</body></html>`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const hasSoffice = () => spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

export async function run(): Promise<BenchResult> {
	const rs = bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd85@tt03-2017')!;
	const t0 = performance.now();
	await loadPdfDeps();
	const t1 = performance.now();
	await loadDocxDeps();
	const lines: string[] = [
		`first use: loading jsPDF + fonts ${(t1 - t0).toFixed(0)} ms, docx ${(performance.now() - t1).toFixed(0)} ms (once per process)`
	];
	const dir = mkdtempSync(join(tmpdir(), 'capdo-bench-'));
	try {
		for (const [name, level] of [
			['level3.yaml', 3],
			['level4.yaml', 4]
		] as const) {
			const built = buildDossier(rs, input(name));
			if (!built.ok) throw new Error(`${name}: fixture invalid`);
			const rounds = 30;
			/** Build + render, PDF and DOCX interleaved so both see the same machine load. */
			const make = async (format: FileFormat) => {
				const start = performance.now();
				const b = buildDossier(rs, input(name));
				if (!b.ok) throw new Error(`${name}: fixture invalid`);
				const bytes = await dossierFile(b.dossier, rs, format);
				return { ms: performance.now() - start, bytes };
			};
			await make('pdf'); // warm-up
			await make('docx');
			const times = { pdf: [] as number[], docx: [] as number[] };
			const bytes = { pdf: new Uint8Array(), docx: new Uint8Array() };
			for (let i = 0; i < rounds; i++)
				for (const f of ['pdf', 'docx'] as const) {
					const r = await make(f);
					times[f].push(r.ms);
					bytes[f] = r.bytes;
				}
			const oursMs = median(times.pdf);
			const docxMs = median(times.docx);
			const pdf = join(dir, `l${level}.pdf`);
			writeFileSync(pdf, bytes.pdf);
			const pages = /Pages:\s+(\d+)/.exec(
				execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
			)?.[1];
			lines.push(
				`level ${level} (${pages} pages, letter + dossier, draft): PDF ${oursMs.toFixed(1)} ms (build + render, median of ${rounds}), ${(bytes.pdf.length / 1024).toFixed(0)} KB (goal ≤ 150 KB)`,
				`  DOCX ${docxMs.toFixed(1)} ms, ${(bytes.docx.length / 1024).toFixed(0)} KB (goal ≤ 100 KB at level 3); DOCX / PDF time ${(docxMs / oursMs).toFixed(2)}× (goal ≤ 1), size ${(bytes.docx.length / bytes.pdf.length).toFixed(2)}×`
			);

			if (!hasSoffice()) {
				lines.push(
					'  LibreOffice baseline skipped: soffice not installed (apt-get install libreoffice-writer-nogui)'
				);
				continue;
			}
			const html = join(dir, `l${level}.html`);
			const { letters, dossier } = dossierBlocks(built.dossier, rs, 'vi');
			writeFileSync(
				html,
				toHtml([
					...letters.flatMap((l) => [...l.blocks, { kind: 'page_break' as const }]),
					...dossier
				])
			);
			const profile = `file://${join(dir, 'lo-profile')}`;
			const convert = () =>
				execFileSync(
					'soffice',
					[
						`-env:UserInstallation=${profile}`,
						'--headless',
						'--infilter=HTML (StarWriter)',
						'--convert-to',
						'pdf:writer_pdf_Export',
						'--outdir',
						join(dir, 'lo'),
						html
					],
					{ stdio: 'ignore' }
				);
			convert(); // first start creates the profile; not counted
			const loRounds = 5;
			const loTimes: number[] = [];
			for (let i = 0; i < loRounds; i++) {
				const s = performance.now();
				convert();
				loTimes.push(performance.now() - s);
			}
			const loMs = median(loTimes);
			const loSize = statSync(join(dir, 'lo', `l${level}.pdf`)).size;
			lines.push(
				`  LibreOffice headless, same content as HTML → PDF: ${loMs.toFixed(0)} ms per document (median of ${loRounds}, warm profile), ${(loSize / 1024).toFixed(0)} KB`,
				`  ratio LibreOffice / capdo: ${(loMs / oursMs).toFixed(0)}× faster (goal ≥ 20×)`
			);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return {
		name: 'Dossier PDF and DOCX: time per dossier and file size (vn-nd85@tt03-2017)',
		lines
	};
}

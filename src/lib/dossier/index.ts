// The dossier (hồ sơ đề xuất cấp độ) for the browser and the CLI. The writers (jsPDF, docx) and the
// fonts are imported dynamically by the paper module, only when a file is made.
import type { Lang, RuleSet } from '../rules';
import type { SystemRecord, UnitProfile } from '../model/inventory';
import { MIME, paperDocx, paperPdf } from '../paper';
import { buildDossier, type DocumentInfo, type Dossier } from './model';
import { DossierError, dossierJson, dossierPapers, type RenderOptions } from './render';
import { allDossierPapers, type BulkOutcome, type BulkSystem } from './bulk';
import { LABELS } from './labels';
import { fileName } from './names';

export { buildDossier, fingerprint, planKeys, DOSSIER_SCHEMA } from './model';
export type { Dossier, DossierInput, DossierIssue, DossierOutcome, DocumentInfo } from './model';
export { dossierBlocks, dossierJson, dossierPapers, formatGenerated, DossierError } from './render';
export type { Copy, DossierPart, RenderOptions } from './render';
export { buildAllDossiers, allDossierPapers } from './bulk';
export type { BulkOutcome, BulkSystem } from './bulk';
export { fileName, slug } from './names';

export type FileFormat = 'pdf' | 'docx';

/** One dossier's letters and/or dossier as PDF or DOCX bytes (Node and browser). */
export async function dossierFile(
	dossier: Dossier,
	ruleset: RuleSet,
	format: FileFormat,
	opts: RenderOptions = {}
): Promise<Uint8Array> {
	const papers = dossierPapers(dossier, ruleset, opts);
	const title = `${LABELS[opts.lang ?? 'vi'].dossierTitle} — ${dossier.system.name}`;
	return format === 'docx' ? paperDocx(papers, title) : paperPdf(papers, title);
}

/** Renders a built dossier (letters and dossier, draft) to PDF bytes. */
export function dossierPdf(
	dossier: Dossier,
	ruleset: RuleSet,
	opts: RenderOptions = {}
): Promise<Uint8Array> {
	return dossierFile(dossier, ruleset, 'pdf', opts);
}

export interface DownloadInput {
	ruleset: RuleSet;
	unit: UnitProfile;
	system: SystemRecord;
	document?: DocumentInfo;
	approved?: boolean;
	lang?: Lang;
	/** 'pdf' (default), 'docx', or the JSON twin. */
	format?: FileFormat | 'json';
	copy?: RenderOptions['copy'];
	part?: RenderOptions['part'];
	bodies?: RenderOptions['bodies'];
}

/**
 * For the download buttons: builds and renders one system's papers. Throws DossierError listing
 * every problem (in `lang`) when the saved work cannot make a valid dossier yet.
 */
export async function downloadDossier(input: DownloadInput): Promise<{ blob: Blob; name: string }> {
	const lang = input.lang ?? 'vi';
	const built = buildDossier(input.ruleset, {
		unit: input.unit,
		system: input.system,
		document: input.document,
		approved: input.approved
	});
	if (!built.ok)
		throw new DossierError(
			built.errors.map((e) => `${e.path}: ${e.message[lang]}`).join('\n'),
			built.errors
		);
	const now = new Date().toISOString();
	const format = input.format ?? 'pdf';
	const name = fileName(built.dossier.system.name, {
		part: input.part ?? 'all',
		copy: input.copy ?? 'draft',
		ext: format
	});
	if (format === 'json')
		return {
			blob: new Blob([dossierJson(built.dossier, now)], { type: 'application/json' }),
			name
		};
	const bytes = await dossierFile(built.dossier, input.ruleset, format, {
		lang,
		generatedAt: now,
		copy: input.copy,
		part: input.part,
		bodies: input.bodies
	});
	return { blob: new Blob([bytes as BlobPart], { type: MIME[format] }), name };
}

/** Every system's papers in one file (for the task list), with the systems that could not make one. */
export async function downloadAllDossiers(
	unit: UnitProfile,
	systems: BulkSystem[],
	opts: RenderOptions & { lang?: Lang; format?: FileFormat } = {}
): Promise<Omit<BulkOutcome, 'papers'> & { blob?: Blob; name: string }> {
	const lang = opts.lang ?? 'vi';
	const format = opts.format ?? 'pdf';
	const { papers, included, skipped } = allDossierPapers(unit, systems, {
		...opts,
		lang,
		generatedAt: new Date().toISOString()
	});
	const name = fileName(unit.name, {
		part: opts.part ?? 'all',
		copy: opts.copy ?? 'draft',
		ext: format,
		all: true
	});
	if (papers.length === 0) return { included, skipped, name };
	const title = `${LABELS[lang].dossierTitle} — ${unit.name}`;
	const bytes = format === 'docx' ? await paperDocx(papers, title) : await paperPdf(papers, title);
	return { included, skipped, name, blob: new Blob([bytes as BlobPart], { type: MIME[format] }) };
}

// The dossier (hồ sơ đề xuất cấp độ) for the browser and the CLI. jsPDF and the fonts are imported
// dynamically, only when a PDF is made, so they stay out of the first page load.
import type { Lang, RuleSet } from '../rules';
import type { SystemRecord, UnitProfile } from '../model/inventory';
import { buildDossier, type DocumentInfo, type Dossier } from './model';
import type { PdfDeps } from './pdf';
import { DossierError, dossierJson, renderDossierPdf } from './render';
import { renderAllDossiers, type BulkOutcome, type BulkSystem } from './bulk';

export { buildDossier, fingerprint, planKeys, DOSSIER_SCHEMA } from './model';
export type { Dossier, DossierInput, DossierIssue, DossierOutcome, DocumentInfo } from './model';
export {
	dossierBlocks,
	dossierJson,
	renderDossierPdf,
	formatGenerated,
	DossierError
} from './render';
export type { RenderOptions } from './render';
export type { PdfDeps } from './pdf';
export { buildAllDossiers, renderAllDossiers } from './bulk';
export type { BulkOutcome, BulkSystem } from './bulk';

let deps: Promise<PdfDeps> | undefined;

/** jsPDF and the four Tinos subsets (~95 kB base64), loaded once on first use. */
export function loadPdfDeps(): Promise<PdfDeps> {
	deps ??= Promise.all([
		import('jspdf'),
		import('./fonts/tinos-regular'),
		import('./fonts/tinos-bold'),
		import('./fonts/tinos-italic'),
		import('./fonts/tinos-bolditalic')
	]).then(([{ jsPDF }, regular, bold, italic, bolditalic]) => ({
		jsPDF,
		fonts: {
			regular: regular.default,
			bold: bold.default,
			italic: italic.default,
			bolditalic: bolditalic.default
		}
	}));
	return deps;
}

/** Renders a built dossier to PDF bytes (Node and browser). */
export async function dossierPdf(
	dossier: Dossier,
	ruleset: RuleSet,
	opts: { lang?: Lang; generatedAt?: string } = {}
): Promise<Uint8Array> {
	return renderDossierPdf(dossier, ruleset, await loadPdfDeps(), opts);
}

export interface DownloadInput {
	ruleset: RuleSet;
	unit: UnitProfile;
	system: SystemRecord;
	document?: DocumentInfo;
	approved?: boolean;
	lang?: Lang;
	/** 'pdf' (default) or the JSON twin. */
	format?: 'pdf' | 'json';
}

/**
 * For the wizard's download button: builds and renders one system's dossier. Throws DossierError
 * listing every problem (in `lang`) when the saved work cannot make a valid dossier yet.
 */
export async function downloadDossier(input: DownloadInput): Promise<Blob> {
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
	if (input.format === 'json')
		return new Blob([dossierJson(built.dossier, now)], { type: 'application/json' });
	const bytes = await dossierPdf(built.dossier, input.ruleset, { lang, generatedAt: now });
	return new Blob([bytes as BlobPart], { type: 'application/pdf' });
}

/** Every system's dossier in one PDF (for the task list), with the systems that could not make one. */
export async function downloadAllDossiers(
	unit: UnitProfile,
	systems: BulkSystem[],
	lang: Lang = 'vi'
): Promise<BulkOutcome & { blob?: Blob }> {
	const out = renderAllDossiers(unit, systems, await loadPdfDeps(), {
		lang,
		generatedAt: new Date().toISOString()
	});
	return {
		...out,
		blob: out.pdf && new Blob([out.pdf as BlobPart], { type: 'application/pdf' })
	};
}

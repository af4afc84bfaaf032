// Dossier model → blocks (by the rule set's template) → PDF bytes; and the JSON twin.
import { procedureFor, type Lang, type RuleSet } from '../rules';
import { hashMatches } from '../rules/hash-match';
import type { Block } from './blocks';
import { LABELS } from './labels';
import { fingerprint, type Dossier, type DossierIssue } from './model';
import { renderPdf, type PdfDeps, type PdfSection } from './pdf';
import { TEMPLATES } from './templates';

/** A dossier that cannot be made; `issues` (when from validation) name each field for the wizard. */
export class DossierError extends Error {
	constructor(
		message: string,
		readonly issues: DossierIssue[] = []
	) {
		super(message);
	}
}

export function dossierBlocks(dossier: Dossier, ruleset: RuleSet, lang: Lang): Block[] {
	if (
		!hashMatches(ruleset, dossier.ruleset.hash) ||
		`${dossier.ruleset.id}@${dossier.ruleset.version}` !== ruleset.ref
	)
		throw new DossierError(
			`the dossier was built with ${dossier.ruleset.id}@${dossier.ruleset.version} (${dossier.ruleset.hash.slice(0, 12)}), not ${ruleset.ref} (${ruleset.hash.slice(0, 12)})`
		);
	const template = TEMPLATES[dossier.template];
	if (!template)
		throw new DossierError(
			`no dossier template "${dossier.template}" (available: ${Object.keys(TEMPLATES).join(', ')})`
		);
	return template({
		dossier,
		ruleset,
		lang,
		L: LABELS[lang],
		procedure: procedureFor(ruleset, dossier.result.proposed_level, lang)
	});
}

/** Vietnamese documents use Vietnam time (UTC+7), whatever the machine's zone. */
export function formatGenerated(iso: string): string {
	const t = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
	return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)} (UTC+7)`;
}

export interface RenderOptions {
	lang?: Lang;
	/** ISO time shown in the footer; not part of the fingerprint. */
	generatedAt?: string;
}

/** One dossier's blocks and page stamps (footer, watermark, banner), ready to lay out. */
export function dossierSection(
	dossier: Dossier,
	ruleset: RuleSet,
	opts: RenderOptions = {}
): PdfSection {
	const lang = opts.lang ?? 'vi';
	const L = LABELS[lang];
	const blocks = dossierBlocks(dossier, ruleset, lang);
	const fp = fingerprint(dossier);
	const generated = formatGenerated(opts.generatedAt ?? new Date().toISOString());
	const source = ruleset.data.source_status;
	return {
		blocks,
		meta: {
			title: `${L.dossierTitle} — ${dossier.system.name}`,
			keywords: `capdo-dossier/1 ${fp}`,
			watermark: !dossier.approved,
			draftLabel: dossier.approved ? undefined : L.draft,
			// The note's first sentence on every page; the whole note is in the dossier itself.
			banner:
				source.status === 'unverified'
					? `${L.unverified}: ${source.note[lang].split(/(?<=\.)\s/)[0]}`
					: undefined,
			footer: (i, n) => [
				`${L.footerPage(i, n)} · ${dossier.system.name}`,
				`${L.ruleset} ${ruleset.ref} #${ruleset.hash.slice(0, 12)} · ${L.footerGenerated} ${generated} · ${L.footerFingerprint} ${fp}`
			]
		}
	};
}

export function renderDossierPdf(
	dossier: Dossier,
	ruleset: RuleSet,
	deps: PdfDeps,
	opts: RenderOptions = {}
): Uint8Array {
	const { blocks, meta } = dossierSection(dossier, ruleset, opts);
	return renderPdf(blocks, meta, deps);
}

/** The JSON twin: the model plus its generation time and fingerprint (excluded from the hash). */
export function dossierJson(dossier: Dossier, generatedAt: string): string {
	return (
		JSON.stringify(
			{ ...dossier, generated_at: generatedAt, fingerprint: fingerprint(dossier) },
			null,
			2
		) + '\n'
	);
}

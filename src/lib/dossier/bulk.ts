// All of a unit's dossiers in one PDF, one after another, each with its own footer and page
// numbers (issue 5: "a unit can also download all of its systems at once"). Pure: jsPDF and the
// fonts are passed in. A system that cannot make a dossier is reported with its reasons, never
// silently left out.
import type { Lang, Level, RuleSet } from '../rules';
import type { SystemRecord, UnitProfile } from '../model/inventory';
import { buildDossier, type DocumentInfo, type Dossier } from './model';
import { renderPdfSections, type PdfDeps } from './pdf';
import { dossierSection } from './render';
import { LABELS } from './labels';

export interface BulkSystem {
	system: SystemRecord;
	/** The rule set it is classified under; undefined when it is not available. */
	ruleset: RuleSet | undefined;
	document?: DocumentInfo;
}

export interface BulkOutcome {
	/** Undefined when no system could make a dossier. */
	pdf?: Uint8Array;
	included: { id: string; name: string; level: Level }[];
	skipped: { id: string; name: string; reasons: string[] }[];
}

export function buildAllDossiers(unit: UnitProfile, systems: BulkSystem[], lang: Lang) {
	const built: { id: string; dossier: Dossier; ruleset: RuleSet }[] = [];
	const skipped: BulkOutcome['skipped'] = [];
	for (const { system, ruleset, document } of systems) {
		if (!ruleset) {
			skipped.push({
				id: system.id,
				name: system.name,
				reasons: [
					lang === 'vi'
						? `Không có bộ quy tắc ${system.ruleset ?? ''}`.trim()
						: `No rule set ${system.ruleset ?? ''}`.trim()
				]
			});
			continue;
		}
		const r = buildDossier(ruleset, { unit, system, document });
		if (r.ok) built.push({ id: system.id, dossier: r.dossier, ruleset });
		else
			skipped.push({
				id: system.id,
				name: system.name,
				reasons: r.errors.map((e) => e.message[lang])
			});
	}
	return { built, skipped };
}

export function renderAllDossiers(
	unit: UnitProfile,
	systems: BulkSystem[],
	deps: PdfDeps,
	opts: { lang?: Lang; generatedAt?: string } = {}
): BulkOutcome {
	const lang = opts.lang ?? 'vi';
	const { built, skipped } = buildAllDossiers(unit, systems, lang);
	const included = built.map((b) => ({
		id: b.id,
		name: b.dossier.system.name,
		level: b.dossier.result.proposed_level
	}));
	if (built.length === 0) return { included, skipped };
	const pdf = renderPdfSections(
		built.map((b) => dossierSection(b.dossier, b.ruleset, opts)),
		{ title: `${LABELS[lang].dossierTitle} — ${unit.name}` },
		deps
	);
	return { pdf, included, skipped };
}

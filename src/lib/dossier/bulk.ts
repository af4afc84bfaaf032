// All of a unit's dossiers in one file, one after another, each document with its own page
// numbers (issue 5: "a unit can also download all of its systems at once"). A system that cannot
// make a dossier is reported with its reasons, never silently left out.
import type { Lang, Level, RuleSet } from '../rules';
import type { SystemRecord, UnitProfile } from '../model/inventory';
import type { Paper } from '../paper/blocks';
import { buildDossier, type DocumentInfo, type Dossier } from './model';
import { dossierPapers, type RenderOptions } from './render';

export interface BulkSystem {
	system: SystemRecord;
	/** The rule set it is classified under; undefined when it is not available. */
	ruleset: RuleSet | undefined;
	document?: DocumentInfo;
}

export interface BulkOutcome {
	papers: Paper[];
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

/** Every buildable system's papers (letters and dossier, as `opts.part` says), in order. */
export function allDossierPapers(
	unit: UnitProfile,
	systems: BulkSystem[],
	opts: RenderOptions = {}
): BulkOutcome {
	const lang = opts.lang ?? 'vi';
	const { built, skipped } = buildAllDossiers(unit, systems, lang);
	return {
		papers: built.flatMap((b) => dossierPapers(b.dossier, b.ruleset, opts)),
		included: built.map((b) => ({
			id: b.id,
			name: b.dossier.system.name,
			level: b.dossier.result.proposed_level
		})),
		skipped
	};
}

// What the maintainer pages show of a check: the report with the stored systems' names hidden.
import { readStoredClassifications } from '$lib/server/db/stored';
import { checkDraft, type DraftFile, type DraftReport } from '$lib/server/rulesets';
import type { ImpactReport } from '$lib/rules';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db/schema';
import type { RuleSet } from '$lib/rules';

/**
 * Maintainers may not read units' systems (policy: no system route for them), so the web impact
 * keeps the unit, levels and basis of each change but not the system's name or id.
 */
export function withoutNames(r: ImpactReport): ImpactReport {
	return { ...r, rows: r.rows.map((row, i) => ({ ...row, id: String(i + 1), name: `#${i + 1}` })) };
}

export function withoutSystemNames(report: DraftReport): DraftReport {
	return {
		...report,
		impact: report.impact && withoutNames(report.impact),
		impactBase: report.impactBase && withoutNames(report.impactBase)
	};
}

/** Checks `files` against the registry, with impact over every stored classification. */
export async function checked(
	db: Kysely<DB>,
	rulesets: readonly RuleSet[],
	files: DraftFile[],
	compare?: string
): Promise<DraftReport> {
	const { report } = checkDraft(files, rulesets, await readStoredClassifications(db), compare);
	return withoutSystemNames(report);
}

// What the maintainer pages show of a check: the report with the stored systems' names hidden.
import { readStoredClassifications } from '$lib/server/db/stored';
import { checkDraft, type DraftFile, type DraftReport } from '$lib/server/rulesets';
import { withoutNames } from '$lib/server/impact-view';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db/schema';
import type { RuleSet } from '$lib/rules';

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

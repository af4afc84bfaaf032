// What the maintainer pages show of a check: the report with the stored systems' names hidden.
import { readStoredClassifications } from '$lib/server/db/stored';
import {
	checkDraft,
	registryWithSource,
	type DraftFile,
	type DraftReport
} from '$lib/server/rulesets';
import { checkInWorker } from '$lib/server/check-pool';
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

let inlineWarned = false;

/**
 * Checks `files` against the registry, with impact over every stored classification, in the check
 * worker thread (check-pool.ts) so other requests go on meanwhile. Should the worker not start,
 * the check runs here, as it always did, and the server says so once.
 */
export async function checked(
	db: Kysely<DB>,
	rulesets: readonly RuleSet[],
	files: DraftFile[],
	compare?: string
): Promise<DraftReport> {
	const stored = await readStoredClassifications(db);
	const { state, source } = await registryWithSource(db);
	let report: DraftReport;
	// The worker rebuilds the registry from the database rows; a caller's own list (a test's, say)
	// is checked here.
	if (
		state.rulesets.length === rulesets.length &&
		state.rulesets.every((r, i) => r === rulesets[i])
	)
		try {
			report = await checkInWorker({ files, stored, compare, source });
			return withoutSystemNames(report);
		} catch (e) {
			if (!inlineWarned) console.error('capdo: the check worker failed; checking inline', e);
			inlineWarned = true;
		}
	report = checkDraft(files, rulesets, stored, compare).report;
	return withoutSystemNames(report);
}

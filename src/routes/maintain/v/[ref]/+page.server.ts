// One rule-set version in the maintainer workspace: its check (diff before → after, impact with
// system names hidden, release note), its review history, and the next step — approve or return
// (by a second maintainer), publish once approved, or withdraw once published.
import { error, fail } from '@sveltejs/kit';
import { diffRuleSets, impact, impactBetween, releaseNote } from '$lib/rules';
import { readStoredClassifications } from '$lib/server/db/stored';
import {
	approveVersion,
	baseOf,
	publishVersion,
	returnVersion,
	reviewHistory,
	withdrawVersion
} from '$lib/server/ruleset-review';
import { ruleSetRegistry, type DraftReport } from '$lib/server/rulesets';
import { contextOf } from '$lib/server/workflow/route';
import { checked, withoutSystemNames } from '../../checked';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, user } = contextOf(event);
	// Read again: an action on this page (publish, withdraw) may have just changed the registry.
	const rulesets = await ruleSetRegistry(db);
	const ref = event.params.ref;
	const row = await db
		.selectFrom('rulesets')
		.leftJoin('users as app', 'app.id', 'rulesets.approved_by')
		.select([
			'rulesets.ref',
			'status',
			'files',
			'editors',
			'submitted_by',
			'release_note',
			'app.display_name as approver'
		])
		.where('rulesets.ref', '=', ref)
		.executeTakeFirst();
	const published = rulesets.find((r) => r.ref === ref);
	if (!row && !published) error(404, 'Không có phiên bản này / no such version.');
	let report: DraftReport;
	if (published) {
		// Published (bundled or from here): what it changed, against the version before it.
		const base = baseOf(published, rulesets);
		const stored = await readStoredClassifications(db);
		const diff = base && diffRuleSets(base, published);
		report = withoutSystemNames({
			ref,
			hash: published.hash,
			errors: [],
			warnings: [],
			tiling: [],
			publishable: false,
			compare: base?.ref,
			diff,
			impactBase: base && impactBetween(base, published, stored),
			impact: impact(published, stored),
			release_note: row?.release_note ?? releaseNote(diff, published)
		});
	} else report = await checked(db, rulesets, row!.files);
	return {
		ref,
		status: published?.withdrawn
			? ('withdrawn' as const)
			: published
				? ('published' as const)
				: row!.status,
		bundled: !row,
		withdrawn: published?.withdrawn,
		files: row?.files.map((f) => f.path) ?? [],
		own: !!row && (row.submitted_by === user.id || row.editors.includes(user.id)),
		approver: row?.approver ?? null,
		history: await reviewHistory(db, ref),
		report
	};
};

type Step = typeof approveVersion;

/** Runs one review step as the signed-in maintainer; a refusal comes back with its reasons. */
function step(field: 'comment' | 'reason', run: Step) {
	return async (event: RequestEvent) => {
		const { db, user } = contextOf(event);
		const form = await event.request.formData();
		const text = String(form.get(field) ?? '');
		const r = await run(db, user, event.params.ref, text);
		if (!r.ok) {
			const problems = r.problems.length
				? r.problems
				: [...(r.report?.errors ?? []), ...(r.report?.tiling ?? [])].map((e) => e.message);
			return fail(422, { text: { field, value: text }, problems });
		}
		return { done: { ref: r.ref, status: r.status, hash: r.hash ?? '' } };
	};
}

export const actions: Actions = {
	approve: step('comment', approveVersion),
	return: step('comment', returnVersion),
	publish: step('comment', publishVersion),
	withdraw: step('reason', withdrawVersion)
};

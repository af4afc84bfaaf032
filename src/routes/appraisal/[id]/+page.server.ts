// The appraiser's review of one dossier: recheck, Điều 16 khoản 1 checklist, decision.
import { today, transitionStatus } from '$lib/rules';
import { action, contextOf, loadOr404 } from '$lib/server/workflow/route';
import {
	approveSystem,
	CHECKLIST,
	parseChecklist,
	returnSystem,
	reviewView,
	saveChecklist,
	startReview
} from '$lib/server/workflow/service';
import { allowedActions, STATUS_LABEL } from '$lib/server/workflow/transitions';
import { regimeName } from '$lib/rules/citation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = contextOf(event);
	const view = await loadOr404(() => reviewView(ctx, event.params.id));
	// Which regime governs this dossier today and its transition deadlines (Luật 116 Điều 45,
	// Nghị định 331 Điều 38–39), beside the recheck.
	const transition = transitionStatus(ctx.rulesets, {
		ruleset: view.classification.ruleset,
		stage: view.record.stage,
		approved_on:
			view.review?.decision === 'approved' ? (view.review.approval_date ?? undefined) : undefined,
		date: today()
	});
	// Regimes by name on the page, never by id (the id is for the recheck's data only).
	const regimes = Object.fromEntries(ctx.rulesets.map((r) => [r.ref, regimeName(r.data)]));
	return {
		...view,
		regimes,
		transition,
		status_label: STATUS_LABEL[view.status],
		actions: allowedActions(view.status, 'appraiser'),
		checklistItems: CHECKLIST
	};
};

const formOf = async (request: Request) =>
	Object.fromEntries((await request.formData()).entries()) as Record<string, string>;

export const actions: Actions = {
	start: (event) =>
		action(async () => {
			await startReview(contextOf(event), event.params.id);
			return { done: 'start' };
		}),
	checklist: (event) =>
		action(async () => {
			const f = await formOf(event.request);
			await saveChecklist(contextOf(event), event.params.id, parseChecklist(f));
			return { done: 'checklist' };
		}),
	return: (event) =>
		action(async () => {
			const f = await formOf(event.request);
			await returnSystem(contextOf(event), event.params.id, f.reasons ?? '', parseChecklist(f));
			return { done: 'return' };
		}),
	approve: (event) =>
		action(async () => {
			const f = await formOf(event.request);
			await approveSystem(contextOf(event), event.params.id, {
				number: f.number ?? '',
				date: f.date ?? '',
				checklist: parseChecklist(f)
			});
			return { done: 'approve' };
		})
};

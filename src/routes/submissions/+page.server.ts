// "Hồ sơ của đơn vị": the unit's systems with their status, the appraiser's decision, and the
// submit / resubmit / revise buttons. The wizard edits the answers; this page moves the dossier.
import { action, contextOf } from '$lib/server/workflow/route';
import {
	classifySystem,
	getInventory,
	getSystem,
	reviseSystem,
	submitSystem,
	systemHistory
} from '$lib/server/workflow/service';
import { allowedActions, STATUS_LABEL } from '$lib/server/workflow/transitions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = contextOf(event);
	const inv = await getInventory(ctx);
	const systems = await Promise.all(
		inv.systems.map(async (s) => {
			const [detail, history] = await Promise.all([getSystem(ctx, s.id), systemHistory(ctx, s.id)]);
			return {
				id: s.id,
				name: detail.record!.name,
				status: s.status,
				status_label: STATUS_LABEL[s.status],
				revision: s.revision,
				level: detail.classification?.proposed_level ?? null,
				ruleset: detail.classification?.ruleset ?? null,
				decision: detail.decision,
				actions: allowedActions(s.status, 'unit').filter((a) => a !== 'save'),
				history: history.revisions.map((r) => ({
					revision: r.revision,
					decision: r.review?.decision ?? null,
					reasons: r.review?.return_reasons ?? null,
					changes: r.changes
				}))
			};
		})
	);
	return { unit: inv.inventory.unit, systems };
};

const idOf = async (request: Request) => String((await request.formData()).get('id') ?? '');

export const actions: Actions = {
	classify: (event) =>
		action(async () => {
			await classifySystem(contextOf(event), await idOf(event.request));
			return { done: 'classify' };
		}),
	submit: (event) =>
		action(async () => {
			await submitSystem(contextOf(event), await idOf(event.request), {});
			return { done: 'submit' };
		}),
	revise: (event) =>
		action(async () => {
			await reviseSystem(contextOf(event), await idOf(event.request));
			return { done: 'revise' };
		})
};

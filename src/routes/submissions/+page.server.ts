// "Hồ sơ của đơn vị": the unit's systems with their status, the appraiser's decision, the way to
// submit (the wizard's one-step submission page) and, after a return or an approval, a new revision.
// Everything is put in words here: regimes by name, changes by question, dates as dd/mm/yyyy.
import { translator } from '$lib/i18n';
import { formatDate } from '$lib/i18n/dates';
import { messagesFor } from '$lib/i18n/messages';
import type { SystemRecord } from '$lib/model/inventory';
import { action, contextOf } from '$lib/server/workflow/route';
import {
	classifySystem,
	getInventory,
	getSystem,
	reviseSystem,
	submitSystem,
	systemHistory
} from '$lib/server/workflow/service';
import { allowedActions } from '$lib/server/workflow/transitions';
import { describeChanges } from '$lib/wizard/changes';
import { regimeLabel } from '$lib/wizard/view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = contextOf(event);
	const t = translator(event.locals.lang, messagesFor(event.locals.lang));
	const rulesets = event.locals.rulesets;
	const inv = await getInventory(ctx);
	const systems = await Promise.all(
		inv.systems.map(async (s) => {
			const [detail, history] = await Promise.all([getSystem(ctx, s.id), systemHistory(ctx, s.id)]);
			const record = detail.record as SystemRecord;
			const ref = detail.classification?.ruleset ?? record.ruleset;
			const rs = rulesets.find((r) => r.ref === ref);
			const d = detail.decision;
			return {
				id: s.id,
				name: record.name,
				status: s.status,
				revision: s.revision,
				level: detail.classification?.proposed_level ?? null,
				regime: ref ? regimeLabel(rulesets, ref, t) : null,
				returnReasons: s.status === 'returned' ? (d?.return_reasons ?? null) : null,
				approval:
					s.status === 'approved' && d
						? {
								level: d.approved_level,
								number: d.approval_number,
								date: d.approval_date ? formatDate(d.approval_date) : ''
							}
						: null,
				actions: allowedActions(s.status, 'unit').filter((a) => a !== 'save'),
				history: history.revisions.map((r) => ({
					revision: r.revision,
					date: formatDate(r.submitted_at),
					decision: r.review?.decision ?? null,
					reasons: r.review?.return_reasons ?? null,
					changes: describeChanges(r.changes, { rs, rulesets, record, t })
				}))
			};
		})
	);
	return { unit: inv.inventory.unit, systems };
};

const idOf = async (request: Request) => String((await request.formData()).get('id') ?? '');

export const actions: Actions = {
	// Kept for API clients and older pages; the page itself submits through /systems/[id]/submit.
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

// "Hồ sơ của đơn vị": the unit's systems with their status, the appraiser's decision, the submitted
// dossier and the files, what changed between submissions, and the submit / resubmit / revise /
// upload actions. The wizard edits the answers; this page moves the dossier.
import { translator } from '$lib/i18n';
import { messagesFor } from '$lib/i18n/messages';
import {
	describeSignature,
	FILE_KIND_LABEL,
	systemFiles,
	UPLOADS,
	uploadFile
} from '$lib/server/workflow/files';
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
import { uploadFromForm } from '$lib/server/workflow/upload-form';
import { describeChanges } from '$lib/wizard/summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = contextOf(event);
	const t = translator(event.locals.lang, messagesFor(event.locals.lang));
	const inv = await getInventory(ctx);
	const systems = await Promise.all(
		inv.systems.map(async (s) => {
			const [detail, history, files] = await Promise.all([
				getSystem(ctx, s.id),
				systemHistory(ctx, s.id),
				systemFiles(ctx, s.id)
			]);
			const rsOf = (ref: string) => ctx.rulesets.find((r) => r.ref === ref);
			const revs = history.revisions;
			const current = detail.record!;
			const pinned = rsOf(current.ruleset ?? '') ?? rsOf(revs.at(-1)?.ruleset ?? '');
			const approvedRecord = revs.find((r) => r.revision === detail.approval?.revision)?.record;
			return {
				id: s.id,
				name: current.name,
				status: s.status,
				status_label: STATUS_LABEL[s.status],
				revision: s.revision,
				level: detail.classification?.proposed_level ?? null,
				ruleset: detail.classification?.ruleset ?? null,
				decision: detail.decision,
				approval: detail.approval,
				needs_redetermination: detail.needs_redetermination,
				// What changed since the approval, in words, for the re-determination notice.
				redetermination:
					detail.needs_redetermination && pinned && approvedRecord
						? describeChanges(pinned, approvedRecord, current, t)
						: [],
				actions: allowedActions(s.status, 'unit').filter((a) => a !== 'save'),
				can_upload: UPLOADS.unit.statuses.includes(s.status),
				files: files.map((f) => ({
					...f,
					signature: undefined,
					kind_label: FILE_KIND_LABEL[f.kind],
					signed: f.kind.startsWith('signed_') ? describeSignature(f.signature) : undefined
				})),
				history: revs.map((r, i) => {
					const rs = rsOf(r.ruleset);
					return {
						revision: r.revision,
						decision: r.review?.decision ?? null,
						reasons: r.review?.return_reasons ?? null,
						level: r.proposed_level,
						changes: i > 0 && rs ? describeChanges(rs, revs[i - 1]!.record, r.record, t) : []
					};
				})
			};
		})
	);
	return {
		unit: inv.inventory.unit,
		systems,
		upload_kinds: UPLOADS.unit.kinds.map((k) => ({ value: k, label: FILE_KIND_LABEL[k] }))
	};
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
			await submitSystem(contextOf(event), await idOf(event.request));
			return { done: 'submit' };
		}),
	revise: (event) =>
		action(async () => {
			await reviseSystem(contextOf(event), await idOf(event.request));
			return { done: 'revise' };
		}),
	upload: (event) =>
		action(async () => {
			const form = await event.request.formData();
			await uploadFile(contextOf(event), String(form.get('id') ?? ''), await uploadFromForm(form));
			return { done: 'upload' };
		})
};

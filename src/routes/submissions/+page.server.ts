// "Hồ sơ của đơn vị": the unit's systems with their status, the appraiser's decision, the submitted
// dossier and the files, what changed between submissions, the way to submit (the wizard's one-step
// declaration page), a new revision after a return or an approval, and signed uploads. Everything
// is put in words here: regimes by name, changes by question, dates as dd/mm/yyyy.
import { formatDate } from '$lib/i18n/dates';
import { translatorFor } from '$lib/i18n/messages';
import { describeSignature, systemFiles, UPLOADS, uploadFile } from '$lib/server/workflow/files';
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
import { uploadFromForm } from '$lib/server/workflow/upload-form';
import { describeChanges } from '$lib/wizard/summary';
import { regimeLabel } from '$lib/wizard/view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = contextOf(event);
	const t = translatorFor(event.locals.lang);
	const inv = await getInventory(ctx);
	const rsOf = (ref: string) => ctx.rulesets.find((r) => r.ref === ref);
	const systems = await Promise.all(
		inv.systems.map(async (s) => {
			const [detail, history, files] = await Promise.all([
				getSystem(ctx, s.id),
				systemHistory(ctx, s.id),
				systemFiles(ctx, s.id)
			]);
			const revs = history.revisions;
			const current = detail.record!;
			const ref = detail.classification?.ruleset ?? current.ruleset;
			const pinned = rsOf(current.ruleset ?? '') ?? rsOf(revs.at(-1)?.ruleset ?? '');
			const approvedRecord = revs.find((r) => r.revision === detail.approval?.revision)?.record;
			const approval = detail.approval;
			return {
				id: s.id,
				name: current.name,
				status: s.status,
				revision: s.revision,
				level: detail.classification?.proposed_level ?? null,
				regime: ref ? regimeLabel(ctx.rulesets, ref, t) : null,
				returnReasons: s.status === 'returned' ? (detail.decision?.return_reasons ?? null) : null,
				approval: approval
					? {
							level: approval.level,
							number: approval.number,
							date: formatDate(approval.date),
							revision: approval.revision
						}
					: null,
				needs_redetermination: detail.needs_redetermination,
				// What changed since the approval, in words, for the re-determination notice.
				redetermination:
					detail.needs_redetermination && pinned && approvedRecord
						? describeChanges(pinned, approvedRecord, current, t, ctx.rulesets)
						: [],
				actions: allowedActions(s.status, 'unit').filter((a) => a !== 'save'),
				can_upload: UPLOADS.unit.statuses.includes(s.status),
				files: files.map((f) => ({
					id: f.id,
					filename: f.filename,
					size: f.size,
					revision: f.revision,
					kind_label: t(`appraisal.fileKind.${f.kind}`),
					signed: f.kind.startsWith('signed_') ? describeSignature(f.signature) : undefined
				})),
				history: revs.map((r, i) => {
					const rs = rsOf(r.ruleset);
					return {
						revision: r.revision,
						date: formatDate(r.submitted_at),
						decision: r.review?.decision ?? null,
						reasons: r.review?.return_reasons ?? null,
						changes:
							i > 0 && rs ? describeChanges(rs, revs[i - 1]!.record, r.record, t, ctx.rulesets) : []
					};
				})
			};
		})
	);
	return {
		unit: inv.inventory.unit,
		systems,
		upload_kinds: UPLOADS.unit.kinds.map((k) => ({ value: k, label: t(`appraisal.fileKind.${k}`) }))
	};
};

const idOf = async (request: Request) => String((await request.formData()).get('id') ?? '');

export const actions: Actions = {
	// classify and submit are kept for clients without the wizard; the page submits through
	// /systems/[id]/submit (the declaration page).
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

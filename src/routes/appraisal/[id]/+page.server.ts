// The appraiser's review of one dossier: the answers as the unit gave them, what changed since the
// last submission, the submitted PDF and the uploaded files, who must appraise, the recheck, the
// regime's checklist and the structured opinion, and the decision with its approval record.
import type { MessageKey } from '$lib/i18n';
import type { FileKind } from '$lib/server/db/schema';
import { translatorFor } from '$lib/i18n/messages';
import { formatCitation, today, transitionStatus, type Citation } from '$lib/rules';
import { describeSignature, UPLOADS, uploadFile } from '$lib/server/workflow/files';
import { parseChecklist } from '$lib/server/workflow/checklist';
import { papersFor, regimeOf } from '$lib/appraisal/papers';
import { MAX_COORDINATION, PAPERS, parseOpinion, parsePapers } from '$lib/server/workflow/opinion';
import { action, contextOf, loadOr404 } from '$lib/server/workflow/route';
import {
	approveSystem,
	returnSystem,
	reviewItems,
	reviewView,
	saveReview,
	startReview
} from '$lib/server/workflow/service';
import { allowedActions } from '$lib/server/workflow/transitions';
import { regimeName } from '$lib/rules/citation';
import { uploadFromForm } from '$lib/server/workflow/upload-form';
import { answerTree, describeChanges, routingRows } from '$lib/wizard/summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = contextOf(event);
	const lang = event.locals.lang;
	const view = await loadOr404(() => reviewView(ctx, event.params.id, lang));
	const t = translatorFor(lang);
	const rs = ctx.rulesets.find((r) => r.ref === view.classification.ruleset);
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
	const regimes = Object.fromEntries(ctx.rulesets.map((r) => [r.ref, regimeName(r.data, lang)]));
	const { record, previous } = view;
	const citation = (x: Citation) => (rs ? formatCitation(x, rs.data.sources, lang) : '');
	const fileKind = (k: FileKind) => t(`appraisal.fileKind.${k}`);
	return {
		...view,
		regimes,
		checklist_items: view.checklist_items.map((i) => ({
			...i,
			citation_text: citation(i.citation)
		})),
		coordination: view.coordination && {
			...view.coordination,
			citation_text: citation(view.coordination.citation)
		},
		// Deadlines cite the procedure in the page's language.
		deadlines: view.deadlines.map((d) => ({
			...d,
			citation: view.procedure?.[`${d.kind}_deadline`]?.citation ?? d.citation
		})),
		// The basis of the level: each criterion's citation in the page's language (older stored
		// results may have only the Vietnamese one).
		classification: {
			...view.classification,
			result: {
				...view.classification.result,
				basis: view.classification.result.basis.map((b) => ({
					...b,
					citation: (lang === 'en' && b.citation_en) || b.citation
				}))
			}
		},
		// The answers in words (never fact ids), components nested, and the changes since the last one.
		answers: rs && answerTree(rs, record, t),
		routing: rs ? routingRows(rs, record, t) : [],
		stage: record.stage && t(`system.stage.${record.stage}`),
		changes: rs && previous ? describeChanges(rs, previous.record, record, t, ctx.rulesets) : [],
		changed_questions: view.changed_questions.length,
		files: view.files.map((f) => ({
			...f,
			signature: undefined,
			kind_label: fileKind(f.kind),
			signed: f.kind.startsWith('signed_') ? describeSignature(f.signature, t) : undefined
		})),
		transition,
		status_label: t(`status.${view.status}`),
		actions: allowedActions(view.status, 'appraiser'),
		upload_kinds: UPLOADS.appraiser.kinds.map((k) => ({ value: k, label: fileKind(k) })),
		can_upload: UPLOADS.appraiser.statuses.includes(view.status),
		max_coordination: MAX_COORDINATION,
		// The papers the level calls for (Mẫu số 04–07; Decree 85's opinion, tờ trình, decision),
		// once the review has started.
		papers:
			rs && view.review
				? papersFor(regimeOf(rs), view.classification.proposed_level).map((id) => ({
						id,
						title: t(`appraisal.paperTitle.${regimeOf(rs)}.${id}` as MessageKey)
					}))
				: []
	};
};

const formOf = async (request: Request) =>
	Object.fromEntries((await request.formData()).entries()) as Record<string, string>;

/** The checklist, opinion and paper numbers as the form sends them, read under the dossier's rule set. */
async function reviewInput(event: Parameters<Actions[string]>[0], f: Record<string, string>) {
	const items = await reviewItems(contextOf(event), event.params.id!);
	return {
		checklist: parseChecklist(items, f),
		opinion: parseOpinion(f),
		papers: parsePapers(f, PAPERS)
	};
}

export const actions: Actions = {
	start: (event) =>
		action(async () => {
			await startReview(contextOf(event), event.params.id);
			return { done: 'start' };
		}, translatorFor(event.locals.lang)),
	save: (event) =>
		action(async () => {
			const f = await formOf(event.request);
			await saveReview(contextOf(event), event.params.id, await reviewInput(event, f));
			return { done: 'save' };
		}, translatorFor(event.locals.lang)),
	return: (event) =>
		action(async () => {
			const f = await formOf(event.request);
			await returnSystem(
				contextOf(event),
				event.params.id,
				f.reasons ?? '',
				await reviewInput(event, f)
			);
			return { done: 'return' };
		}, translatorFor(event.locals.lang)),
	approve: (event) =>
		action(async () => {
			const f = await formOf(event.request);
			await approveSystem(contextOf(event), event.params.id, {
				number: f.number ?? '',
				date: f.date ?? '',
				...(await reviewInput(event, f))
			});
			return { done: 'approve' };
		}, translatorFor(event.locals.lang)),
	upload: (event) =>
		action(async () => {
			const form = await event.request.formData();
			await uploadFile(contextOf(event), event.params.id, await uploadFromForm(form));
			return { done: 'upload' };
		}, translatorFor(event.locals.lang))
};

// The review's papers as files: the appraisal opinion, the tờ trình and the decisions (Mẫu số 04–07
// Nghị định 331/2026; the Decree 85/2016 equivalents), filled from what the appraiser recorded and
// written by the shared paper writers. Only the dossier's appraiser may fetch them (404 otherwise).
import { appraisalPaper, papersFor, PAPER_SLUG, regimeOf } from '../../appraisal/papers';
import { slug } from '../../dossier/names';
import { MIME, paperDocx, paperPdf } from '../../paper';
import { procedureFor } from '../../rules';
import { PAPERS, type PaperId } from './opinion';
import { authorized, NotFoundError, reviewView, type Context } from './service';
import { unitProfile } from './submitted';

export type PaperFormat = 'pdf' | 'docx';

/** Which of the review's papers exist for the dossier's regime and level. */
export async function availablePapers(ctx: Context, id: string): Promise<PaperId[]> {
	const view = await reviewView(ctx, id);
	const rs = ctx.rulesets.find((r) => r.ref === view.classification.ruleset);
	return rs && view.review ? papersFor(regimeOf(rs), view.classification.proposed_level) : [];
}

export async function renderReviewPaper(
	ctx: Context,
	id: string,
	paper: string,
	format: PaperFormat,
	copy: 'draft' | 'final'
): Promise<{ bytes: Uint8Array; filename: string; mime: string }> {
	const sys = await authorized(ctx.db, ctx, id, 'appraise');
	const view = await reviewView(ctx, id);
	const rs = ctx.rulesets.find((r) => r.ref === view.classification.ruleset);
	const level = view.classification.proposed_level;
	if (!rs || !view.review || !PAPERS.includes(paper as PaperId)) throw new NotFoundError();
	const paperId = paper as PaperId;
	if (!papersFor(regimeOf(rs), level).includes(paperId)) throw new NotFoundError();
	const unit = await unitProfile(ctx.db, sys.unit_id);
	const body = await ctx.db
		.selectFrom('governing_bodies')
		.select('name')
		.where('id', '=', sys.body_id)
		.executeTakeFirst();
	const procedure = procedureFor(rs, level, 'vi', view.record.routing);
	// Who leads the appraisal unless the appraiser names it: for levels 1–3 the unit's own
	// specialized unit (unless a route sends it elsewhere), otherwise the routed appraiser.
	const lead = (level <= 3 && !procedure.route && unit.security_unit) || procedure.appraiser;
	const { review } = view;
	const result = appraisalPaper(paperId, {
		ruleset: rs,
		level,
		system: {
			name: view.record.name,
			operator: view.record.operator,
			owner: view.record.owner
		},
		unit,
		appraiser: { governing_body: body?.name, lead },
		checklist: view.checklist_items.map((item) => ({
			item,
			verdict: review.checklist?.[item.id]?.verdict ?? '',
			comment: review.checklist?.[item.id]?.comment ?? ''
		})),
		opinion: review.opinion,
		papers: review.papers ?? {},
		approval:
			review.decision === 'approved' && review.approval_number && review.approval_date
				? { number: review.approval_number, date: review.approval_date }
				: undefined,
		dossier: { revision: view.revision, sha256: view.pdf_sha256 },
		copy,
		generatedAt: (ctx.now?.() ?? new Date()).toISOString()
	});
	const bytes =
		format === 'pdf' ? await paperPdf(result, result.title) : await paperDocx(result, result.title);
	const copyName = copy === 'final' ? 'ban-trinh-ky' : 'du-thao';
	return {
		bytes,
		filename: `${PAPER_SLUG[paperId]}-${slug(view.record.name)}-${copyName}.${format}`,
		mime: MIME[format]
	};
}

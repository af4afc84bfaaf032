// Four-eyes publishing of rule-set versions, and withdrawal. A draft is submitted for review with
// a comment, approved (or returned) by a second maintainer — never one who edited it — and then
// published; a published version can be withdrawn with a reason. Each step runs in one
// transaction under a lock, re-runs the checks against the registry as committed, is kept in
// ruleset_reviews with its comment and recorded in the audit log.
import { sql, type Kysely, type Transaction } from 'kysely';
import { diffRuleSets, type RuleSet } from '../rules';
import { releaseNote } from '../rules/release-note';
import { appendAudit } from './audit/log';
import type { Principal } from './auth/policy';
import type { DB, ReviewStep, RuleSetStatus } from './db/schema';
import {
	actorOf,
	checkDraft,
	fileProblems,
	filesHash,
	ruleSetRegistry,
	saveDraft,
	type DraftFile,
	type DraftReport
} from './rulesets';

export type StepResult =
	| { ok: true; ref: string; status: RuleSetStatus | 'withdrawn'; hash?: string }
	| { ok: false; problems: string[]; report?: DraftReport };

const refused = (...problems: string[]): StepResult => ({ ok: false, problems });

/** A comment is required at every step: it is the record of why. */
function commentProblem(comment: string, what = 'Nhận xét / comment'): string | undefined {
	const c = comment.trim();
	if (!c) return `${what}: bắt buộc / required.`;
	if (c.length > 4000) return `${what}: tối đa 4000 ký tự / at most 4000 characters.`;
	return undefined;
}

async function lockRow(trx: Transaction<DB>, ref: string) {
	await sql`lock table rulesets in share row exclusive mode`.execute(trx);
	return trx.selectFrom('rulesets').selectAll().where('ref', '=', ref).executeTakeFirst();
}

async function record(
	trx: Transaction<DB>,
	user: Principal,
	ref: string,
	step: ReviewStep,
	comment: string,
	extra: Record<string, unknown> = {},
	files_sha256: string | null = null
) {
	await trx
		.insertInto('ruleset_reviews')
		.values({ ref, step, actor_id: user.id, comment: comment.trim(), files_sha256 })
		.execute();
	await appendAudit(trx, actorOf(user), {
		action: `ruleset.${step}`,
		entity_type: 'ruleset',
		entity_id: ref,
		after: { ref, comment: comment.trim(), ...(files_sha256 ? { files_sha256 } : {}), ...extra }
	});
}

/** The checks a version must pass at every step (they may have changed since the last one). */
function recheckDraft(files: DraftFile[], registry: readonly RuleSet[]) {
	const { report, ruleset } = checkDraft(files, registry);
	return report.publishable && ruleset ? { report, ruleset } : { report };
}

/**
 * Saves `files` and submits them for review. Refused, with nothing saved, unless the version
 * is publishable now (loads, golden cases pass, tiles, new ref).
 */
export async function submitForReview(
	db: Kysely<DB>,
	user: Principal,
	files: DraftFile[],
	comment: string
): Promise<StepResult> {
	const problems = [...fileProblems(files), commentProblem(comment)].filter(
		(p): p is string => !!p
	);
	if (problems.length) return { ok: false, problems };
	const { report } = recheckDraft(files, await ruleSetRegistry(db));
	if (!report.publishable || !report.ref) return { ok: false, problems: [], report };
	const saved = await saveDraft(db, user, files);
	if (!saved.ok) return refused(...saved.problems);
	return db.transaction().execute(async (trx) => {
		const row = await lockRow(trx, saved.ref);
		if (!row || row.status !== 'draft') return refused(`${saved.ref}: không còn là bản nháp.`);
		const again = recheckDraft(row.files, await ruleSetRegistry(trx));
		if (!again.ruleset) return { ok: false as const, problems: [], report: again.report };
		const sha = filesHash(row.files);
		await trx
			.updateTable('rulesets')
			.set({
				status: 'in_review',
				files_sha256: sha,
				submitted_by: user.id,
				submitted_at: new Date()
			})
			.where('ref', '=', row.ref)
			.execute();
		await record(trx, user, row.ref, 'submit', comment, { hash: again.ruleset.hash }, sha);
		return { ok: true as const, ref: row.ref, status: 'in_review' as const };
	});
}

/** A second maintainer approves a version in review; its editors and submitter may not. */
export async function approveVersion(
	db: Kysely<DB>,
	user: Principal,
	ref: string,
	comment: string
): Promise<StepResult> {
	const p = commentProblem(comment);
	if (p) return refused(p);
	return db.transaction().execute(async (trx) => {
		const row = await lockRow(trx, ref);
		if (!row) return refused(`Không có phiên bản ${ref} / no version ${ref}.`);
		if (row.status !== 'in_review')
			return refused(`${ref} không ở trạng thái chờ duyệt / is not awaiting review.`);
		if (row.submitted_by === user.id || row.editors.includes(user.id))
			return refused(
				`Không thể tự phê duyệt: ${ref} do chính bạn soạn hoặc gửi duyệt; cần một người quản lý ` +
					`quy tắc khác phê duyệt / You cannot approve your own draft: a second maintainer must.`
			);
		const again = recheckDraft(row.files, await ruleSetRegistry(trx));
		if (!again.ruleset) return { ok: false as const, problems: [], report: again.report };
		await trx
			.updateTable('rulesets')
			.set({ status: 'approved', approved_by: user.id, approved_at: new Date() })
			.where('ref', '=', ref)
			.execute();
		await record(
			trx,
			user,
			ref,
			'approve',
			comment,
			{ hash: again.ruleset.hash },
			row.files_sha256
		);
		return { ok: true as const, ref, status: 'approved' as const };
	});
}

/** Sends a version in review (or approved, not yet published) back to draft, with the reason. */
export async function returnVersion(
	db: Kysely<DB>,
	user: Principal,
	ref: string,
	comment: string
): Promise<StepResult> {
	const p = commentProblem(comment);
	if (p) return refused(p);
	return db.transaction().execute(async (trx) => {
		const row = await lockRow(trx, ref);
		if (!row || (row.status !== 'in_review' && row.status !== 'approved'))
			return refused(`${ref} không ở trạng thái chờ duyệt / is not in review.`);
		await trx
			.updateTable('rulesets')
			.set({
				status: 'draft',
				files_sha256: null,
				submitted_by: null,
				submitted_at: null,
				approved_by: null,
				approved_at: null
			})
			.where('ref', '=', ref)
			.execute();
		await record(trx, user, ref, 'return', comment, { from: row.status }, row.files_sha256);
		return { ok: true as const, ref, status: 'draft' as const };
	});
}

/** Publishes an approved version: exactly the approved files, checked once more. */
export async function publishVersion(
	db: Kysely<DB>,
	user: Principal,
	ref: string,
	comment: string
): Promise<StepResult> {
	const p = commentProblem(comment);
	if (p) return refused(p);
	return db.transaction().execute(async (trx) => {
		const row = await lockRow(trx, ref);
		if (!row) return refused(`Không có phiên bản ${ref} / no version ${ref}.`);
		if (row.status === 'published')
			return refused(`${ref} đã được công bố / is already published.`);
		if (row.status !== 'approved')
			return refused(
				`${ref} chưa được phê duyệt: cần gửi duyệt và một người quản lý quy tắc khác phê duyệt ` +
					`trước khi công bố / must be submitted and approved by a second maintainer first.`
			);
		if (filesHash(row.files) !== row.files_sha256)
			return refused(
				`${ref}: nội dung khác bản đã duyệt / content differs from what was approved.`
			);
		const registry = await ruleSetRegistry(trx);
		const again = recheckDraft(row.files, registry);
		if (!again.ruleset) return { ok: false as const, problems: [], report: again.report };
		const rs = again.ruleset;
		const base = baseOf(rs, registry);
		const note = releaseNote(base ? diffRuleSets(base, rs) : undefined, rs);
		await trx
			.updateTable('rulesets')
			.set({
				status: 'published',
				hash: rs.hash,
				effective_from: rs.data.effective_from,
				effective_to: rs.data.effective_to ?? null,
				published_by: user.id,
				published_at: new Date(),
				release_note: JSON.stringify(note)
			})
			.where('ref', '=', ref)
			.execute();
		await record(
			trx,
			user,
			ref,
			'publish',
			comment,
			{
				hash: rs.hash,
				effective_from: rs.data.effective_from,
				approved_by: row.approved_by,
				submitted_by: row.submitted_by
			},
			row.files_sha256
		);
		return { ok: true as const, ref, status: 'published' as const, hash: rs.hash };
	});
}

/** The version a new one is compared with: its parent, else the latest earlier one of its id. */
export function baseOf(rs: RuleSet, registry: readonly RuleSet[]): RuleSet | undefined {
	const parent = rs.data.extends && registry.find((r) => r.ref === rs.data.extends);
	if (parent) return parent;
	return registry
		.filter(
			(r) =>
				r.data.id === rs.data.id &&
				r.ref !== rs.ref &&
				!r.withdrawn &&
				r.data.effective_from < rs.data.effective_from
		)
		.sort((a, b) => b.data.effective_from.localeCompare(a.data.effective_from))[0];
}

/**
 * Withdraws a published version (bundled or from the database) with a reason. Nothing is
 * deleted: the version stays readable and cited, applies to no date any more, and results
 * stored under it are flagged for re-determination.
 */
export async function withdrawVersion(
	db: Kysely<DB>,
	user: Principal,
	ref: string,
	reason: string
): Promise<StepResult> {
	const p = commentProblem(reason, 'Lý do / reason');
	if (p) return refused(p);
	return db.transaction().execute(async (trx) => {
		await sql`lock table rulesets in share row exclusive mode`.execute(trx);
		const rs = (await ruleSetRegistry(trx)).find((r) => r.ref === ref);
		if (!rs) return refused(`${ref} chưa được công bố / is not published.`);
		if (rs.withdrawn) return refused(`${ref} đã bị rút / is already withdrawn.`);
		await trx
			.insertInto('ruleset_withdrawals')
			.values({ ref, hash: rs.hash, reason: reason.trim(), withdrawn_by: user.id })
			.execute();
		const affected = await trx
			.selectFrom('classifications')
			.select((eb) => eb.fn.count<string>('id').as('n'))
			.where('ruleset_id', '=', rs.data.id)
			.where('ruleset_version', '=', rs.data.version)
			.executeTakeFirstOrThrow();
		await record(trx, user, ref, 'withdraw', reason, {
			hash: rs.hash,
			classifications: Number(affected.n)
		});
		return { ok: true as const, ref, status: 'withdrawn' as const };
	});
}

export interface ReviewEntry {
	step: ReviewStep;
	by: string;
	comment: string;
	at: Date;
}

/** A version's review history, oldest first, with who did each step. */
export async function reviewHistory(db: Kysely<DB>, ref: string): Promise<ReviewEntry[]> {
	return db
		.selectFrom('ruleset_reviews')
		.innerJoin('users', 'users.id', 'ruleset_reviews.actor_id')
		.select(['step', 'users.display_name as by', 'comment', 'at'])
		.where('ref', '=', ref)
		.orderBy('ruleset_reviews.id')
		.execute();
}

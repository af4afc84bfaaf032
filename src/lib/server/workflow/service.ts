// Assessments and their appraisal, stored transactionally with an audit entry per change. Every
// function takes the signed-in user and checks access through the policy module.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { SystemRecord } from '../../model/inventory';
import {
	evaluate,
	normalizeRouting,
	procedureFor,
	selectRuleSet,
	today,
	type Classification,
	type Lang,
	type Level,
	type RuleSet
} from '../../rules';
import { actorOf, InputError, vietnamese, type Said } from '../auth/accounts';
import { systemAccess, type Principal, type SystemMode } from '../auth/policy';
import { changesBetween } from '../audit/changes';
import { appendAudit } from '../audit/log';
import type { DB, Status } from '../db/schema';
import { MIME } from '../../paper';
import { insertFile, listFiles } from '../files/store';
import { checklistFor, unmetItems, type Checklist } from './checklist';
import { deadlinesFor } from './deadlines';
import { diffAnswers, type Change } from './diff';
import { EMPTY_OPINION, type Opinion, type Papers } from './opinion';
import { inputOf, recheck } from './recheck';
import { emptyInventory, parseProfile, parseRecord, recordHash } from './record';
import { renderSubmitted, unitProfile } from './submitted';
import { nextStatus, type Action } from './transitions';

export class NotFoundError extends Error {
	constructor() {
		super('Không tìm thấy hệ thống.');
	}
}
export class ConflictError extends Error {
	readonly said?: Said;
	constructor(message: string | Said) {
		super(vietnamese(message));
		if (typeof message !== 'string') this.said = message;
	}
}

export interface Context {
	db: Kysely<DB>;
	user: Principal;
	rulesets: readonly RuleSet[];
	now?: () => Date;
}

type Trx = Transaction<DB>;

/** The system row with its unit's body, locked for update when inside a write. */
async function loadSystem(trx: Kysely<DB>, id: string, lock: boolean) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
	let q = trx
		.selectFrom('systems')
		.innerJoin('units', 'units.id', 'systems.unit_id')
		.selectAll('systems')
		.select(['units.body_id', 'units.name as unit_name'])
		.where('systems.id', '=', id);
	if (lock) q = q.forUpdate(['systems']);
	const row = await q.executeTakeFirst();
	if (!row) return undefined;
	const submitted = await trx
		.selectFrom('dossiers')
		.select('id')
		.where('system_id', '=', id)
		.limit(1)
		.executeTakeFirst();
	return { ...row, record: row.record as SystemRecord, submitted: !!submitted };
}
type LoadedSystem = NonNullable<Awaited<ReturnType<typeof loadSystem>>>;

/** Another unit's system and a missing one look the same: 404, never its data. */
export async function authorized(
	trx: Kysely<DB>,
	ctx: Context,
	id: string,
	mode: SystemMode,
	lock = false
) {
	const sys = await loadSystem(trx, id, lock);
	if (!sys || !systemAccess(ctx.user, sys, mode)) throw new NotFoundError();
	return sys;
}

async function changeSystem(
	ctx: Context,
	id: string,
	action: Action,
	mode: SystemMode,
	work: (
		trx: Trx,
		sys: LoadedSystem,
		to: Status
	) => Promise<{
		set?: Record<string, unknown>;
		/** The record as it is to be stored, when the step changes it. */
		record?: SystemRecord;
		audit?: { before?: unknown; after?: unknown };
	}>
) {
	return ctx.db.transaction().execute(async (trx) => {
		const sys = await authorized(trx, ctx, id, mode, true);
		const to = nextStatus(action, sys.status);
		const { set = {}, record, audit } = await work(trx, sys, to);
		// The log keeps what changed in the record, not the record twice (issue 16 item 2).
		const changes = record ? changesBetween(sys.record, record) : undefined;
		const updated = await trx
			.updateTable('systems')
			.set({
				...set,
				...(record && { record: JSON.stringify(record) }),
				status: to,
				version: sys.version + 1,
				updated_at: new Date()
			})
			.where('id', '=', id)
			.returningAll()
			.executeTakeFirstOrThrow();
		await appendAudit(trx, actorOf(ctx.user), {
			action: `system.${action}`,
			entity_type: 'system',
			entity_id: id,
			unit_id: sys.unit_id,
			before: { status: sys.status, revision: sys.revision, ...(audit?.before as object) },
			after: {
				status: to,
				revision: updated.revision,
				...(changes?.length && { changes }),
				...(audit?.after as object)
			}
		});
		return { ...updated, record: updated.record as SystemRecord };
	});
}

// ---- the unit's side ------------------------------------------------------------------------

function requireUnit(ctx: Context): string {
	if (ctx.user.role !== 'unit' || !ctx.user.unit_id) throw new NotFoundError();
	return ctx.user.unit_id;
}

/** The unit's work in the wizard's Inventory shape, plus each system's server-side state. */
export async function getInventory(ctx: Context) {
	const unitId = requireUnit(ctx);
	const systems = await ctx.db
		.selectFrom('systems')
		.selectAll()
		.where('unit_id', '=', unitId)
		.orderBy('created_at')
		.execute();
	const profile = await unitProfile(ctx.db, unitId);
	return {
		inventory: emptyInventory(
			profile,
			systems.map((s) => s.record as SystemRecord)
		),
		systems: systems.map((s) => ({
			id: s.id,
			status: s.status,
			revision: s.revision,
			version: s.version,
			classified: s.classification_id !== null
		}))
	};
}

export async function saveProfile(ctx: Context, raw: unknown) {
	const unitId = requireUnit(ctx);
	const profile = parseProfile(raw);
	await ctx.db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('units')
			.select('profile')
			.where('id', '=', unitId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		await trx
			.updateTable('units')
			.set({ profile: JSON.stringify(profile) })
			.where('id', '=', unitId)
			.execute();
		await appendAudit(trx, actorOf(ctx.user), {
			action: 'unit.profile',
			entity_type: 'unit',
			entity_id: unitId,
			unit_id: unitId,
			after: { changes: changesBetween(before.profile, profile) }
		});
	});
	return profile;
}

export async function createSystem(ctx: Context, raw: unknown) {
	const unitId = requireUnit(ctx);
	const id = randomUUID();
	const now = new Date();
	const record: SystemRecord = { ...parseRecord(raw), id, updated_at: now.toISOString() };
	return ctx.db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('systems')
			.values({
				id,
				unit_id: unitId,
				record: JSON.stringify(record),
				created_at: now,
				updated_at: now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await appendAudit(trx, actorOf(ctx.user), {
			action: 'system.create',
			entity_type: 'system',
			entity_id: id,
			unit_id: unitId,
			after: { status: row.status, revision: row.revision, record }
		});
		return { ...row, record };
	});
}

/** Saves the whole record; `expectedVersion` (when given) must match or nothing is written. */
export async function saveSystem(ctx: Context, id: string, raw: unknown, expectedVersion?: number) {
	const parsed = parseRecord(raw);
	return changeSystem(ctx, id, 'save', 'write', async (_trx, sys) => {
		if (expectedVersion !== undefined && expectedVersion !== sys.version)
			throw new ConflictError(
				`Hệ thống đã được lưu từ nơi khác (phiên bản ${sys.version}, bạn gửi ${expectedVersion}). Tải lại trước khi lưu.`
			);
		const record: SystemRecord = { ...parsed, id, updated_at: new Date().toISOString() };
		return { set: { classification_id: null }, record };
	});
}

export function pinnedRuleSet(rulesets: readonly RuleSet[], record: SystemRecord, date: string) {
	const rs = selectRuleSet(rulesets, record.ruleset, date);
	if (!rs)
		throw new InputError(
			record.ruleset
				? `Không có bộ quy tắc "${record.ruleset}" trên máy chủ.`
				: `Không có bộ quy tắc nào có hiệu lực ngày ${date}; chọn bộ quy tắc (id@version).`,
			'ruleset'
		);
	if (rs.withdrawn)
		throw new InputError(
			`Bộ quy tắc ${rs.ref} đã bị rút (${rs.withdrawn.reason}): chọn bộ quy tắc khác để xác định lại cấp độ.`,
			'ruleset'
		);
	return rs;
}

/** Recomputes the level on the server under the pinned rule set; the client's level is ignored. */
export async function classifySystem(ctx: Context, id: string) {
	let result: Classification | undefined;
	let rs: RuleSet | undefined;
	const sys = await changeSystem(ctx, id, 'classify', 'write', async (trx, sys) => {
		rs = pinnedRuleSet(ctx.rulesets, sys.record, today());
		const r = evaluate(rs, inputOf(sys.record));
		if (!r.ok)
			throw new InputError(
				'Câu trả lời chưa đầy đủ hoặc không hợp lệ: ' +
					r.errors.map((e) => `${e.path}: ${e.message.vi}`).join('; ')
			);
		const routing = normalizeRouting(rs, sys.record.routing);
		if (routing.errors.length)
			throw new InputError(
				routing.errors.map((e) => `${e.path}: ${e.message.vi}`).join('; '),
				routing.errors[0]!.path
			);
		result = r.value;
		const computed = result.level;
		const proposal = sys.record.proposal;
		const proposed = (proposal?.level ?? computed) as Level | null;
		if (proposed === null)
			throw new InputError(
				result.message?.vi ?? 'Không xác định được cấp độ: hãy đề xuất cấp độ.',
				'proposal'
			);
		if (computed !== null && proposed < computed)
			throw new InputError(
				`Cấp độ đề xuất không được thấp hơn cấp độ xác định theo tiêu chí (${computed}).`,
				'proposal'
			);
		if ((computed === null || proposed > computed) && !proposal?.justification.trim())
			throw new InputError(
				'Đề xuất cấp độ cao hơn (hoặc khi không xác định được) cần thuyết minh.',
				'proposal'
			);
		const record: SystemRecord = { ...sys.record, ruleset: rs.ref };
		const classificationId = randomUUID();
		await trx
			.insertInto('classifications')
			.values({
				id: classificationId,
				system_id: id,
				revision: sys.revision,
				record_hash: recordHash(record),
				ruleset_id: rs.data.id,
				ruleset_version: rs.data.version,
				ruleset_hash: rs.hash,
				computed_level: computed,
				proposed_level: proposed,
				result: JSON.stringify(result),
				created_by: ctx.user.id
			})
			.execute();
		return {
			set: { classification_id: classificationId },
			record,
			audit: {
				after: {
					classification_id: classificationId,
					ruleset: rs.ref,
					ruleset_hash: rs.hash,
					computed_level: computed,
					proposed_level: proposed
				}
			}
		};
	});
	const level = (sys.record.proposal?.level ?? result!.level) as Level;
	return {
		system: sys,
		classification: result!,
		procedure: procedureFor(rs!, level, 'vi', sys.record.routing)
	};
}

/**
 * Submits (or resubmits after a return) the classified answers. The server builds and renders the
 * dossier itself from the stored record under the pinned rule set and keeps the PDF's exact bytes.
 */
export async function submitSystem(ctx: Context, id: string) {
	const now = ctx.now?.() ?? new Date();
	return changeSystem(ctx, id, 'submit', 'write', async (trx, sys) => {
		const c = sys.classification_id
			? await trx
					.selectFrom('classifications')
					.selectAll()
					.where('id', '=', sys.classification_id)
					.executeTakeFirst()
			: undefined;
		if (!c || c.record_hash !== recordHash(sys.record))
			throw new ConflictError('Hệ thống chưa được xác định cấp độ theo các câu trả lời hiện tại.');
		const rs = ctx.rulesets.find((r) => r.ref === `${c.ruleset_id}@${c.ruleset_version}`);
		if (!rs || rs.hash !== c.ruleset_hash)
			throw new ConflictError(
				`Bộ quy tắc ${c.ruleset_id}@${c.ruleset_version} đã thay đổi từ khi xác định cấp độ: xác định lại cấp độ trước khi nộp.`
			);
		// A resubmission after a return is a new revision of the same answers.
		const revision = sys.status === 'returned' ? sys.revision + 1 : sys.revision;
		const rendered = await renderSubmitted(
			rs,
			await unitProfile(trx, sys.unit_id),
			sys.record,
			now
		);
		const dossierId = randomUUID();
		await trx
			.insertInto('system_revisions')
			.values({
				system_id: id,
				revision,
				record: JSON.stringify(sys.record),
				classification_id: c.id
			})
			.execute();
		await trx
			.insertInto('dossiers')
			.values({
				id: dossierId,
				system_id: id,
				revision,
				classification_id: c.id,
				dossier: JSON.stringify(rendered.json),
				submitted_by: ctx.user.id,
				submitted_at: now
			})
			.execute();
		const file = await insertFile(trx, {
			system_id: id,
			revision,
			dossier_id: dossierId,
			kind: 'dossier_pdf',
			filename: rendered.name.pdf,
			media_type: MIME.pdf,
			bytes: rendered.pdf,
			uploaded_by: ctx.user.id
		});
		// The Word copy of the same dossier, for the appraiser to annotate or reuse.
		await insertFile(trx, {
			system_id: id,
			revision,
			dossier_id: dossierId,
			kind: 'dossier_docx',
			filename: rendered.name.docx,
			media_type: MIME.docx,
			bytes: rendered.docx,
			uploaded_by: ctx.user.id
		});
		await trx
			.updateTable('dossiers')
			.set({ pdf_sha256: file.sha256 })
			.where('id', '=', dossierId)
			.execute();
		return {
			set: { revision },
			audit: {
				after: {
					dossier_id: dossierId,
					classification_id: c.id,
					pdf_sha256: file.sha256,
					file_id: file.id
				}
			}
		};
	});
}

/** Điều 18: a new revision re-determines the level; the previous one stays in the history. */
export async function reviseSystem(ctx: Context, id: string) {
	return changeSystem(ctx, id, 'revise', 'write', async (_trx, sys) => ({
		set: { revision: sys.revision + 1, classification_id: null }
	}));
}

// ---- the appraiser's side -----------------------------------------------------------------

async function latestDossier(trx: Kysely<DB>, systemId: string) {
	return trx
		.selectFrom('dossiers')
		.selectAll()
		.where('system_id', '=', systemId)
		.orderBy('submitted_at', 'desc')
		.orderBy('revision', 'desc')
		.limit(1)
		.executeTakeFirstOrThrow();
}

async function openReview(trx: Kysely<DB>, systemId: string) {
	const d = await latestDossier(trx, systemId);
	const review = await trx
		.selectFrom('reviews')
		.selectAll()
		.where('dossier_id', '=', d.id)
		.executeTakeFirst();
	return { dossier: d, review };
}

export async function startReview(ctx: Context, id: string) {
	return changeSystem(ctx, id, 'start_review', 'appraise', async (trx) => {
		const d = await latestDossier(trx, id);
		const reviewId = randomUUID();
		await trx
			.insertInto('reviews')
			.values({
				id: reviewId,
				dossier_id: d.id,
				system_id: id,
				appraiser_id: ctx.user.id,
				checklist: '{}'
			})
			.execute();
		return { audit: { after: { review_id: reviewId, dossier_id: d.id } } };
	});
}

async function updateReview(trx: Trx, reviewId: string, set: Record<string, unknown>) {
	await trx.updateTable('reviews').set(set).where('id', '=', reviewId).execute();
}

/** The rule set and proposed level of a dossier's classification. */
async function dossierRuleSet(ctx: Context, trx: Kysely<DB>, classificationId: string) {
	const c = await trx
		.selectFrom('classifications')
		.selectAll()
		.where('id', '=', classificationId)
		.executeTakeFirstOrThrow();
	const ref = `${c.ruleset_id}@${c.ruleset_version}`;
	return { c, ref, rs: ctx.rulesets.find((x) => x.ref === ref), level: c.proposed_level as Level };
}

/** The checklist items that apply to the latest dossier (its rule set, its proposed level). */
export async function reviewItems(ctx: Context, id: string) {
	await authorized(ctx.db, ctx, id, 'appraise');
	const { dossier } = await openReview(ctx.db, id);
	const { rs, level } = await dossierRuleSet(ctx, ctx.db, dossier.classification_id);
	return checklistFor(rs, level);
}

/** What the appraiser records while reviewing: verdicts, the opinion, paper numbers and dates. */
export interface ReviewInput {
	checklist?: Checklist;
	opinion?: Opinion;
	papers?: Papers;
}

const reviewSet = (input: ReviewInput) => ({
	...(input.checklist && { checklist: JSON.stringify(input.checklist) }),
	...(input.opinion && { opinion: JSON.stringify(input.opinion) }),
	...(input.papers && { papers: JSON.stringify(input.papers) })
});

export async function saveReview(ctx: Context, id: string, input: ReviewInput) {
	return changeSystem(ctx, id, 'checklist', 'appraise', async (trx) => {
		const { review } = await openReview(trx, id);
		await updateReview(trx, review!.id, reviewSet(input));
		return {
			audit: {
				before: { checklist: review!.checklist, opinion: review!.opinion, papers: review!.papers },
				after: input
			}
		};
	});
}

export async function returnSystem(
	ctx: Context,
	id: string,
	reasons: string,
	input: ReviewInput = {}
) {
	if (!reasons.trim()) throw new InputError({ key: 'appraisal.error.reasons' }, 'reasons');
	return changeSystem(ctx, id, 'return', 'appraise', async (trx) => {
		const { review } = await openReview(trx, id);
		const set = {
			decision: 'returned',
			return_reasons: reasons.trim(),
			decided_at: ctx.now?.() ?? new Date(),
			...reviewSet(input)
		};
		await updateReview(trx, review!.id, set);
		return {
			audit: { after: { review_id: review!.id, return_reasons: reasons.trim(), ...input } }
		};
	});
}

export interface Approval extends ReviewInput {
	/** Số and ngày of the approval decision (Mẫu số 06), as the records office assigns them. */
	number: string;
	date: string;
}

/**
 * Records the approval: who, when, the decision's number and date, the level, and the exact dossier
 * (the submitted PDF's SHA-256, the answers' hash and the rule set) that was approved. Needs every
 * checklist item that applies to be met and the conclusion "phù hợp".
 */
export async function approveSystem(ctx: Context, id: string, input: Approval) {
	if (!input.number.trim()) throw new InputError({ key: 'appraisal.error.number' }, 'number');
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date)))
		throw new InputError({ key: 'appraisal.error.date' }, 'date');
	if (input.date > today()) throw new InputError({ key: 'appraisal.error.future' }, 'date');
	return changeSystem(ctx, id, 'approve', 'appraise', async (trx) => {
		const { dossier, review } = await openReview(trx, id);
		const { c, rs, level, ref } = await dossierRuleSet(ctx, trx, dossier.classification_id);
		const checklist = input.checklist ?? (review!.checklist as Checklist);
		const unmet = unmetItems(checklistFor(rs, level), checklist);
		if (unmet.length)
			throw new InputError(
				{
					key: 'appraisal.error.unmet',
					params: {
						items: {
							vi: unmet.map((u) => u.label.vi).join('; '),
							en: unmet.map((u) => u.label.en).join('; ')
						}
					}
				},
				`${unmet[0]!.id}_verdict`
			);
		const opinion = input.opinion ?? (review!.opinion as Opinion | undefined);
		if (opinion?.conclusion !== 'suitable')
			throw new InputError({ key: 'appraisal.error.unsuitable' }, 'conclusion');
		const set = {
			...reviewSet(input),
			checklist: JSON.stringify(checklist),
			decision: 'approved',
			approval_number: input.number.trim(),
			approval_date: input.date,
			approved_level: c.proposed_level,
			decided_at: ctx.now?.() ?? new Date(),
			approved_by: ctx.user.id,
			approved_dossier_sha256: dossier.pdf_sha256,
			approved_record_hash: c.record_hash,
			approved_ruleset: ref,
			approved_ruleset_hash: c.ruleset_hash
		};
		await updateReview(trx, review!.id, set);
		return {
			audit: {
				after: {
					review_id: review!.id,
					approval_number: set.approval_number,
					approval_date: set.approval_date,
					approved_level: c.proposed_level,
					approved_dossier_sha256: dossier.pdf_sha256,
					approved_record_hash: c.record_hash,
					approved_ruleset: ref
				}
			}
		};
	});
}

// ---- reading -----------------------------------------------------------------------------

/**
 * The latest approval and whether the answers changed since (Điều 18 Nghị định 85/2016, Điều 25
 * Nghị định 331/2026: a change after approval needs re-determination and re-approval). `changed`
 * lists the answers that differ between the approved revision and the current record.
 */
export async function approvalState(
	db: Kysely<DB>,
	sys: { id: string; revision: number; record: SystemRecord }
) {
	const approved = await db
		.selectFrom('reviews')
		.innerJoin('dossiers', 'dossiers.id', 'reviews.dossier_id')
		.innerJoin('users', 'users.id', 'reviews.appraiser_id')
		.leftJoin('users as approver', 'approver.id', 'reviews.approved_by')
		.select([
			'dossiers.revision',
			'reviews.approval_number',
			'reviews.approval_date',
			'reviews.approved_level',
			'reviews.decided_at',
			'reviews.approved_dossier_sha256',
			'reviews.approved_record_hash',
			'reviews.approved_ruleset',
			'users.display_name as appraiser_name',
			'approver.display_name as approver_name'
		])
		.where('reviews.system_id', '=', sys.id)
		.where('reviews.decision', '=', 'approved')
		.orderBy('dossiers.revision', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!approved) return { approval: null, changed: [] as Change[], needs_redetermination: false };
	let changed: Change[] = [];
	if (sys.revision > approved.revision) {
		const rev = await db
			.selectFrom('system_revisions')
			.select('record')
			.where('system_id', '=', sys.id)
			.where('revision', '=', approved.revision)
			.executeTakeFirstOrThrow();
		changed = diffAnswers(rev.record as SystemRecord, sys.record);
	}
	return {
		approval: {
			revision: approved.revision,
			number: approved.approval_number!,
			date: approved.approval_date!,
			level: approved.approved_level as Level,
			decided_at: new Date(approved.decided_at!).toISOString(),
			recorded_by: approved.approver_name ?? approved.appraiser_name,
			dossier_sha256: approved.approved_dossier_sha256,
			record_hash: approved.approved_record_hash,
			ruleset: approved.approved_ruleset
		},
		changed,
		needs_redetermination: changed.length > 0
	};
}

export async function getSystem(ctx: Context, id: string) {
	const sys = await authorized(ctx.db, ctx, id, 'read');
	const latestReview = await ctx.db
		.selectFrom('reviews')
		.select([
			'decision',
			'return_reasons',
			'approval_number',
			'approval_date',
			'approved_level',
			'decided_at'
		])
		.where('system_id', '=', id)
		.where('decision', 'is not', null)
		.orderBy('decided_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	const c = sys.classification_id
		? await ctx.db
				.selectFrom('classifications')
				.selectAll()
				.where('id', '=', sys.classification_id)
				.executeTakeFirst()
		: undefined;
	return {
		id: sys.id,
		unit_id: sys.unit_id,
		status: sys.status,
		revision: sys.revision,
		version: sys.version,
		// Appraisers read what was submitted, not the unit's later drafts.
		record: ctx.user.role === 'appraiser' ? undefined : sys.record,
		classification: c && {
			ruleset: `${c.ruleset_id}@${c.ruleset_version}`,
			ruleset_hash: c.ruleset_hash,
			computed_level: c.computed_level,
			proposed_level: c.proposed_level,
			result: c.result as Classification
		},
		decision: latestReview ?? null,
		...(await approvalState(ctx.db, sys))
	};
}

/** Every submitted revision, its review, and what changed in the answers since the one before. */
export async function systemHistory(ctx: Context, id: string) {
	const sys = await authorized(ctx.db, ctx, id, 'read');
	const revisions = await ctx.db
		.selectFrom('system_revisions')
		.innerJoin('classifications', 'classifications.id', 'system_revisions.classification_id')
		.select([
			'system_revisions.revision',
			'system_revisions.record',
			'system_revisions.created_at',
			'classifications.ruleset_id',
			'classifications.ruleset_version',
			'classifications.computed_level',
			'classifications.proposed_level'
		])
		.where('system_revisions.system_id', '=', id)
		.orderBy('system_revisions.revision')
		.execute();
	const reviews = await ctx.db
		.selectFrom('reviews')
		.innerJoin('dossiers', 'dossiers.id', 'reviews.dossier_id')
		.select([
			'dossiers.revision',
			'reviews.decision',
			'reviews.return_reasons',
			'reviews.approval_number',
			'reviews.approval_date',
			'reviews.approved_level',
			'reviews.checklist',
			'reviews.decided_at'
		])
		.where('reviews.system_id', '=', id)
		.execute();
	const out = revisions.map((r, i) => ({
		revision: r.revision,
		submitted_at: r.created_at,
		ruleset: `${r.ruleset_id}@${r.ruleset_version}`,
		computed_level: r.computed_level,
		proposed_level: r.proposed_level,
		review: reviews.find((v) => v.revision === r.revision) ?? null,
		record: r.record as SystemRecord,
		changes:
			i === 0 ? [] : diffAnswers(revisions[i - 1]!.record as SystemRecord, r.record as SystemRecord)
	}));
	const last = revisions.at(-1);
	const pending =
		ctx.user.role === 'unit' && last && sys.revision > last.revision
			? diffAnswers(last.record as SystemRecord, sys.record)
			: [];
	return { revisions: out, current_revision: sys.revision, changes_since_last_submission: pending };
}

/**
 * Every system of this appraiser's body ever submitted, with deadlines; a system revised after its
 * approval stays listed, marked for re-determination once its answers changed.
 */
export async function appraisalQueue(ctx: Context) {
	if (ctx.user.role !== 'appraiser' || !ctx.user.body_id) return [];
	const now = ctx.now?.() ?? new Date();
	const rows = await ctx.db
		.selectFrom('systems')
		.innerJoin('units', 'units.id', 'systems.unit_id')
		.select([
			'systems.id',
			'systems.status',
			'systems.revision',
			'systems.record',
			'units.name as unit_name'
		])
		.where('units.body_id', '=', ctx.user.body_id)
		.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('dossiers')
					.select('dossiers.id')
					.whereRef('dossiers.system_id', '=', 'systems.id')
			)
		)
		.orderBy('systems.updated_at', 'desc')
		.execute();
	return Promise.all(
		rows.map(async (r) => {
			const { dossier, review } = await openReview(ctx.db, r.id);
			const c = await ctx.db
				.selectFrom('classifications')
				.selectAll()
				.where('id', '=', dossier.classification_id)
				.executeTakeFirstOrThrow();
			const rs = ctx.rulesets.find((x) => x.ref === `${c.ruleset_id}@${c.ruleset_version}`);
			const deadlines = rs
				? deadlinesFor(
						rs,
						c.proposed_level as Level,
						new Date(dossier.submitted_at),
						now,
						!!review?.decision
					)
				: [];
			const state = await approvalState(ctx.db, {
				id: r.id,
				revision: r.revision,
				record: r.record as SystemRecord
			});
			return {
				id: r.id,
				name: (r.record as SystemRecord).name,
				unit_name: r.unit_name,
				needs_redetermination: state.needs_redetermination,
				status: r.status,
				revision: dossier.revision,
				level: c.proposed_level,
				submitted_at: new Date(dossier.submitted_at).toISOString(),
				deadlines,
				overdue: deadlines.some((d) => d.overdue)
			};
		})
	);
}

/** The submission before `revision`: its answers and levels, for "what changed since". */
async function previousSubmission(db: Kysely<DB>, systemId: string, revision: number) {
	const prev = await db
		.selectFrom('system_revisions')
		.innerJoin('classifications', 'classifications.id', 'system_revisions.classification_id')
		.select([
			'system_revisions.revision',
			'system_revisions.record',
			'classifications.computed_level',
			'classifications.proposed_level'
		])
		.where('system_revisions.system_id', '=', systemId)
		.where('system_revisions.revision', '<', revision)
		.orderBy('system_revisions.revision', 'desc')
		.limit(1)
		.executeTakeFirst();
	return (
		prev && {
			revision: prev.revision,
			record: prev.record as SystemRecord,
			computed_level: prev.computed_level as Level | null,
			proposed_level: prev.proposed_level as Level
		}
	);
}

/** Everything the review page shows, for the latest submitted dossier. */
/** The review of one dossier; rule-set text (authority, recheck messages) in `lang`. */
export async function reviewView(ctx: Context, id: string, lang: Lang = 'vi') {
	const sys = await authorized(ctx.db, ctx, id, 'appraise');
	const now = ctx.now?.() ?? new Date();
	const { dossier, review } = await openReview(ctx.db, id);
	const { c, rs, level, ref } = await dossierRuleSet(ctx, ctx.db, dossier.classification_id);
	const rev = await ctx.db
		.selectFrom('system_revisions')
		.select('record')
		.where('system_id', '=', id)
		.where('revision', '=', dossier.revision)
		.executeTakeFirstOrThrow();
	const record = rev.record as SystemRecord;
	const files = await listFiles(ctx.db, id);
	// The approval state compares the approved answers with the unit's current ones; the appraiser
	// learns which questions changed, not the draft's values.
	const state = await approvalState(ctx.db, sys);
	return {
		id,
		unit_name: sys.unit_name,
		status: sys.status,
		revision: dossier.revision,
		submitted_at: new Date(dossier.submitted_at).toISOString(),
		pdf_sha256: dossier.pdf_sha256,
		dossier_file: files.find((f) => f.kind === 'dossier_pdf' && f.revision === dossier.revision),
		dossier_docx: files.find((f) => f.kind === 'dossier_docx' && f.revision === dossier.revision),
		files,
		record,
		previous: await previousSubmission(ctx.db, id, dossier.revision),
		classification: {
			ruleset: ref,
			ruleset_hash: c.ruleset_hash,
			computed_level: c.computed_level as Level | null,
			proposed_level: level,
			result: c.result as Classification
		},
		recheck: recheck(ctx.rulesets, c, record, today(), lang),
		procedure: rs ? procedureFor(rs, level, lang, record.routing) : undefined,
		checklist_items: checklistFor(rs, level),
		coordination: rs?.data.appraisal?.coordination,
		deadlines: rs
			? deadlinesFor(rs, level, new Date(dossier.submitted_at), now, !!review?.decision)
			: [],
		review: review && {
			checklist: review.checklist as Partial<Checklist>,
			opinion: { ...EMPTY_OPINION, ...(review.opinion as Partial<Opinion>) },
			papers: review.papers as Papers,
			decision: review.decision,
			return_reasons: review.return_reasons,
			approval_number: review.approval_number,
			approval_date: review.approval_date
		},
		approval: state.approval,
		needs_redetermination: state.needs_redetermination,
		changed_questions: state.changed.map((ch) => ch.path)
	};
}

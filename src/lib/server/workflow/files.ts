// Files kept with a system, through the access policy: the unit uploads its signed request letter
// and dossier, the appraiser the signed opinion and decisions; both read every file of the system
// (the appraiser only once it was submitted). Each upload is audited.
import { translator, type T } from '../../i18n';
import { vi } from '../../i18n/vi';
import { actorOf, InputError } from '../auth/accounts';
import { appendAudit } from '../audit/log';
import type { FileKind, Status } from '../db/schema';
import { checkUpload, cleanName, insertFile, listFiles, readFile } from '../files/store';
import type { SignatureReport } from '../files/signature';
import { authorized, ConflictError, NotFoundError, type Context } from './service';

/** What each side may upload, and in which statuses. */
export const UPLOADS = {
	unit: {
		kinds: ['signed_request', 'signed_dossier'] as FileKind[],
		statuses: ['submitted', 'under_review'] as Status[]
	},
	appraiser: {
		kinds: [
			'signed_opinion',
			'signed_submission',
			'signed_decision',
			'signed_plan_decision'
		] as FileKind[],
		statuses: ['under_review', 'returned', 'approved'] as Status[]
	}
};

export interface Upload {
	kind: string;
	filename: string;
	bytes: Uint8Array;
}

export async function uploadFile(ctx: Context, id: string, input: Upload) {
	const side =
		ctx.user.role === 'unit' || ctx.user.role === 'appraiser' ? UPLOADS[ctx.user.role] : null;
	if (!side) throw new NotFoundError();
	const mode = ctx.user.role === 'unit' ? 'write' : 'appraise';
	// Out of reach looks the same as missing (404) before anything about the upload is said.
	await authorized(ctx.db, ctx, id, mode);
	const kind = input.kind as FileKind;
	if (!side.kinds.includes(kind)) throw new InputError({ key: 'appraisal.error.kind' }, 'kind');
	// Checked before the transaction: signature inspection takes a moment and needs no lock.
	const checked = await checkUpload(input.bytes);
	return ctx.db.transaction().execute(async (trx) => {
		const sys = await authorized(trx, ctx, id, mode, true);
		if (!side.statuses.includes(sys.status))
			throw new ConflictError(
				ctx.user.role === 'unit'
					? 'Chỉ tải bản đã ký lên khi hồ sơ đã nộp và đang chờ hoặc đang thẩm định.'
					: { key: 'appraisal.error.uploadStatus' }
			);
		const file = await insertFile(trx, {
			system_id: id,
			revision: sys.revision,
			kind,
			filename: cleanName(input.filename, `${kind}.pdf`),
			media_type: 'application/pdf',
			bytes: input.bytes,
			sha256: checked.sha256,
			signature: checked.signature,
			uploaded_by: ctx.user.id
		});
		await appendAudit(trx, actorOf(ctx.user), {
			action: 'system.upload',
			entity_type: 'system',
			entity_id: id,
			unit_id: sys.unit_id,
			after: {
				file_id: file.id,
				kind,
				filename: file.filename,
				size: file.size,
				sha256: file.sha256,
				signature: signatureSummary(checked.signature)
			}
		});
		return file;
	});
}

/** One line for the audit log and lists: "unsigned", "signed by X, intact", … */
export function signatureSummary(r: SignatureReport | null): string {
	if (!r) return 'not inspected';
	if (r.status === 'unsigned') return 'unsigned';
	if (r.status === 'unreadable') return `unreadable: ${r.problem}`;
	return r.signatures
		.map(
			(s) =>
				`${s.signer?.common_name ?? s.signer?.subject ?? 'unknown signer'}: ${s.intact ? 'intact' : `NOT intact (${s.problem})`}${s.covers_whole_file ? '' : ', changed after signing'}`
		)
		.join('; ');
}

export async function systemFiles(ctx: Context, id: string) {
	await authorized(ctx.db, ctx, id, 'read');
	return listFiles(ctx.db, id);
}

/** A file's bytes for download, checked against its SHA-256 (IntegrityError when they differ). */
export async function openFile(ctx: Context, id: string, fileId: string) {
	await authorized(ctx.db, ctx, id, 'read');
	const file = await readFile(ctx.db, id, fileId);
	if (!file) throw new NotFoundError();
	return file;
}

/** What the review and submissions pages say about a file's signatures, in the language of `t`. */
export function describeSignature(
	r: SignatureReport | null,
	t: T = translator('vi', vi)
): {
	tone: 'ok' | 'bad' | 'none';
	summary: string;
	details: string[];
} {
	// Signing times as read in Vietnam (UTC+7).
	const at = (iso: string) => {
		const x = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
		return t('appraisal.sig.at', {
			time: x.slice(11, 16),
			date: `${x.slice(8, 10)}/${x.slice(5, 7)}/${x.slice(0, 4)}`
		});
	};
	if (!r || r.status === 'unsigned')
		return { tone: 'none', summary: t('appraisal.sig.none'), details: [] };
	if (r.status === 'unreadable')
		return { tone: 'bad', summary: t('appraisal.sig.unreadable'), details: [r.problem] };
	const bad = r.signatures.some((s) => !s.intact);
	const changedAfter = !r.signatures.at(-1)!.covers_whole_file;
	return {
		tone: bad || changedAfter ? 'bad' : 'ok',
		summary: bad
			? t('appraisal.sig.broken')
			: changedAfter
				? t('appraisal.sig.appended')
				: t('appraisal.sig.ok', { count: r.signatures.length }),
		details: r.signatures.map((s) =>
			[
				t('appraisal.sig.signer', {
					name: s.signer?.common_name ?? s.signer?.subject ?? t('appraisal.sig.unknown')
				}),
				s.signer?.organization && t('appraisal.sig.org', { org: s.signer.organization }),
				s.signing_time &&
					t('appraisal.sig.time', {
						time: at(s.signing_time),
						source: t(`appraisal.sig.source.${s.signing_time_source!}`)
					}),
				s.intact
					? t('appraisal.sig.intact')
					: t('appraisal.sig.notIntact', { problem: s.problem ?? '' }),
				s.signer &&
					t('appraisal.sig.certificate', {
						issuer: s.signer.issuer,
						from: s.signer.valid_from.slice(0, 10),
						to: s.signer.valid_to.slice(0, 10)
					})
			]
				.filter(Boolean)
				.join('; ')
		)
	};
}

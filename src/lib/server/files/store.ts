// Files kept with a system (migrations/020): stored with their SHA-256, checked again before they are
// served, never changed. Uploads are PDFs only, recognised by their first bytes, not their name.
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB, FileKind } from '../db/schema';
import { InputError } from '../auth/accounts';
import { inspectSignatures, type SignatureReport } from './signature';

/** Largest upload accepted: a scanned, signed dossier of a few dozen pages fits. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** "%PDF-" at the start of the file (PDF 32000-1 §7.5.2). */
export const isPdf = (bytes: Uint8Array) =>
	bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/** The bytes stored for a file no longer hash to the recorded SHA-256. */
export class IntegrityError extends Error {}

export interface StoredFile {
	id: string;
	system_id: string;
	revision: number;
	kind: FileKind;
	filename: string;
	media_type: string;
	size: number;
	sha256: string;
	signature: SignatureReport | null;
	uploaded_by: string;
	uploaded_at: string;
}

/** A file name safe to store and to put in a Content-Disposition header. */
export function cleanName(name: string, fallback: string): string {
	const base = name
		.normalize('NFC')
		.replace(/^.*[\\/]/, '')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f"]/g, '')
		.trim()
		.slice(0, 200);
	return base || fallback;
}

/** Checks an upload (size, PDF by magic bytes) and inspects its signatures. */
export async function checkUpload(
	bytes: Uint8Array
): Promise<{ signature: SignatureReport; sha256: string }> {
	if (bytes.length === 0) throw new InputError({ key: 'appraisal.error.emptyFile' }, 'file');
	if (bytes.length > MAX_UPLOAD_BYTES)
		throw new InputError(
			{
				key: 'appraisal.error.fileTooLarge',
				params: { size: (bytes.length / 1048576).toFixed(1), max: MAX_UPLOAD_BYTES / 1048576 }
			},
			'file'
		);
	if (!isPdf(bytes)) throw new InputError({ key: 'appraisal.error.notPdf' }, 'file');
	return { signature: await inspectSignatures(bytes), sha256: sha256(bytes) };
}

export async function insertFile(
	trx: Transaction<DB>,
	f: {
		system_id: string;
		revision: number;
		dossier_id?: string;
		kind: FileKind;
		filename: string;
		media_type: string;
		bytes: Uint8Array;
		sha256?: string;
		signature?: SignatureReport | null;
		uploaded_by: string;
	}
): Promise<StoredFile> {
	const row = await trx
		.insertInto('files')
		.values({
			id: randomUUID(),
			system_id: f.system_id,
			revision: f.revision,
			dossier_id: f.dossier_id ?? null,
			kind: f.kind,
			filename: f.filename,
			media_type: f.media_type,
			size: f.bytes.length,
			sha256: f.sha256 ?? sha256(f.bytes),
			content: f.bytes,
			signature: f.signature ? JSON.stringify(f.signature) : null,
			uploaded_by: f.uploaded_by
		})
		.returning(META)
		.executeTakeFirstOrThrow();
	return meta(row);
}

const META = [
	'id',
	'system_id',
	'revision',
	'kind',
	'filename',
	'media_type',
	'size',
	'sha256',
	'signature',
	'uploaded_by',
	'uploaded_at'
] as const;

function meta(r: Record<(typeof META)[number], unknown>): StoredFile {
	return {
		...(r as unknown as StoredFile),
		signature: (r.signature as SignatureReport | null) ?? null,
		uploaded_at: new Date(r.uploaded_at as string).toISOString()
	};
}

/** A system's files, newest first, without their bytes. */
export async function listFiles(db: Kysely<DB>, systemId: string): Promise<StoredFile[]> {
	const rows = await db
		.selectFrom('files')
		.select(META)
		.where('system_id', '=', systemId)
		.orderBy('uploaded_at', 'desc')
		.execute();
	return rows.map(meta);
}

/** One file with its bytes, after checking they still hash to the stored SHA-256. */
export async function readFile(db: Kysely<DB>, systemId: string, fileId: string) {
	if (!/^[0-9a-f-]{36}$/i.test(fileId)) return undefined;
	const row = await db
		.selectFrom('files')
		.select([...META, 'content'])
		.where('id', '=', fileId)
		.where('system_id', '=', systemId)
		.executeTakeFirst();
	if (!row) return undefined;
	const bytes = new Uint8Array(row.content);
	if (bytes.length !== row.size || sha256(bytes) !== row.sha256)
		throw new IntegrityError(
			`Tệp ${row.filename} không còn khớp mã SHA-256 đã lưu (${row.sha256.slice(0, 12)}…): không phục vụ.`
		);
	return { ...meta(row), bytes };
}

// Verifying the audit log: the hash chain, the head kept outside it (audit_head), and the
// checkpoints signed with the audit key (key.ts) — in full (`capdo audit verify`), or
// incrementally from the newest checkpoint (the audit pages and the server's checkpointer, whose
// cost grows with the entries added since, not with the log).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
	closeSync,
	fsyncSync,
	lstatSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeSync
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Localized } from '../../rules/types';
import type { DB } from '../db/schema';
import { checkChain, GENESIS, type Broken } from './chain';
import { auditKeyPathOf, createAuditKey, readAuditKey } from './key';

export interface Checkpoint {
	count: number;
	last_id: number;
	head: string;
	mac: string;
	kind: 'incremental' | 'full';
	at: string;
}

export type AnchorState = 'intact' | 'unanchored' | 'broken' | 'no_key';

export interface AnchorStatus {
	state: AnchorState;
	message: Localized;
	/** The newest signed checkpoint the log was found to extend. */
	checkpoint?: { count: number; at: string; kind: Checkpoint['kind'] };
	/** The newest full check recorded in the database. */
	full?: { count: number; at: string };
}

export interface ChainStatus {
	/** The chain recomputes, the head matches it, and the anchor is intact (or not yet made). */
	ok: boolean;
	count: number;
	broken?: Broken;
	/** Incremental checks: the entries before this count were verified earlier. */
	verified_from?: number;
	anchor: AnchorStatus;
}

const m = (vi: string, en: string): Localized => ({ vi, en });

const MAC_CONTEXT = 'capdo-audit-checkpoint/1';
export const checkpointMac = (key: Buffer, c: Pick<Checkpoint, 'count' | 'last_id' | 'head'>) =>
	createHmac('sha256', key)
		.update(`${MAC_CONTEXT}\n${c.count}\n${c.last_id}\n${c.head}`)
		.digest('hex');

const macOk = (key: Buffer, c: Checkpoint) => {
	const want = Buffer.from(checkpointMac(key, c), 'hex');
	const got = Buffer.from(/^[0-9a-f]{64}$/.test(c.mac) ? c.mac : '', 'hex');
	return got.length === want.length && timingSafeEqual(got, want);
};

export const anchorFilePath = (keyPath: string, dbId: string) =>
	join(dirname(keyPath), `audit-anchor.${dbId}.json`);

function readAnchorFile(path: string): Checkpoint | undefined | 'unreadable' {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw e;
	}
	try {
		const v = JSON.parse(text) as Checkpoint;
		if (Number.isInteger(v.count) && Number.isInteger(v.last_id) && typeof v.head === 'string')
			return v;
	} catch {
		// below
	}
	return 'unreadable';
}

/**
 * Replaces the file whole, never with an older checkpoint: written to a private temporary file,
 * flushed, then renamed over it, so a crash at any point leaves the last good anchor. The caller
 * holds the anchor lock (`checkpoint`), so no other process can replace the file between the
 * reading here and the rename.
 */
function writeAnchorFile(path: string, c: Checkpoint) {
	const now = readAnchorFile(path);
	if (now && now !== 'unreadable' && now.count > c.count) return;
	const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	try {
		const fd = openSync(tmp, 'wx', 0o600);
		try {
			writeSync(fd, JSON.stringify(c, null, 1) + '\n');
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(tmp, path);
	} catch (e) {
		rmSync(tmp, { force: true });
		throw e;
	}
	syncDir(dirname(path));
}

/** writeAnchorFile's temporary files of `anchor`: `<anchor>.<pid>.<8 hex>.tmp`. */
const isAnchorTemp = (anchor: string, name: string) =>
	name.startsWith(`${basename(anchor)}.`) &&
	/^\d+\.[0-9a-f]{8}\.tmp$/.test(name.slice(basename(anchor).length + 1));

/**
 * Removes the temporary files a checkpoint left behind when its process died between writing and
 * renaming (writeAnchorFile). Only this database's, named exactly as writeAnchorFile names them,
 * plain files only; under the anchor lock, which every checkpoint holds while its temporary file
 * exists, so none of those removed is being written now. Run on start-up; returns their paths.
 */
export async function removeStaleAnchorTemps(db: Kysely<DB>): Promise<string[]> {
	const { db_id } = await headRow(db);
	const anchor = anchorFilePath(auditKeyPathOf(db), db_id);
	const dir = dirname(anchor);
	return db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(hashtext(${anchorLockKey(db_id)}))`.execute(trx);
		let names: string[];
		try {
			names = readdirSync(dir);
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
			throw e;
		}
		const removed: string[] = [];
		for (const name of names.filter((n) => isAnchorTemp(anchor, n))) {
			const path = join(dir, name);
			try {
				if (!lstatSync(path).isFile()) continue;
				rmSync(path);
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
				throw e;
			}
			removed.push(path);
		}
		return removed;
	});
}

/** Makes a rename in `dir` durable (where the platform lets a directory be opened). */
function syncDir(dir: string) {
	let fd: number | undefined;
	try {
		fd = openSync(dir, 'r');
		fsyncSync(fd);
	} catch {
		// Windows cannot open a directory; its renames are journalled by NTFS.
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/** The advisory lock that orders every process's checkpoints of one database. */
export const anchorLockKey = (dbId: string) => `capdo-audit-anchor:${dbId}`;

async function headRow(db: Kysely<DB>) {
	const h = await db
		.selectFrom('audit_head')
		.selectAll()
		.where('id', '=', 1)
		.executeTakeFirstOrThrow();
	return { ...h, count: Number(h.count) };
}

/** Verifies entries with id > `from.last_id` against `from.head`, page by page. */
async function chainFrom(db: Kysely<DB>, from: { count: number; last_id: number; head: string }) {
	let prev = from.head;
	let count = from.count;
	let lastId = from.last_id;
	for (;;) {
		const rows = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('id', '>', lastId)
			.orderBy('id')
			.limit(2000)
			.execute();
		if (rows.length === 0) return { count, lastId, head: prev };
		const r = checkChain(rows, prev);
		count += r.count;
		if (r.broken) return { count, lastId, head: prev, broken: r.broken };
		prev = r.prev;
		lastId = rows[rows.length - 1]!.id;
	}
}

const GENESIS_POINT = { count: 0, last_id: 0, head: GENESIS };

/** Does the log still hold `c`'s last entry with the hash it signed (and, in full, as many before)? */
async function extendsCheckpoint(
	db: Kysely<DB>,
	c: Checkpoint,
	full: boolean
): Promise<Localized | undefined> {
	if (c.count === 0) return undefined;
	const row = await db
		.selectFrom('audit_log')
		.select('hash')
		.where('id', '=', c.last_id)
		.executeTakeFirst();
	if (!row)
		return m(
			`mục ${c.last_id} mà mốc ${c.count} mục đã ký không còn (nhật ký bị cắt bớt?)`,
			`entry ${c.last_id}, signed in the checkpoint of ${c.count} entries, is gone (log truncated?)`
		);
	if (row.hash !== c.head)
		return m(
			`mục ${c.last_id} không còn mang mã băm mà mốc ${c.count} mục đã ký (nhật ký bị viết lại?)`,
			`entry ${c.last_id} no longer has the hash signed in the checkpoint of ${c.count} entries (log rewritten?)`
		);
	if (full) {
		const { n } = await db
			.selectFrom('audit_log')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.where('id', '<=', c.last_id)
			.executeTakeFirstOrThrow();
		if (Number(n) !== c.count)
			return m(
				`mốc đã ký ${c.count} mục đến mục ${c.last_id}, nhật ký nay có ${n} (mục bị xóa?)`,
				`the checkpoint signed ${c.count} entries up to entry ${c.last_id}; the log now holds ${n} (entries deleted?)`
			);
	}
	return undefined;
}

interface Anchor {
	key?: Buffer;
	status?: AnchorStatus; // set when the anchor is already known to be unusable or broken
	base?: Checkpoint; // the newest trustworthy checkpoint (from the file)
	file: string;
	dbId: string;
	dbCheckpoints: number;
}

/** The anchor as found: the key, the checkpoint file, and whether they agree with each other. */
async function loadAnchor(db: Kysely<DB>, dbId: string): Promise<Anchor> {
	const keyPath = auditKeyPathOf(db);
	const file = anchorFilePath(keyPath, dbId);
	const { n } = await db
		.selectFrom('audit_checkpoints')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow();
	const dbCheckpoints = Number(n);
	const key = readAuditKey(keyPath);
	const found = readAnchorFile(file);
	if (!key.ok) {
		// Nothing signed yet and no key: a database the server never ran on (it creates the key).
		if (key.problem === 'missing' && dbCheckpoints === 0 && found === undefined)
			return { file, dbId, dbCheckpoints, status: intact(undefined, 0) };
		return {
			file,
			dbId,
			dbCheckpoints,
			status: {
				state: 'no_key',
				message: m(
					`không kiểm tra được mốc neo: ${key.message}`,
					`anchor not checked: ${key.message}`
				)
			}
		};
	}
	if (found === 'unreadable')
		return {
			key: key.key,
			file,
			dbId,
			dbCheckpoints,
			status: {
				state: 'broken',
				message: m(`tệp mốc neo ${file} bị hỏng`, `the checkpoint file ${file} is damaged`)
			}
		};
	if (!found) {
		if (dbCheckpoints > 0)
			return {
				key: key.key,
				file,
				dbId,
				dbCheckpoints,
				status: {
					state: 'broken',
					message: m(
						`thiếu tệp mốc neo ${file} trong khi cơ sở dữ liệu có ${dbCheckpoints} mốc`,
						`the checkpoint file ${file} is missing, yet the database holds ${dbCheckpoints} checkpoints`
					)
				}
			};
		return { key: key.key, file, dbId, dbCheckpoints };
	}
	if (!macOk(key.key, found))
		return {
			key: key.key,
			file,
			dbId,
			dbCheckpoints,
			status: {
				state: 'broken',
				message: m(
					`chữ ký của mốc neo trong ${file} không khớp (tệp bị sửa, hoặc sai khóa)`,
					`the checkpoint in ${file} does not verify with the audit key (file edited, or another key)`
				)
			}
		};
	return { key: key.key, file, dbId, dbCheckpoints, base: found };
}

const brokenAnchor = (message: Localized): AnchorStatus => ({ state: 'broken', message });

async function lastFull(db: Kysely<DB>) {
	const r = await db
		.selectFrom('audit_checkpoints')
		.select(['count', 'at'])
		.where('kind', '=', 'full')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	return r && { count: Number(r.count), at: new Date(r.at).toISOString() };
}

/** Signs and stores a checkpoint of what was just verified: in the database and in the file. */
async function checkpoint(
	db: Kysely<DB>,
	a: Anchor,
	at: { count: number; last_id: number; head: string },
	kind: Checkpoint['kind']
) {
	if (!a.key) return undefined;
	const c: Checkpoint = {
		...at,
		kind,
		mac: checkpointMac(a.key, at),
		at: new Date().toISOString()
	};
	if (kind === 'full' || !a.base || c.count > a.base.count)
		// One process at a time per database, until the row is committed: another process that
		// verified fewer entries cannot read the file before this one renames and then put its older
		// checkpoint back over the newer one.
		await db.transaction().execute(async (trx) => {
			await sql`select pg_advisory_xact_lock(hashtext(${anchorLockKey(a.dbId)}))`.execute(trx);
			await trx
				.insertInto('audit_checkpoints')
				.values({ count: c.count, last_id: c.last_id, head: c.head, kind, mac: c.mac })
				.execute();
			writeAnchorFile(a.file, c);
		});
	return c;
}

function result(
	chain: { count: number; broken?: Broken; lastId: number; head: string },
	head: Awaited<ReturnType<typeof headRow>>,
	anchor: AnchorStatus,
	verified_from?: number
): ChainStatus {
	const headOk =
		chain.count === head.count && chain.head === head.head && chain.lastId === head.last_id;
	if (!chain.broken && !headOk && anchor.state !== 'broken')
		anchor = brokenAnchor(
			m(
				`nhật ký có ${chain.count} mục nhưng đầu chuỗi ghi ${head.count} (mục bị xóa hoặc thêm ngoài ứng dụng?)`,
				`the log holds ${chain.count} entries but its head records ${head.count} (entries removed or added outside capdo?)`
			)
		);
	return {
		ok: !chain.broken && headOk && (anchor.state === 'intact' || anchor.state === 'unanchored'),
		count: chain.count,
		...(chain.broken && { broken: chain.broken }),
		...(verified_from !== undefined && { verified_from }),
		anchor
	};
}

const intact = (c: Checkpoint | undefined, extended: number): AnchorStatus =>
	c
		? {
				state: 'intact',
				message: m(
					`mốc neo khớp: mốc đã ký ${c.count} mục (${c.at})${extended ? `, nối thêm ${extended} mục` : ''}`,
					`anchor intact: signed checkpoint of ${c.count} entries (${c.at})${extended ? `, extended by ${extended}` : ''}`
				),
				checkpoint: { count: c.count, at: c.at, kind: c.kind }
			}
		: {
				state: 'unanchored',
				message: m('chưa có mốc neo nào được ký', 'no signed checkpoint yet')
			};

/**
 * The full check: every entry recomputed from the first, the head, the signed checkpoint file and
 * every checkpoint in the database. When all holds, a 'full' checkpoint is signed and stored.
 */
export async function verifyAudit(db: Kysely<DB>): Promise<ChainStatus> {
	const head = await headRow(db);
	const chain = await chainFrom(db, GENESIS_POINT);
	const a = await loadAnchor(db, head.db_id);
	let anchor = a.status;
	if (!anchor && a.base) {
		const why = await extendsCheckpoint(db, a.base, true);
		if (why) anchor = brokenAnchor(why);
	}
	if (!anchor && a.key) {
		// Every checkpoint ever signed must still describe this log.
		const rows = await db.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute();
		for (const r of rows) {
			const c: Checkpoint = { ...r, count: Number(r.count), at: new Date(r.at).toISOString() };
			if (!macOk(a.key, c)) {
				anchor = brokenAnchor(
					m(
						`mốc ${r.id} trong cơ sở dữ liệu có chữ ký sai`,
						`checkpoint ${r.id} in the database does not verify with the audit key`
					)
				);
				break;
			}
			const why = await extendsCheckpoint(db, c, true);
			if (why) {
				anchor = brokenAnchor(why);
				break;
			}
		}
	}
	anchor ??= intact(a.base, a.base ? chain.count - a.base.count : 0);
	const status = result(chain, head, anchor);
	if (status.ok && a.key) {
		const c = await checkpoint(
			db,
			a,
			{ count: chain.count, last_id: chain.lastId, head: chain.head },
			'full'
		);
		status.anchor = {
			...intact(a.base ?? c, a.base ? chain.count - a.base.count : 0),
			full: c && { count: c.count, at: c.at }
		};
	}
	return status;
}

const running = new WeakMap<object, Promise<ChainStatus>>();

/**
 * The incremental check: the newest signed checkpoint must still hold, and only the entries
 * after it are recomputed; then a new checkpoint is signed. One at a time per database.
 */
export function checkAuditSince(db: Kysely<DB>): Promise<ChainStatus> {
	const busy = running.get(db);
	if (busy) return busy;
	const p = incremental(db).finally(() => running.delete(db));
	running.set(db, p);
	return p;
}

async function incremental(db: Kysely<DB>): Promise<ChainStatus> {
	const head = await headRow(db);
	const a = await loadAnchor(db, head.db_id);
	let anchor = a.status;
	if (!anchor && a.base) {
		const why = await extendsCheckpoint(db, a.base, false);
		if (why) anchor = brokenAnchor(why);
	}
	// A broken anchor gives no trustworthy starting point: recompute from the first entry.
	const base = !anchor && a.base ? a.base : GENESIS_POINT;
	const chain = await chainFrom(db, base);
	anchor ??= intact(a.base, a.base ? chain.count - a.base.count : 0);
	const status = result(chain, head, anchor, base.count);
	const full = await lastFull(db);
	if (status.ok && a.key) {
		const c = await checkpoint(
			db,
			a,
			{ count: chain.count, last_id: chain.lastId, head: chain.head },
			'incremental'
		);
		if (c && !a.base) status.anchor = intact(c, 0);
	}
	if (full) status.anchor = { ...status.anchor, full };
	return status;
}

/**
 * At the server's start: creates the audit key when there is none and nothing was ever signed.
 * A missing key after checkpoints were signed is not replaced silently: that is what someone
 * covering their tracks would want; the audit pages report it instead.
 */
export async function ensureAuditKey(
	db: Kysely<DB>
): Promise<{ created?: string; problem?: string }> {
	const path = auditKeyPathOf(db);
	const k = readAuditKey(path);
	if (k.ok) return {};
	if (k.problem !== 'missing') return { problem: k.message };
	const head = await headRow(db);
	const a = await db
		.selectFrom('audit_checkpoints')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow();
	if (Number(a.n) > 0 || readAnchorFile(anchorFilePath(path, head.db_id)) !== undefined)
		return {
			problem: `${k.message}, yet the audit log was signed with one: restore the key from its backup (README, "Audit key")`
		};
	const created = createAuditKey(path);
	return created.ok ? { created: path } : { problem: created.message };
}

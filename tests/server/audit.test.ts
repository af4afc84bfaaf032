// The audit log: append-only in the database, hash-chained, anchored by checkpoints signed with a
// key kept outside the database (issue 16 item 6); entries store what changed (item 2), readers
// see what the records they describe allow (item 2); pages of 50 lines, autosaves grouped per
// editing run (issue 17 item 10), verified incrementally from the newest checkpoint (issue 15
// item 4); `capdo audit verify` stays the full check and reports the anchor.
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { applyChanges, changesBetween } from '../../src/lib/server/audit/changes';
import { entryHash, type ChainEntry } from '../../src/lib/server/audit/chain';
import { groupRuns, netChanges } from '../../src/lib/server/audit/group';
import { auditKeyPathOf, createAuditKey, readAuditKey } from '../../src/lib/server/audit/key';
import { auditLines, auditPage, PAGE_SIZE } from '../../src/lib/server/audit/view';
import { anchorFilePath, checkAuditSince, verifyAudit } from '../../src/lib/server/audit/verify';
import { openDatabase, type Database } from '../../src/lib/server/db';
import {
	classifySystem,
	createSystem,
	saveSystem,
	submitSystem
} from '../../src/lib/server/workflow/service';
import type { SystemRecord } from '../../src/lib/model/inventory';
import { freshDatabase, level2Record, seed, type Seeded } from './fixtures';

async function cli(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(args, { out: (x) => out.push(x), err: (x) => err.push(x) });
	return { code, out: out.join('\n'), err: err.join('\n') };
}
type Fresh = Awaited<ReturnType<typeof freshDatabase>>;
/** The CLI's arguments for the test database; a PostgreSQL one keeps its key elsewhere (fixtures). */
const targetArgs = (f: Fresh) =>
	f.target.url
		? ['--db', f.target.url, '--audit-key', f.target.auditKeyFile!]
		: ['--data-dir', f.target.dataDir!];

/** Rewrites entries from `fromId` on with recomputed hashes, and the head: a careful forger. */
async function forge(d: Database, fromId: number, edit: (e: ChainEntry) => ChainEntry) {
	await sql`alter table audit_log disable trigger audit_log_no_update`.execute(d.db);
	const rows = await d.db
		.selectFrom('audit_log')
		.selectAll()
		.where('id', '>=', fromId)
		.orderBy('id')
		.execute();
	let prev = rows[0]!.prev_hash;
	let head = prev;
	for (const [i, r] of rows.entries()) {
		const e = { ...(i === 0 ? edit(r as ChainEntry) : (r as ChainEntry)), prev_hash: prev };
		head = entryHash(e);
		await sql`update audit_log set after = ${JSON.stringify(e.after)}::jsonb,
			prev_hash = ${prev}, hash = ${head} where id = ${r.id}`.execute(d.db);
		prev = head;
	}
	await sql`update audit_head set head = ${head}`.execute(d.db);
	await sql`alter table audit_log enable trigger audit_log_no_update`.execute(d.db);
}

/** Deletes the newest `n` entries and sets the head to match: a careful truncation. */
async function truncate(d: Database, n: number) {
	await sql`alter table audit_log disable trigger audit_log_no_update`.execute(d.db);
	await sql`delete from audit_log where id in (select id from audit_log order by id desc limit ${n})`.execute(
		d.db
	);
	await sql`update audit_head set count = (select count(*) from audit_log),
		last_id = (select max(id) from audit_log),
		head = (select hash from audit_log order by id desc limit 1)`.execute(d.db);
	await sql`alter table audit_log enable trigger audit_log_no_update`.execute(d.db);
}

describe('audit log', () => {
	let s: Seeded;
	let fresh: Fresh;
	let sysId: string;
	beforeAll(async () => {
		fresh = await freshDatabase();
		s = await seed(fresh);
		const unit = s.ctx('unitA');
		const { id } = await createSystem(unit, level2Record());
		sysId = id;
		await saveSystem(unit, id, { ...level2Record('Quản lý văn bản và điều hành'), id });
		await classifySystem(unit, id);
	}, 120_000);
	afterAll(() => fresh.cleanup());

	it('records who changed what: the changed fields, not the whole record twice, no hashes', async () => {
		const rows = await s.d.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
		expect(rows.map((r) => r.action)).toEqual([
			'body.create',
			'body.create',
			'unit.create',
			'unit.create',
			'unit.create',
			...Array(7).fill('user.create'),
			'system.create',
			'system.save',
			'system.classify'
		]);
		const save = rows.find((r) => r.action === 'system.save')!;
		expect(save.actor).toBe('unita');
		expect(save.actor_id).toBe(s.users.unitA.id);
		expect(save.before).toEqual({ status: 'draft', revision: 1 });
		expect(save.after).toEqual({
			status: 'draft',
			revision: 1,
			changes: [
				{ path: ['name'], from: 'Hệ thống quản lý văn bản', to: 'Quản lý văn bản và điều hành' }
			]
		});
		// Classifying pins the rule set in the record: that change is recorded too.
		const classify = rows.find((r) => r.action === 'system.classify')!;
		expect((classify.after as { changes?: unknown[] }).changes).toBeUndefined();
		expect(JSON.stringify(rows)).not.toMatch(/scrypt\$/);
		expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
		for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
		const head = await s.d.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
		expect(Number(head.count)).toBe(rows.length);
		expect(head.head).toBe(rows.at(-1)!.hash);
	});

	it('the creation entry plus the changes rebuild the stored record', async () => {
		const rows = await s.d.db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity_id', '=', sysId)
			.orderBy('id')
			.execute();
		let record = (rows[0]!.after as { record: SystemRecord }).record;
		for (const r of rows.slice(1))
			record = applyChanges(record, (r.after as { changes?: [] }).changes ?? []);
		const stored = await s.d.db
			.selectFrom('systems')
			.select('record')
			.where('id', '=', sysId)
			.executeTakeFirstOrThrow();
		const { updated_at: _a, ...want } = stored.record as SystemRecord;
		const { updated_at: _b, ...got } = record;
		void _a;
		void _b;
		expect(got).toEqual(want);
	});

	it('refuses UPDATE, DELETE and TRUNCATE of entries and of signed checkpoints', async () => {
		await sql`insert into audit_checkpoints (count, last_id, head, kind, mac)
			values (0, 0, ${'0'.repeat(64)}, 'full', 'x')`.execute(s.d.db);
		for (const [table, column] of [
			['audit_log', 'actor'],
			['audit_checkpoints', 'kind']
		]) {
			await expect(
				sql.raw(`update ${table} set ${column} = ${column}`).execute(s.d.db)
			).rejects.toThrow(/append-only/);
			await expect(sql.raw(`delete from ${table}`).execute(s.d.db)).rejects.toThrow(/append-only/);
			await expect(sql.raw(`truncate ${table}`).execute(s.d.db)).rejects.toThrow(/append-only/);
		}
		// (The probe checkpoint goes, by the owner's way round the trigger.)
		await sql`alter table audit_checkpoints disable trigger audit_checkpoints_no_update`.execute(
			s.d.db
		);
		await sql`delete from audit_checkpoints`.execute(s.d.db);
		await sql`alter table audit_checkpoints enable trigger audit_checkpoints_no_update`.execute(
			s.d.db
		);
		expect(await verifyAudit(s.d.db)).toMatchObject({ ok: true, count: 15 });
	});

	it('`capdo audit verify` passes, then names the first tampered entry and exits 1', async () => {
		await s.d.close();
		const good = await cli(['audit', 'verify', ...targetArgs(fresh)]);
		expect(good).toMatchObject({ code: 0 });
		expect(good.out).toMatch(/chain intact, 15 entries/);

		const d = await openDatabase(fresh.target);
		const victim = await d.db
			.selectFrom('audit_log')
			.select('id')
			.where('action', '=', 'system.save')
			.executeTakeFirstOrThrow();
		await sql`alter table audit_log disable trigger audit_log_no_update`.execute(d.db);
		await sql`update audit_log set after = jsonb_set(after, '{status}', '"approved"') where id = ${victim.id}`.execute(
			d.db
		);
		await sql`alter table audit_log enable trigger audit_log_no_update`.execute(d.db);
		expect(await verifyAudit(d.db)).toMatchObject({ ok: false, broken: { id: victim.id } });
		await d.close();

		const bad = await cli(['audit', 'verify', ...targetArgs(fresh)]);
		expect(bad.code).toBe(1);
		expect(bad.err).toMatch(
			new RegExp(`chain broken at entry ${victim.id}: content does not match`)
		);
	});

	it('usage errors exit 2', async () => {
		expect((await cli(['audit'])).code).toBe(2);
		expect((await cli(['audit', 'verify', '--db', 'x', '--data-dir', 'y'])).code).toBe(2);
	});
});

describe('the anchor: checkpoints signed with a key kept outside the database', () => {
	let fresh: Fresh;
	let s: Seeded;
	let keyPath: string;
	/** Entries after the setup: the seed's (which grows with the fixtures) and 61 here. */
	let n: number;
	/** A seeded log with a system saved `saves` times, a key, and a signed checkpoint. */
	beforeAll(async () => {
		fresh = await freshDatabase();
		s = await seed(fresh);
		const unit = s.ctx('unitA');
		const { id } = await createSystem(unit, level2Record());
		for (let i = 0; i < 60; i++) await saveSystem(unit, id, { ...level2Record(`v${i}`), id });
		n = Number(
			(
				await s.d.db
					.selectFrom('audit_log')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
		expect(n).toBeGreaterThan(61);
		keyPath = auditKeyPathOf(s.d.db);
		rmSync(keyPath, { force: true });
		expect(createAuditKey(keyPath).ok).toBe(true);
	}, 180_000);
	afterAll(() => fresh.cleanup());

	it('the key file is created with mode 600, and refused when others may read it', () => {
		if (process.platform === 'win32') return;
		expect(readFileSync(keyPath, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
		chmodSync(keyPath, 0o644);
		expect(readAuditKey(keyPath)).toMatchObject({ ok: false, problem: 'mode' });
		expect((readAuditKey(keyPath) as { message: string }).message).toMatch(/chmod 600/);
		chmodSync(keyPath, 0o600);
		expect(readAuditKey(keyPath).ok).toBe(true);
	});

	it('verifies incrementally from the newest checkpoint, then signs a new one', async () => {
		const first = await checkAuditSince(s.d.db);
		expect(first).toMatchObject({ ok: true, count: n, verified_from: 0 });
		expect(first.anchor.state).toBe('intact');
		const unit = s.ctx('unitA');
		await createSystem(unit, level2Record('Một hệ thống nữa'));
		const second = await checkAuditSince(s.d.db);
		// Only the one new entry was recomputed.
		expect(second).toMatchObject({ ok: true, count: n + 1, verified_from: n });
		expect(second.anchor.message.en).toContain(`signed checkpoint of ${n} entries`);
		const full = await verifyAudit(s.d.db);
		expect(full).toMatchObject({ ok: true, count: n + 1 });
		expect(full.anchor.full).toMatchObject({ count: n + 1 });
	});

	it('deleting the newest entries (head fixed to match) no longer verifies', async () => {
		await truncate(s.d, 50);
		const inc = await checkAuditSince(s.d.db);
		expect(inc.ok).toBe(false);
		expect(inc.anchor.message.en).toMatch(/is gone \(log truncated\?\)/);
		const out = await cliOn(fresh, s);
		expect(out.code).toBe(1);
		expect(out.err).toMatch(
			new RegExp(`capdo audit: entry \\d+, signed in the checkpoint of ${n + 1} entries, is gone`)
		);
		expect(out.out).toContain(`chain intact, ${n + 1 - 50} entries`);
		await s.d.close();
	});

	/** Runs the CLI with the database closed, then reopens it for the next step. */
	async function cliOn(f: Fresh, seeded: Seeded) {
		await seeded.d.close();
		const r = await cli(['audit', 'verify', ...targetArgs(f)]);
		seeded.d = await openDatabase(f.target);
		return r;
	}
});

describe('the anchor against a careful forger', () => {
	let fresh: Fresh;
	let s: Seeded;
	let keyPath: string;
	beforeAll(async () => {
		fresh = await freshDatabase();
		s = await seed(fresh);
		keyPath = auditKeyPathOf(s.d.db);
		rmSync(keyPath, { force: true });
		createAuditKey(keyPath);
		expect((await checkAuditSince(s.d.db)).anchor.state).toBe('intact');
	}, 120_000);
	afterAll(() => fresh.cleanup());

	it('rewriting an entry with every later hash recomputed shows', async () => {
		const victim = await s.d.db
			.selectFrom('audit_log')
			.select('id')
			.where('action', '=', 'user.create')
			.orderBy('id')
			.executeTakeFirstOrThrow();
		await forge(s.d, victim.id, (e) => ({
			...e,
			after: { ...(e.after as object), display_name: 'Người khác' }
		}));
		const full = await verifyAudit(s.d.db);
		// The chain itself recomputes: only the anchor tells.
		expect(full.broken).toBeUndefined();
		expect(full.ok).toBe(false);
		expect(full.anchor.state).toBe('broken');
		expect(full.anchor.message.en).toMatch(/no longer has the hash signed/);
		expect((await checkAuditSince(s.d.db)).ok).toBe(false);
	});

	it('an edited or deleted checkpoint file shows too', async () => {
		const head = await s.d.db.selectFrom('audit_head').select('db_id').executeTakeFirstOrThrow();
		const file = anchorFilePath(keyPath, head.db_id);
		const c = JSON.parse(readFileSync(file, 'utf8'));
		writeFileSync(file, JSON.stringify({ ...c, count: c.count - 1 }));
		expect((await verifyAudit(s.d.db)).anchor.message.en).toMatch(/does not verify/);
		rmSync(file);
		expect((await verifyAudit(s.d.db)).anchor.message.en).toMatch(/is missing, yet the database/);
		rmSync(keyPath);
		expect((await verifyAudit(s.d.db)).anchor).toMatchObject({ state: 'no_key' });
	});
});

describe('what each reader sees, a page at a time', () => {
	let fresh: Fresh;
	let s: Seeded;
	let draft: string;
	let submitted: string;
	beforeAll(async () => {
		fresh = await freshDatabase();
		s = await seed(fresh);
		const unit = s.ctx('unitA');
		submitted = (await createSystem(unit, level2Record('Đã nộp'))).id;
		await saveSystem(unit, submitted, {
			...level2Record('Đã nộp'),
			id: submitted,
			description: 'GHI-CHÚ-RIÊNG trước khi nộp'
		});
		await classifySystem(unit, submitted);
		await submitSystem(unit, submitted);
		draft = (await createSystem(unit, level2Record('Nháp'))).id;
		// One editing run of 120 autosaves, then another one later by the same person.
		for (let i = 0; i < 120; i++)
			await saveSystem(unit, draft, {
				...level2Record('Nháp'),
				id: draft,
				description: `GHI-CHÚ-RIÊNG ${i}`
			});
	}, 300_000);
	afterAll(() => fresh.cleanup());

	it('an appraiser sees the submission and reviews, never the drafts or their notes', async () => {
		const page = await auditPage(s.d.db, s.users.appraiser);
		expect(page.entries.map((e) => e.action)).toEqual(['system.submit']);
		expect(JSON.stringify(page)).not.toContain('GHI-CHÚ-RIÊNG');
		expect(JSON.stringify(page)).not.toContain(draft);
		expect((await auditPage(s.d.db, s.users.otherAppraiser)).entries).toEqual([]);
		expect((await auditPage(s.d.db, s.users.unitA)).entries).toEqual([]);
	});

	it('the administrator sees who did what and when, but not the content of drafts', async () => {
		const page = await auditPage(s.d.db, s.users.admin);
		expect(page.entries).toHaveLength(PAGE_SIZE);
		expect(page.entries[0]!.id).toBeGreaterThan(page.entries[1]!.id);
		expect(page.entries.every((e) => e.action === 'system.save' && e.withheld)).toBe(true);
		expect(JSON.stringify(page)).not.toContain('GHI-CHÚ-RIÊNG');
		const next = await auditPage(s.d.db, s.users.admin, page.next!);
		expect(next.entries[0]!.id).toBe(page.entries.at(-1)!.id - 1);
	});

	it('the page groups each editing run into one line', async () => {
		const { lines, next, chain } = await auditLines(s.d.db, s.users.admin);
		expect(chain.ok).toBe(true);
		expect(lines[0]).toHaveLength(120);
		expect(lines[0]!.every((e) => e.entity_id === draft)).toBe(true);
		expect(lines[1]!.map((e) => e.action)).toEqual(['system.create']);
		// Fewer than 50 lines in all: no further page.
		expect(lines.length).toBeLessThan(PAGE_SIZE);
		expect(next).toBeNull();
	});
});

describe('pure parts', () => {
	it('changesBetween and applyChanges round-trip, arrays shrinking included', () => {
		const a = { name: 'A', facts: { information: ['public', 'private', 'personal'], n: 1 } };
		const b = { name: 'B', facts: { information: ['public'], extra: true } };
		const c = changesBetween(a, b);
		expect(applyChanges(a, c)).toEqual(b);
		expect(changesBetween({ ...a, updated_at: '1' }, { ...a, updated_at: '2' })).toEqual([]);
	});

	it('groupRuns splits on another person, another system, another action or a 30-minute gap', () => {
		const e = (id: number, min: number, extra: object = {}) => ({
			id,
			at: new Date(Date.UTC(2026, 0, 1, 9, min)).toISOString(),
			actor_id: 'u',
			action: 'system.save',
			entity_type: 'system',
			entity_id: 's',
			after: null,
			...extra
		});
		const newestFirst = [
			e(9, 59),
			e(8, 58),
			e(7, 20), // 38 minutes before the next: a new run
			e(6, 19, { actor_id: 'v' }),
			e(5, 18, { entity_id: 't' }),
			e(4, 17, { action: 'system.classify' }),
			e(3, 16),
			e(2, 15)
		];
		expect(groupRuns(newestFirst).map((g) => g.map((x) => x.id))).toEqual([
			[9, 8],
			[7],
			[6],
			[5],
			[4],
			[3, 2]
		]);
	});

	it('netChanges keeps each field’s first old and last new value, and drops no-ops', () => {
		const save = (id: number, changes: object[]) => ({
			id,
			at: '',
			actor_id: 'u',
			action: 'system.save',
			entity_type: 'system',
			entity_id: 's',
			after: { changes }
		});
		const run = [
			save(3, [
				{ path: ['name'], from: 'B', to: 'C' },
				{ path: ['x'], from: 2, to: 1 }
			]),
			save(2, [
				{ path: ['name'], from: 'A', to: 'B' },
				{ path: ['x'], from: 1, to: 2 }
			]),
			save(1, [{ path: ['y'], to: true }])
		];
		expect(netChanges(run)).toEqual([
			{ path: ['y'], to: true },
			{ path: ['name'], from: 'A', to: 'C' }
		]);
	});
});

// The audit log: append-only in the database, hash-chained, and `capdo audit verify` finds the
// first entry someone changed behind the trigger's back.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { verifyAudit } from '../../src/lib/server/audit/log';
import { openDatabase } from '../../src/lib/server/db';
import { classifySystem, createSystem, saveSystem } from '../../src/lib/server/workflow/service';
import { freshDatabase, level2Record, seed, type Seeded } from './fixtures';

let s: Seeded;
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
	fresh = await freshDatabase();
	s = await seed(fresh);
	const unit = s.ctx('unitA');
	const { id } = await createSystem(unit, level2Record());
	await saveSystem(unit, id, { ...level2Record('Quản lý văn bản và điều hành'), id });
	await classifySystem(unit, id);
}, 180_000);
afterAll(() => fresh.cleanup());

async function cli(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(args, { out: (x) => out.push(x), err: (x) => err.push(x) });
	return { code, out: out.join('\n'), err: err.join('\n') };
}
const target = () =>
	fresh.target.url ? ['--db', fresh.target.url] : ['--data-dir', fresh.target.dataDir!];

describe('audit log', () => {
	it('records who changed what with before and after, without password hashes', async () => {
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
		expect(save.before).toMatchObject({
			status: 'draft',
			record: { name: 'Hệ thống quản lý văn bản' }
		});
		expect(save.after).toMatchObject({
			status: 'draft',
			record: { name: 'Quản lý văn bản và điều hành' }
		});
		expect(JSON.stringify(rows)).not.toMatch(/scrypt\$/);
		expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
		for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
	});

	it('refuses UPDATE, DELETE and TRUNCATE', async () => {
		await expect(sql`update audit_log set actor = 'x'`.execute(s.d.db)).rejects.toThrow(
			/append-only/
		);
		await expect(sql`delete from audit_log`.execute(s.d.db)).rejects.toThrow(/append-only/);
		await expect(sql`truncate audit_log`.execute(s.d.db)).rejects.toThrow(/append-only/);
		expect(await verifyAudit(s.d.db)).toMatchObject({ ok: true, count: 15 });
	});

	it('`capdo audit verify` passes, then names the first tampered entry and exits 1', async () => {
		await s.d.close();
		const good = await cli(['audit', 'verify', ...target()]);
		expect(good).toMatchObject({ code: 0 });
		expect(good.out).toMatch(/chain intact, 15 entries/);

		const d = await openDatabase(fresh.target);
		const victim = await d.db
			.selectFrom('audit_log')
			.select('id')
			.where('action', '=', 'system.save')
			.executeTakeFirstOrThrow();
		await sql`alter table audit_log disable trigger audit_log_no_update`.execute(d.db);
		await sql`update audit_log set after = jsonb_set(after, '{record,name}', '"Sửa lén"') where id = ${victim.id}`.execute(
			d.db
		);
		await sql`alter table audit_log enable trigger audit_log_no_update`.execute(d.db);
		expect(await verifyAudit(d.db)).toMatchObject({ ok: false, broken: { id: victim.id } });
		await d.close();

		const bad = await cli(['audit', 'verify', ...target()]);
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

// The embedded data directory across versions: a directory written by an earlier capdo (before the
// audit anchor and change-only entries) opens, verifies and shows its history. (A first start
// killed while PGlite creates the directory: kill9.test.ts.)
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS, type ChainEntry } from '../../src/lib/server/audit/chain';
import { verifyAudit } from '../../src/lib/server/audit/verify';
import { createUser } from '../../src/lib/server/auth/accounts';
import type { Principal } from '../../src/lib/server/auth/policy';
import { openDatabase } from '../../src/lib/server/db';
import { connect } from '../../src/lib/server/db/connect';
import { migrate, migrationsDir } from '../../src/lib/server/db/migrate';
import { level2Record, PASSWORD } from './fixtures';
import { Client, ensureBuilt, startServer, type Server } from './server-process';

describe.skipIf(!!process.env.DATABASE_URL)('the embedded data directory', () => {
	it('a directory from the first round opens: migrations apply, the old chain verifies and is anchored, the server starts and lists the old entries', async () => {
		await ensureBuilt();
		// The schema as the first round left it: migrations 001–003 only.
		const old = mkdtempSync(join(tmpdir(), 'capdo-migrations-'));
		for (const f of readdirSync(migrationsDir()).filter((f) => /^00\d_/.test(f)))
			copyFileSync(join(migrationsDir(), f), join(old, f));
		const dataDir = mkdtempSync(join(tmpdir(), 'capdo-old-'));
		const d0 = await connect({ dataDir });
		expect(await migrate(d0, old)).toEqual(['001_init.sql', '002_rulesets.sql', '003_reports.sql']);
		// Entries as the first round wrote them: whole records before and after a save.
		const r0 = { ...level2Record('Quản lý văn bản'), id: 'sys-1' };
		const r1 = { ...r0, name: 'Quản lý văn bản điện tử' };
		const raw: Omit<ChainEntry, 'at' | 'actor_id' | 'actor' | 'prev_hash' | 'entity_type'>[] = [
			{
				action: 'system.create',
				entity_id: 'sys-1',
				unit_id: null,
				before: null,
				after: { status: 'draft', revision: 0, record: r0 }
			},
			{
				action: 'system.save',
				entity_id: 'sys-1',
				unit_id: null,
				before: { status: 'draft', revision: 0, record: r0 },
				after: { status: 'draft', revision: 0, record: r1 }
			}
		];
		let prev = GENESIS;
		for (const [i, e] of raw.entries()) {
			const entry: ChainEntry = {
				...e,
				at: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
				actor_id: null,
				actor: 'unita',
				entity_type: 'system',
				prev_hash: prev
			};
			prev = entryHash(entry);
			await d0.db
				.insertInto('audit_log')
				.values({
					...entry,
					before: entry.before === null ? null : JSON.stringify(entry.before),
					after: JSON.stringify(entry.after),
					hash: prev
				})
				.execute();
		}
		await d0.close();

		// This version opens it: the newer migrations apply and the head is taken from the log.
		const d = await openDatabase({ dataDir });
		const status = await verifyAudit(d.db);
		expect(status).toMatchObject({ ok: true, count: 2 });
		const root: Principal = {
			id: '00000000-0000-4000-8000-000000000000',
			username: 'seed',
			display_name: 'seed',
			role: 'admin',
			unit_id: null,
			body_id: null
		};
		await createUser(d.db, root, {
			username: 'admin',
			display_name: 'admin',
			role: 'admin',
			password: PASSWORD
		});
		await d.close();

		let server: Server | undefined;
		try {
			server = await startServer({ dataDir });
			expect(server.output()).toMatch(/created the audit key/);
			const c = new Client(server.origin);
			await c.login('admin', PASSWORD);
			const page = (await (await c.fetch('/api/audit')).json()) as {
				chain: { ok: boolean; count: number; anchor: { state: string } };
				entries: { action: string; withheld: boolean; after: unknown }[];
			};
			// The two old entries and the administrator's creation after the upgrade.
			expect(page.chain).toMatchObject({ ok: true, count: 3, anchor: { state: 'intact' } });
			// Listed like entries written today: who, when, what — the draft's content withheld.
			expect(page.entries.map((e) => [e.action, e.withheld, e.after]).slice(1)).toEqual([
				['system.save', true, null],
				['system.create', true, null]
			]);
			expect((await c.fetch('/admin/audit')).status).toBe(200);
		} finally {
			await server?.stop();
		}
	}, 300_000);
});

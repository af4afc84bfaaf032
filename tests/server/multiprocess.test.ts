// Two app processes on one PostgreSQL database, as behind a load balancer: what one process knows,
// the other knows too — sessions, logouts, login throttling, saves and their version guard, a rule
// set published through either. Needs DATABASE_URL (the embedded database is one process's alone).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolMax } from '../../src/lib/server/db/connect';
import { freshDatabase, level2Record, PASSWORD, publishReviewed, seed } from './fixtures';
import { Client, ensureBuilt, startServer, type Server } from './server-process';

describe('DATABASE_POOL_MAX', () => {
	it('defaults to 10, takes a whole number, refuses anything else by name', () => {
		expect(poolMax({})).toBe(10);
		expect(poolMax({ DATABASE_POOL_MAX: '25' })).toBe(25);
		for (const bad of ['0', '-3', '2.5', 'ten', '5000'])
			expect(() => poolMax({ DATABASE_POOL_MAX: bad })).toThrow(/DATABASE_POOL_MAX/);
	});
});

describe.skipIf(!process.env.DATABASE_URL)('two app processes, one PostgreSQL database', () => {
	let a: Server;
	let b: Server;
	let d: Awaited<ReturnType<typeof freshDatabase>>;
	let s: Awaited<ReturnType<typeof seed>>;

	beforeAll(async () => {
		await ensureBuilt();
		d = await freshDatabase();
		s = await seed(d);
		[a, b] = await Promise.all([
			startServer(d.target, undefined, { DATABASE_POOL_MAX: '3' }),
			startServer(d.target, undefined, { DATABASE_POOL_MAX: '3' })
		]);
	}, 300_000);
	afterAll(async () => {
		await Promise.all([a?.stop(), b?.stop()]);
		await d?.cleanup();
	});

	/** The same browser talking to the other process (its cookies carried over). */
	const across = (c: Client, to: Server) => {
		const other = new Client(to.origin);
		other.cookie = c.cookie;
		return other;
	};

	it('a session opened on one process works on the other; a logout on one ends it on both', async () => {
		const c = new Client(a.origin);
		await c.login('unita', PASSWORD);
		const onB = across(c, b);
		expect((await onB.fetch('/api/unit')).status).toBe(200);
		expect((await onB.fetch('/logout', { method: 'POST' })).status).toBe(303);
		expect((await c.fetch('/api/unit')).status).toBe(401);
	});

	it('failed logins on one process lock the account on the other', async () => {
		const c = new Client(a.origin);
		for (let i = 0; i < 5; i++)
			expect(
				(await c.form('/login', { username: 'maintainer2', password: 'wrong password!' })).status
			).toBe(400);
		const locked = await new Client(b.origin).form('/login', {
			username: 'maintainer2',
			password: PASSWORD
		});
		expect(locked.status).toBe(429);
	}, 60_000);

	it('a save on one process moves the version the other guards', async () => {
		const c = new Client(a.origin);
		await c.login('unitb', PASSWORD);
		const created = await c.json('/api/systems', 'POST', level2Record('Hai tiến trình'));
		expect(created.status).toBe(201);
		const sys = (await created.json()) as { id: string; version: number; record: object };
		const onB = across(c, b);
		const saved = await onB.json(`/api/systems/${sys.id}`, 'PUT', {
			record: sys.record,
			version: sys.version
		});
		expect(saved.status).toBe(200);
		// The same stale version, now on the first process: refused, not silently overwritten.
		const stale = await c.json(`/api/systems/${sys.id}`, 'PUT', {
			record: sys.record,
			version: sys.version
		});
		expect(stale.status).toBe(409);
	});

	it('a rule set published through the database is served by both processes', async () => {
		const text = readFileSync('tests/fixtures/maintain/valid/ruleset.yaml', 'utf8');
		// Each process has read the registry before the publication.
		for (const srv of [a, b])
			expect((await fetch(`${srv.origin}/rules/vn-demo@2027`)).status).toBe(404);
		const r = await publishReviewed(d.db, s.users.maintainer, s.users.maintainer2, [
			{ path: 'ruleset.yaml', text }
		]);
		expect(r.ok).toBe(true);
		for (const srv of [a, b])
			expect((await fetch(`${srv.origin}/rules/vn-demo@2027`)).status).toBe(200);
	});
});

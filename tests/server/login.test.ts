// Login throttling over HTTP (issue 16 item 4): the check and the count are one atomic step, so
// parallel guesses cannot all be checked; limits per account + address, per account and per
// address use backoff, never a fixed lockout; a browser that signed in before is not held back by
// a stranger's failures; the administrator can unlock. The server runs as behind a proxy
// (ADDRESS_HEADER, XFF_DEPTH) so each request can come from its own address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES, waitSeconds } from '../../src/lib/server/auth/ratelimit';
import { freshDatabase, PASSWORD, seed } from './fixtures';
import { Client, ensureBuilt, startServer, type Server } from './server-process';

describe('backoff', () => {
	it('waits nothing while free, then doubles from 30 s up to the cap', () => {
		const pair = RULES.pair;
		expect(waitSeconds(pair, 4, 0)).toBe(0);
		expect(waitSeconds(pair, 5, 0)).toBe(30);
		expect(waitSeconds(pair, 6, 10)).toBe(50);
		expect(waitSeconds(pair, 7, 0)).toBe(120);
		expect(waitSeconds(pair, 30, 0)).toBe(15 * 60);
		expect(waitSeconds(RULES.user, 40, 0)).toBe(5 * 60);
		expect(waitSeconds(pair, 5, 31)).toBe(0);
	});
});

describe.sequential('login over HTTP', () => {
	let server: Server;
	let ids: Record<string, string>;
	beforeAll(async () => {
		await ensureBuilt();
		const d = await freshDatabase();
		const s = await seed(d);
		ids = Object.fromEntries(Object.entries(s.users).map(([k, u]) => [k, u.id]));
		await d.close();
		server = await startServer(d.target, undefined, {
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		});
	}, 300_000);
	afterAll(() => server?.stop());

	/** A sign-in from address `ip` (documentation ranges only), in its own browser unless given. */
	const signIn = (ip: string, username: string, password: string, c = new Client(server.origin)) =>
		c.fetch('/login', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				'x-forwarded-for': ip
			},
			body: new URLSearchParams({ username, password }).toString()
		});
	const statuses = (rs: Response[]) =>
		rs.reduce<Record<number, number>>((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {});

	it('40 parallel wrong passwords: 5 are checked, 35 wait', async () => {
		const rs = await Promise.all(
			Array.from({ length: 40 }, () => signIn('192.0.2.1', 'unita', 'wrong password!'))
		);
		expect(statuses(rs)).toEqual({ 400: 5, 429: 35 });
		const wait = await signIn('192.0.2.1', 'unita', PASSWORD);
		expect(wait.status).toBe(429);
		expect(await wait.text()).toMatch(/thử lại sau \d+ (giây|phút)/);
	}, 120_000);

	it('29 wrong and 1 right in parallel: at most 5 passwords are checked in all', async () => {
		const wrong = Array.from({ length: 29 }, () => signIn('192.0.2.2', 'unitb', 'wrong password!'));
		const right = signIn('192.0.2.2', 'unitb', PASSWORD);
		const rs = await Promise.all([...wrong, right]);
		const s = statuses(rs);
		expect((s[400] ?? 0) + (s[303] ?? 0)).toBeLessThanOrEqual(5);
		expect(s[429]).toBeGreaterThanOrEqual(25);
	}, 120_000);

	it('a stranger cannot hold the owner back; the administrator can unlock', async () => {
		// The owner signs in from its usual browser: that browser is now known to the account.
		const owner = new Client(server.origin);
		expect((await signIn('198.51.100.7', 'appraiser', PASSWORD, owner)).status).toBe(303);
		await owner.fetch('/logout', {
			method: 'POST',
			headers: { 'x-forwarded-for': '198.51.100.7' }
		});
		// Someone else guesses from many addresses, a few tries each: the account-wide limit.
		for (let i = 0; i < 12; i++)
			await signIn(`203.0.113.${10 + (i % 4)}`, 'appraiser', 'guess number ' + i);
		const stranger = await signIn('203.0.113.99', 'appraiser', PASSWORD);
		expect(stranger.status).toBe(429);
		// The owner's browser is not held back, from its own address or another.
		expect((await signIn('198.51.100.7', 'appraiser', PASSWORD, owner)).status).toBe(303);
		// A new browser of the owner waits a backoff (seconds, not a 15-minute lockout) …
		const newBrowser = await signIn('198.51.100.8', 'appraiser', PASSWORD);
		expect(newBrowser.status).toBe(429);
		expect(await newBrowser.text()).toMatch(/thử lại sau \d+ giây/);
		// … unless the administrator unlocks the account (audited).
		const admin = new Client(server.origin);
		expect((await signIn('198.51.100.1', 'admin', PASSWORD, admin)).status).toBe(303);
		const page = await admin.fetch('/admin', { headers: { 'x-forwarded-for': '198.51.100.1' } });
		expect(await page.text()).toMatch(/Mở khóa đăng nhập cho appraiser/);
		const unlock = await admin.fetch('/admin?/unlock', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				'x-forwarded-for': '198.51.100.1'
			},
			body: new URLSearchParams({ id: ids.appraiser! }).toString()
		});
		expect(unlock.status).toBe(200);
		expect((await signIn('198.51.100.8', 'appraiser', PASSWORD)).status).toBe(303);
		const audit = (await (
			await admin.fetch('/api/audit', { headers: { 'x-forwarded-for': '198.51.100.1' } })
		).json()) as { entries: { action: string; entity_id: string }[] };
		expect(audit.entries).toContainEqual(
			expect.objectContaining({ action: 'user.unlock', entity_id: ids.appraiser })
		);
	}, 120_000);
});

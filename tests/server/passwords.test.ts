// Passwords (issue 16 item 9): weak ones refused by a strength estimate and a denylist, a change
// page for every user, and the administrator's one-time reset link — each over the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/en';
import { passwordIssue } from '../../src/lib/server/auth/password';
import { sayIn, vietnamese } from '../../src/lib/server/auth/said';
import { freshDatabase, PASSWORD, seed } from './fixtures';
import { Client, ensureBuilt, startServer, type Server } from './server-process';

/** Why the password is refused, in Vietnamese (the form shows it in the reader's language). */
const passwordProblem = async (pw: string, personal?: string[]) => {
	const issue = await passwordIssue(pw, personal);
	return issue && vietnamese(issue);
};

describe('passwordIssue', () => {
	it.each([
		['all spaces', ' '.repeat(16)],
		['very common', 'password1234'],
		['a sequence', 'abcdefghijklmn'],
		['digits in a row', '123456789012'],
		['a keyboard row', 'qwertyuiop[]'],
		['Vietnamese "password"', 'matkhau123456'],
		['Vietnamese "password", with diacritics', 'mậtkhẩu123456'],
		['"I love you" in Vietnamese', 'anhyeuem2026!'],
		['the app’s name', 'capdocapdo2026'],
		['the user’s own name', 'nguyenvanduc1990']
	])('refuses %s', async (_, pw) => {
		expect(await passwordProblem(pw, ['vanduc', 'Nguyễn Văn Đức'])).toMatch(/dễ đoán|khoảng trắng/);
	});

	it('refuses short and over-long passwords, and accepts long unrelated words', async () => {
		expect(await passwordProblem('Ab1!Ab1!')).toMatch(/ít nhất 12/);
		expect(await passwordProblem('x'.repeat(1025))).toMatch(/tối đa 1\.024/);
		// The same refusals for an English reader, numbers in English notation.
		expect(sayIn((await passwordIssue('Ab1!Ab1!'))!, 'en', en)).toMatch(/at least 12/);
		expect(sayIn((await passwordIssue('x'.repeat(1025)))!, 'en', en)).toMatch(/1,024/);
		expect(sayIn((await passwordIssue('password1234'))!, 'en', en)).toMatch(/guess/);
		for (const ok of [PASSWORD, 'Sở Tài chính giữ mèo xanh', 'tàu hỏa qua cầu gỗ lúc 5 giờ'])
			expect(await passwordProblem(ok, ['vanduc'])).toBeUndefined();
	});
});

describe('over HTTP', () => {
	let server: Server;
	let ids: Record<string, string>;
	beforeAll(async () => {
		await ensureBuilt();
		const d = await freshDatabase();
		const s = await seed(d);
		ids = Object.fromEntries(Object.entries(s.users).map(([k, u]) => [k, u.id]));
		await d.close();
		server = await startServer(d.target);
	}, 300_000);
	afterAll(() => server?.stop());

	const NEW = 'gió mùa về trên đồi chè';

	it('every user changes their own password; other sessions end, this one stays', async () => {
		const here = new Client(server.origin);
		const elsewhere = new Client(server.origin);
		await here.login('unitb', PASSWORD);
		await elsewhere.login('unitb', PASSWORD);
		const change = (fields: Record<string, string>) => here.form('/account?/password', fields);
		const wrong = await change({ current: 'not it at all', password: NEW, confirm: NEW });
		expect(wrong.status).toBe(422);
		expect(await wrong.text()).toContain('Mật khẩu hiện tại không đúng');
		const weak = await change({
			current: PASSWORD,
			password: 'password1234',
			confirm: 'password1234'
		});
		expect(weak.status).toBe(422);
		expect(await weak.text()).toMatch(/dễ đoán/);
		const mismatch = await change({ current: PASSWORD, password: NEW, confirm: NEW + '!' });
		expect(mismatch.status).toBe(422);
		const ok = await change({ current: PASSWORD, password: NEW, confirm: NEW });
		expect(ok.status).toBe(200);
		expect(await ok.text()).toContain('Đã đổi mật khẩu');
		expect((await here.fetch('/api/unit')).status).toBe(200);
		expect((await elsewhere.fetch('/api/unit')).status).toBe(401);
		expect(
			(await new Client(server.origin).form('/login', { username: 'unitb', password: PASSWORD }))
				.status
		).toBe(400);
		await new Client(server.origin).login('unitb', NEW);
	}, 120_000);

	it('an administrator issues a one-time reset link; it works once and ends all sessions', async () => {
		const admin = new Client(server.origin);
		await admin.login('admin', PASSWORD);
		const victimSession = new Client(server.origin);
		await victimSession.login('maintainer', PASSWORD);
		const r = await admin.form('/admin?/reset', { id: ids.maintainer! });
		expect(r.status).toBe(200);
		const link = (await r.text()).match(/http:\/\/[^\s<"]+\/reset\/([\w-]{40,})/);
		expect(link).not.toBeNull();
		const path = new URL(link![0]).pathname;
		const anyone = new Client(server.origin);
		const opened = await anyone.fetch(path);
		expect(opened.status, path + (await opened.text()).slice(0, 500)).toBe(200);
		expect(
			(await anyone.form(path, { password: 'abcdefghijklmn', confirm: 'abcdefghijklmn' })).status
		).toBe(422);
		const done = await anyone.form(path, { password: NEW, confirm: NEW });
		expect(done.status).toBe(200);
		expect(await done.text()).toContain('Đã đặt mật khẩu mới');
		expect((await anyone.fetch(path)).status).toBe(404);
		expect((await anyone.form(path, { password: NEW + '1', confirm: NEW + '1' })).status).toBe(404);
		expect((await victimSession.fetch('/maintain')).status).toBe(303);
		await new Client(server.origin).login('maintainer', NEW);
		// Only administrators issue links; an administrator's own password is changed on /account.
		const unit = new Client(server.origin);
		await unit.login('unita', PASSWORD);
		expect((await unit.form('/admin?/reset', { id: ids.maintainer! })).status).toBe(403);
		expect((await admin.form('/admin?/reset', { id: ids.admin! })).status).toBe(422);
		const audit = (await (await admin.fetch('/api/audit')).json()) as {
			entries: { action: string; entity_id: string; after: unknown }[];
		};
		const actions = audit.entries
			.filter((e) => e.entity_id === ids.maintainer)
			.map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['user.reset', 'user.password']));
		expect(JSON.stringify(audit)).not.toMatch(/scrypt\$|\/reset\//);
	}, 120_000);
});

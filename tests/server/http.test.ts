// The real server over HTTP: first-start setup link, sessions, login throttling, and the full
// route × role matrix including another unit's system id in URLs and API calls.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	classifySystem,
	createSystem,
	startReview,
	submitSystem
} from '../../src/lib/server/workflow/service';
import { systemFiles } from '../../src/lib/server/workflow/files';
import { signedPdf } from '../fixtures/pdf/signed';
import { freshDatabase, level2Record, PASSWORD, seed, type Who } from './fixtures';
import { Client, ensureBuilt, startServer, type Server } from './server-process';

beforeAll(() => ensureBuilt(), 300_000);

/** A new rule set over Decree 331 (its impact covers every stored system, unit A's included). */
const RULESET_YAML = readFileSync('tests/fixtures/maintain/valid/ruleset.yaml', 'utf8');

describe('first start', () => {
	let server: Server;
	let pg: Awaited<ReturnType<typeof freshDatabase>> | undefined;
	afterAll(async () => {
		await server?.stop();
		await pg?.cleanup();
	});

	it('prints a one-time setup link; it creates the admin once and then dies', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'capdo-setup-'));
		// A data directory whose parent does not exist yet.
		server = await startServer(
			process.env.DATABASE_URL ? (await freshDatabase()).target : { dataDir: join(dir, 'a', 'b') }
		);
		const m = server
			.output()
			.match(/capdo: first start — create the administrator at (http:\S+\/setup\/(\S+))/);
		expect(m).not.toBeNull();
		const path = new URL(m![1]!).pathname;
		expect(m![2]!.length).toBeGreaterThanOrEqual(40);
		const c = new Client(server.origin);
		expect((await c.fetch('/setup/' + 'x'.repeat(43))).status).toBe(404);
		expect((await c.fetch(path)).status).toBe(200);
		const weak = await c.form(path, {
			username: 'root',
			display_name: 'Quản trị',
			password: 'short',
			confirm: 'short'
		});
		expect(weak.status).toBe(422);
		const r = await c.form(path, {
			username: 'root',
			display_name: 'Quản trị',
			password: PASSWORD,
			confirm: PASSWORD
		});
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toBe('/admin?welcome');
		expect((await c.fetch('/admin')).status).toBe(200);
		expect((await new Client(server.origin).fetch(path)).status).toBe(404);
		const again = await new Client(server.origin).form(path, {
			username: 'root2',
			display_name: 'x',
			password: PASSWORD,
			confirm: PASSWORD
		});
		expect(again.status).toBe(404);
	}, 120_000);
});

describe('seeded server', () => {
	let server: Server;
	let ids: {
		sysA: string;
		draftA: string;
		sysB: string;
		sysC: string;
		unitA: string;
		pdfA: string;
		sysR: string;
	};
	const clients = {} as Record<Who | 'anonymous', Client>;

	beforeAll(async () => {
		const d = await freshDatabase();
		const s = await seed(d);
		const unitA = s.ctx('unitA');
		const unitB = s.ctx('unitB');
		const unitC = { ...unitA, user: { ...unitA.user, id: s.users.admin.id, unit_id: s.units.C } };
		const submitted = async (ctx: typeof unitA, name: string) => {
			const { id } = await createSystem(ctx, level2Record(name));
			await classifySystem(ctx, id);
			await submitSystem(ctx, id);
			return id;
		};
		ids = {
			sysA: await submitted(unitA, 'BÍ-MẬT-A hệ thống A'),
			draftA: (await createSystem(unitA, level2Record('Nháp A'))).id,
			sysB: await submitted(unitB, 'Hệ thống B'),
			sysC: await submitted(unitC, 'Hệ thống C'),
			unitA: s.units.A,
			pdfA: '',
			// Under review: its papers (Mẫu 04–07) can be drafted.
			sysR: await submitted(unitA, 'BÍ-MẬT-A hệ thống R')
		};
		await startReview(s.ctx('appraiser'), ids.sysR);
		// The PDF and the DOCX are stored in the same instant: pick the PDF by kind, not the first.
		ids.pdfA = (await systemFiles(unitA, ids.sysA)).find((f) => f.kind === 'dossier_pdf')!.id;
		await d.close();
		server = await startServer(d.target);
		clients.anonymous = new Client(server.origin);
		// maintainer2 has the same rights as maintainer: the matrix needs one of them.
		const names: Record<Exclude<Who, 'maintainer2'>, string> = {
			admin: 'admin',
			maintainer: 'maintainer',
			unitA: 'unita',
			unitB: 'unitb',
			appraiser: 'appraiser',
			otherAppraiser: 'appraiserq'
		};
		for (const [who, username] of Object.entries(names) as [Who, string][]) {
			clients[who] = new Client(server.origin);
			await clients[who].login(username, PASSWORD);
		}
	}, 180_000);
	afterAll(() => server?.stop());

	it('session cookie is HttpOnly, SameSite=Lax, stored hashed, and logout ends it', async () => {
		const c = new Client(server.origin);
		const r = await c.login('unita', PASSWORD);
		const set = r.headers.getSetCookie().join('\n');
		expect(set).toMatch(/capdo_session=[\w-]{40,};/);
		expect(set).toMatch(/HttpOnly/i);
		expect(set).toMatch(/SameSite=Lax/i);
		expect(set).not.toMatch(/Secure/i); // plain http in tests; https sets Secure
		expect(r.headers.get('location')).toBe('/');
		const cookie = c.cookie;
		expect((await c.fetch('/api/unit')).status).toBe(200);
		expect((await c.fetch('/logout', { method: 'POST' })).status).toBe(303);
		const stale = new Client(server.origin);
		stale.cookie = cookie;
		expect((await stale.fetch('/api/unit')).status).toBe(401);
	});

	it('login is throttled per account and address after 5 failures', async () => {
		const c = new Client(server.origin);
		for (let i = 0; i < 5; i++)
			expect(
				(await c.form('/login', { username: 'maintainer', password: 'wrong password!' })).status
			).toBe(400);
		const locked = await c.form('/login', { username: 'maintainer', password: PASSWORD });
		expect(locked.status).toBe(429);
		expect(await locked.text()).toMatch(/thử lại sau \d+ (giây|phút)/);
		// Another account from the same address is not affected.
		expect(
			(await new Client(server.origin).form('/login', { username: 'admin', password: PASSWORD }))
				.status
		).toBe(303);
	}, 60_000);

	it('a user who chose English is refused in English, the wait included', async () => {
		const c = new Client(server.origin);
		c.jar.set('lang', 'en');
		const form = () => c.form('/login', { username: 'nobody-en', password: 'wrong password!' });
		const wrong = await form();
		expect(wrong.status).toBe(400);
		const page = await wrong.text();
		expect(page).toContain('The username or password is not correct.');
		expect(page).not.toContain('không đúng');
		for (let i = 0; i < 4; i++) expect((await form()).status).toBe(400);
		const locked = await form();
		expect(locked.status).toBe(429);
		expect(await locked.text()).toMatch(
			/Too many failed sign-ins\. Try again in \d+ (second|minute)s?\./
		);
	}, 60_000);

	it('an administrator who chose English is refused in English: own password, new user, body', async () => {
		const c = new Client(server.origin);
		c.jar.set('lang', 'en');
		await c.login('admin', PASSWORD);
		const text = async (r: Response, status: number) => {
			expect(r.status).toBe(status);
			const page = await r.text();
			expect(page).not.toMatch(/dễ đoán|không khớp|ít nhất|đã có|Nhập tên/);
			return page;
		};
		const change = (password: string, confirm = password) =>
			c.form('/account?/password', { current: PASSWORD, password, confirm });
		expect(await text(await change('password1234'), 422)).toMatch(
			/The password is too easy to guess: [a-z "]+\. Use a long sentence/
		);
		expect(await text(await change('gió mùa về trên đồi chè', 'x'), 422)).toContain(
			'The two new passwords do not match.'
		);
		expect(await text(await change('Ab1!Ab1!'), 422)).toContain(
			'The password must have at least 12 characters.'
		);
		const user = (username: string, password: string) =>
			c.form('/admin?/user', { username, display_name: 'Someone', role: 'admin', password });
		expect(await text(await user('unita', 'Một mật khẩu khá dài 2026!'), 422)).toContain(
			'This username is already taken.'
		);
		expect(await text(await user('someone-new', 'password1234'), 422)).toContain(
			'The password is too easy to guess'
		);
		expect(await text(await c.form('/admin?/body', { name: ' ' }), 422)).toContain(
			'Enter the name of the governing body.'
		);
		// The same refusal to a Vietnamese administrator, word for word as before.
		const vi = await clients.admin.form('/admin?/body', { name: ' ' });
		expect(vi.status).toBe(422);
		expect(await vi.text()).toContain('Nhập tên cơ quan chủ quản.');
	}, 60_000);

	it('a wrong password and an unknown account give the same answer', async () => {
		const a = await new Client(server.origin).form('/login', { username: 'nobody', password: 'x' });
		const b = await new Client(server.origin).form('/login', { username: 'unitb', password: 'x' });
		expect([a.status, b.status]).toEqual([400, 400]);
	});

	const currentQuarter = () => {
		const d = new Date();
		return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
	};
	/** The Decree 331 yearly window open today (15/12 of one year – 14/12 of the next). */
	const yearly = (report = 'nd331-yearly-unit') => {
		const d = new Date(Date.now() + 7 * 3600_000);
		const next = d.getUTCMonth() === 11 && d.getUTCDate() >= 15;
		return `${report}/${d.getUTCFullYear() + (next ? 1 : 0)}`;
	};

	type Role = Exclude<Who, 'maintainer2'> | 'anonymous';
	const ROLES: Role[] = [
		'anonymous',
		'unitA',
		'unitB',
		'appraiser',
		'otherAppraiser',
		'maintainer',
		'admin'
	];
	type Expect = Record<Role, number>;
	const row = (
		anonymous: number,
		unitA: number,
		unitB: number,
		appraiser: number,
		otherAppraiser: number,
		maintainer: number,
		admin: number
	): Expect => ({
		anonymous,
		unitA,
		unitB,
		appraiser,
		otherAppraiser,
		maintainer,
		admin
	});

	// Written out by hand from the requirements, not derived from the policy module.
	//               anon unitA unitB appr  apprQ maint admin
	const MATRIX: [string, string, (ids: Record<string, string>) => string, Expect, unknown?][] = [
		['GET', 'home', () => '/', row(200, 200, 200, 200, 200, 200, 200)],
		['GET', 'admin page', () => '/admin', row(303, 403, 403, 403, 403, 403, 200)],
		[
			'POST',
			'admin: create body',
			() => '/admin?/body',
			row(303, 403, 403, 403, 403, 403, 200),
			{ name: 'Bộ X' }
		],
		['GET', 'audit page', () => '/admin/audit', row(303, 403, 403, 200, 200, 403, 200)],
		['GET', 'unit submissions page', () => '/submissions', row(303, 200, 200, 403, 403, 403, 403)],
		[
			'POST',
			'unit page: submit A',
			(i) => `/submissions?/submit&id=${i.sysA}`,
			row(303, 409, 404, 403, 403, 403, 403),
			'id:sysA'
		],
		['GET', 'appraisal queue', () => '/appraisal', row(303, 403, 403, 200, 200, 403, 403)],
		['GET', 'review page A', (i) => `/appraisal/${i.sysA}`, row(303, 403, 403, 200, 404, 403, 403)],
		[
			'GET',
			'review page of a draft',
			(i) => `/appraisal/${i.draftA}`,
			row(303, 403, 403, 404, 404, 403, 403)
		],
		[
			'POST',
			'review A: approve without number',
			(i) => `/appraisal/${i.sysA}?/approve`,
			row(303, 403, 403, 422, 404, 403, 403),
			{ number: '' }
		],
		['GET', 'API unit', () => '/api/unit', row(401, 200, 200, 403, 403, 403, 403)],
		[
			'PUT',
			'API unit profile',
			() => '/api/unit',
			row(401, 200, 200, 403, 403, 403, 403),
			{ name: 'Đơn vị', governing_body: 'UBND', security_unit: 'Sở TT&TT', contact: { name: 'A' } }
		],
		[
			'POST',
			'API create system',
			() => '/api/systems',
			row(401, 201, 201, 403, 403, 403, 403),
			level2Record('Mới')
		],
		[
			'GET',
			'API system A',
			(i) => `/api/systems/${i.sysA}`,
			row(401, 200, 404, 200, 404, 403, 403)
		],
		[
			'GET',
			'API system A history',
			(i) => `/api/systems/${i.sysA}/history`,
			row(401, 200, 404, 200, 404, 403, 403)
		],
		[
			'PUT',
			'API save submitted A',
			(i) => `/api/systems/${i.sysA}`,
			row(401, 409, 404, 404, 404, 403, 403),
			'record:sysA'
		],
		[
			'PUT',
			'API save draft A',
			(i) => `/api/systems/${i.draftA}`,
			row(401, 200, 404, 404, 404, 403, 403),
			'record:draftA'
		],
		[
			'GET',
			'API draft A',
			(i) => `/api/systems/${i.draftA}`,
			row(401, 200, 404, 404, 404, 403, 403)
		],
		[
			'GET',
			'API system C (other body)',
			(i) => `/api/systems/${i.sysC}`,
			row(401, 404, 404, 404, 200, 403, 403)
		],
		[
			'POST',
			'API classify A',
			(i) => `/api/systems/${i.sysA}/classify`,
			row(401, 409, 404, 403, 403, 403, 403)
		],
		[
			'POST',
			'API submit A',
			(i) => `/api/systems/${i.sysA}/submit`,
			row(401, 409, 404, 403, 403, 403, 403)
		],
		[
			'POST',
			'API revise A',
			(i) => `/api/systems/${i.sysA}/revise`,
			row(401, 409, 404, 403, 403, 403, 403)
		],
		[
			'GET',
			'API system with a malformed id',
			() => '/api/systems/not-a-uuid',
			row(401, 404, 404, 404, 404, 403, 403)
		],
		[
			'GET',
			'API files of A',
			(i) => `/api/systems/${i.sysA}/files`,
			row(401, 200, 404, 200, 404, 403, 403)
		],
		[
			'GET',
			'submitted PDF of A',
			(i) => `/api/systems/${i.sysA}/files/${i.pdfA}`,
			row(401, 200, 404, 200, 404, 403, 403)
		],
		[
			'GET',
			'A’s PDF through B’s system id',
			(i) => `/api/systems/${i.sysB}/files/${i.pdfA}`,
			row(401, 404, 404, 404, 404, 403, 403)
		],
		[
			'GET',
			'file with a malformed id',
			(i) => `/api/systems/${i.sysA}/files/x`,
			row(401, 404, 404, 404, 404, 403, 403)
		],
		[
			'GET',
			'opinion paper of R (PDF)',
			(i) => `/api/systems/${i.sysR}/papers/opinion?format=pdf`,
			row(401, 403, 403, 200, 404, 403, 403)
		],
		[
			'GET',
			'decision paper of R (DOCX, signature copy)',
			(i) => `/api/systems/${i.sysR}/papers/decision?format=docx&copy=final`,
			row(401, 403, 403, 200, 404, 403, 403)
		],
		[
			'GET',
			'tờ trình of a level-2 system (none: the specialized unit approves)',
			(i) => `/api/systems/${i.sysR}/papers/submission`,
			row(401, 403, 403, 404, 404, 403, 403)
		],
		[
			'GET',
			'papers of A before its review starts',
			(i) => `/api/systems/${i.sysA}/papers/opinion`,
			row(401, 403, 403, 404, 404, 403, 403)
		],
		[
			'GET',
			'unknown paper',
			(i) => `/api/systems/${i.sysR}/papers/x`,
			row(401, 403, 403, 404, 404, 403, 403)
		],
		['GET', 'API audit', () => '/api/audit', row(401, 403, 403, 200, 200, 403, 200)],
		[
			'GET',
			'API: full audit verify (CLI --url)',
			() => '/api/admin/audit/verify',
			row(401, 403, 403, 403, 403, 403, 200)
		],
		[
			'GET',
			'API: impact (CLI --url)',
			() => '/api/admin/impact?ruleset=vn-nd331@2026',
			row(401, 403, 403, 403, 403, 200, 200)
		],
		['GET', 'own account page', () => '/account', row(303, 200, 200, 200, 200, 200, 200)],
		[
			'GET',
			'password reset link, unknown',
			() => '/reset/' + 'x'.repeat(43),
			row(404, 404, 404, 404, 404, 404, 404)
		],
		[
			'POST',
			'account: change password, wrong current',
			() => '/account?/password',
			row(303, 422, 422, 422, 422, 422, 422),
			{
				current: 'not the password',
				password: 'gió mùa về trên đồi chè',
				confirm: 'gió mùa về trên đồi chè'
			}
		],
		[
			'POST',
			'account: create a CLI token',
			() => '/account?/token',
			row(303, 422, 422, 422, 422, 200, 200),
			{ label: 'CLI', days: '7' }
		],
		['GET', 'overview', () => '/overview', row(303, 403, 403, 200, 200, 403, 200)],
		[
			'GET',
			'overview filtered to unit A',
			(i) => `/overview?unit=${i.unitA}`,
			row(303, 403, 403, 200, 200, 403, 200)
		],
		['GET', 'overview CSV', () => '/overview/export/csv', row(303, 403, 403, 200, 200, 403, 200)],
		['GET', 'overview XLSX', () => '/overview/export/xlsx', row(303, 403, 403, 200, 200, 403, 200)],
		['GET', 'overview PDF', () => '/overview/export/pdf', row(303, 403, 403, 200, 200, 403, 200)],
		[
			'GET',
			'overview: Object member as a format',
			() => '/overview/export/constructor',
			row(303, 403, 403, 404, 404, 403, 404)
		],
		[
			'GET',
			'overview: __proto__ as a format',
			() => '/overview/export/__proto__',
			row(303, 403, 403, 404, 404, 403, 404)
		],
		[
			'GET',
			'overview: unknown format',
			() => '/overview/export/doc',
			row(303, 403, 403, 404, 404, 403, 404)
		],
		['GET', 'reports roll-up', () => '/overview/reports', row(303, 403, 403, 200, 200, 403, 200)],
		['GET', 'unit reports', () => '/reports', row(303, 200, 200, 403, 403, 403, 403)],
		[
			'GET',
			'unit report form (current quarter)',
			() => `/reports/malware-quarterly/${currentQuarter()}`,
			row(303, 200, 200, 403, 403, 403, 403)
		],
		[
			'POST',
			'unit report: invalid figures',
			() => `/reports/malware-quarterly/${currentQuarter()}`,
			row(303, 422, 422, 403, 403, 403, 403),
			{ endpoints_total: '5', endpoints_protected: '9', infected_machines: '0', incidents: '0' }
		],
		[
			'GET',
			'yearly report form (Mẫu 08)',
			() => `/reports/yearly/${yearly()}`,
			row(303, 200, 200, 403, 403, 403, 403)
		],
		[
			'POST',
			'yearly report: save a draft',
			() => `/reports/yearly/${yearly()}?/save`,
			row(303, 200, 200, 403, 403, 403, 403),
			{ version: '0', 'owner.name': 'UBND' }
		],
		[
			'POST',
			'yearly report: submit with gaps',
			() => `/reports/yearly/${yearly()}/review?/submit`,
			row(303, 422, 422, 403, 403, 403, 403)
		],
		[
			'GET',
			'yearly report: PDF draft',
			() => `/reports/yearly/${yearly()}/mau-08?format=pdf&copy=draft`,
			row(303, 200, 200, 403, 403, 403, 403)
		],
		[
			'GET',
			'yearly report: sent copy before sending',
			() => `/reports/yearly/${yearly()}/mau-08?v=submitted&format=docx&copy=final`,
			row(303, 404, 404, 403, 403, 403, 403)
		],
		[
			'GET',
			'yearly report: Word draft',
			() => `/reports/yearly/${yearly()}/mau-08?format=docx`,
			row(303, 200, 200, 403, 403, 403, 403)
		],
		[
			'GET',
			'yearly report: an unknown format',
			() => `/reports/yearly/${yearly()}/mau-08?format=odt`,
			row(303, 404, 404, 403, 403, 403, 403)
		],
		[
			'GET',
			'yearly report: the owner’s report for a unit’s duty',
			() => `/reports/yearly/${yearly('nd331-yearly-owner')}`,
			row(303, 404, 404, 403, 403, 403, 403)
		],
		[
			'GET',
			'yearly roll-up',
			() => `/overview/reports?report=${yearly().replace('/', '&period=')}`,
			row(303, 403, 403, 200, 200, 403, 200)
		],
		[
			'GET',
			'yearly roll-up CSV',
			() => `/overview/reports/export/csv?report=${yearly().replace('/', '&period=')}`,
			row(303, 403, 403, 200, 200, 403, 200)
		],
		[
			'GET',
			'yearly roll-up: Object member as a format',
			() => `/overview/reports/export/constructor?report=${yearly().replace('/', '&period=')}`,
			row(303, 403, 403, 404, 404, 403, 404)
		],
		[
			'GET',
			'yearly roll-up: toString as a format',
			() => `/overview/reports/export/toString?report=${yearly().replace('/', '&period=')}`,
			row(303, 403, 403, 404, 404, 403, 404)
		],
		[
			'GET',
			'roll-up export of a report without one',
			() => `/overview/reports/export/csv?report=malware-quarterly&period=${currentQuarter()}`,
			row(303, 403, 403, 404, 404, 403, 404)
		],
		[
			'GET',
			'the owner’s yearly report',
			() => `/overview/reports/yearly/${yearly('nd331-yearly-owner')}`,
			row(303, 403, 403, 200, 200, 403, 404)
		],
		[
			'GET',
			'the owner’s Mẫu 08 draft (PDF)',
			() => `/overview/reports/yearly/${yearly('nd331-yearly-owner')}/mau-08?format=pdf&copy=draft`,
			row(303, 403, 403, 200, 200, 403, 404)
		],
		[
			'GET',
			'the owner’s Mẫu 08 review',
			() => `/overview/reports/yearly/${yearly('nd331-yearly-owner')}/review`,
			row(303, 403, 403, 200, 200, 403, 404)
		],
		[
			'GET',
			'the owner’s report page for a unit’s duty',
			() => `/overview/reports/yearly/${yearly()}`,
			row(303, 403, 403, 404, 404, 403, 404)
		],
		[
			'GET',
			'a sent Mẫu 08 that does not exist',
			() => '/overview/reports/submitted/00000000-0000-4000-8000-000000000000/mau-08',
			row(303, 403, 403, 404, 404, 403, 404)
		],
		['GET', 'rule browser', () => '/rules', row(200, 200, 200, 200, 200, 200, 200)],
		[
			'GET',
			'rule set page',
			() => '/rules/vn-nd85@tt03-2017',
			row(200, 200, 200, 200, 200, 200, 200)
		],
		['GET', 'unknown rule set', () => '/rules/vn-x@1', row(404, 404, 404, 404, 404, 404, 404)],
		['GET', 'maintainer workspace', () => '/maintain', row(303, 403, 403, 403, 403, 200, 403)],
		[
			'POST',
			'maintain: check',
			() => '/maintain?/check',
			row(303, 403, 403, 403, 403, 200, 403),
			{ path: 'ruleset.yaml', text: RULESET_YAML }
		],
		[
			'POST',
			'maintain: submit an invalid version for review',
			() => '/maintain?/submit',
			row(303, 403, 403, 403, 403, 422, 403),
			{ path: 'ruleset.yaml', text: 'id: [\n', comment: 'Gửi duyệt' }
		],
		[
			'POST',
			'maintain: approve a version not in review',
			() => '/maintain/v/vn-nd331@2026?/approve',
			row(303, 403, 403, 403, 403, 422, 403),
			{ comment: 'Duyệt' }
		],
		[
			'POST',
			'maintain: save a draft',
			() => '/maintain?/draft',
			row(303, 403, 403, 403, 403, 200, 403),
			{ path: 'ruleset.yaml', text: RULESET_YAML }
		],
		[
			'GET',
			'maintain: a version page',
			() => '/maintain/v/vn-nd331@2026',
			row(303, 403, 403, 403, 403, 200, 403)
		],
		[
			'GET',
			'maintain: a published version as a package',
			() => '/maintain/v/vn-nd331@2026/package',
			row(303, 403, 403, 403, 403, 200, 403)
		],
		// Signed-in users are sent on to their home page.
		['GET', 'login page', () => '/login', row(200, 303, 303, 303, 303, 303, 303)],
		[
			'GET',
			'setup link, unknown',
			() => '/setup/' + 'x'.repeat(43),
			row(404, 404, 404, 404, 404, 404, 404)
		],
		// The interview works in the browser without an account: the server renders the page shell
		// and the data comes from the API (above), so nobody's system shows in the HTML.
		['GET', 'unit profile (browser)', () => '/unit', row(200, 200, 200, 200, 200, 200, 200)],
		['GET', 'import page', () => '/import', row(200, 200, 200, 200, 200, 200, 200)],
		['GET', 'systems list', () => '/systems', row(200, 200, 200, 200, 200, 200, 200)],
		// Public: that capdo is independent, and where each regime's dossiers go.
		['GET', 'about capdo', () => '/about', row(200, 200, 200, 200, 200, 200, 200)],
		...[
			'',
			'/check',
			'/components',
			'/details',
			'/explanation',
			'/plan',
			'/result',
			'/submit',
			'/q/main/x'
		].map((page): (typeof MATRIX)[number] => [
			'GET',
			`system A page${page || ' (tasks)'}`,
			(i) => `/systems/${i.sysA}${page}`,
			row(200, 200, 200, 200, 200, 200, 200)
		])
	];

	/** A route the matrix leaves out, and where it is tested instead. */
	const ELSEWHERE: Record<string, string> = {
		'/logout': 'ends the session the matrix uses: "session cookie … logout ends it" and item 7',
		'/rules/data/[file]':
			'public, content-addressed rule-set data (the anonymous wizard reads it): transfer.test checks the hash, caching and 404s against a built server'
	};

	it('every route is in the matrix (a new route needs its row)', () => {
		const routes: string[] = [];
		const walk = (dir: string, id: string) => {
			const names = readdirSync(dir);
			if (names.some((n) => /^\+(page\.svelte|server\.ts)$/.test(n))) routes.push(id || '/');
			for (const n of names)
				if (statSync(join(dir, n)).isDirectory())
					walk(join(dir, n), /^\(.*\)$/.test(n) ? id : `${id}/${n}`);
		};
		walk('src/routes', '');
		expect(routes.length).toBeGreaterThan(40);
		const tried = MATRIX.map(([, , path]) => path(ids).split('?')[0]!);
		const pattern = (route: string) =>
			new RegExp('^' + route.replace(/\[[^\]]+\]/g, '[^/]+') + '$');
		const missing = routes.filter(
			(r) => !(r in ELSEWHERE) && !tried.some((t) => pattern(r).test(t))
		);
		expect(missing).toEqual([]);
	});

	for (const [method, name, path, expected, payload] of MATRIX)
		for (const role of ROLES)
			it(`${method} ${name} as ${role} → ${expected[role]}`, async () => {
				const c = clients[role];
				const url = path(ids);
				let r: Response;
				if (method === 'GET') r = await c.fetch(url);
				else if (url.startsWith('/api/')) {
					let value = payload;
					if (typeof payload === 'string' && payload.startsWith('record:'))
						value = { record: { ...level2Record('Sửa'), id: ids[payload.slice(7) as 'sysA'] } };
					r = await c.json(url, method, value);
				} else {
					const fields: Record<string, string> =
						payload === 'id:sysA' ? { id: ids.sysA } : ((payload as Record<string, string>) ?? {});
					r = await c.form(url.replace(/&id=.*/, ''), fields);
				}
				const text = await r.text();
				expect(r.status, text.slice(0, 300)).toBe(expected[role]);
				if (expected[role] === 303 && role === 'anonymous')
					expect(r.headers.get('location')).toMatch(/^\/login\?next=/);
				// Whatever the status, nobody but unit A and the body's appraiser reads A's data
				// (and the administrator, in the full audit log).
				const reader =
					role === 'unitA' ||
					role === 'appraiser' ||
					(role === 'admin' && /audit|overview|impact/.test(url));
				if (!reader) expect(text).not.toContain('BÍ-MẬT-A');
			});

	it('uploads: only A’s unit (its kinds) and the body’s appraiser (theirs) may add files to A', async () => {
		const pdf = { name: 'Hồ sơ đã ký.pdf', bytes: await signedPdf() };
		const api = `/api/systems/${ids.sysA}/files`;
		const status = async (who: Who | 'anonymous', kind: string) =>
			(await clients[who].upload(api, { kind }, pdf)).status;
		//                                    anon unitA unitB appr apprQ maint admin
		const expected: [string, number[]][] = [
			['signed_dossier', [401, 201, 404, 422, 404, 403, 403]],
			// The appraiser's papers wait for the review to start: 409 for the body's appraiser.
			['signed_decision', [401, 422, 404, 409, 404, 403, 403]]
		];
		for (const [kind, codes] of expected)
			for (const [i, who] of ROLES.entries())
				expect([kind, who, await status(who, kind)]).toEqual([kind, who, codes[i]]);
		// The page's form action: unit B posting A's id gets 404 and stores nothing.
		const form = await clients.unitB.upload(
			'/submissions?/upload',
			{ id: ids.sysA, kind: 'signed_dossier' },
			pdf
		);
		expect(form.status).toBe(404);
		const list = (await (await clients.unitA.fetch(api)).json()) as {
			kind: string;
			uploaded_by: string;
			signature: { status: string };
		}[];
		expect(list.filter((f) => f.kind === 'signed_dossier')).toHaveLength(1);
		expect(list.find((f) => f.kind === 'signed_dossier')!.signature.status).toBe('signed');
		// A non-PDF is refused by its bytes, whatever its name; so is a body over the limit.
		const fake = await clients.unitA.upload(
			api,
			{ kind: 'signed_dossier' },
			{ name: 'a.pdf', bytes: new TextEncoder().encode('<html>') }
		);
		expect([fake.status, await fake.text()]).toEqual([
			422,
			expect.stringMatching(/Chỉ nhận tệp PDF/)
		]);
		const big = new Uint8Array(13 * 1024 * 1024);
		big.set(new TextEncoder().encode('%PDF-1.7'));
		expect(
			(await clients.unitA.upload(api, { kind: 'signed_dossier' }, { name: 'b.pdf', bytes: big }))
				.status
		).toBe(413);
	}, 120_000);

	it('the submitted PDF is served inline, byte for byte, with its SHA-256', async () => {
		const r = await clients.appraiser.fetch(`/api/systems/${ids.sysA}/files/${ids.pdfA}`);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/pdf');
		expect(r.headers.get('content-disposition')).toMatch(/^inline; filename="[^"]+\.pdf"/);
		const bytes = new Uint8Array(await r.arrayBuffer());
		const { createHash } = await import('node:crypto');
		const hash = createHash('sha256').update(bytes).digest('hex');
		expect(r.headers.get('x-capdo-sha256')).toBe(hash);
		expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
	});

	it('the appraiser’s queue lists only its body’s submitted systems; audit entries are scoped', async () => {
		const queue = await (await clients.appraiser.fetch('/appraisal')).text();
		expect(queue).toContain('BÍ-MẬT-A');
		expect(queue).toContain('Hệ thống B');
		expect(queue).not.toContain('Nháp A');
		expect(queue).not.toContain('Hệ thống C');
		const other = await (await clients.otherAppraiser.fetch('/appraisal')).text();
		expect(other).toContain('Hệ thống C');
		expect(other).not.toContain('Hệ thống B');
		const audit = (await (await clients.otherAppraiser.fetch('/api/audit')).json()) as {
			chain: { ok: boolean };
			entries: { entity_id: string }[];
		};
		expect(audit.chain.ok).toBe(true);
		expect(audit.entries.map((e) => e.entity_id)).toContain(ids.sysC);
		expect(audit.entries.map((e) => e.entity_id)).not.toContain(ids.sysA);
		const overview = await (await clients.appraiser.fetch('/overview')).text();
		expect(overview).toContain('BÍ-MẬT-A');
		expect(overview).toContain(`/appraisal/${ids.sysA}`);
		// Drafts are listed (the body follows its units' progress) but not linked.
		expect(overview).toMatch(/Đang soạn/);
		expect(overview).not.toContain(`/appraisal/${ids.draftA}`);
		expect(overview).not.toContain('Hệ thống C');
		const csv = await (await clients.otherAppraiser.fetch('/overview/export/csv')).text();
		expect(csv).toContain('Hệ thống C');
		expect(csv).not.toContain('Hệ thống B');
		const unitBInventory = await (await clients.unitB.fetch('/api/unit')).text();
		expect(unitBInventory).toContain('Hệ thống B');
		expect(unitBInventory).not.toContain(ids.sysA);
	});

	// ---- issue 16: the holes an outside test found, each checked over HTTP ------------------------

	it('login never redirects off-site, whatever `next` holds (item 3, item 8)', async () => {
		const c = clients.unitA;
		const bad = [
			'/%09/evil.host/x',
			'/%09%5Cevil.host/x',
			'//evil.host',
			'/%5Cevil.host',
			'/.//evil.host',
			'https://evil.host',
			'/x%0d%0aSet-Cookie:%20s=1',
			'/x%00'
		];
		for (const next of bad) {
			const r = await c.fetch(`/login?next=${next}`);
			expect(r.status, next).toBeLessThan(500);
			// A unit user lands on its task list.
			if (r.status === 303) expect(r.headers.get('location'), next).toBe('/');
		}
		// Non-Latin-1 in `next`: a valid, percent-encoded Location on this site.
		const r = await c.fetch(`/login?next=${encodeURIComponent('/tìm?q=Sở')}`);
		expect(r.status).toBe(303);
		expect(r.headers.get('location')).toBe('/t%C3%ACm?q=S%E1%BB%9F');
		// A real sign-in follows `next` only on this site.
		const fresh = new Client(server.origin);
		const login = await fresh.form('/login?next=/%09/evil.host/x', {
			username: 'unitb',
			password: PASSWORD
		});
		expect(login.status).toBe(303);
		expect(login.headers.get('location')).toBe('/');
	});

	it('security headers on pages and API answers; no HSTS over http (item 10)', async () => {
		for (const [c, path] of [
			[clients.anonymous, '/'],
			[clients.unitA, '/api/unit'],
			[clients.anonymous, '/api/unit'],
			[clients.unitA, '/rules/vn-nd85@tt03-2017']
		] as const) {
			const r = await c.fetch(path);
			expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(r.headers.get('referrer-policy'), path).toBe('same-origin');
			expect(r.headers.get('strict-transport-security'), path).toBeNull();
		}
		const page = await clients.anonymous.fetch('/');
		expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
		expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
	});

	it('a page on another origin cannot change anything, with or without a body (item 7)', async () => {
		const other = `http://127.0.0.1:${new URL(server.origin).port === '1' ? 2 : 1}`;
		const c = clients.unitA;
		const status = async () =>
			((await (await c.fetch(`/api/systems/${ids.draftA}`)).json()) as { status: string }).status;
		expect(await status()).toBe('draft');
		// What a no-cors fetch or a form on another site can send.
		for (const headers of [
			{ origin: other } as Record<string, string>,
			{ origin: other, 'content-type': 'text/plain' },
			{ origin: 'null', 'content-type': 'application/json' },
			{ origin: other, 'content-type': 'application/json' }
		]) {
			const r = await c.fetch(`/api/systems/${ids.draftA}/classify`, { method: 'POST', headers });
			expect(r.status, JSON.stringify(headers)).toBe(403);
		}
		// Same origin but not JSON: refused too (a simple request needs no preflight).
		for (const type of [undefined, 'text/plain', 'application/x-www-form-urlencoded']) {
			const r = await c.fetch(`/api/systems/${ids.draftA}/classify`, {
				method: 'POST',
				headers: type ? { 'content-type': type } : {}
			});
			expect(r.status, String(type)).toBe(415);
		}
		// A file upload (multipart) is accepted only when the request names this origin, as a
		// browser does on every POST; without it, or from elsewhere, it is refused.
		const multipart = (origin?: string, id = ids.draftA) => {
			const body = new FormData();
			body.set('kind', 'x');
			return fetch(`${server.origin}/api/systems/${id}/classify`, {
				method: 'POST',
				headers: { cookie: c.cookie, ...(origin && { origin }) },
				body,
				redirect: 'manual'
			});
		};
		// (Without Origin, SvelteKit's own check refuses a form-type body before the hook.)
		expect((await multipart()).status).toBe(403);
		expect((await multipart(other)).status).toBe(403);
		expect((await multipart('null')).status).toBe(403);
		expect(await status()).toBe('draft');
		// Past the forgery check, the endpoint itself answers (A is submitted: 409).
		expect((await multipart(server.origin, ids.sysA)).status).toBe(409);
		// Sign-out and form actions are guarded the same way.
		const out = await c.fetch('/logout', { method: 'POST', headers: { origin: other } });
		expect(out.status).toBe(403);
		expect((await c.fetch('/api/unit')).status).toBe(200);
		const form = await clients.admin.fetch('/admin?/body', {
			method: 'POST',
			headers: { origin: other, 'content-type': 'application/x-www-form-urlencoded' },
			body: 'name=CSRF'
		});
		expect(form.status).toBe(403);
	});

	it('NUL characters get 422 naming the field, never a 500 (item 8)', async () => {
		const put = await clients.unitA.json(`/api/systems/${ids.draftA}`, 'PUT', {
			record: { ...level2Record('Tên\u0000lạ'), id: ids.draftA }
		});
		expect(put.status).toBe(422);
		expect(await put.json()).toMatchObject({ field: 'record.name' });
		const key = await clients.unitA.json('/api/systems', 'POST', {
			...level2Record('x'),
			facts: { 'a\u0000b': true }
		});
		expect(key.status).toBe(422);
		expect((await key.json()).field).toBe('facts.a\u0000b');
		const form = await clients.admin.form('/admin?/body', { name: 'Bộ\u0000X' });
		expect(form.status).toBe(422);
		expect(await form.text()).toContain('"name"');
		expect((await clients.admin.fetch('/overview?q=%00')).status).toBe(400);
		const deep = await clients.unitA.json('/api/systems', 'POST', {
			...level2Record('x'),
			description: JSON.parse('['.repeat(200) + ']'.repeat(200))
		});
		expect(deep.status).toBe(422);
	});

	it('bad ids and duplicate components get 422; the log never shows a password hash (item 8)', async () => {
		const before = server.output().length;
		for (const [field, extra] of [
			['unit_id', { role: 'unit', unit_id: '00000000-0000-4000-8000-000000000000' }],
			['unit_id', { role: 'unit', unit_id: 'not-a-uuid' }],
			['body_id', { role: 'appraiser', body_id: '00000000-0000-4000-8000-000000000000' }]
		] as const) {
			const r = await clients.admin.form('/admin?/user', {
				username: `u${Math.random().toString(36).slice(2, 8)}`,
				display_name: 'Người mới',
				password: 'Một mật khẩu khá dài 2026!',
				...extra
			});
			expect(r.status, field).toBe(422);
			expect(await r.text()).toContain(`#${field}`);
		}
		expect((await clients.admin.form('/admin?/unit', { body_id: 'x', name: 'y' })).status).toBe(
			422
		);
		expect((await clients.admin.form('/admin?/toggle', { id: 'x', disabled: 'true' })).status).toBe(
			422
		);
		const dup = await clients.unitA.json(`/api/systems/${ids.draftA}`, 'PUT', {
			record: {
				...level2Record('Hai thành phần'),
				id: ids.draftA,
				components: [
					{ id: 'c1', name: 'A', facts: {} },
					{ id: 'c1', name: 'B', facts: {} }
				]
			}
		});
		expect(dup.status).toBe(422);
		expect(await dup.json()).toMatchObject({ field: 'components[1].id' });
		const log = server.output().slice(before);
		expect(log).not.toMatch(/scrypt\$/);
		expect(log).not.toMatch(/Error/);
	});

	it('a YAML alias bomb or a dangling alias in an upload is a located error (item 8)', async () => {
		const bomb = [
			'id: vn-x',
			'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
			...'bcdefgh'.split('').map((k, i) => {
				const p = 'abcdefgh'[i];
				return `${k}: &${k} [${Array(9).fill(`*${p}`).join(', ')}]`;
			})
		].join('\n');
		for (const [text, message] of [
			[bomb, /ruleset\.yaml:\d+:\d+.*too many alias expansions/],
			[
				'id: vn-x\nversion: *nope\n',
				/ruleset\.yaml:2:\d+.*alias &#34;\*nope&#34;|ruleset\.yaml:2:\d+.*alias "\*nope"/
			]
		] as const) {
			const r = await clients.maintainer.form('/maintain?/submit', {
				path: 'ruleset.yaml',
				text,
				comment: 'Gửi duyệt'
			});
			expect(r.status).toBe(422);
			expect(await r.text()).toMatch(message);
		}
	});
});

// The `capdo` command end to end: a real child process on real files, as a user runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin/capdo.js');
const FIX = 'tests/fixtures/systems';
const RS = '--ruleset=vn-nd85@tt03-2017';

function capdo(...args: string[]) {
	const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('capdo classify', () => {
	it('prints one JSON object with level, basis, components, ruleset and warnings', () => {
		const r = capdo('classify', `${FIX}/portal-with-lan.yaml`, RS, '--json');
		expect(r.code).toBe(0);
		const j = JSON.parse(r.out);
		expect(j.level).toBe(3);
		expect(j.undetermined).toBe(false);
		expect(j.basis.map((b: { id: string }) => b.id)).toEqual([
			'nd85-d8-k2b',
			'nd85-d9-k2a',
			'nd85-d9-k2c'
		]);
		expect(j.basis[2]).toMatchObject({
			id: 'nd85-d9-k2c',
			level: 3,
			citation: 'Điều 9 khoản 2 điểm c Nghị định 85/2016/NĐ-CP'
		});
		expect(j.components).toEqual([
			expect.objectContaining({
				name: 'Mạng nội bộ',
				level: 2,
				basis: [expect.objectContaining({ id: 'nd85-d8-k3' })]
			})
		]);
		expect(j.ruleset).toEqual({
			id: 'vn-nd85',
			version: 'tt03-2017',
			hash: expect.stringMatching(/^[0-9a-f]{64}$/)
		});
		expect(j.warnings).toEqual([]);
		expect(j.procedure.appraisal_deadline).toMatchObject({ days: 15 });
	});

	it('reads JSON input and prints the human summary with who appraises and approves', () => {
		const r = capdo('classify', `${FIX}/internal-email.json`, RS);
		expect(r.code).toBe(0);
		expect(r.out).toContain('Cấp độ: 1');
		expect(r.out).toContain('Điều 7 Nghị định 85/2016/NĐ-CP');
		expect(r.out).toContain(
			'Thẩm định: Đơn vị chuyên trách về an toàn thông tin của chủ quản hệ thống thông tin (Điều 12 khoản 1 Nghị định 85/2016/NĐ-CP)'
		);
		const en = capdo('classify', `${FIX}/internal-email.json`, RS, '--lang', 'en');
		expect(en.out).toContain('Level: 1');
		expect(en.out).toContain('Article 7 of Decree 85/2016/NĐ-CP');
	});

	it('exits 0 on an undetermined result and says the owner must propose a level', () => {
		const r = capdo('classify', `${FIX}/other-public.yaml`, RS, '--json');
		expect(r.code).toBe(0);
		const j = JSON.parse(r.out);
		expect(j).toMatchObject({ level: null, undetermined: true, basis: [] });
		expect(j.message.vi).toContain('đề xuất cấp độ');
	});

	it('refuses invalid facts with the field and its line in the file', () => {
		const r = capdo('classify', `${FIX}/invalid-users.yaml`, RS, '--json');
		expect(r.code).toBe(1);
		expect(r.out).toBe('');
		expect(r.err).toContain(
			`${FIX}/invalid-users.yaml:8:43: facts.online_service_users_with_private_info: "online_service_users_with_private_info" không được âm.`
		);
	});

	it('refuses a YAML syntax error with its position', () => {
		const dir = mkdtempSync(join(tmpdir(), 'capdo-'));
		writeFileSync(join(dir, 'bad.yaml'), 'name: x\nfacts: {function: internal\n');
		const r = capdo('classify', join(dir, 'bad.yaml'), RS);
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/bad\.yaml:3:1: /);
	});

	it('refuses an alias bomb and a dangling alias with their position, no stack trace', () => {
		const dir = mkdtempSync(join(tmpdir(), 'capdo-'));
		const levels = 'abcdef'.split('');
		const bomb = [
			'name: x',
			'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
			...levels
				.slice(1)
				.map((k, i) => `${k}: &${k} [${Array(9).fill(`*${levels[i]}`).join(', ')}]`),
			'facts: *f'
		].join('\n');
		writeFileSync(join(dir, 'bomb.yaml'), bomb);
		writeFileSync(join(dir, 'dangling.yaml'), 'name: x\nfacts: *nowhere\n');
		const a = capdo('classify', join(dir, 'bomb.yaml'), RS);
		expect(a.code).toBe(1);
		expect(a.err).toMatch(/bomb\.yaml:3:\d+: too many alias expansions/);
		const b = capdo('classify', join(dir, 'dangling.yaml'), RS);
		expect(b.code).toBe(1);
		expect(b.err).toMatch(/dangling\.yaml:2:8: alias "\*nowhere" has no anchor/);
		for (const r of [a, b]) expect(r.err).not.toMatch(/ReferenceError|\n\s+at /);
	});

	it('refuses an unknown rule set and a missing file', () => {
		expect(
			capdo('classify', `${FIX}/internal-email.json`, '--ruleset', 'vn-nd85@nope').err
		).toContain('unknown rule set "vn-nd85@nope"');
		const missing = capdo('classify', 'nope.yaml', RS);
		expect(missing.code).toBe(1);
		expect(missing.err).toContain('nope.yaml: cannot read file (ENOENT)');
	});

	it('picks the version in force on --date', () => {
		const r = capdo(
			'classify',
			`${FIX}/internal-email.json`,
			'--ruleset',
			'vn-nd85',
			'--date',
			'2020-01-01',
			'--json'
		);
		expect(JSON.parse(r.out).ruleset.version).toBe('tt03-2017');
	});

	it("reads the file's own ruleset (as the app exports it), and a flag replaces it with a note", () => {
		const dir = mkdtempSync(join(tmpdir(), 'capdo-rs-'));
		const file = join(dir, 'pinned.yaml');
		const text = readFileSync('tests/fixtures/dossier/level3.yaml', 'utf8');
		writeFileSync(file, `ruleset: vn-nd85@tt12-2022\n${text}`);
		const r = capdo('classify', file, '--json');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.out)).toMatchObject({ level: 3, ruleset: { version: 'tt12-2022' } });
		const flag = capdo('classify', file, RS, '--json');
		expect(JSON.parse(flag.out).ruleset.version).toBe('tt03-2017');
		expect(flag.err).toContain(
			"--ruleset vn-nd85@tt03-2017 replaces the file's ruleset vn-nd85@tt12-2022"
		);
		writeFileSync(file, `ruleset: vn-nd85@tt99\n${text}`);
		const bad = capdo('classify', file);
		expect(bad.code).toBe(1);
		expect(bad.err).toContain(`${file}:1:10: unknown rule set "vn-nd85@tt99"`);
		// The dossier takes it too: a Decree 85 dossier without --ruleset.
		writeFileSync(file, `ruleset: vn-nd85@tt12-2022\n${text}`);
		const d = capdo('dossier', file, '--json', join(dir, 'd.json'));
		expect(d.code, d.err).toBe(0);
		expect(JSON.parse(readFileSync(join(dir, 'd.json'), 'utf8')).ruleset).toMatchObject({
			id: 'vn-nd85',
			version: 'tt12-2022'
		});
	});

	it('a Decree 85 file read by date under Decree 331 is refused with the rule sets it fits', () => {
		const file = 'tests/fixtures/dossier/level3.yaml';
		const r = capdo('classify', file, '--date', '2026-12-03');
		expect(r.code).toBe(1);
		expect(r.err).toContain('for vn-nd331@2026:');
		expect(r.err).toContain(
			'gợi ý: bộ quy tắc có hiệu lực ngày 03/12/2026 không nhận các dữ kiện này, còn vn-nd85@tt12-2022, vn-nd85@tt03-2017 nhận'
		);
		const d = capdo('dossier', file, '--date', '2026-12-03', '--lang', 'en', '--json', '/dev/null');
		expect(d.code).toBe(1);
		expect(d.err).toContain(
			'they fit vn-nd85@tt12-2022, vn-nd85@tt03-2017: run again with --ruleset vn-nd85@tt12-2022'
		);
		// Chosen explicitly, the refusal stands alone: the user asked for that rule set.
		expect(capdo('classify', file, '--ruleset', 'vn-nd331@2026').err).not.toContain('gợi ý');
	});

	it('usage errors exit 2', () => {
		expect(capdo('classify').code).toBe(2);
		expect(capdo('frobnicate').code).toBe(2);
	});

	it('an unknown option is a usage error with a hint, not a stack trace', () => {
		const r = capdo('classify', `${FIX}/portal-with-lan.yaml`, '--levle', '3');
		expect(r.code).toBe(2);
		expect(r.err).toMatch(/^capdo classify: Unknown option '--levle'/);
		expect(r.err).toContain('Run "capdo classify --help"');
		expect(r.err).not.toMatch(/\bat \S+ \(|node:internal/);
	});

	it("--help after each command prints that command's usage and exits 0", () => {
		for (const cmd of [
			'classify',
			'dossier',
			'check',
			'test',
			'impact',
			'diff',
			'package',
			'audit',
			'deadline'
		]) {
			const r = capdo(cmd, '--help');
			expect(r.code, cmd).toBe(0);
			expect(r.out, cmd).toMatch(new RegExp(`^Usage:\\n  capdo ${cmd}\\b`));
			expect(r.out, cmd).not.toContain(`capdo ${cmd === 'classify' ? 'dossier' : 'classify'} `);
		}
		expect(capdo('audit', '-h').out).toContain('--audit-key FILE');
		expect(capdo('package', '--help').out).toMatch(
			/capdo package export[\s\S]*capdo package check/
		);
	});
});

describe('capdo check and test', () => {
	it('check passes on the bundled rule sets', () => {
		const r = capdo('check');
		expect(r.code).toBe(0);
		expect(r.out).toContain('ok vn-nd85@tt03-2017 sha256:');
	});

	it('check reports file:line:column for a broken copy', () => {
		const dir = mkdtempSync(join(tmpdir(), 'capdo-rs-'));
		cpSync('rulesets/vn-nd85/tt03-2017', join(dir, 'v'), { recursive: true });
		const f = join(dir, 'v/criteria.yaml');
		writeFileSync(
			f,
			readFileSync(f, 'utf8').replace(
				'{ fact: prime_minister_designated, eq: true }',
				'{ fact: prime_minister, eq: true }'
			)
		);
		const r = capdo('check', dir);
		expect(r.code).toBe(1);
		const line =
			readFileSync(f, 'utf8')
				.split('\n')
				.findIndex((l) => l.includes('fact: prime_minister,')) + 1;
		expect(r.err).toContain(
			`${f}:${line}:19: criteria.20.when.fact: unknown fact "prime_minister" (must be a declared fact)`
		);
	});

	it('test prints N passed, N failed and locates a failing case', () => {
		const ok = capdo('test');
		expect(ok.code).toBe(0);
		expect(ok.out).toMatch(/^\d+ passed, 0 failed$/m);

		const dir = mkdtempSync(join(tmpdir(), 'capdo-rs-'));
		cpSync('rulesets/vn-nd85/tt03-2017', join(dir, 'v'), { recursive: true });
		const f = join(dir, 'v/tests.yaml');
		writeFileSync(
			f,
			readFileSync(f, 'utf8').replace(
				'level: 5\n      basis:\n        nd85-d11-k3:',
				'level: 4\n      basis:\n        nd85-d11-k3:'
			)
		);
		const bad = capdo('test', dir);
		expect(bad.code).toBe(1);
		expect(bad.out).toMatch(/^\d+ passed, 1 failed$/m);
		expect(bad.err).toMatch(
			/tests\.yaml:\d+:\d+: FAIL vn-nd85@tt03-2017: Cổng kết nối quốc tế → cấp độ 5: expected level 4, got 5/
		);
	});
});

describe('npx capdo', () => {
	it('works in the project root with no build step', () => {
		const out = execFileSync('npx', ['--no-install', 'capdo', '--help'], { encoding: 'utf8' });
		expect(out).toContain('capdo classify FILE');
	});
});

// Rule-set packages and the CLI over a database (issue 19 item 9): a version published from one
// installation's web workspace is exported with its manifest, checked and installed on another
// (through the same four-eyes review), with the same hash; altered or clashing packages are refused;
// `capdo check` and `capdo diff` read the versions a database holds (--data-dir / --db).
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import {
	PACKAGE_SCHEMA,
	packageOf,
	unpack,
	type RuleSetPackage
} from '../../src/lib/server/ruleset-package';
import { asDraftSource, filesHash, ruleSetRegistry } from '../../src/lib/server/rulesets';
import { main } from '../../src/cli/main';
import { freshDatabase, publishReviewed, seed, type Seeded } from './fixtures';

type Db = Awaited<ReturnType<typeof freshDatabase>>;
let a: Db;
let b: Db;
let sa: Seeded;
let sb: Seeded;
let pkg: RuleSetPackage;
const VALID = 'tests/fixtures/maintain/valid/ruleset.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'capdo-pkg-'));

async function run(...args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
	return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
	a = await freshDatabase();
	b = await freshDatabase();
	sa = await seed(a);
	sb = await seed(b);
	const r = await publishReviewed(a.db, sa.users.maintainer, sa.users.maintainer2, [
		{ path: 'ruleset.yaml', text: readFileSync(VALID, 'utf8') }
	]);
	expect(r.ok).toBe(true);
}, 300_000);
afterAll(async () => {
	await a?.cleanup();
	await b?.cleanup();
});

describe('a version moves between installations as a package', () => {
	it('is exported from the database with its manifest', async () => {
		const registry = await ruleSetRegistry(a.db);
		pkg = (await packageOf('vn-demo@2027', registry, a.db))!;
		const here = registry.find((r) => r.ref === 'vn-demo@2027')!;
		expect(pkg.schema).toBe(PACKAGE_SCHEMA);
		expect(pkg.manifest).toMatchObject({
			ref: 'vn-demo@2027',
			id: 'vn-demo',
			version: '2027',
			extends: 'vn-nd331@2026',
			effective_from: '2027-01-01',
			hash: here.hash,
			files_sha256: filesHash(pkg.files)
		});
		expect(pkg.manifest.sources.map((s) => s.id)).toContain('nd331');
		expect(pkg.manifest.release_note?.vi).toBeTruthy();
		expect(pkg.manifest.published_at).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(pkg.files.map((f) => f.path)).toEqual(['ruleset.yaml']);
		// On the installation it came from, it is already installed.
		expect(unpack(JSON.stringify(pkg), registry)).toMatchObject({ ok: true, installed: true });
	});

	it('is accepted by another installation, reviewed there, and published with the same hash', async () => {
		const before = await ruleSetRegistry(b.db);
		const r = unpack(JSON.stringify(pkg), before);
		if (!r.ok) throw new Error(r.problems.join('\n'));
		expect(r.installed).toBe(false);
		expect(r.ruleset.hash).toBe(pkg.manifest.hash);
		// Installing is the usual review: the author cannot approve, a second maintainer does.
		const published = await publishReviewed(
			b.db,
			sb.users.maintainer,
			sb.users.maintainer2,
			r.pkg.files
		);
		expect(published.ok).toBe(true);
		const after = (await ruleSetRegistry(b.db)).find((x) => x.ref === 'vn-demo@2027');
		expect(after?.hash).toBe(pkg.manifest.hash);
	}, 120_000);

	it('an altered file, a different content under the same hash, and a clash are refused', async () => {
		const registry = await ruleSetRegistry(b.db);
		const edited = pkg.files.map((f) => ({
			...f,
			text: f.text.replace('2027-01-01', '2027-02-01')
		}));
		// Altered after export: the files no longer match the manifest.
		const altered = unpack(JSON.stringify({ ...pkg, files: edited }), bundledRuleSets().rulesets);
		expect(altered).toMatchObject({ ok: false });
		expect(altered.ok || altered.problems[0]).toMatch(/sha256 does not match the manifest/);
		// The files' sha256 fixed up too: the content hash still gives it away.
		const forged = {
			...pkg,
			files: edited,
			manifest: { ...pkg.manifest, files_sha256: filesHash(edited) }
		};
		const f = unpack(JSON.stringify(forged), bundledRuleSets().rulesets);
		expect(f.ok || f.problems[0]).toMatch(/hashes to sha256:[0-9a-f]{64}, not sha256:/);
		// Consistent, but another content for a version installed here: refused.
		const hash = loadLibrary(asDraftSource(edited), bundledRuleSets().rulesets).rulesets[0]!.hash;
		const clash = { ...forged, manifest: { ...forged.manifest, hash } };
		const c = unpack(JSON.stringify(clash), registry);
		expect(c.ok || c.problems[0]).toMatch(
			/is installed here with other content .* the package is refused$/
		);
		// Not a package at all.
		expect(unpack('{"schema":"x"}', registry)).toMatchObject({ ok: false });
		expect(unpack('not json', registry)).toMatchObject({ ok: false });
	}, 120_000);

	it('a version whose parent this installation lacks says to import the parent first', () => {
		const child = {
			path: 'ruleset.yaml',
			text: readFileSync(VALID, 'utf8')
				.replace("version: '2027'", "version: '2028'")
				.replace('extends: vn-nd331@2026', 'extends: vn-demo@2027')
				.replace('effective_from: 2027-01-01', 'effective_from: 2028-01-01')
		};
		const library = [...bundledRuleSets().rulesets, unpackOk(pkg)];
		const rs = loadLibrary(asDraftSource([child]), library).rulesets[0]!;
		const p = { ...pkg, files: [child] };
		p.manifest = {
			...pkg.manifest,
			ref: rs.ref,
			extends: 'vn-demo@2027',
			hash: rs.hash,
			files_sha256: filesHash([child])
		};
		const r = unpack(JSON.stringify(p), bundledRuleSets().rulesets);
		expect(r.ok || r.problems[0]).toContain(
			'extends vn-demo@2027, which this installation lacks: import its package first'
		);
		expect(unpack(JSON.stringify(p), library)).toMatchObject({ ok: true, installed: false });
	});
});

function unpackOk(p: RuleSetPackage) {
	const r = unpack(JSON.stringify(p), bundledRuleSets().rulesets);
	if (!r.ok) throw new Error(r.problems.join('\n'));
	return r.ruleset;
}

describe('the CLI reads the versions a database holds', () => {
	it('package export/check, check --data-dir and diff --data-dir', async () => {
		await a.close(); // one process per data directory: the CLI opens it next
		const where = a.target.url ? ['--db', a.target.url] : ['--data-dir', a.target.dataDir!];
		const file = join(tmp, 'vn-demo.capdo.json');
		const exported = await run('package', 'export', 'vn-demo@2027', ...where, '--out', file);
		expect(exported.code, exported.err).toBe(0);
		expect(JSON.parse(readFileSync(file, 'utf8')).manifest.hash).toBe(pkg.manifest.hash);
		// Without the database the version is unknown, and its package cannot load (no vn-demo here
		// is fine: it extends the bundled 2026).
		expect((await run('package', 'export', 'vn-demo@2027')).code).toBe(1);
		const checked = await run('package', 'check', file);
		expect(checked.out).toMatch(/^ok vn-demo@2027 sha256:[0-9a-f]{64} \(can be installed/);
		const againThere = await run('package', 'check', file, ...where);
		expect(againThere.out).toContain('(already installed here)');
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace('effective_from: 2027-01-01', 'effective_from: 2027-01-02')
		);
		const tampered = await run('package', 'check', file);
		expect(tampered.code).toBe(1);
		expect(tampered.err).toContain('sha256 does not match the manifest');

		const check = await run('check', ...where);
		expect(check.code, check.err).toBe(0);
		expect(check.out).toMatch(
			new RegExp(
				`^ok vn-demo@2027 sha256:${pkg.manifest.hash} \\(published in the database\\)$`,
				'm'
			)
		);
		expect(check.out).toMatch(/^\d+ bundled, 1 from the database$/m);

		const diff = await run('diff', 'vn-nd331@2026', 'vn-demo@2027', ...where);
		expect(diff.code, diff.err).toBe(0);
		expect(diff.out).toContain('vn-demo@2027');
		expect((await run('diff', 'vn-nd331@2026', 'vn-demo@2027')).code).toBe(1);
		// A mistyped data directory is not an empty database.
		const wrong = await run('check', '--data-dir', join(tmp, 'nope'));
		expect(wrong.code).toBe(2);
		expect(wrong.err).toContain('no such data directory');
	}, 400_000);
});

// `capdo impact --data-dir/--db`: stored classifications (and web-published rule sets) read back from a real database seeded
// through the server's own workflow functions, in-process and through the CLI in a child process.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { impact } from '../../src/lib/rules';
import { readStoredClassifications } from '../../src/lib/server/db/stored';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { classifySystem, createSystem, saveSystem } from '../../src/lib/server/workflow/service';
import { freshDatabase, level2Record, publishReviewed, seed, type Seeded } from './fixtures';

let s: Seeded;
let d: Awaited<ReturnType<typeof freshDatabase>>;
const ids = { docs: '', mail: '', health: '', draft: '' };

beforeAll(async () => {
	d = await freshDatabase();
	s = await seed(d);
	const a = s.ctx('unitA');
	const b = s.ctx('unitB');
	ids.docs = (await createSystem(a, level2Record('Quản lý văn bản'))).id;
	await classifySystem(a, ids.docs);
	// Classified at level 2, then edited down to public information only and classified again.
	ids.mail = (await createSystem(a, level2Record('Thư điện tử'))).id;
	await classifySystem(a, ids.mail);
	const mail = { ...level2Record('Thư điện tử'), id: ids.mail };
	await saveSystem(a, ids.mail, { ...mail, facts: { ...mail.facts, information: ['public'] } });
	await classifySystem(a, ids.mail);
	ids.health = (await createSystem(b, level2Record('Hồ sơ sức khỏe'))).id;
	await classifySystem(b, ids.health);
	// Never classified: not a stored classification.
	ids.draft = (await createSystem(b, level2Record('Nháp'))).id;
}, 120_000);
afterAll(() => d.cleanup());

describe('stored classifications from the database', () => {
	it('reads each classified system once, with its unit, latest level and basis', async () => {
		const items = await readStoredClassifications(d.db);
		expect(items.map((i) => i.id).sort()).toEqual([ids.docs, ids.mail, ids.health].sort());
		const byId = Object.fromEntries(items.map((i) => [i.id, i]));
		expect(byId[ids.docs]).toMatchObject({
			unit: 'Sở Tài chính P',
			name: 'Quản lý văn bản',
			ruleset: 'vn-nd85@tt03-2017',
			level: 2,
			basis: ['nd85-d8-k1']
		});
		expect(byId[ids.mail]).toMatchObject({ level: 1, basis: ['nd85-d7'] });
		expect(byId[ids.mail]!.facts.information).toEqual(['public']);
		expect(byId[ids.health]).toMatchObject({ unit: 'Sở Y tế P', level: 2 });
	});

	it('impact: Circular 12 keeps every Decree 85 result, Decree 331 changes the basis', async () => {
		const items = await readStoredClassifications(d.db);
		const rs = bundledRuleSets().rulesets;
		const tt12 = impact(
			rs.find((r) => r.ref === 'vn-nd85@tt12-2022')!,
			items
		);
		expect(tt12.counts).toMatchObject({ same: 3, level_up: 0, level_down: 0 });
		const nd331 = impact(
			rs.find((r) => r.ref === 'vn-nd331@2026')!,
			items
		);
		expect(nd331.total).toBe(3);
		expect(nd331.counts.same).toBe(0);
		expect(nd331.rows.find((r) => r.id === ids.docs)?.to?.basis).toEqual(['nd331-d12-k1']);
	});

	it('capdo impact --data-dir / --db reads the same rows in a child process', async () => {
		const valid = 'tests/fixtures/maintain/valid/ruleset.yaml';
		const r0 = await publishReviewed(d.db, s.users.maintainer, s.users.maintainer2, [
			{ path: 'ruleset.yaml', text: readFileSync(valid, 'utf8') }
		]);
		expect(r0.ok).toBe(true);
		await d.close();
		const where = d.target.url ? ['--db', d.target.url] : ['--data-dir', d.target.dataDir!];
		const run = (...args: string[]) =>
			spawnSync(process.execPath, [join(process.cwd(), 'bin/capdo.js'), 'impact', ...args], {
				encoding: 'utf8'
			});
		const r = run('vn-nd331@2026', ...where, '--json');
		expect(r.status, r.stderr).toBe(0);
		const report = JSON.parse(r.stdout) as ReturnType<typeof impact>;
		expect(report.total).toBe(3);
		expect(report.rows.map((x) => x.unit).sort()).toEqual([
			'Sở Tài chính P',
			'Sở Tài chính P',
			'Sở Y tế P'
		]);
		const text = run('vn-nd331@2026', ...where);
		expect(text.stdout).toContain('Sở Y tế P / Hồ sơ sức khỏe: 2 (vn-nd85@tt03-2017)');
		// A version published from the web workspace is known to the CLI through the database.
		const published = run('vn-demo@2027', ...where, '--json');
		expect(published.status, published.stderr).toBe(0);
		expect(JSON.parse(published.stdout)).toMatchObject({
			ruleset: { ref: 'vn-demo@2027' },
			total: 3
		});
		const none = run('vn-nd331@2026');
		expect(none.status).not.toBe(0);
		// Four CLI processes, each starting tsx and PGlite: minutes on a loaded 2-core machine.
	}, 400_000);
});

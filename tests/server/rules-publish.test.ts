// Publishing a rule-set version from the maintainer workspace, against the real database: every
// refusal stores nothing; a publication is audited, joins the registry and can never change.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../src/lib/server/audit/log';
import { verifyAudit } from '../../src/lib/server/audit/verify';
import { readStoredClassifications } from '../../src/lib/server/db/stored';
import {
	checkDraft,
	publishRuleSet,
	ruleSetRegistry,
	saveDraft,
	type DraftFile
} from '../../src/lib/server/rulesets';
import { classifySystem, createSystem } from '../../src/lib/server/workflow/service';
import { freshDatabase, level2Record, seed, type Seeded } from './fixtures';

const FIX = 'tests/fixtures/maintain';
const folder = (name: string): DraftFile[] =>
	readdirSync(join(FIX, name))
		.sort()
		.map((path) => ({ path, text: readFileSync(join(FIX, name, path), 'utf8') }));

/** The valid fixture with its "en:" title indented one space too far (line 8). */
const misindented = () =>
	folder('valid').map((f) => ({ ...f, text: f.text.replace('\n  en:', '\n   en:') }));

let s: Seeded;
let d: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
	d = await freshDatabase();
	s = await seed(d);
	const a = s.ctx('unitA');
	await classifySystem(a, (await createSystem(a, level2Record('Quản lý văn bản'))).id);
}, 120_000);
afterAll(() => d.cleanup());

const count = async () =>
	Number((await sql<{ n: string }>`select count(*) as n from rulesets`.execute(d.db)).rows[0]!.n);
const maintainer = () => s.users.maintainer;

describe('publishing a rule-set version', () => {
	it('refuses YAML that does not parse: nothing stored, the error located at file:line:column', async () => {
		const r = await publishRuleSet(d.db, maintainer(), misindented());
		expect(r.ok).toBe(false);
		if (r.ok) return;
		// The parser stops at the mapping the mis-indented "en:" breaks (line 7, "vi: …").
		expect(r.report.errors[0]).toMatchObject({ file: 'ruleset.yaml', line: 7, column: 7 });
		expect(await count()).toBe(0);
	});

	it('refuses a version whose golden case fails, naming the case and where it is', async () => {
		const r = await publishRuleSet(d.db, maintainer(), folder('failing'));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.report.errors).toEqual([]);
		expect(r.report.tests!.passed).toBeGreaterThan(10);
		expect(r.report.tests!.failed).toEqual([
			expect.objectContaining({
				file: 'tests.yaml',
				line: 2,
				problem: 'expected level 2, got 1'
			})
		]);
		expect(await count()).toBe(0);
	});

	it('refuses a version that overlaps another version of its id', async () => {
		const r = await publishRuleSet(d.db, maintainer(), folder('overlap'));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.report.tests!.failed).toEqual([]);
		expect(r.report.tiling.map((e) => e.message).join('\n')).toMatch(/overlap/);
		expect(await count()).toBe(0);
	});

	it('shows diff against the parent and impact over stored classifications before publishing', async () => {
		const registry = await ruleSetRegistry(d.db);
		const stored = await readStoredClassifications(d.db);
		const { report } = checkDraft(folder('valid'), registry, stored);
		expect(report).toMatchObject({
			ref: 'vn-demo@2027',
			publishable: true,
			compare: 'vn-nd331@2026'
		});
		const meta = report.diff!.changes.find((c) => c.section === 'metadata');
		expect(meta?.fields?.map((f) => f.field)).toEqual(
			expect.arrayContaining(['title', 'extends', 'effective_from'])
		);
		expect(report.impact!.total).toBe(1);
		expect(report.impact!.rows[0]).toMatchObject({ change: 'basis_only' });
	});

	it('publishes a valid version: stored with its hash, audited, in the registry, frozen', async () => {
		const r = await publishRuleSet(d.db, maintainer(), folder('valid'));
		expect(r).toMatchObject({ ok: true, ref: 'vn-demo@2027' });
		if (!r.ok) return;
		const row = await d.db.selectFrom('rulesets').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ ref: 'vn-demo@2027', status: 'published', hash: r.hash });
		expect(row.files.map((f) => f.path)).toEqual(['ruleset.yaml']);
		const [entry] = await readAudit(d.db, { entity: { type: 'ruleset', id: 'vn-demo@2027' } });
		expect(entry).toMatchObject({ action: 'ruleset.publish', actor: 'maintainer' });
		expect(entry!.after).toMatchObject({ ref: 'vn-demo@2027', hash: r.hash });
		expect((await verifyAudit(d.db)).ok).toBe(true);
		const registry = await ruleSetRegistry(d.db);
		expect(registry.find((x) => x.ref === 'vn-demo@2027')?.hash).toBe(r.hash);

		// Same ref, other content: refused, and the stored row is untouched.
		const changed = folder('valid').map((f) => ({
			...f,
			text: f.text.replace('Bộ quy tắc thử nghiệm', 'Bộ quy tắc đã sửa')
		}));
		const again = await publishRuleSet(d.db, maintainer(), changed);
		expect(again.ok).toBe(false);
		if (!again.ok) expect(again.report.conflict).toMatch(/never changes/);
		expect(await count()).toBe(1);
		// The database refuses it too, whatever the application does.
		await expect(
			d.db
				.updateTable('rulesets')
				.set({ hash: 'f'.repeat(64) })
				.execute()
		).rejects.toThrow(/published and cannot be changed/);
		await expect(d.db.deleteFrom('rulesets').execute()).rejects.toThrow(/cannot be changed/);
		expect((await saveDraft(d.db, maintainer(), changed)).ok).toBe(false);
	});

	it('keeps a failing version as a draft, which does not join the registry', async () => {
		const failing = folder('failing').map((f) => ({
			...f,
			text: f.text.replace("version: '2027'", "version: '2028'")
		}));
		expect(await saveDraft(d.db, maintainer(), failing)).toEqual({ ok: true, ref: 'vn-demo@2028' });
		expect((await ruleSetRegistry(d.db)).some((r) => r.ref === 'vn-demo@2028')).toBe(false);
		expect(await count()).toBe(2);
	});
});

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
	approveVersion,
	publishVersion,
	returnVersion,
	reviewHistory,
	submitForReview,
	withdrawVersion
} from '../../src/lib/server/ruleset-review';
import {
	checkDraft,
	ruleSetRegistry,
	saveDraft,
	type DraftFile
} from '../../src/lib/server/rulesets';
import { revisionOf, selectRuleSet } from '../../src/lib/rules';
import { overviewRows, overviewStats } from '../../src/lib/server/overview/query';
import { recheck } from '../../src/lib/server/workflow/recheck';
import { classifySystem, createSystem } from '../../src/lib/server/workflow/service';
import {
	freshDatabase,
	level2Record,
	publishReviewed,
	seed,
	svc50k,
	type Seeded
} from './fixtures';

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

const author = () => s.users.maintainer;
const reviewer = () => s.users.maintainer2;
const submit = (files: DraftFile[], comment = 'Gửi duyệt: phiên bản thử nghiệm') =>
	submitForReview(d.db, author(), files, comment);
const statusOf = async (ref: string) =>
	(await d.db.selectFrom('rulesets').select('status').where('ref', '=', ref).executeTakeFirst())
		?.status;

describe('submitting a rule-set version for review', () => {
	it('refuses YAML that does not parse: nothing stored, the error located at file:line:column', async () => {
		const r = await submit(misindented());
		expect(r.ok).toBe(false);
		if (r.ok) return;
		// The parser stops at the mapping the mis-indented "en:" breaks (line 7, "vi: …").
		expect(r.report!.errors[0]).toMatchObject({ file: 'ruleset.yaml', line: 7, column: 7 });
		expect(await count()).toBe(0);
	});

	it('refuses a version whose golden case fails, naming the case and where it is', async () => {
		const r = await submit(folder('failing'));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.report!.errors).toEqual([]);
		expect(r.report!.tests!.passed).toBeGreaterThan(10);
		expect(r.report!.tests!.failed).toEqual([
			expect.objectContaining({
				file: 'tests.yaml',
				line: 2,
				problem: 'expected level 2, got 1'
			})
		]);
		expect(await count()).toBe(0);
	});

	it('refuses a version that overlaps another version of its id', async () => {
		const r = await submit(folder('overlap'));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.report!.tests!.failed).toEqual([]);
		expect(r.report!.tiling.map((e) => e.message).join('\n')).toMatch(/overlap/);
		expect(await count()).toBe(0);
	});

	it('refuses a submission without a comment', async () => {
		const r = await submit(folder('valid'), '  ');
		expect(r).toMatchObject({ ok: false, problems: [expect.stringMatching(/bắt buộc/)] });
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
		// Against the compared version the content is the same: the basis change above comes from
		// the system's stored result (under vn-nd85), not from this version.
		expect(report.impactBase).toMatchObject({
			base: { ref: 'vn-nd331@2026', skipped: 0 },
			total: 1,
			counts: { same: 1 }
		});
		expect(report.release_note!.vi).toMatch(/^vn-demo@2027: .*Hiệu lực từ ngày 01\/01\/2027\./);
		expect(report.release_note!.en).toMatch(/Changes from vn-nd331@2026/);
	});
});

describe('four-eyes publishing', () => {
	it('submit → self-approval refused → approve by a second maintainer → publish, each step audited with its comment', async () => {
		const r = await submit(folder('valid'));
		expect(r).toMatchObject({ ok: true, ref: 'vn-demo@2027', status: 'in_review' });
		expect(await statusOf('vn-demo@2027')).toBe('in_review');
		// Not in the registry before it is published.
		expect((await ruleSetRegistry(d.db)).some((x) => x.ref === 'vn-demo@2027')).toBe(false);

		// Publishing before approval, and approving one's own draft, are refused.
		const early = await publishVersion(d.db, author(), 'vn-demo@2027', 'Công bố luôn');
		expect(early).toMatchObject({
			ok: false,
			problems: [expect.stringMatching(/chưa được phê duyệt/)]
		});
		const self = await approveVersion(d.db, author(), 'vn-demo@2027', 'Tự duyệt');
		expect(self).toMatchObject({
			ok: false,
			problems: [expect.stringMatching(/Không thể tự phê duyệt.*second maintainer/)]
		});
		expect(await statusOf('vn-demo@2027')).toBe('in_review');
		// A comment is required.
		expect((await approveVersion(d.db, reviewer(), 'vn-demo@2027', '')).ok).toBe(false);

		const ok = await approveVersion(d.db, reviewer(), 'vn-demo@2027', 'Đã đối chiếu tiêu đề.');
		expect(ok).toMatchObject({ ok: true, status: 'approved' });
		const pub = await publishVersion(d.db, reviewer(), 'vn-demo@2027', 'Công bố theo phê duyệt.');
		expect(pub).toMatchObject({ ok: true, status: 'published' });
		if (!pub.ok) return;

		const row = await d.db
			.selectFrom('rulesets')
			.selectAll()
			.where('ref', '=', 'vn-demo@2027')
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'published', hash: pub.hash });
		expect(row.files.map((f) => f.path)).toEqual(['ruleset.yaml']);
		expect(row.release_note!.vi).toContain('Thay đổi so với vn-nd331@2026');
		const history = await reviewHistory(d.db, 'vn-demo@2027');
		expect(history.map((h) => [h.step, h.by, h.comment])).toEqual([
			['submit', 'maintainer', 'Gửi duyệt: phiên bản thử nghiệm'],
			['approve', 'maintainer2', 'Đã đối chiếu tiêu đề.'],
			['publish', 'maintainer2', 'Công bố theo phê duyệt.']
		]);
		const audit = await readAudit(d.db, { entity: { type: 'ruleset', id: 'vn-demo@2027' } });
		const steps = audit.map((e) => [e.action, e.actor, (e.after as { comment?: string }).comment]);
		expect(steps).toEqual(
			expect.arrayContaining([
				['ruleset.submit', 'maintainer', 'Gửi duyệt: phiên bản thử nghiệm'],
				['ruleset.approve', 'maintainer2', 'Đã đối chiếu tiêu đề.'],
				['ruleset.publish', 'maintainer2', 'Công bố theo phê duyệt.']
			])
		);
		expect((await verifyAudit(d.db)).ok).toBe(true);
		const registry = await ruleSetRegistry(d.db);
		expect(registry.find((x) => x.ref === 'vn-demo@2027')?.hash).toBe(pub.hash);

		// Same ref, other content: refused, and the stored row is untouched.
		const changed = folder('valid').map((f) => ({
			...f,
			text: f.text.replace('Bộ quy tắc thử nghiệm', 'Bộ quy tắc đã sửa')
		}));
		const again = await submit(changed);
		expect(again.ok).toBe(false);
		if (!again.ok) expect(again.report!.conflict).toMatch(/never changes/);
		expect(await count()).toBe(1);
		// The database refuses it too, whatever the application does.
		await expect(
			d.db
				.updateTable('rulesets')
				.set({ hash: 'f'.repeat(64) })
				.execute()
		).rejects.toThrow(/published and cannot be changed/);
		await expect(d.db.deleteFrom('rulesets').execute()).rejects.toThrow(/cannot be changed/);
		await expect(d.db.deleteFrom('ruleset_reviews').execute()).rejects.toThrow(/append-only/);
		expect((await saveDraft(d.db, author(), changed)).ok).toBe(false);
	});

	it('a version saved again while in review goes back to draft; a co-editor cannot approve it', async () => {
		const v = folder('valid').map((f) => ({
			...f,
			text: f.text.replace("version: '2027'", "version: '2028'").replace('2027-01-01', '2028-01-01')
		}));
		expect(await submit(v)).toMatchObject({ ok: true, ref: 'vn-demo@2028' });
		// The reviewer edits it: it is a draft again, and the reviewer is now one of its editors.
		expect(await saveDraft(d.db, reviewer(), v)).toEqual({ ok: true, ref: 'vn-demo@2028' });
		expect(await statusOf('vn-demo@2028')).toBe('draft');
		expect((await approveVersion(d.db, reviewer(), 'vn-demo@2028', 'ok')).ok).toBe(false);
		expect(await submitForReview(d.db, author(), v, 'Gửi lại')).toMatchObject({ ok: true });
		const r = await approveVersion(d.db, reviewer(), 'vn-demo@2028', 'Tôi đã sửa nó');
		expect(r).toMatchObject({ ok: false, problems: [expect.stringMatching(/tự phê duyệt/)] });
		// Returned with a reason, it is a draft again.
		expect(await returnVersion(d.db, reviewer(), 'vn-demo@2028', 'Cần trích dẫn')).toMatchObject({
			ok: true,
			status: 'draft'
		});
		expect(await statusOf('vn-demo@2028')).toBe('draft');
	});

	it('keeps a failing version as a draft, which does not join the registry', async () => {
		const failing = folder('failing').map((f) => ({
			...f,
			text: f.text.replace("version: '2027'", "version: '2029'")
		}));
		expect(await saveDraft(d.db, author(), failing)).toEqual({ ok: true, ref: 'vn-demo@2029' });
		expect((await ruleSetRegistry(d.db)).some((r) => r.ref === 'vn-demo@2029')).toBe(false);
	});
});

describe('publishing a successor of a published version', () => {
	const amendment = () => folder('../amendment/vn-nd331/2027-03');

	it('ends the predecessor without changing its hash or its stored results’ recheck', async () => {
		// A system classified under vn-nd331@2026 (50,000 data subjects: level 2).
		const a = s.ctx('unitA');
		const record = svc50k();
		const { id } = await createSystem(a, record);
		await classifySystem(a, id);
		const stored = await d.db
			.selectFrom('classifications')
			.selectAll()
			.where('system_id', '=', id)
			.executeTakeFirstOrThrow();
		const before = (await ruleSetRegistry(d.db)).find((r) => r.ref === 'vn-nd331@2026')!;
		expect(before.data.effective_to).toBeUndefined();

		const r = await publishReviewed(d.db, author(), reviewer(), amendment());
		expect(r).toMatchObject({ ok: true, ref: 'vn-nd331@2027-03' });
		const registry = await ruleSetRegistry(d.db);
		const old = registry.find((x) => x.ref === 'vn-nd331@2026')!;
		expect(old.hash).toBe(before.hash);
		expect(old.hash).toBe(stored.ruleset_hash);
		expect(old.data.effective_to).toBe('2027-02-28');

		const check = recheck(registry, stored, { ...record, id }, '2027-03-05');
		expect(check).toMatchObject({
			cited: 'vn-nd331@2026',
			hash_mismatch: false,
			level_mismatch: false,
			recomputed_level: 2,
			// The amendment in force that day gives level 3: reported, not an alarm on the old result.
			newest: { ref: 'vn-nd331@2027-03', level: 3, differs: true }
		});
		// A result stored with the hash its version had while effective_to was hashed still matches:
		// that content is revision 1, which revision 2's correction record names as an alias.
		const tt03 = registry.find((x) => x.ref === 'vn-nd85@tt03-2017')!;
		const legacy = '73d04f62953bcadd05670663b76a17ed6eb359dbde68a16b93b0ec9c0df568e5';
		expect(revisionOf(tt03, legacy)).toBe(1);
		const old85 = recheck(
			registry,
			{
				ruleset_id: 'vn-nd85',
				ruleset_version: 'tt03-2017',
				ruleset_hash: legacy,
				computed_level: 2,
				proposed_level: 2
			},
			{ ...level2Record(), id: 'x' },
			'2020-01-01'
		);
		expect(old85.corrected?.since).toBe(1);
		expect(old85).toMatchObject({ hash_mismatch: false, level_mismatch: false });
	});

	it('withdraws the successor with a reason: kept, cited, applies to no date; its dates pass on', async () => {
		// A system classified under the amendment before it is withdrawn.
		const a = s.ctx('unitA');
		const { id } = await createSystem(a, { ...svc50k(), ruleset: 'vn-nd331@2027-03' });
		await classifySystem({ ...a, rulesets: await ruleSetRegistry(d.db) }, id);

		expect((await withdrawVersion(d.db, author(), 'vn-nd331@2027-03', ' ')).ok).toBe(false);
		const w = await withdrawVersion(
			d.db,
			author(),
			'vn-nd331@2027-03',
			'Ngưỡng 50.000 chép sai từ dự thảo.'
		);
		expect(w).toMatchObject({ ok: true, status: 'withdrawn' });
		expect((await withdrawVersion(d.db, author(), 'vn-nd331@2027-03', 'lần nữa')).ok).toBe(false);

		const registry = await ruleSetRegistry(d.db);
		const gone = registry.find((x) => x.ref === 'vn-nd331@2027-03')!;
		expect(gone.withdrawn).toMatchObject({ reason: 'Ngưỡng 50.000 chép sai từ dự thảo.' });
		// 2026 applies again after 2027-03-01 until a replacement is published.
		expect(registry.find((x) => x.ref === 'vn-nd331@2026')!.data.effective_to).toBeUndefined();
		expect(selectRuleSet(registry, 'vn-nd331', '2027-03-05')?.ref).toBe('vn-nd331@2026');
		// Never deleted; the withdrawal itself cannot be undone behind the log's back.
		expect(await statusOf('vn-nd331@2027-03')).toBe('published');
		await expect(d.db.deleteFrom('ruleset_withdrawals').execute()).rejects.toThrow(/append-only/);
		const [entry] = (
			await readAudit(d.db, { entity: { type: 'ruleset', id: 'vn-nd331@2027-03' } })
		).filter((e) => e.action === 'ruleset.withdraw');
		expect(entry!.after).toMatchObject({ classifications: 1 });
		// The overview flags the system classified under it: "cần xác định lại".
		const flagged = await overviewRows(d.db, {
			scope: 'all',
			filters: { redetermine: true, page: 1 },
			rulesets: registry
		});
		expect(flagged.rows.map((x) => [x.id, x.ruleset, x.redetermine])).toEqual([
			[id, 'vn-nd331@2027-03', true]
		]);
		const stats = await overviewStats(d.db, {
			scope: 'all',
			filters: { page: 1 },
			rulesets: registry
		});
		expect(stats.redetermine).toBe(1);
		// Nothing can be classified under it any more.
		await expect(classifySystem({ ...a, rulesets: registry }, id)).rejects.toThrow(/đã bị rút/);

		// A replacement takes its dates: same start, tiles with 2026 (the withdrawn one is ignored).
		const replacement = amendment().map((f) => ({
			...f,
			text: f.text.replace('version: 2027-03', 'version: 2027-03b')
		}));
		const r = await publishReviewed(d.db, author(), reviewer(), replacement);
		expect(r).toMatchObject({ ok: true, ref: 'vn-nd331@2027-03b' });
		const after = await ruleSetRegistry(d.db);
		expect(after.find((x) => x.ref === 'vn-nd331@2026')!.data.effective_to).toBe('2027-02-28');
		expect(selectRuleSet(after, 'vn-nd331', '2027-03-01')?.ref).toBe('vn-nd331@2027-03b');
	});
});

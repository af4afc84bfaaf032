// The appraiser's workspace against the real database: the dossier rendered and kept at submission,
// its hash checked before serving, signed uploads with their signatures inspected and audited,
// the checklist and routing from the rule set, the approval record and re-determination.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib/server/auth/accounts';
import { verifyAudit } from '../../src/lib/server/audit/verify';
import { auditPage } from '../../src/lib/server/audit/view';
import { IntegrityError, MAX_UPLOAD_BYTES } from '../../src/lib/server/files/store';
import type { Checklist } from '../../src/lib/server/workflow/checklist';
import { openFile, systemFiles, uploadFile } from '../../src/lib/server/workflow/files';
import { EMPTY_OPINION, type Opinion } from '../../src/lib/server/workflow/opinion';
import {
	approveSystem,
	classifySystem,
	ConflictError,
	createSystem,
	getSystem,
	NotFoundError,
	reviewItems,
	reviewView,
	reviseSystem,
	saveSystem,
	startReview,
	submitSystem
} from '../../src/lib/server/workflow/service';
import type { SystemRecord } from '../../src/lib/model/inventory';
import { plainPdf, SIGNER_CN, signedPdf, tampered } from '../fixtures/pdf/signed';
import { freshDatabase, level2Record, seed, type Seeded } from './fixtures';
import { docxParts } from '../paper/measure';
import { translator } from '../../src/lib/i18n';
import { messagesFor } from '../../src/lib/i18n/messages';
import { messageOf } from '../../src/lib/server/workflow/route';

let s: Seeded;
let cleanup: () => Promise<void>;
beforeAll(async () => {
	const d = await freshDatabase();
	cleanup = d.cleanup;
	s = await seed(d);
}, 180_000);
afterAll(() => cleanup());

const today = new Date().toISOString().slice(0, 10);
const suitable: Opinion = { ...EMPTY_OPINION, conclusion: 'suitable' };
const met = (ids: string[]): Checklist =>
	Object.fromEntries(ids.map((id) => [id, { verdict: 'met', comment: '' }]));

function pdftotext(bytes: Uint8Array): string {
	const dir = mkdtempSync(join(tmpdir(), 'capdo-appraisal-'));
	writeFileSync(join(dir, 'a.pdf'), bytes);
	return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
}

async function submitted(record: Omit<SystemRecord, 'id'> = level2Record()) {
	const unit = s.ctx('unitA');
	const { id } = await createSystem(unit, record);
	await classifySystem(unit, id);
	await submitSystem(unit, id);
	return id;
}

describe('the submitted dossier', () => {
	it('is rendered on the server from the stored answers and kept byte for byte', async () => {
		const id = await submitted(level2Record('Hệ thống một cửa điện tử Sở Tài chính P'));
		const files = await systemFiles(s.ctx('appraiser'), id);
		expect(files.map((x) => x.kind).sort()).toEqual(['dossier_docx', 'dossier_pdf']);
		const f = files.find((x) => x.kind === 'dossier_pdf')!;
		// The Word copy of the same dossier: a real DOCX whose text has the system's name.
		const docx = files.find((x) => x.kind === 'dossier_docx')!;
		const word = await openFile(s.ctx('appraiser'), id, docx.id);
		const xml = Object.values(docxParts(word.bytes)).join('');
		expect(xml).toContain('Hệ thống một cửa điện tử Sở Tài chính P');
		expect(f).toMatchObject({ kind: 'dossier_pdf', revision: 1, media_type: 'application/pdf' });
		const dossier = await s.d.db
			.selectFrom('dossiers')
			.selectAll()
			.where('system_id', '=', id)
			.executeTakeFirstOrThrow();
		expect(dossier.pdf_sha256).toBe(f.sha256);
		const opened = await openFile(s.ctx('appraiser'), id, f.id);
		expect(Buffer.from(opened.bytes).subarray(0, 5).toString()).toBe('%PDF-');
		const text = pdftotext(opened.bytes);
		expect(text).toContain('Hệ thống một cửa điện tử Sở Tài chính P');
		expect(text).toMatch(/cấp độ 2/i);
		// The JSON twin is the server's too, with the level the server computed.
		expect(dossier.dossier).toMatchObject({ result: { proposed_level: 2 } });
		// The unit reads the same file; another unit and another body do not.
		expect((await openFile(s.ctx('unitA'), id, f.id)).sha256).toBe(f.sha256);
		await expect(openFile(s.ctx('unitB'), id, f.id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(openFile(s.ctx('otherAppraiser'), id, f.id)).rejects.toBeInstanceOf(NotFoundError);
	}, 180_000);

	it('is never changed in place, and bytes that no longer match their hash are not served', async () => {
		const id = await submitted();
		const f = (await systemFiles(s.ctx('unitA'), id)).find((x) => x.kind === 'dossier_pdf');
		await expect(
			sql`update files set filename = 'x.pdf' where id = ${f!.id}`.execute(s.d.db)
		).rejects.toThrow(/kept as uploaded/);
		// Simulate corruption behind the application's back (the trigger has to be lifted for it).
		await s.d.db.transaction().execute(async (trx) => {
			await sql`alter table files disable trigger files_no_change`.execute(trx);
			await sql`update files set content = overlay(content placing '\\x25'::bytea from 200 for 1) where id = ${f!.id}`.execute(
				trx
			);
			await sql`alter table files enable trigger files_no_change`.execute(trx);
		});
		await expect(openFile(s.ctx('appraiser'), id, f!.id)).rejects.toBeInstanceOf(IntegrityError);
	}, 180_000);
});

describe('signed uploads', () => {
	it('keeps a signed PDF with its inspected signature, audited; unsigned ones labelled unsigned', async () => {
		const id = await submitted();
		const pdf = await signedPdf();
		const up = await uploadFile(s.ctx('unitA'), id, {
			kind: 'signed_dossier',
			filename: 'Hồ sơ đã ký.pdf',
			bytes: pdf
		});
		expect(up.signature).toMatchObject({
			status: 'signed',
			signatures: [{ intact: true, signer: { common_name: SIGNER_CN } }]
		});
		const audit = await s.d.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'system.upload')
			.where('entity_id', '=', id)
			.executeTakeFirstOrThrow();
		expect(audit.after).toMatchObject({
			file_id: up.id,
			kind: 'signed_dossier',
			sha256: up.sha256,
			signature: `${SIGNER_CN}: intact`
		});
		const bad = await uploadFile(s.ctx('unitA'), id, {
			kind: 'signed_request',
			filename: 'cong-van.pdf',
			bytes: tampered(pdf)
		});
		expect(bad.signature).toMatchObject({ signatures: [{ intact: false }] });
		const scan = await uploadFile(s.ctx('unitA'), id, {
			kind: 'signed_request',
			filename: 'scan.pdf',
			bytes: await plainPdf()
		});
		expect(scan.signature).toEqual({ status: 'unsigned' });
		expect((await systemFiles(s.ctx('appraiser'), id)).map((f) => f.kind).sort()).toEqual([
			'dossier_docx',
			'dossier_pdf',
			'signed_dossier',
			'signed_request',
			'signed_request'
		]);
		expect((await verifyAudit(s.d.db)).ok).toBe(true);
		// The body's appraiser reads the uploads in the audit log; another body's appraiser does not.
		const uploadsSeenBy = async (who: 'appraiser' | 'otherAppraiser') =>
			(await auditPage(s.d.db, s.users[who], undefined, (e) => e.length)).entries.filter(
				(e) => e.action === 'system.upload' && e.entity_id === id
			);
		const seen = await uploadsSeenBy('appraiser');
		expect(seen).toHaveLength(3);
		expect(
			seen.find((e) => (e.after as { kind?: string } | null)?.kind === 'signed_dossier')
		).toMatchObject({
			after: { sha256: up.sha256, signature: `${SIGNER_CN}: intact` }
		});
		expect(await uploadsSeenBy('otherAppraiser')).toEqual([]);
	}, 180_000);

	it('refuses what is not a PDF, what is too large, and kinds or systems out of reach', async () => {
		const id = await submitted();
		const unit = s.ctx('unitA');
		const pdf = await plainPdf();
		await expect(
			uploadFile(unit, id, {
				kind: 'signed_dossier',
				filename: 'virus.pdf',
				bytes: new TextEncoder().encode('MZ not a pdf at all')
			})
		).rejects.toThrow(/Chỉ nhận tệp PDF/);
		const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
		big.set(new TextEncoder().encode('%PDF-1.7\n'));
		await expect(
			uploadFile(unit, id, { kind: 'signed_dossier', filename: 'big.pdf', bytes: big })
		).rejects.toThrow(/quá lớn/);
		// A unit cannot upload the appraiser's papers, nor to another unit's system.
		await expect(
			uploadFile(unit, id, { kind: 'signed_decision', filename: 'qd.pdf', bytes: pdf })
		).rejects.toBeInstanceOf(InputError);
		await expect(
			uploadFile(s.ctx('unitB'), id, { kind: 'signed_dossier', filename: 'x.pdf', bytes: pdf })
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			uploadFile(s.ctx('otherAppraiser'), id, {
				kind: 'signed_opinion',
				filename: 'x.pdf',
				bytes: pdf
			})
		).rejects.toBeInstanceOf(NotFoundError);
		// The appraiser uploads once the review is under way.
		await expect(
			uploadFile(s.ctx('appraiser'), id, { kind: 'signed_opinion', filename: 'y.pdf', bytes: pdf })
		).rejects.toBeInstanceOf(ConflictError);
		await startReview(s.ctx('appraiser'), id);
		const ok = await uploadFile(s.ctx('appraiser'), id, {
			kind: 'signed_opinion',
			filename: 'y.pdf',
			bytes: pdf
		});
		expect(ok.kind).toBe('signed_opinion');
		expect((await systemFiles(s.ctx('unitA'), id)).some((f) => f.id === ok.id)).toBe(true);
	}, 180_000);
});

describe('checklist, routing and the approval record', () => {
	it('takes the checklist from the dossier’s rule set: Circular 12 adds the independence check', async () => {
		const id03 = await submitted();
		expect((await reviewItems(s.ctx('appraiser'), id03)).map((i) => i.id)).toEqual(['a', 'b', 'c']);
		const id12 = await submitted({ ...level2Record(), ruleset: 'vn-nd85@tt12-2022' });
		const items = await reviewItems(s.ctx('appraiser'), id12);
		expect(items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'independence']);
		await startReview(s.ctx('appraiser'), id12);
		await expect(
			approveSystem(s.ctx('appraiser'), id12, {
				number: '3/QĐ',
				date: today,
				checklist: met(['a', 'b', 'c']),
				opinion: suitable
			})
		).rejects.toThrow(/thẩm định có độc lập/);
	}, 180_000);

	it('routes by the routing answers and refuses unknown ones when classifying', async () => {
		const unit = s.ctx('unitA');
		const { id } = await createSystem(unit, {
			...level2Record(),
			ruleset: 'vn-nd85@tt12-2022',
			routing: { security_unit_operates: true }
		});
		const c = await classifySystem(unit, id);
		expect(c.procedure.route?.citation).toBe('Điều 6 Thông tư 12/2022/TT-BTTTT');
		await submitSystem(unit, id);
		const view = await reviewView(s.ctx('appraiser'), id);
		expect(view.procedure?.appraiser).toMatch(/Hội đồng thẩm định độc lập/);
		const { id: bad } = await createSystem(unit, { ...level2Record(), routing: { army: 'yes' } });
		await expect(classifySystem(unit, bad)).rejects.toMatchObject({ field: 'routing.army' });
	}, 180_000);

	it('says why an action is refused in the user’s language: the Vietnamese text kept, English by key (issue 17)', async () => {
		const appr = s.ctx('appraiser');
		const id = await submitted();
		await startReview(appr, id);
		const en = translator('en', messagesFor('en'));
		const unmet = await approveSystem(appr, id, {
			number: '1/QĐ-STC',
			date: today,
			checklist: met(['a']),
			opinion: suitable
		}).catch((e: unknown) => e);
		expect((unmet as Error).message).toMatch(
			/^Phê duyệt cần kết luận "Đạt" cho mọi nội dung thẩm định \(chưa đạt: .+\)\.$/
		);
		expect(messageOf(unmet)).toBe((unmet as Error).message);
		expect(messageOf(unmet, en)).toMatch(
			/^Approval needs every point of the appraisal to be "Met" \(not met: [A-Z].+\)\.$/
		);
		const twice = await startReview(appr, id).catch((e: unknown) => e);
		expect(messageOf(twice, en)).toBe(
			'Cannot "start_review" while the dossier is "Under appraisal" (under_review).'
		);
	});

	it('records who approved, when, the decision, the level and the exact dossier; a later change needs re-determination', async () => {
		const unit = s.ctx('unitA');
		const appr = s.ctx('appraiser');
		const id = await submitted();
		await startReview(appr, id);
		await approveSystem(appr, id, {
			number: '25/QĐ-STC',
			date: today,
			checklist: met(['a', 'b', 'c']),
			opinion: suitable
		});
		const pdf = (await systemFiles(unit, id)).find((x) => x.kind === 'dossier_pdf');
		const a = await getSystem(unit, id);
		expect(a.approval).toMatchObject({
			revision: 1,
			number: '25/QĐ-STC',
			date: today,
			level: 2,
			recorded_by: 'appraiser',
			dossier_sha256: pdf!.sha256,
			ruleset: 'vn-nd85@tt03-2017'
		});
		expect(a.approval!.record_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(a.needs_redetermination).toBe(false);

		// Điều 18: revising alone changes nothing yet; a changed answer does, on both sides.
		await reviseSystem(unit, id);
		expect((await getSystem(unit, id)).needs_redetermination).toBe(false);
		await saveSystem(unit, id, {
			...level2Record(),
			id,
			facts: { ...level2Record().facts, information: ['public', 'private', 'personal'] }
		});
		const u = await getSystem(unit, id);
		expect(u.needs_redetermination).toBe(true);
		expect(u.changed.map((c) => c.path)).toEqual(['facts.information']);
		const v = await reviewView(appr, id);
		expect(v.needs_redetermination).toBe(true);
		expect(v.changed_questions).toEqual(['facts.information']);
		// The appraiser still reads the approved submission, not the draft.
		expect(v.record.facts.information).toEqual(['public', 'private']);
	}, 180_000);
});

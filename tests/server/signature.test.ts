// The signature inspector against real signed PDFs made in the test (see fixtures/pdf/signed.ts).
import { describe, expect, it } from 'vitest';
import { inspectSignatures, pdfDate } from '../../src/lib/server/files/signature';
import { plainPdf, SIGNER_CN, SIGNER_O, signedPdf, tampered } from '../fixtures/pdf/signed';

describe('PDF signature inspection', () => {
	it('reads the signer, the signing time and finds the signed bytes intact', async () => {
		const at = new Date('2026-09-05T03:04:05Z');
		const pdf = await signedPdf({ signingTime: at });
		const r = await inspectSignatures(pdf);
		expect(r.status).toBe('signed');
		if (r.status !== 'signed') return;
		expect(r.signatures).toHaveLength(1);
		const s = r.signatures[0]!;
		expect(s).toMatchObject({
			intact: true,
			covers_whole_file: true,
			signing_time: at.toISOString(),
			signing_time_source: 'signed_attribute',
			sub_filter: 'adbe.pkcs7.detached'
		});
		expect(s.signer).toMatchObject({
			common_name: SIGNER_CN,
			organization: SIGNER_O,
			serial: '0a1b2c'
		});
		expect(s.signer!.subject).toBe(`CN=${SIGNER_CN}, O=${SIGNER_O}, C=VN`);
		expect(s.problem).toBeUndefined();
	}, 30_000);

	it('a changed signed byte breaks integrity (message digest mismatch)', async () => {
		const r = await inspectSignatures(tampered(await signedPdf()));
		expect(r.status).toBe('signed');
		if (r.status !== 'signed') return;
		expect(r.signatures[0]).toMatchObject({
			intact: false,
			covers_whole_file: true,
			problem: expect.stringMatching(/changed after signing/)
		});
		// The signer is still named, so the appraiser knows whose signature broke.
		expect(r.signatures[0]!.signer?.common_name).toBe(SIGNER_CN);
	}, 30_000);

	it('bytes appended after signing leave the signature intact but not covering the file', async () => {
		const pdf = await signedPdf();
		const r = await inspectSignatures(Buffer.concat([pdf, Buffer.from('\n% appended\n')]));
		expect(r.status === 'signed' && r.signatures[0]).toMatchObject({
			intact: true,
			covers_whole_file: false
		});
	}, 30_000);

	it('an unsigned PDF is labelled unsigned, garbage unreadable', async () => {
		expect(await inspectSignatures(await plainPdf())).toEqual({ status: 'unsigned' });
		const r = await inspectSignatures(new TextEncoder().encode('%PDF-1.7\nnot really'));
		expect(['unsigned', 'unreadable']).toContain(r.status);
	});

	it('reads PDF dates', () => {
		expect(pdfDate("D:20260305143000+07'00'")).toBe('2026-03-05T07:30:00.000Z');
		expect(pdfDate('D:20260305')).toBe('2026-03-05T00:00:00.000Z');
		expect(pdfDate('yesterday')).toBeUndefined();
	});
});

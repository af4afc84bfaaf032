// What a PDF's digital signatures (PAdES / CMS detached, PDF 32000-1 §12.8) say: who signed, when,
// and whether the signed bytes are intact. pdf-lib finds the signature dictionaries (/ByteRange,
// /Contents) by parsing the PDF's objects; PKI.js (over Node's WebCrypto) parses the CMS SignedData
// and checks the message digest of the signed bytes and the signature over the signed attributes.
// The certificate chain is NOT checked against trusted roots (capdo holds none): the report says so.
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
	PDFArray,
	PDFDict,
	PDFDocument,
	PDFHexString,
	PDFName,
	PDFNumber,
	PDFString
} from 'pdf-lib';
import * as pkijs from 'pkijs';

pkijs.setEngine(
	'node-webcrypto',
	new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto })
);

export interface SignerInfo {
	common_name?: string;
	organization?: string;
	/** "CN=…, O=…, C=VN" */
	subject: string;
	issuer: string;
	serial: string;
	valid_from: string;
	valid_to: string;
}

export interface SignatureInfo {
	/** From the signer's certificate in the CMS; null when the CMS carries none that matches. */
	signer: SignerInfo | null;
	signing_time?: string;
	/** Where the time comes from: a signed CMS attribute, a time-stamp token, or the PDF's /M (claimed). */
	signing_time_source?: 'signed_attribute' | 'timestamp' | 'pdf_dictionary';
	sub_filter?: string;
	/** The signed bytes hash to the signed message digest and the signature verifies with the certificate's key. */
	intact: boolean;
	/** The byte range covers the whole file: nothing was appended after this signature. */
	covers_whole_file: boolean;
	/** Why `intact` is false (or the CMS could not be read). */
	problem?: string;
}

export type SignatureReport =
	| { status: 'unsigned' }
	| { status: 'unreadable'; problem: string }
	| { status: 'signed'; signatures: SignatureInfo[] };

const OID = {
	commonName: '2.5.4.3',
	organization: '2.5.4.10',
	signingTime: '1.2.840.113549.1.9.5',
	timeStampToken: '1.2.840.113549.1.9.16.2.14'
};
const SHORT: Record<string, string> = {
	'2.5.4.3': 'CN',
	'2.5.4.6': 'C',
	'2.5.4.7': 'L',
	'2.5.4.8': 'ST',
	'2.5.4.10': 'O',
	'2.5.4.11': 'OU',
	'1.2.840.113549.1.9.1': 'E',
	'0.9.2342.19200300.100.1.1': 'UID'
};

interface Found {
	byteRange: [number, number, number, number];
	contents: Uint8Array;
	subFilter?: string;
	claimedTime?: string;
}

/** Inspects every signature of a PDF. Never throws: an unreadable file is reported as such. */
export async function inspectSignatures(pdf: Uint8Array): Promise<SignatureReport> {
	let found: Found[];
	try {
		found = await findSignatures(pdf);
	} catch (e) {
		return { status: 'unreadable', problem: `PDF: ${(e as Error).message}` };
	}
	if (found.length === 0) return { status: 'unsigned' };
	const signatures: SignatureInfo[] = [];
	for (const f of found) signatures.push(await checkOne(pdf, f));
	return { status: 'signed', signatures };
}

async function findSignatures(pdf: Uint8Array): Promise<Found[]> {
	const doc = await PDFDocument.load(pdf, {
		ignoreEncryption: true,
		updateMetadata: false,
		throwOnInvalidObject: false
	});
	const out: Found[] = [];
	for (const [, obj] of doc.context.enumerateIndirectObjects()) {
		if (!(obj instanceof PDFDict)) continue;
		const range = obj.lookup(PDFName.of('ByteRange'));
		const contents = obj.get(PDFName.of('Contents'));
		if (!(range instanceof PDFArray) || !(contents instanceof PDFHexString)) continue;
		const nums = range.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
		if (nums.length !== 4 || nums.some((n) => !Number.isInteger(n) || n < 0)) continue;
		const subFilter = obj.lookup(PDFName.of('SubFilter'));
		const m = obj.lookup(PDFName.of('M'));
		out.push({
			byteRange: nums as Found['byteRange'],
			contents: contents.asBytes(),
			subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : undefined,
			claimedTime:
				m instanceof PDFString || m instanceof PDFHexString ? pdfDate(m.decodeText()) : undefined
		});
	}
	// In file order: a later signature is an incremental update over the earlier ones.
	return out.sort((a, b) => a.byteRange[2] - b.byteRange[2]);
}

async function checkOne(pdf: Uint8Array, f: Found): Promise<SignatureInfo> {
	const [a, b, c, d] = f.byteRange;
	const base = {
		sub_filter: f.subFilter,
		covers_whole_file: a === 0 && c + d === pdf.length,
		signer: null
	};
	if (a + b > c || c + d > pdf.length)
		return { ...base, intact: false, problem: 'byte range outside the file' };
	const signed = new Uint8Array(b + d);
	signed.set(pdf.subarray(a, a + b), 0);
	signed.set(pdf.subarray(c, c + d), b);

	let sd: pkijs.SignedData;
	try {
		// /Contents is zero-padded to its reserved size; BER parsing reads the first element only.
		const asn1 = asn1js.fromBER(f.contents);
		if (asn1.offset === -1) throw new Error(asn1.result.error);
		const ci = new pkijs.ContentInfo({ schema: asn1.result });
		if (ci.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error('not CMS SignedData');
		sd = new pkijs.SignedData({ schema: ci.content });
	} catch (e) {
		return { ...base, intact: false, problem: `CMS: ${(e as Error).message}` };
	}
	const info = sd.signerInfos[0];
	const time =
		signingTime(info) ??
		(f.claimedTime && { at: f.claimedTime, source: 'pdf_dictionary' as const });
	let intact = false;
	let problem: string | undefined;
	let cert: pkijs.Certificate | null = null;
	try {
		const r = await sd.verify({
			signer: 0,
			data: signed.buffer.slice(signed.byteOffset, signed.byteOffset + signed.byteLength),
			extendedMode: true,
			checkChain: false
		});
		intact = r.signatureVerified === true;
		cert = r.signerCertificate ?? null;
		if (!intact) problem = 'the signature does not verify with the signer certificate';
	} catch (e) {
		const err = e as pkijs.SignedDataVerifyError;
		cert = err.signerCertificate ?? null;
		problem = /digest doesn't match/i.test(err.message)
			? 'the signed bytes were changed after signing (message digest mismatch)'
			: err.message;
	}
	return {
		...base,
		signer: cert && signerOf(cert),
		...(time && { signing_time: time.at, signing_time_source: time.source }),
		intact,
		...(problem && { problem })
	};
}

function signingTime(
	info: pkijs.SignerInfo | undefined
): { at: string; source: 'signed_attribute' | 'timestamp' } | undefined {
	const attr = info?.signedAttrs?.attributes.find((x) => x.type === OID.signingTime);
	const value = attr?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
	if (value && 'toDate' in value)
		return { at: value.toDate().toISOString(), source: 'signed_attribute' };
	const token = info?.unsignedAttrs?.attributes.find((x) => x.type === OID.timeStampToken);
	if (!token) return undefined;
	try {
		const ci = new pkijs.ContentInfo({ schema: token.values[0] });
		const tsd = new pkijs.SignedData({ schema: ci.content });
		const eContent = tsd.encapContentInfo.eContent;
		if (!eContent) return undefined;
		const tst = pkijs.TSTInfo.fromBER(eContent.getValue());
		return { at: tst.genTime.toISOString(), source: 'timestamp' };
	} catch {
		return undefined;
	}
}

function nameText(name: pkijs.RelativeDistinguishedNames): string {
	return name.typesAndValues
		.map((tv) => `${SHORT[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`)
		.join(', ');
}
const attr = (name: pkijs.RelativeDistinguishedNames, oid: string) => {
	const v = name.typesAndValues.find((tv) => tv.type === oid)?.value.valueBlock.value;
	return v === undefined ? undefined : String(v);
};

function signerOf(cert: pkijs.Certificate): SignerInfo {
	const serial = Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex');
	return {
		...(attr(cert.subject, OID.commonName) && { common_name: attr(cert.subject, OID.commonName) }),
		...(attr(cert.subject, OID.organization) && {
			organization: attr(cert.subject, OID.organization)
		}),
		subject: nameText(cert.subject),
		issuer: nameText(cert.issuer),
		serial,
		valid_from: cert.notBefore.value.toISOString(),
		valid_to: cert.notAfter.value.toISOString()
	};
}

/** "D:20260305143000+07'00'" → ISO 8601 (PDF 32000-1 §7.9.4); undefined when malformed. */
export function pdfDate(s: string): string | undefined {
	const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?$/.exec(
		s.trim()
	);
	if (!m) return undefined;
	const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
	const zone = !sign || /z/i.test(sign) ? 'Z' : `${sign}${oh}:${om}`;
	const t = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${zone}`);
	return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
}

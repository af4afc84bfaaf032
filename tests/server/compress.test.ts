// compress.ts on its own: Accept-Encoding negotiation and chunk-by-chunk flushing of a stream.
import { brotliDecompressSync, constants, createBrotliDecompress, gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { compressResponse, compressor, negotiate } from '../../src/lib/server/compress';

// The zlib streams the compressor creates, to see whether a cancelled response frees them.
const made = vi.hoisted(() => [] as { destroyed: boolean }[]);
vi.mock('node:zlib', async (original) => {
	const zlib = await original<typeof import('node:zlib')>();
	const keep = <T extends { destroyed: boolean }>(z: T) => (made.push(z), z);
	return {
		...zlib,
		createGzip: (o?: import('node:zlib').ZlibOptions) => keep(zlib.createGzip(o)),
		createBrotliCompress: (o?: import('node:zlib').BrotliOptions) =>
			keep(zlib.createBrotliCompress(o))
	};
});

describe('negotiate', () => {
	it.each([
		[null, undefined],
		['', undefined],
		['identity', undefined],
		['gzip', 'gzip'],
		['gzip, deflate, br', 'br'],
		['br;q=0.5, gzip', 'gzip'],
		['br;q=0, gzip;q=0', undefined],
		['*', 'br'],
		['*;q=0.1, br;q=0', 'gzip'],
		['GZIP ; q=0.8', 'gzip']
	])('%s → %s', (accept, expected) => expect(negotiate(accept)).toBe(expected));
});

describe('compressor', () => {
	it('each chunk decodes as soon as it is sent, before the stream ends (streamed page data)', async () => {
		let send!: ReadableStreamDefaultController<Uint8Array>;
		const source = new ReadableStream<Uint8Array>({ start: (c) => void (send = c) });
		const reader = source.pipeThrough(compressor('br')).getReader();
		const inflate = createBrotliDecompress();
		const text: string[] = [];
		inflate.on('data', (b: Buffer) => text.push(b.toString()));
		const first = 'a'.repeat(2000) + '{"first":1}';
		send.enqueue(new TextEncoder().encode(first));
		const { value } = await reader.read();
		await new Promise<void>((ok) =>
			inflate.write(value!, () => inflate.flush(constants.BROTLI_OPERATION_FLUSH, () => ok()))
		);
		expect(text.join('')).toBe(first);
		send.enqueue(new TextEncoder().encode('{"second":2}'));
		send.close();
		const rest: Uint8Array[] = [];
		for (;;) {
			const r = await reader.read();
			if (r.done) break;
			rest.push(r.value);
		}
		const whole = Buffer.concat([Buffer.from(value!), ...rest.map((u) => Buffer.from(u))]);
		expect(brotliDecompressSync(whole).toString()).toBe(first + '{"second":2}');
	});
});

describe('compressor, cancelled', () => {
	it.each(['br', 'gzip'] as const)(
		'%s: a client that disconnects mid-response frees the zlib stream',
		async (encoding) => {
			const source = new ReadableStream<Uint8Array>({
				pull: (c) => c.enqueue(new TextEncoder().encode('x'.repeat(4096)))
			});
			const reader = source.pipeThrough(compressor(encoding)).getReader();
			const z = made.at(-1)!;
			await reader.read();
			expect(z.destroyed).toBe(false);
			await reader.cancel(new Error('client gone'));
			expect(z.destroyed).toBe(true);
		}
	);
});

describe('compressResponse', () => {
	const big = JSON.stringify({ text: 'Điều 9 khoản 2 điểm a '.repeat(200) });
	const req = (accept: string, method = 'GET') =>
		new Request('http://x/', { method, headers: { 'accept-encoding': accept } });

	it('gzip keeps the status, cookies and other headers; the ETag names the encoding', async () => {
		const headers = new Headers({ 'content-type': 'application/json', etag: '"abc"', 'x-a': '1' });
		headers.append('set-cookie', 'a=1; Path=/');
		headers.append('set-cookie', 'b=2; Path=/');
		const r = compressResponse(req('gzip'), new Response(big, { status: 201, headers }));
		expect(r.status).toBe(201);
		expect(r.headers.get('content-encoding')).toBe('gzip');
		expect(r.headers.get('etag')).toBe('"abc-gzip"');
		expect(r.headers.get('x-a')).toBe('1');
		expect(r.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
		expect(gunzipSync(Buffer.from(await r.arrayBuffer())).toString()).toBe(big);
	});

	it('leaves alone: PDFs, encoded bodies, no-transform, HEAD', () => {
		const pdf = new Response(big, { headers: { 'content-type': 'application/pdf' } });
		expect(compressResponse(req('br'), pdf)).toBe(pdf);
		const enc = new Response(big, {
			headers: { 'content-type': 'application/json', 'content-encoding': 'br' }
		});
		expect(compressResponse(req('br'), enc)).toBe(enc);
		const nt = new Response(big, {
			headers: { 'content-type': 'text/html', 'cache-control': 'no-transform' }
		});
		expect(compressResponse(req('br'), nt)).toBe(nt);
		const head = new Response(big, { headers: { 'content-type': 'text/html' } });
		expect(compressResponse(req('br', 'HEAD'), head)).toBe(head);
	});
});

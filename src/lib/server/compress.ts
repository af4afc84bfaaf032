// Compression of the responses the app renders (pages, __data.json, JSON and CSV endpoints), with
// the platform's zlib (brotli and gzip). It runs as the outermost handle hook, so `node build` —
// adapter-node's own server, which `npm start`, the tests and the benches run — compresses, and
// adapter-node keeps its graceful stop ('sveltekit:shutdown' signs the last audit checkpoint).
// A custom server around build/handler.js with the `compression` middleware would have to copy
// that stop, socket activation and timeouts. Static assets never reach the hooks: adapter-node
// precompresses them at build time (.br, .gz) and serves those files.
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Below this a response is sent as is (headers and framing would eat the gain). */
export const THRESHOLD = 1024;

const COMPRESSIBLE =
	/^\s*(text\/|application\/(json|javascript|xml|manifest\+json|ld\+json)|image\/svg\+xml)/i;

/** Brotli at quality 5: most of quality 11's gain for a few milliseconds per page. */
const BROTLI_QUALITY = 5;

/**
 * The encoding to use for an Accept-Encoding header: brotli, else gzip, honouring q-values
 * (`q=0` refuses; `*` stands for the encodings not named). Undefined: send identity.
 */
export function negotiate(accept: string | null): Encoding | undefined {
	const q = new Map<string, number>();
	for (const part of (accept ?? '').split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const v = qp === undefined ? 1 : Number(qp.slice(2));
		q.set(name.trim(), Number.isFinite(v) ? v : 0);
	}
	const score = (e: string) => q.get(e) ?? q.get('*') ?? 0;
	const br = score('br');
	const gz = score('gzip');
	if (br > 0 && br >= gz) return 'br';
	if (gz > 0) return 'gzip';
	return undefined;
}

/**
 * A compressing stream. Each chunk is flushed as it passes, so a streamed response (SvelteKit's
 * streamed promises in pages and __data.json) reaches the browser chunk by chunk, not at the end.
 */
export function compressor(encoding: Encoding): TransformStream<Uint8Array, Uint8Array> {
	const z =
		encoding === 'br'
			? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
			: createGzip({ level: 6 });
	const flushKind = encoding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
	let out!: TransformStreamDefaultController<Uint8Array>;
	z.on('data', (c: Buffer) => out.enqueue(new Uint8Array(c.buffer, c.byteOffset, c.byteLength)));
	const failed = new Promise<never>((_, fail) => z.once('error', fail));
	failed.catch(() => {});
	// `cancel` is in the Streams standard and Node 20's TransformStream calls it; TypeScript's DOM
	// types do not list it yet.
	const transformer: Transformer<Uint8Array, Uint8Array> & { cancel(): void } = {
		start(c) {
			out = c;
		},
		transform(chunk) {
			return Promise.race([
				failed,
				new Promise<void>((ok) => {
					z.write(chunk);
					z.flush(flushKind, () => ok());
				})
			]);
		},
		flush() {
			return Promise.race([failed, new Promise<void>((ok) => (z.once('end', ok), z.end()))]);
		},
		// The client went away mid-response: free the native zlib state now, not at some later GC.
		cancel() {
			z.destroy();
		}
	};
	return new TransformStream(transformer);
}

/** An ETag naming the encoding, so a 304 still matches (SvelteKit compares it as sent). */
const encodedEtag = (etag: string, encoding: Encoding) =>
	etag.endsWith('"') ? `${etag.slice(0, -1)}-${encoding}"` : etag;

/**
 * The response compressed for the request, or the same response when it should not be: no body,
 * already encoded, not text or JSON, smaller than THRESHOLD, a partial response, `no-transform`,
 * or a client that accepts neither brotli nor gzip.
 */
export function compressResponse(request: Request, response: Response): Response {
	const h = response.headers;
	if (!response.body || request.method === 'HEAD') return response;
	if (response.status === 204 || response.status === 206 || response.status === 304)
		return response;
	if (h.has('content-encoding') || !COMPRESSIBLE.test(h.get('content-type') ?? '')) return response;
	if (/\bno-transform\b/i.test(h.get('cache-control') ?? '')) return response;
	const length = h.get('content-length');
	if (length !== null && Number(length) < THRESHOLD) return response;
	const encoding = negotiate(request.headers.get('accept-encoding'));
	const vary = h.get('vary');
	const headers = new Headers();
	for (const [k, v] of h) if (k !== 'set-cookie') headers.set(k, v);
	for (const c of h.getSetCookie()) headers.append('set-cookie', c);
	// Caches keep one copy per encoding even when this client took identity.
	if (!vary || !/\baccept-encoding\b|\*/i.test(vary))
		headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
	if (!encoding)
		return new Response(response.body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	const etag = h.get('etag');
	if (etag) headers.set('etag', encodedEtag(etag, encoding));
	return new Response(response.body.pipeThrough(compressor(encoding)), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

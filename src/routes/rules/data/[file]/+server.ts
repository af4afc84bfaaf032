// A rule set's content (or the reorganisation data) by its content hash: the same bytes for ever,
// so the browser keeps it (immutable) and the server compresses it once, at brotli's best.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { negotiate, type Encoding } from '$lib/server/compress';
import { contentByHash } from '$lib/server/ruleset-payload';
import type { RequestHandler } from './$types';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** JSON and its compressed forms per hash, made on first request. */
const bodies = new Map<string, Promise<Partial<Record<Encoding | 'identity', Buffer>>>>();

async function encoded(hash: string, content: unknown, encoding: Encoding | undefined) {
	let entry = bodies.get(hash);
	if (!entry) {
		const json = Buffer.from(JSON.stringify(content));
		entry = Promise.all([
			brotli(json, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
					[constants.BROTLI_PARAM_SIZE_HINT]: json.length
				}
			}),
			gz(json, { level: 9 })
		]).then(([br, gzip]) => ({ identity: json, br, gzip }));
		bodies.set(hash, entry);
	}
	return (await entry)[encoding ?? 'identity']!;
}

export const GET: RequestHandler = async ({ params, locals, request }) => {
	const hash = /^([0-9a-f]{64})\.json$/.exec(params.file)?.[1];
	const content = hash && contentByHash(hash, locals.rulesets);
	if (!hash || content === undefined)
		return new Response('Không có dữ liệu với mã băm này / no data with this hash.', {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	const encoding = negotiate(request.headers.get('accept-encoding'));
	const body = await encoded(hash, content, encoding);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/json',
			'cache-control': IMMUTABLE,
			vary: 'Accept-Encoding',
			...(encoding && { 'content-encoding': encoding })
		}
	});
};

// One file's exact stored bytes, served only after they hash again to the SHA-256 recorded at upload.
// PDFs open in the browser (inline); the hash travels in Repr-Digest (RFC 9530).
import { contextOf } from '$lib/server/workflow/route';
import { openFile } from '$lib/server/workflow/files';
import { IntegrityError } from '$lib/server/files/store';
import { NotFoundError } from '$lib/server/workflow/service';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = contextOf(event);
	try {
		const f = await openFile(ctx, event.params.id, event.params.file);
		const inline = f.media_type === 'application/pdf';
		const ascii =
			f.filename
				.normalize('NFD')
				.replace(/[^\x20-\x7e]/g, '')
				.replace(/["\\]/g, '') || 'file';
		return new Response(f.bytes as BodyInit, {
			headers: {
				'content-type': f.media_type,
				'content-length': String(f.size),
				'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
				'x-content-type-options': 'nosniff',
				'repr-digest': `sha-256=:${Buffer.from(f.sha256, 'hex').toString('base64')}:`,
				'x-capdo-sha256': f.sha256
			}
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, e.message);
		if (e instanceof IntegrityError)
			return new Response(e.message, {
				status: 500,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
		throw e;
	}
};

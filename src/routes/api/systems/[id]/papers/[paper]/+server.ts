// One of the review's papers (Mẫu số 04–07 Nghị định 331/2026; the Decree 85/2016 opinion, tờ trình
// and decision) as PDF or DOCX, draft or signature copy: `?format=pdf|docx&copy=draft|final`.
// Only the dossier's appraiser gets it; anyone else, or a paper the level does not call for, is 404.
import { renderReviewPaper } from '$lib/server/workflow/papers';
import { contextOf } from '$lib/server/workflow/route';
import { NotFoundError } from '$lib/server/workflow/service';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const q = event.url.searchParams;
	const format = q.get('format') ?? 'pdf';
	// `paper-copy` is the name PaperOptions gives its copy radios in a GET form.
	const copy = q.get('copy') ?? q.get('paper-copy') ?? 'draft';
	if (format !== 'pdf' && format !== 'docx') error(400, 'format: pdf hoặc docx');
	if (copy !== 'draft' && copy !== 'final') error(400, 'copy: draft hoặc final');
	try {
		const f = await renderReviewPaper(
			contextOf(event),
			event.params.id,
			event.params.paper,
			format,
			copy
		);
		return new Response(f.bytes as BodyInit, {
			headers: {
				'content-type': f.mime,
				'content-length': String(f.bytes.byteLength),
				'content-disposition': `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${f.filename}"`,
				'cache-control': 'no-store',
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, 'Không tìm thấy');
		throw e;
	}
};

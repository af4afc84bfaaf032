// Submits (or resubmits after a return) the classified system's dossier: { dossier?, pdf_sha256? }.
import { api, body, contextOf } from '$lib/server/workflow/route';
import { submitSystem } from '$lib/server/workflow/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	api(async () => {
		const b = await body(event.request, true);
		const s = await submitSystem(contextOf(event), event.params.id, {
			dossier: b.dossier,
			pdf_sha256: b.pdf_sha256 as string | undefined
		});
		return { id: s.id, status: s.status, revision: s.revision, version: s.version };
	});

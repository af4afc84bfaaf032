// Submits (or resubmits after a return) the classified system. The server builds and renders the
// dossier from the stored answers; the response names the stored PDF so the unit can download the
// exact bytes the appraiser will read.
import { api, contextOf } from '$lib/server/workflow/route';
import { submitSystem } from '$lib/server/workflow/service';
import { systemFiles } from '$lib/server/workflow/files';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	api(async () => {
		const ctx = contextOf(event);
		const s = await submitSystem(ctx, event.params.id);
		const pdf = (await systemFiles(ctx, s.id)).find(
			(f) => f.kind === 'dossier_pdf' && f.revision === s.revision
		);
		return {
			id: s.id,
			status: s.status,
			revision: s.revision,
			version: s.version,
			dossier_pdf: pdf && {
				id: pdf.id,
				sha256: pdf.sha256,
				url: `/api/systems/${s.id}/files/${pdf.id}`
			}
		};
	});

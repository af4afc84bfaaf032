// A system's files: GET lists them (no bytes); POST uploads a signed PDF (multipart: kind, file).
import { api, contextOf } from '$lib/server/workflow/route';
import { systemFiles, uploadFile } from '$lib/server/workflow/files';
import { uploadOf } from '$lib/server/workflow/upload-form';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	api(() => systemFiles(contextOf(event), event.params.id));

export const POST: RequestHandler = (event) =>
	api(
		async () => uploadFile(contextOf(event), event.params.id, await uploadOf(event.request)),
		201
	);

// Submitted revisions with their reviews and the answers changed between them.
import { api, contextOf } from '$lib/server/workflow/route';
import { systemHistory } from '$lib/server/workflow/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	api(() => systemHistory(contextOf(event), event.params.id));

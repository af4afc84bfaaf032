// Starts a new revision after a return or an approval (Điều 18 Nghị định 85/2016).
import { api, contextOf } from '$lib/server/workflow/route';
import { reviseSystem } from '$lib/server/workflow/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	api(async () => {
		const s = await reviseSystem(contextOf(event), event.params.id);
		return { id: s.id, status: s.status, revision: s.revision, version: s.version };
	});

// Classifies the saved answers on the server under the system's pinned rule set.
import { api, contextOf } from '$lib/server/workflow/route';
import { classifySystem } from '$lib/server/workflow/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	api(async () => {
		const r = await classifySystem(contextOf(event), event.params.id);
		return {
			id: r.system.id,
			status: r.system.status,
			version: r.system.version,
			record: r.system.record,
			classification: r.classification,
			procedure: r.procedure
		};
	});

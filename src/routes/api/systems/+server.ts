// Creates a system in the signed-in unit; the server assigns its id.
import { api, body, contextOf } from '$lib/server/workflow/route';
import { createSystem } from '$lib/server/workflow/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	api(async () => {
		const s = await createSystem(contextOf(event), await body(event.request));
		return {
			id: s.id,
			status: s.status,
			revision: s.revision,
			version: s.version,
			record: s.record
		};
	}, 201);

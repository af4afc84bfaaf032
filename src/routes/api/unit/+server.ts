// The signed-in unit's inventory (GET) and unit profile (PUT).
import { api, body, contextOf } from '$lib/server/workflow/route';
import { getInventory, saveProfile } from '$lib/server/workflow/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => api(() => getInventory(contextOf(event)));

export const PUT: RequestHandler = (event) =>
	api(async () => ({ unit: await saveProfile(contextOf(event), await body(event.request)) }));

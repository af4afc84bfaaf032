import { contextOf } from '$lib/server/workflow/route';
import { appraisalQueue } from '$lib/server/workflow/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	queue: await appraisalQueue(contextOf(event))
});

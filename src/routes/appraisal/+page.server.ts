import { contextOf } from '$lib/server/workflow/route';
import { appraisalQueue } from '$lib/server/workflow/service';
import { STATUS_LABEL } from '$lib/server/workflow/transitions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const queue = await appraisalQueue(contextOf(event));
	return { queue: queue.map((q) => ({ ...q, status_label: STATUS_LABEL[q.status] })) };
};

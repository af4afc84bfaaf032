import { resolve } from '$app/paths';
import { loadYearly, saveYearly } from '$lib/server/reports/yearly-route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadYearly(event);

export const actions: Actions = {
	save: (event) =>
		saveYearly(event, resolve('/overview/reports/yearly/[report]/[period]/review', event.params))
};

import { loadYearly, submitYearlyAction } from '$lib/server/reports/yearly-route';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadYearly(event);

export const actions: Actions = { submit: (event) => submitYearlyAction(event) };

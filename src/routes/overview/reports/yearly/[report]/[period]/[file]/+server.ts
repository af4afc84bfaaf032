import { downloadYearly } from '$lib/server/reports/yearly-route';
import type { RequestHandler } from './$types';

/** mau-08.pdf: the draft as typed now (?copy=draft, default) or the last submission (?copy=submitted). */
export const GET: RequestHandler = (event) => downloadYearly(event);

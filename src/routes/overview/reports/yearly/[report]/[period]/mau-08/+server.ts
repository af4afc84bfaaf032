import { downloadYearly } from '$lib/server/reports/yearly-route';
import type { RequestHandler } from './$types';

/** ?v=current|submitted &format=pdf|docx &copy=draft|final */
export const GET: RequestHandler = (event) => downloadYearly(event);

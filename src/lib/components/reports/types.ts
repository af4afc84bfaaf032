import type { loadYearly } from '$lib/server/reports/yearly-route';

/** What a Mẫu 08 page receives from loadYearly. */
export type YearlyPage = Awaited<ReturnType<typeof loadYearly>>;

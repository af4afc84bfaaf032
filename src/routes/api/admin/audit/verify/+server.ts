// `capdo audit verify --url`: the full check of the audit chain and its anchor, run by the server
// that holds the database (the CLI cannot open an embedded data directory the server has open).
import { json } from '@sveltejs/kit';
import { verifyAudit } from '$lib/server/audit/verify';
import { contextOf } from '$lib/server/workflow/route';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { db } = contextOf(event);
	return json(await verifyAudit(db));
};

// The audit log (admins: all; appraisers: their body's units) and the chain's status.
import { json } from '@sveltejs/kit';
import { auditView } from '$lib/server/audit/view';
import { contextOf } from '$lib/server/workflow/route';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { db, user } = contextOf(event);
	return json(await auditView(db, user));
};

// The audit log, newest first, 50 entries a page (`?before=ID` for the next), as the user may read
// it (admins: all; appraisers: their body's submitted dossiers and reviews), and the chain's state.
import { json } from '@sveltejs/kit';
import { auditPage } from '$lib/server/audit/view';
import { contextOf } from '$lib/server/workflow/route';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { db, user } = contextOf(event);
	const before = Number.parseInt(event.url.searchParams.get('before') ?? '', 10);
	return json(await auditPage(db, user, before > 0 ? before : undefined));
};

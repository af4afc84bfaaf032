// One system: read (its unit, or the body's appraiser once submitted) and save (its unit).
// Body of PUT: { record: SystemRecord, version?: number } — version guards concurrent edits.
import { InputError } from '$lib/server/auth/accounts';
import { api, body, contextOf } from '$lib/server/workflow/route';
import { getSystem, saveSystem } from '$lib/server/workflow/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	api(() => getSystem(contextOf(event), event.params.id));

export const PUT: RequestHandler = (event) =>
	api(async () => {
		const b = await body(event.request);
		if (b.version !== undefined && !Number.isInteger(b.version))
			throw new InputError('"version" phải là số nguyên.', 'version');
		const s = await saveSystem(
			contextOf(event),
			event.params.id,
			b.record,
			b.version as number | undefined
		);
		return {
			id: s.id,
			status: s.status,
			revision: s.revision,
			version: s.version,
			record: s.record
		};
	});

// The signed-in reader's scope for the overview pages (the hook already checked the role).
import { error, type RequestEvent } from '@sveltejs/kit';
import { overviewScope } from '$lib/server/overview/query';

export function scopeOf(event: Pick<RequestEvent, 'locals'>) {
	const user = event.locals.user;
	const scope = user ? overviewScope(user) : 'none';
	if (scope === 'none') error(403, 'Không có quyền truy cập.');
	return scope;
}

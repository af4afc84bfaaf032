import { messagesFor } from '$lib/i18n/messages';
import { toPayload } from '$lib/wizard/rulesets';
import type { LayoutServerLoad } from './$types';

// Rule sets go to the browser as plain data; the page compiles and runs them with the same engine.
export const load: LayoutServerLoad = ({ locals }) => ({
	lang: locals.lang,
	messages: messagesFor(locals.lang),
	rulesets: locals.rulesets.map((r) => toPayload(r)),
	user: locals.user && {
		username: locals.user.username,
		display_name: locals.user.display_name,
		role: locals.user.role
	}
});

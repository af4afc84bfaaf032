import { messagesFor } from '$lib/i18n/messages';
import type { LayoutServerLoad } from './$types';

// Language and user for every page; the wizard pages add the rule sets (ruleset-payload.ts).
// It reads only `locals`, so SvelteKit runs it again on a client navigation only when told to:
// the layout does (invalidateAll) when the session marker says the user changed.
export const load: LayoutServerLoad = ({ locals }) => ({
	lang: locals.lang,
	messages: messagesFor(locals.lang),
	user: locals.user && {
		username: locals.user.username,
		display_name: locals.user.display_name,
		role: locals.user.role
	}
});

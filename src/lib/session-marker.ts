// Who the server last saw signed in, as a cookie the page's script can read (the session cookie
// itself is httpOnly). hooks.server.ts keeps it in step with the session on every answer; the
// layout compares it with the user its header shows and reloads its data when they differ: a
// session that ended (signed out in another tab, expired, revoked) or began elsewhere.

/** The cookie: the signed-in username, absent when signed out. Names nobody's secret. */
export const SESSION_MARKER = 'capdo_user';

/** The tabs of one browser tell each other here when their user changed (layout). */
export const SESSION_CHANNEL = 'capdo-session';

/** The marker's username in a `document.cookie` string; '' when there is none. */
export function markerUser(cookie: string): string {
	for (const part of cookie.split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0 || part.slice(0, eq).trim() !== SESSION_MARKER) continue;
		try {
			return decodeURIComponent(part.slice(eq + 1).trim());
		} catch {
			return part.slice(eq + 1).trim();
		}
	}
	return '';
}

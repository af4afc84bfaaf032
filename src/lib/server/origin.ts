// Which page a state-changing request comes from. SvelteKit compares the browser's Origin with the
// configured ORIGIN only, and `npm start` defaults that to http://localhost:PORT: a user who opened
// the app at http://127.0.0.1:3000 or at the server's LAN name could not even sign in ("Cross-site
// POST form submissions are forbidden"). A request is also same-origin when its Origin names the
// very host (and scheme) it was sent to: a page of another site cannot make a browser send that.
import type { RequestEvent } from '@sveltejs/kit';

type Event = Pick<RequestEvent, 'request' | 'url'>;

/** The request's Origin is this server: the configured origin, or the address the browser used. */
export function fromThisOrigin(event: Event): boolean {
	const origin = event.request.headers.get('origin');
	if (origin === null || origin === 'null') return false;
	if (origin === event.url.origin) return true;
	const host = event.request.headers.get('host');
	try {
		const o = new URL(origin);
		return host !== null && o.host === host.toLowerCase() && o.protocol === event.url.protocol;
	} catch {
		return false;
	}
}

/** The origin to print in links for this user: the address their browser is at. */
export const originSeenBy = (event: Event): string =>
	fromThisOrigin(event) ? event.request.headers.get('origin')! : event.url.origin;

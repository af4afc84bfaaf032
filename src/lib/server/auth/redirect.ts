// Where to go after signing in: only a path on this site. The candidate is parsed against the
// origin the way a browser would resolve a Location header, and kept only when it stays on that
// origin; control characters and backslashes (which browsers strip or read as "/") are refused
// before parsing, and a normalized path that begins with "//" (e.g. from "/.//evil") is refused
// after it, since a browser would read it as another host.
export function safeNext(value: string | null | undefined, origin: string): string | undefined {
	if (!value || value.length > 2000) return undefined;
	if (!value.startsWith('/') || value.startsWith('//')) return undefined;
	// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
	if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
	let url: URL;
	try {
		url = new URL(value, origin);
	} catch {
		return undefined;
	}
	if (url.origin !== new URL(origin).origin) return undefined;
	if (url.pathname.startsWith('//') || url.pathname.includes('\\')) return undefined;
	// The parsed form: non-ASCII characters percent-encoded, so the Location header is valid.
	return url.pathname + url.search + url.hash;
}

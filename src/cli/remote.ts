// The CLI through a running server: `--url URL` with a personal access token (`--token`, or the
// CAPDO_TOKEN environment variable, which keeps it out of the shell history and `ps`).
import { UsageError } from './main';

export interface Remote {
	url: string;
	token: string;
}

/** The remote target from the parsed options, or undefined when `--url` is not given. */
export function remoteOf(values: { url?: string; token?: string }): Remote | undefined {
	if (!values.url) {
		if (values.token) throw new UsageError('--token goes with --url');
		return undefined;
	}
	let url: URL;
	try {
		url = new URL(values.url);
	} catch {
		throw new UsageError(`--url: not a URL: ${values.url}`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw new UsageError('--url must be http:// or https://');
	const token = values.token ?? process.env.CAPDO_TOKEN;
	if (!token)
		throw new UsageError(
			'--url needs a token: --token TOKEN or CAPDO_TOKEN (created on the server\'s "Tài khoản" page)'
		);
	return { url: url.origin, token };
}

export class RemoteError extends Error {}

/** GETs a JSON endpoint of the server; failures become one clear sentence. */
export async function remoteGet<T>(remote: Remote, path: string): Promise<T> {
	let r: Response;
	try {
		r = await fetch(remote.url + path, {
			headers: { authorization: `Bearer ${remote.token}`, accept: 'application/json' },
			redirect: 'manual',
			signal: AbortSignal.timeout(600_000)
		});
	} catch (e) {
		throw new RemoteError(
			`cannot reach ${remote.url}: ${(e as Error).cause ?? (e as Error).message}`
		);
	}
	const text = await r.text();
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	if (r.status === 401)
		throw new RemoteError(
			`${remote.url} refused the token (unknown, expired or revoked, or its user is disabled)`
		);
	if (r.status === 403)
		throw new RemoteError(`${remote.url}: the token's user may not run this (role)`);
	if (!r.ok || body === undefined)
		throw new RemoteError(
			`${remote.url}${path}: HTTP ${r.status}${(body as { message?: string })?.message ? `: ${(body as { message: string }).message}` : ''}`
		);
	return body as T;
}

// Rule sets (and the reorganisation data) travel as immutable resources named by their content
// hash: page data carries only the hashes (and what may change under a hash: a version's end,
// its withdrawal), and the browser fetches each content once from /rules/data/<hash>.json, which
// the server sends with `Cache-Control: immutable`. A fetched content stays in this module for
// the session, so moving between pages needs no network at all; a reload finds it in the HTTP
// cache. On the server the page's own load puts the contents here first (remember), so the
// server renders with them without writing them into the page.
import { browser } from '$app/environment';
import type { BodiesData } from '../bodies/types';
import type { RuleSet, RuleSetData } from '../rules/types';
import type { RuleSetPayload } from './rulesets';

/** A rule set's content: its data without golden tests and without its end (see rules/hash.ts). */
export type RuleSetContent = Omit<
	RuleSetData,
	'tests' | 'procedure_tests' | 'effective_tests' | 'effective_to'
>;

/** What page data says of one rule set: its hash and what may change while the hash does not. */
export interface RuleSetRef {
	ref: string;
	hash: string;
	/** The end as resolved from the successor (or declared). */
	effective_to?: string;
	withdrawn?: RuleSet['withdrawn'];
	sameContentHashes?: string[];
}

/** What the server loads of the wizard pages return. */
export interface DataRefs {
	rulesets: RuleSetRef[];
	bodies: { hash: string };
}

export const dataUrl = (hash: string) => `/rules/data/${hash}.json`;

const contents = new Map<string, Promise<unknown>>();

/** Server side: the contents a request's load has, by hash (content never changes under a hash). */
export function remember(hash: string, content: unknown) {
	if (!contents.has(hash)) contents.set(hash, Promise.resolve(content));
}

function content<T>(hash: string, fetch: typeof globalThis.fetch): Promise<T> {
	let p = contents.get(hash);
	if (!p) {
		if (!browser) return Promise.reject(new Error(`rule-set data ${hash} was not loaded`));
		p = fetch(dataUrl(hash)).then((r) => {
			if (!r.ok) throw new Error(`${dataUrl(hash)}: HTTP ${r.status}`);
			return r.json();
		});
		contents.set(hash, p);
		// A failed fetch (offline) is tried again on the next page, not remembered.
		p.catch(() => contents.delete(hash));
	}
	return p as Promise<T>;
}

/** The payloads the pages compile, from the refs in page data and the contents by hash. */
export async function resolveData(
	refs: DataRefs,
	fetch: typeof globalThis.fetch
): Promise<{ rulesets: RuleSetPayload[]; bodies: BodiesData; dataHashes: string[] }> {
	const [rulesets, bodies] = await Promise.all([
		Promise.all(
			refs.rulesets.map(async (r) => {
				const data = await content<RuleSetContent>(r.hash, fetch);
				const payload: RuleSetPayload = { ...(data as RuleSetData), hash: r.hash };
				if (r.effective_to !== undefined) payload.effective_to = r.effective_to;
				if (r.sameContentHashes) payload.sameContentHashes = r.sameContentHashes;
				if (r.withdrawn) payload.withdrawn = r.withdrawn;
				return payload;
			})
		),
		content<BodiesData>(refs.bodies.hash, fetch)
	]);
	// The root layout names these in <link rel=preload>, so a first visit fetches them beside the
	// page's scripts instead of after them.
	const dataHashes = [...refs.rulesets.map((r) => r.hash), refs.bodies.hash];
	return { rulesets, bodies, dataHashes };
}

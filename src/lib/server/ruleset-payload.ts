// The rule sets the wizard pages compile in the browser and the reorganisation data (bodies/vn.yaml:
// the pages that make dossiers address each letter to the body in being on its date). Page data
// names them by content hash only; the contents are immutable resources at /rules/data/<hash>.json
// (routes/rules/data/[file]/+server.ts), fetched once by the browser (wizard/ruleset-source.ts).
import { canonicalJson, sha256Hex, type RuleSet } from '$lib/rules';
import type { BodiesData } from '$lib/bodies/types';
import { remember, type DataRefs, type RuleSetContent } from '$lib/wizard/ruleset-source';
import { vnBodies } from './bodies-file';

/** A rule set's content as hashed (rules/hash.ts): its data without tests and without its end. */
export function contentOf(rs: RuleSet): RuleSetContent {
	const data: Partial<RuleSet['data']> = { ...rs.data };
	delete data.tests;
	delete data.procedure_tests;
	delete data.effective_tests;
	delete data.effective_to;
	return data as RuleSetContent;
}

let bodies: { hash: string; data: BodiesData } | undefined;

/** The reorganisation data and the hash of its canonical JSON, once per process. */
export function bodiesContent() {
	if (!bodies) {
		const data = vnBodies().data;
		bodies = { hash: sha256Hex(canonicalJson(data)), data };
	}
	return bodies;
}

/** The content named by `hash` among the registry's rule sets and the reorganisation data. */
export function contentByHash(hash: string, rulesets: readonly RuleSet[]): unknown {
	const rs = rulesets.find((r) => r.hash === hash);
	if (rs) return contentOf(rs);
	const b = bodiesContent();
	return b.hash === hash ? b.data : undefined;
}

/** The load of the pages that classify: hashes only, the contents kept for the server's render. */
export const ruleSetPayloads = ({ locals }: { locals: App.Locals }): DataRefs => {
	const b = bodiesContent();
	remember(b.hash, b.data);
	return {
		rulesets: locals.rulesets.map((rs) => {
			remember(rs.hash, contentOf(rs));
			return {
				ref: rs.ref,
				hash: rs.hash,
				...(rs.data.effective_to !== undefined && { effective_to: rs.data.effective_to }),
				...(rs.withdrawn && { withdrawn: rs.withdrawn }),
				...(rs.sameContentHashes && { sameContentHashes: rs.sameContentHashes })
			};
		}),
		bodies: { hash: b.hash }
	};
};

// Kept apart from hash.ts so browser code can compare hashes without bundling sha256.
import type { RuleSet } from './types';

/**
 * Whether a stored hash names `rs`'s content: its hash, or the same content hashed as it was while
 * a declared end date was part of the hash (legacyRuleSetHash).
 */
export function hashMatches(
	rs: Pick<RuleSet, 'hash' | 'sameContentHashes'>,
	hash: string
): boolean {
	return rs.hash === hash || (rs.sameContentHashes ?? []).includes(hash);
}

// "Did you mean …" for a name a maintainer mistyped: the closest known name by edit distance
// (fastest-levenshtein: tiny, dependency-free, runs in the browser too), or one the typed name is
// the start of (e.g. "prime_minister" for "prime_minister_designated").
import { distance } from 'fastest-levenshtein';

/**
 * Whether `b` is `a` with two neighbouring letters swapped ("levle" for "level", "titel" for
 * "title"): the commonest typo, which Levenshtein counts as two edits, too many for a short name.
 */
function swapped(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	const at = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
	return (
		at.length === 2 && at[1] === at[0]! + 1 && a[at[0]!] === b[at[1]!] && a[at[1]!] === b[at[0]!]
	);
}

/** The known name `name` most probably meant, if one is close enough to be a typo. */
export function closest(name: string, known: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestScore = Infinity;
	// One- and two-letter names ("V", "IV") are too short for an edit to say which was meant.
	const limit = name.length < 3 ? 0 : Math.max(1, Math.floor(name.length / 3));
	for (const k of known) {
		if (k === name) continue;
		const [a, b] = [name.toLowerCase(), k.toLowerCase()];
		const d = swapped(a, b) ? 1 : distance(a, b);
		const prefix = name.length >= 4 && (k.startsWith(name) || name.startsWith(k));
		const score = d <= limit ? d : prefix ? limit + 0.5 : Infinity;
		if (score < bestScore) [best, bestScore] = [k, score];
	}
	return best;
}

/** `; có phải "x"? / did you mean "x"?` after a message about an unknown name, or nothing. */
export function didYouMean(name: string, known: Iterable<string>): string {
	const k = closest(name, known);
	return k === undefined ? '' : `; có phải "${k}"? / did you mean "${k}"?`;
}

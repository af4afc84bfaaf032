// Differences between two revisions' answers (Điều 18: what changed in a re-determination).
import type { SystemRecord } from '../../model/inventory';

export interface Change {
	path: string;
	before: unknown;
	after: unknown;
}

const same = (a: unknown, b: unknown) =>
	JSON.stringify(sortIfSet(a)) === JSON.stringify(sortIfSet(b));
// Set-valued facts are unordered.
const sortIfSet = (v: unknown) => (Array.isArray(v) ? [...v].map(String).sort() : v);

function diffFacts(
	prefix: string,
	a: Record<string, unknown>,
	b: Record<string, unknown>
): Change[] {
	const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
	return keys
		.filter((k) => !same(a[k], b[k]))
		.map((k) => ({ path: `${prefix}.${k}`, before: a[k] ?? null, after: b[k] ?? null }));
}

/** Answers that differ: system facts, components (matched by id), proposal and rule set. */
export function diffAnswers(before: SystemRecord, after: SystemRecord): Change[] {
	const out = diffFacts('facts', before.facts ?? {}, after.facts ?? {});
	const prevComponents = new Map((before.components ?? []).map((c) => [c.id, c]));
	const nextComponents = new Map((after.components ?? []).map((c) => [c.id, c]));
	for (const [id, c] of nextComponents) {
		const old = prevComponents.get(id);
		if (!old) out.push({ path: `components[${id}]`, before: null, after: c.name });
		else {
			if (old.name !== c.name)
				out.push({ path: `components[${id}].name`, before: old.name, after: c.name });
			out.push(...diffFacts(`components[${id}].facts`, old.facts, c.facts));
		}
	}
	for (const [id, c] of prevComponents)
		if (!nextComponents.has(id))
			out.push({ path: `components[${id}]`, before: c.name, after: null });
	for (const key of ['name', 'ruleset', 'stage'] as const)
		if (!same(before[key], after[key]))
			out.push({ path: key, before: before[key] ?? null, after: after[key] ?? null });
	if (!same(before.proposal, after.proposal))
		out.push({ path: 'proposal', before: before.proposal ?? null, after: after.proposal ?? null });
	return out;
}

// What the audit log stores of an edit: the fields that changed, each with its old and new value —
// not two copies of the whole record (issue 16 item 2). microdiff (tiny, dependency-free, widely
// used) finds them; applyChanges replays them, so a record can be rebuilt from its creation entry.
import diff from 'microdiff';

export type Path = (string | number)[];
/** `from` absent: the field was added; `to` absent: it was removed. */
export interface FieldChange {
	path: Path;
	from?: unknown;
	to?: unknown;
}

/** Fields whose change is no news: the entry's own time says when. */
const IGNORED = new Set(['updated_at']);

export function changesBetween(before: unknown, after: unknown): FieldChange[] {
	const a = (before ?? {}) as Record<string, unknown>;
	const b = (after ?? {}) as Record<string, unknown>;
	return diff(a, b)
		.filter((d) => !IGNORED.has(String(d.path[0])))
		.map((d) =>
			d.type === 'CREATE'
				? { path: d.path, to: d.value }
				: d.type === 'REMOVE'
					? { path: d.path, from: d.oldValue }
					: { path: d.path, from: d.oldValue, to: d.value }
		);
}

/** `value` with `changes` applied in order (a copy). */
export function applyChanges<T>(value: T, changes: readonly FieldChange[]): T {
	const out = structuredClone(value) as unknown as Record<string | number, unknown>;
	for (const c of changes) {
		let parent = out as Record<string | number, unknown>;
		for (const k of c.path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
		const last = c.path[c.path.length - 1]!;
		if ('to' in c) parent[last] = structuredClone(c.to);
		else if (Array.isArray(parent))
			// microdiff removes array elements only from the end: truncate.
			parent.length = Math.min(parent.length, Number(last));
		else delete parent[last];
	}
	return out as unknown as T;
}

/** "components[1].facts.information[0]" */
export const pathText = (p: Path) =>
	p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

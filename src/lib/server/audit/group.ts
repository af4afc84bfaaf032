// Autosaves as one line per editing run (issue 17 item 10): the wizard saves after every answer,
// so one sitting leaves dozens of entries (and the yearly report form saves as it is filled).
// Consecutive saves of one record by one person, less than RUN_GAP apart, form a run; the run shows what changed from its start to its end.
import { isDeepStrictEqual } from 'node:util';
import { pathText, type FieldChange, type Path } from './changes';

export const RUN_GAP_MS = 30 * 60_000;
const RUNS = new Set(['system.save', 'unit.profile', 'report.draft']);

export interface GroupableEntry {
	id: number;
	at: string;
	actor_id: string | null;
	action: string;
	entity_type: string;
	entity_id: string;
	after: unknown;
}

/** Groups entries given newest first; each group keeps its entries newest first. */
export function groupRuns<E extends GroupableEntry>(
	entries: readonly E[],
	gap = RUN_GAP_MS
): E[][] {
	const groups: E[][] = [];
	for (const e of entries) {
		const g = groups.at(-1);
		const last = g?.at(-1);
		if (
			g &&
			last &&
			RUNS.has(e.action) &&
			last.action === e.action &&
			last.actor_id === e.actor_id &&
			last.entity_type === e.entity_type &&
			last.entity_id === e.entity_id &&
			Date.parse(last.at) - Date.parse(e.at) <= gap
		)
			g.push(e);
		else groups.push([e]);
	}
	return groups;
}

/** A run's net change per field: the first old value and the last new one; no-ops dropped. */
export function netChanges(newestFirst: readonly GroupableEntry[]): FieldChange[] {
	const net = new Map<string, FieldChange>();
	for (const e of [...newestFirst].reverse()) {
		const changes = ((e.after as { changes?: FieldChange[] } | null)?.changes ??
			[]) as FieldChange[];
		for (const c of changes) {
			const k = pathText(c.path as Path);
			const prev = net.get(k);
			const merged: FieldChange = { path: c.path };
			if (prev ? 'from' in prev : 'from' in c) merged.from = prev ? prev.from : c.from;
			if ('to' in c) merged.to = c.to;
			net.set(k, merged);
		}
	}
	return [...net.values()].filter(
		(c) =>
			!('from' in c && 'to' in c && isDeepStrictEqual(c.from, c.to)) && ('from' in c || 'to' in c)
	);
}

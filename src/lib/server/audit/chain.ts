// The audit log's hash chain: pure functions shared by the writer and the verifier.
import { canonicalJson, sha256Hex } from '../../rules/hash';

export const GENESIS = '0'.repeat(64);

/** The hashed content of an entry: everything but its row id and its own hash. */
export interface ChainEntry {
	at: string;
	actor_id: string | null;
	actor: string;
	action: string;
	entity_type: string;
	entity_id: string;
	unit_id: string | null;
	before: unknown;
	after: unknown;
	prev_hash: string;
}

export function entryHash(e: ChainEntry): string {
	return sha256Hex(
		canonicalJson({
			at: e.at,
			actor_id: e.actor_id,
			actor: e.actor,
			action: e.action,
			entity_type: e.entity_type,
			entity_id: e.entity_id,
			unit_id: e.unit_id,
			before: e.before ?? null,
			after: e.after ?? null,
			prev_hash: e.prev_hash
		})
	);
}

export type Broken = { id: number; reason: string };

/** Checks entries given in id order, continuing from `prev`; returns the first break. */
export function checkChain(
	entries: Iterable<ChainEntry & { id: number; hash: string }>,
	prev = GENESIS
): { prev: string; count: number; broken?: Broken } {
	let count = 0;
	for (const e of entries) {
		if (e.prev_hash !== prev)
			return {
				prev,
				count,
				broken: { id: e.id, reason: 'prev_hash does not match the entry before it' }
			};
		if (entryHash(e) !== e.hash)
			return { prev, count, broken: { id: e.id, reason: 'content does not match its hash' } };
		prev = e.hash;
		count++;
	}
	return { prev, count };
}

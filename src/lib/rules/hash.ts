import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { RuleSetData } from './types';

/** JSON with object keys sorted, so equal content always hashes equal. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_k, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? // An object's keys are distinct: no two compare equal.
				Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
			: v
	);
}

export function sha256Hex(text: string): string {
	return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * A rule set's content hash: its data without the golden tests (and procedure tests) and without its end date, canonical
 * JSON, sha256. The end is left out because it is derived from the successor's start (or closes the
 * regime): publishing a successor must never change a published predecessor's hash.
 */
export function ruleSetHash(data: RuleSetData): string {
	const content: Partial<RuleSetData> = { ...data };
	delete content.tests;
	delete content.procedure_tests;
	delete content.effective_tests;
	delete content.effective_to;
	return sha256Hex(canonicalJson(content));
}

/**
 * The hash the same content had while a declared `effective_to` was still hashed. Results stored
 * then cite it, and it names exactly the same rules. Undefined when the version declares no end
 * (both formulas agree).
 */
export function legacyRuleSetHash(data: RuleSetData): string | undefined {
	if (data.effective_to === undefined) return undefined;
	const content: Partial<RuleSetData> = { ...data };
	delete content.tests;
	delete content.procedure_tests;
	delete content.effective_tests;
	return sha256Hex(canonicalJson(content));
}

// Rule sets reach the browser as data (no YAML parser, no schema validator in the client) and are
// compiled here with the same code the CLI uses, so classification gives identical results. The
// server sends each rule set's content hash with it, so a page never hashes to paint.
import { compileRuleSet } from '../rules/compile';
import { selectRuleSet, today } from '../rules/select';
import type { RuleSet, RuleSetData } from '../rules/types';
import type { SystemRecord } from '../model/inventory';

/**
 * What the server sends: a rule set's data without its golden tests (its end as resolved from its
 * successor), its content hash and the other hashes of the same content.
 */
export type RuleSetPayload = Omit<RuleSetData, 'tests'> & {
	hash: string;
	sameContentHashes?: string[];
	withdrawn?: RuleSet['withdrawn'];
};

export function toPayload(rs: RuleSet): RuleSetPayload {
	const data: Partial<RuleSetData> = { ...rs.data };
	delete data.tests;
	const payload: RuleSetPayload = { ...(data as Omit<RuleSetData, 'tests'>), hash: rs.hash };
	if (rs.sameContentHashes) payload.sameContentHashes = rs.sameContentHashes;
	if (rs.withdrawn) payload.withdrawn = rs.withdrawn;
	return payload;
}

const compiled = new Map<string, RuleSet>();

/** Compiles (once per content and end date) the rule sets the server sent. */
export function compileAll(payloads: readonly RuleSetPayload[]): RuleSet[] {
	return payloads.map(({ hash, sameContentHashes, withdrawn, ...data }) => {
		// A version's end moves when a successor is published, its hash does not.
		const key = `${data.id}@${data.version}|${hash}|${data.effective_to ?? ''}|${withdrawn ? 'w' : ''}`;
		let rs = compiled.get(key);
		if (!rs) {
			rs = compileRuleSet(data as RuleSetData, hash);
			if (sameContentHashes) rs.sameContentHashes = sameContentHashes;
			if (withdrawn) rs.withdrawn = withdrawn;
			compiled.set(key, rs);
		}
		return rs;
	});
}
/** The rule set in force on `date`; when none is, the one that took effect last. */
export function defaultRuleSet(rulesets: readonly RuleSet[], date = today()): RuleSet | undefined {
	return (
		selectRuleSet(rulesets, undefined, date) ??
		rulesets
			.filter((r) => !r.withdrawn)
			.sort((a, b) => (a.data.effective_from < b.data.effective_from ? 1 : -1))[0]
	);
}

/** The rule set a system is (or will be) classified under: its pinned one, else the default. */
export function ruleSetFor(
	rulesets: readonly RuleSet[],
	system: Pick<SystemRecord, 'ruleset'>
): RuleSet | undefined {
	return system.ruleset ? rulesets.find((r) => r.ref === system.ruleset) : defaultRuleSet(rulesets);
}

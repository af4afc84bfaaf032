import { todayVN } from '../i18n/dates';
import type { RuleSet } from './types';

/** Today as a date in Vietnam (UTC+7): which regime is in force does not depend on the server's zone. */
export const today = (): string => todayVN();

const inForce = (r: RuleSet, date: string) =>
	!r.withdrawn &&
	r.data.effective_from <= date &&
	(r.data.effective_to === undefined || date <= r.data.effective_to);

/**
 * "id@version" exactly (even withdrawn: results cite it); "id" → the version of id in force on
 * `date`; nothing → the rule set in force on `date` that took effect last (the regime that
 * replaced the others). A withdrawn version is in force on no date.
 */
export function selectRuleSet(
	rulesets: readonly RuleSet[],
	spec: string | undefined,
	date: string = today()
): RuleSet | undefined {
	if (spec?.includes('@')) return rulesets.find((r) => r.ref === spec);
	return rulesets
		.filter((r) => (spec === undefined || r.data.id === spec) && inForce(r, date))
		.sort((a, b) => (a.data.effective_from < b.data.effective_from ? 1 : -1))[0];
}

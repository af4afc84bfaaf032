import type { FactDef, RuleSet } from './types';

/**
 * The rule set's definition of fact `name`, own properties only: names come from URLs, files and
 * API bodies, and "constructor", "__proto__" or "toString" must not resolve to Object's members.
 */
export const factDef = (rs: RuleSet, name: string): FactDef | undefined =>
	Object.hasOwn(rs.data.facts, name) ? rs.data.facts[name] : undefined;

// Who appraises when the rule set's `procedure.routing` names an exception to `authority`: facts
// about the whole system (asked once, not per component) pick the first route whose levels include
// the proposed level and whose condition holds. Pure; the same in the browser, server and CLI.
import { compileCondition } from './condition';
import { checkValue } from './evaluate';
import type { FactIssue, Facts, Level, RouteRule, RuleSet } from './types';

/**
 * The routing answers with defaults filled in, and what is wrong with the given ones. Unknown names
 * and wrong values are errors (`routing.<name>`); a missing or wrong answer takes the default.
 */
export function normalizeRouting(
	ruleset: RuleSet,
	raw: unknown
): { facts: Facts; errors: FactIssue[] } {
	const defs = ruleset.data.procedure.routing?.facts ?? {};
	const given =
		raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
	const facts: Facts = {};
	const errors: FactIssue[] = [];
	if (raw !== undefined && raw !== null && given !== raw)
		errors.push({
			code: 'invalid_input',
			path: 'routing',
			message: { vi: '"routing" phải là một đối tượng.', en: '"routing" must be an object.' }
		});
	for (const name of Object.keys(given))
		if (!(name in defs))
			errors.push({
				code: 'unknown_fact',
				path: `routing.${name}`,
				message: {
					vi: `Không có câu hỏi định tuyến "${name}" trong bộ quy tắc ${ruleset.ref}.`,
					en: `Unknown routing question "${name}" in rule set ${ruleset.ref}.`
				}
			});
	for (const [name, def] of Object.entries(defs)) {
		const value = given[name];
		if (value === undefined || value === null) {
			facts[name] = def.default as Facts[string];
			continue;
		}
		const problem = checkValue(def, value);
		if (!problem) facts[name] = value as Facts[string];
		else {
			errors.push({ code: problem.code, path: `routing.${name}`, message: problem.message(name) });
			facts[name] = def.default as Facts[string];
		}
	}
	return { facts, errors };
}

/** The route that applies to `level` given the routing answers, if any (invalid answers ignored). */
export function routeFor(ruleset: RuleSet, level: Level, raw?: unknown): RouteRule | undefined {
	const routes = ruleset.data.procedure.routing?.routes;
	if (!routes?.length) return undefined;
	const { facts } = normalizeRouting(ruleset, raw);
	return routes.find((r) => r.levels.includes(level) && compileCondition(r.when)(facts));
}

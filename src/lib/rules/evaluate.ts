// Facts in, level out: validates the facts against the rule set, fires criteria, takes the maximum
// over the system and its components (Điều 5 khoản 2 Nghị định 85/2016/NĐ-CP).
import { closest } from './suggest';
import { formatCitation } from './citation';
import { withSystemFacts } from './system-facts';
import { MAX_COMPONENT_DEPTH } from './types';
import type {
	Classification,
	ComponentInput,
	FiredCriterion,
	FactIssue,
	FactValue,
	Facts,
	Level,
	Outcome,
	PartResult,
	RuleSet,
	SystemInput
} from './types';

const msg = (vi: string, en: string) => ({ vi, en });

/**
 * Checks raw facts: names, types, allowed values, applicability, defaults, cross-fact constraints.
 * Facts that do not apply are dropped with a warning; applicable facts that are missing are errors.
 */
export function normalizeFacts(
	ruleset: RuleSet,
	raw: unknown,
	prefix = 'facts',
	/** Answers this rule set does not know are left aside, not errors (impact analysis: stored
	 *  answers may hold several regimes' facts). */
	ignoreUnknown = false
): { facts: Facts; errors: FactIssue[]; warnings: FactIssue[] } {
	const errors: FactIssue[] = [];
	const warnings: FactIssue[] = [];
	const facts: Facts = {};
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		errors.push({
			code: 'invalid_input',
			path: prefix,
			message: msg('"facts" phải là một đối tượng.', '"facts" must be an object.')
		});
		return { facts, errors, warnings };
	}
	const defs = ruleset.data.facts;
	const replaced = replacedNames(ruleset);
	// Copied only when a replaced name must be rewritten (a copy per call was a good part of an
	// impact run's garbage).
	let given = raw as Record<string, unknown>;
	for (const old of replaced.keys())
		if (given[old] !== undefined) {
			given = { ...given };
			break;
		}
	// An answer kept under a name this version replaced is read through the replacement's map.
	for (const [old, { name, map }] of replaced) {
		if (given[old] === undefined) continue;
		const path = `${prefix}.${old}`;
		if (given[name] !== undefined)
			warnings.push({
				code: 'replaced',
				path,
				message: msg(
					`Dữ kiện "${old}" đã được thay bằng "${name}" và được bỏ qua.`,
					`Fact "${old}" was replaced by "${name}" and is ignored.`
				)
			});
		else if (Object.hasOwn(map, String(given[old]))) {
			given[name] = map[String(given[old])];
			warnings.push({
				code: 'replaced',
				path,
				message: msg(
					`Câu trả lời cũ "${old}" = ${JSON.stringify(given[old])} được hiểu là "${name}" = ${JSON.stringify(given[name])}.`,
					`The earlier answer "${old}" = ${JSON.stringify(given[old])} is read as "${name}" = ${JSON.stringify(given[name])}.`
				)
			});
		} else
			errors.push({
				code: 'not_allowed',
				path,
				message: msg(
					`Câu trả lời cũ "${old}" = ${JSON.stringify(given[old])} không chuyển được sang "${name}"; hãy trả lời "${name}".`,
					`The earlier answer "${old}" = ${JSON.stringify(given[old])} has no counterpart in "${name}"; answer "${name}".`
				)
			});
		delete given[old];
	}
	let invalid: Set<string> | undefined;
	if (!ignoreUnknown)
		for (const name of Object.keys(given))
			if (!Object.hasOwn(defs, name)) {
				const near = closest(name, Object.keys(defs));
				errors.push({
					code: 'unknown_fact',
					path: `${prefix}.${name}`,
					message: msg(
						`Không có dữ kiện "${name}" trong bộ quy tắc ${ruleset.ref}.${near ? ` Có phải "${near}"?` : ''}`,
						`Unknown fact "${name}" in rule set ${ruleset.ref}.${near ? ` Did you mean "${near}"?` : ''}`
					)
				});
			}
	const missing: string[] = [];
	for (const { name, def, applies } of ruleset.factList) {
		const path = `${prefix}.${name}`;
		const value = given[name];
		if (!applies(facts)) {
			// What the law implies where the question does not apply (e.g. no damage to defence for a
			// civilian system): recorded, and an answer saying the same is no cause for a warning.
			if (def.otherwise !== undefined) facts[name] = def.otherwise as FactValue;
			if (value !== undefined && value !== def.otherwise)
				warnings.push({
					code: 'not_applicable',
					path,
					message: msg(
						`Dữ kiện "${name}" không áp dụng cho hệ thống này và được bỏ qua.`,
						`Fact "${name}" does not apply to this system and is ignored.`
					)
				});
			continue;
		}
		if (value === undefined || value === null) {
			if (def.default !== undefined) facts[name] = def.default as FactValue;
			else missing.push(name);
			continue;
		}
		const problem = checkValue(def, value);
		if (problem) {
			(invalid ??= new Set()).add(name);
			errors.push({ ...problem, path, message: problem.message(name) });
		} else facts[name] = value as FactValue;
	}
	// No closure on the common path: under tsx each one costs a __name call (impact runs this 100k×).
	const stillMissing = invalid ? missing.filter((n) => !invalid.has(n)) : missing;
	if (stillMissing.length > 0)
		errors.push({
			code: 'missing',
			path: prefix,
			facts: stillMissing,
			message: msg(
				`Thiếu dữ kiện: ${stillMissing.join(', ')}.`,
				`Missing facts: ${stillMissing.join(', ')}.`
			)
		});
	if (errors.length === 0)
		for (const c of ruleset.constraints)
			if (c.when(facts) && !c.ok(facts))
				errors.push({
					code: 'constraint',
					path: `${prefix}.${c.constraint.field}`,
					message: c.constraint.message
				});
	return { facts, errors, warnings };
}

type Replaced = ReadonlyMap<string, { name: string; map: Record<string, FactValue> }>;
const replacedCache = new WeakMap<RuleSet, Replaced>();

/** Old fact name → the fact that replaces it and how its values map (built once per rule set). */
function replacedNames(ruleset: RuleSet): Replaced {
	let out = replacedCache.get(ruleset);
	if (!out) {
		const map = new Map<string, { name: string; map: Record<string, FactValue> }>();
		for (const [name, def] of Object.entries(ruleset.data.facts))
			if (def.replaces) map.set(def.replaces.fact, { name, map: def.replaces.map });
		replacedCache.set(ruleset, (out = map));
	}
	return out;
}

/**
 * Answers rewritten in this version's vocabulary: an answer under a replaced name moves to the fact
 * that replaces it (when that one is unanswered and the value maps). For stored work and the wizard.
 */
export function migrateFacts(
	ruleset: RuleSet,
	facts: Record<string, unknown>
): Record<string, unknown> {
	const out = { ...facts };
	for (const [old, { name, map }] of replacedNames(ruleset)) {
		if (out[old] === undefined) continue;
		if (out[name] === undefined && Object.hasOwn(map, String(out[old])))
			out[name] = map[String(out[old])];
		delete out[old];
	}
	return out;
}

export type ValueProblem = {
	code: FactIssue['code'];
	message: (name: string) => FactIssue['message'];
};

/** Whether `value` fits the fact's type and allowed values (null when it does). */
export function checkValue(
	def: RuleSet['data']['facts'][string],
	value: unknown
): ValueProblem | null {
	const wrong = (vi: string, en: string): ValueProblem => ({
		code: 'wrong_type',
		message: (n) => msg(`"${n}" ${vi}.`, `"${n}" ${en}.`)
	});
	switch (def.type) {
		case 'boolean':
			return typeof value === 'boolean'
				? null
				: wrong('phải là true hoặc false', 'must be true or false');
		case 'integer': {
			if (typeof value !== 'number' || !Number.isInteger(value))
				return wrong('phải là số nguyên', 'must be an integer');
			if (def.min !== undefined && value < def.min)
				return {
					code: 'out_of_range',
					message: (n) =>
						def.min === 0
							? msg(`"${n}" không được âm.`, `"${n}" must not be negative.`)
							: msg(`"${n}" phải từ ${def.min} trở lên.`, `"${n}" must be at least ${def.min}.`)
				};
			if (def.max !== undefined && value > def.max)
				return {
					code: 'out_of_range',
					message: (n) => msg(`"${n}" tối đa là ${def.max}.`, `"${n}" must be at most ${def.max}.`)
				};
			return null;
		}
		case 'enum':
			if (typeof value !== 'string') return wrong('phải là một chuỗi', 'must be a string');
			return def.values.includes(value) ? null : notAllowed(value, def.values);
		case 'set': {
			if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
				return wrong('phải là một danh sách', 'must be a list of values');
			if (value.length === 0)
				return {
					code: 'not_allowed',
					message: (n) =>
						msg(`"${n}" phải có ít nhất một giá trị.`, `"${n}" needs at least one value.`)
				};
			const bad = value.find((v) => !def.values.includes(v as string));
			if (bad !== undefined) return notAllowed(bad as string, def.values);
			if (new Set(value).size !== value.length)
				return {
					code: 'not_allowed',
					message: (n) => msg(`"${n}" có giá trị lặp lại.`, `"${n}" repeats a value.`)
				};
			return null;
		}
	}
}

function notAllowed(value: string, values: string[]): ValueProblem {
	return {
		code: 'not_allowed',
		message: (n) =>
			msg(
				`"${n}" không nhận giá trị "${value}" (chỉ: ${values.join(', ')}).`,
				`"${n}" cannot be "${value}" (allowed: ${values.join(', ')}).`
			)
	};
}

/** Fires the criteria on already-normalized facts. */
export function classifyFacts(ruleset: RuleSet, name: string, facts: Facts): PartResult {
	const basis: FiredCriterion[] = [];
	const missed: FiredCriterion[] = [];
	let level: Level | null = null;
	for (const c of ruleset.compiled) {
		if (c.test(facts)) {
			basis.push(c.fired);
			if (level === null || c.fired.level > level) level = c.fired.level;
		} else missed.push(c.fired);
	}
	const floor = level ?? 0;
	return {
		name,
		level,
		undetermined: level === null,
		basis,
		not_met: missed
			.filter((c) => c.level > floor)
			.map((c) => ({ id: c.id, level: c.level, citation: c.citation })),
		facts_used: facts
	};
}

interface Part {
	name: string;
	facts: Facts;
	components: Part[];
}

/**
 * Checks a list of components and, recursively, theirs: every part's facts, and no deeper than
 * MAX_COMPONENT_DEPTH (an error located at the list that goes too deep).
 */
function readComponents(
	ruleset: RuleSet,
	list: unknown,
	path: string,
	depth: number,
	errors: FactIssue[],
	warnings: FactIssue[],
	/** The whole system's answers: every component, however deep, takes its `scope: system` facts. */
	system: Facts,
	/** "1.2": the number shown for an unnamed component. */
	number = ''
): Part[] {
	if (list === undefined || list === null) return [];
	if (!Array.isArray(list)) {
		errors.push({
			code: 'invalid_input',
			path,
			message: msg(`"${path}" phải là một danh sách.`, `"${path}" must be a list.`)
		});
		return [];
	}
	if (list.length > 0 && depth > MAX_COMPONENT_DEPTH) {
		errors.push({
			code: 'invalid_input',
			path,
			message: msg(
				`Hệ thống thành phần lồng nhau quá ${MAX_COMPONENT_DEPTH} cấp tại "${path}": hãy mô tả các thành phần sâu hơn như thành phần của cấp trên.`,
				`Components nest more than ${MAX_COMPONENT_DEPTH} levels deep at "${path}": describe the deeper ones as components of a level above.`
			)
		});
		return [];
	}
	return list.map((c: Partial<ComponentInput> | null, i) => {
		const at = `${path}[${i}]`;
		const n = normalizeFacts(ruleset, withSystemFacts(ruleset, system, c?.facts), `${at}.facts`);
		errors.push(...n.errors);
		warnings.push(...n.warnings);
		const num = `${number}${i + 1}`;
		return {
			name: c?.name || `Thành phần ${num}`,
			facts: n.facts,
			components: readComponents(
				ruleset,
				c?.components,
				`${at}.components`,
				depth + 1,
				errors,
				warnings,
				system,
				`${num}.`
			)
		};
	});
}

/** A part's result with its components': the level is the highest in its subtree (Điều 5 khoản 2). */
function classifyTree(ruleset: RuleSet, part: Part): PartResult {
	const own = classifyFacts(ruleset, part.name, part.facts);
	if (part.components.length === 0) return own;
	const components = part.components.map((c) => classifyTree(ruleset, c));
	let level = own.level;
	for (const c of components)
		if (c.level !== null && (level === null || c.level > level)) level = c.level;
	return { ...own, level, undetermined: level === null, components };
}

const allFacts = (parts: Part[]): Facts[] =>
	parts.flatMap((p) => [p.facts, ...allFacts(p.components)]);

/**
 * What impact analysis needs of `evaluate`, without the rest of the result: the level over the
 * whole tree and the ids of the system's own basis, or the same errors. Same checks, same
 * criteria; it skips the unmet criteria, notices, designations and the result objects, which were
 * most of the time of an impact run over 100,000 stored systems.
 */
export function evaluateLevel(
	ruleset: RuleSet,
	input: SystemInput,
	/** The system's own answers may hold facts of other regimes: left aside (see projectFacts). */
	ignoreUnknown = false
): Outcome<{ level: Level | null; basis: string[] }, FactIssue> {
	if (!input || typeof input !== 'object') return evaluate(ruleset, input) as never;
	const own = normalizeFacts(ruleset, input.facts, 'facts', ignoreUnknown);
	const errors = own.errors;
	const parts = readComponents(ruleset, input.components, 'components', 1, errors, [], own.facts);
	if (errors.length > 0) return { ok: false, errors };
	const basis: string[] = [];
	let level: Level | null = null;
	for (const c of ruleset.compiled)
		if (c.test(own.facts)) {
			basis.push(c.fired.id);
			if (level === null || c.fired.level > level) level = c.fired.level;
		}
	for (const p of parts) level = highestIn(ruleset, p, level);
	return { ok: true, value: { level, basis } };
}

/** The highest level in `part`'s subtree, at least `level`. */
function highestIn(ruleset: RuleSet, part: Part, level: Level | null): Level | null {
	for (const c of ruleset.compiled)
		if ((level === null || c.fired.level > level) && c.test(part.facts)) level = c.fired.level;
	for (const p of part.components) level = highestIn(ruleset, p, level);
	return level;
}

/**
 * Classifies a system and its components, at any depth up to MAX_COMPONENT_DEPTH: the level is
 * the highest over the whole tree. Invalid facts are errors naming the field.
 */
export function evaluate(ruleset: RuleSet, input: SystemInput): Outcome<Classification, FactIssue> {
	if (!input || typeof input !== 'object')
		return {
			ok: false,
			errors: [
				{
					code: 'invalid_input',
					path: '',
					message: msg('Dữ liệu đầu vào phải là một đối tượng.', 'The input must be an object.')
				}
			]
		};
	const own = normalizeFacts(ruleset, input.facts);
	const errors = [...own.errors];
	const warnings = [...own.warnings];
	const parts = readComponents(
		ruleset,
		input.components,
		'components',
		1,
		errors,
		warnings,
		own.facts
	);
	if (errors.length > 0) return { ok: false, errors };

	const system = classifyFacts(ruleset, input.name ?? '', own.facts);
	const componentResults = parts.map((p) => classifyTree(ruleset, p));
	let level = system.level;
	for (const c of componentResults)
		if (c.level !== null && (level === null || c.level > level)) level = c.level;
	const undetermined = level === null;
	const notices = ruleset.notices
		.filter((n) => n.test(own.facts))
		.map(({ notice: n }) => ({
			id: n.id,
			message: n.message,
			citation: formatCitation(n.citation, ruleset.data.sources, 'vi'),
			citation_en: formatCitation(n.citation, ruleset.data.sources, 'en')
		}));
	const designations = ruleset.designations
		.filter((d) => [own.facts, ...allFacts(parts)].some((f) => d.test(f)))
		.map(({ designation: d }) => ({
			id: d.id,
			label: d.label,
			citation: formatCitation(d.citation, ruleset.data.sources, 'vi'),
			text: d.text
		}));
	return {
		ok: true,
		value: {
			...system,
			level,
			undetermined,
			components: componentResults,
			designations,
			notices,
			...(undetermined ? { message: ruleset.data.undetermined.message } : {}),
			ruleset: { id: ruleset.data.id, version: ruleset.data.version, hash: ruleset.hash },
			warnings
		}
	};
}

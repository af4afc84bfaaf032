// Facts in, level out: validates the facts against the rule set, fires criteria, takes the maximum
// over the system and its components (Điều 5 khoản 2 Nghị định 85/2016/NĐ-CP).
import { closest } from './suggest';
import { formatCitation } from './citation';
import type {
	Classification,
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
	prefix = 'facts'
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
	const given = raw as Record<string, unknown>;
	const defs = ruleset.data.facts;
	const invalid = new Set<string>();
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
			if (value !== undefined)
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
			invalid.add(name);
			errors.push({ ...problem, path, message: problem.message(name) });
		} else facts[name] = value as FactValue;
	}
	const stillMissing = missing.filter((n) => !invalid.has(n));
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

/** Classifies a system and its components. Invalid facts are errors naming the field. */
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
	const parts: { name: string; facts: Facts }[] = [];
	const components = input.components ?? [];
	if (!Array.isArray(components))
		errors.push({
			code: 'invalid_input',
			path: 'components',
			message: msg('"components" phải là một danh sách.', '"components" must be a list.')
		});
	else
		components.forEach((c, i) => {
			const n = normalizeFacts(ruleset, c?.facts, `components[${i}].facts`);
			errors.push(...n.errors);
			warnings.push(...n.warnings);
			parts.push({ name: c?.name || `Thành phần ${i + 1}`, facts: n.facts });
		});
	if (errors.length > 0) return { ok: false, errors };

	const system = classifyFacts(ruleset, input.name ?? '', own.facts);
	const componentResults = parts.map((p) => classifyFacts(ruleset, p.name, p.facts));
	let level = system.level;
	for (const c of componentResults)
		if (c.level !== null && (level === null || c.level > level)) level = c.level;
	const undetermined = level === null;
	const designations = ruleset.designations
		.filter((d) => [own.facts, ...parts.map((p) => p.facts)].some((f) => d.test(f)))
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
			...(undetermined ? { message: ruleset.data.undetermined.message } : {}),
			ruleset: { id: ruleset.data.id, version: ruleset.data.version, hash: ruleset.hash },
			warnings
		}
	};
}

// Compiles condition data into closures once, at load time, so evaluation is a few function calls.
import {
	LEAF_OPERATORS,
	type Condition,
	type FactValue,
	type Facts,
	type LeafOperator
} from './types';

export type Predicate = (f: Facts) => boolean;

/** A structural problem in a condition, with the path (relative to the condition) where it is. */
export interface ConditionProblem {
	path: (string | number)[];
	message: string;
	/** For an unknown fact: its name as written. */
	unknown?: string;
}

const COMBINATORS = ['all', 'any', 'not'] as const;

/** Checks shape (one combinator, or `fact` plus exactly one operator) and collects fact names. */
export function inspectCondition(
	c: Condition,
	known: (name: string) => boolean,
	path: (string | number)[] = []
): { facts: Set<string>; problems: ConditionProblem[] } {
	const facts = new Set<string>();
	const problems: ConditionProblem[] = [];
	const walk = (node: Condition, at: (string | number)[]) => {
		const keys = Object.keys(node);
		const combinators = keys.filter((k) => (COMBINATORS as readonly string[]).includes(k));
		const ops = keys.filter((k) => (LEAF_OPERATORS as readonly string[]).includes(k));
		if (combinators.length > 0) {
			if (keys.length !== 1) {
				problems.push({
					path: at,
					message: `"${combinators[0]}" must stand alone in its condition`
				});
				return;
			}
			if ('not' in node) walk(node.not, [...at, 'not']);
			else {
				const list = 'all' in node ? node.all : (node as { any: Condition[] }).any;
				if (list.length === 0)
					problems.push({ path: [...at, combinators[0]!], message: 'an empty list' });
				list.forEach((sub, i) => walk(sub, [...at, combinators[0]!, i]));
			}
			return;
		}
		if (!('fact' in node)) {
			problems.push({ path: at, message: 'a condition needs "fact" or one of all/any/not' });
			return;
		}
		if (ops.length !== 1) {
			problems.push({
				path: at,
				message: `a condition on "${node.fact}" needs exactly one operator (${LEAF_OPERATORS.join(', ')})`
			});
			return;
		}
		if (!known(node.fact))
			problems.push({
				path: [...at, 'fact'],
				message: `unknown fact "${node.fact}"`,
				unknown: node.fact
			});
		facts.add(node.fact);
	};
	walk(c, path);
	return { facts, problems };
}

const num = (v: FactValue | undefined): number => (typeof v === 'number' ? v : NaN);
const list = (v: FactValue | undefined): string[] => (Array.isArray(v) ? v : []);

/** Compiles an (already inspected) condition. Missing facts make leaves false, never throw. */
export function compileCondition(c: Condition): Predicate {
	if ('all' in c) {
		const parts = c.all.map(compileCondition);
		return (f) => parts.every((p) => p(f));
	}
	if ('any' in c) {
		const parts = c.any.map(compileCondition);
		return (f) => parts.some((p) => p(f));
	}
	if ('not' in c) {
		const inner = compileCondition(c.not);
		return (f) => !inner(f);
	}
	const name = c.fact;
	const op = (LEAF_OPERATORS as readonly string[]).find((k) => k in c) as LeafOperator;
	const arg = (c as unknown as Record<string, unknown>)[op];
	switch (op) {
		case 'eq':
			return (f) => f[name] === arg;
		case 'ne':
			return (f) => f[name] !== undefined && f[name] !== arg;
		case 'in': {
			const set = new Set(arg as unknown[]);
			return (f) => set.has(f[name]);
		}
		case 'lt':
			return (f) => num(f[name]) < (arg as number);
		case 'lte':
			return (f) => num(f[name]) <= (arg as number);
		case 'gt':
			return (f) => num(f[name]) > (arg as number);
		case 'gte':
			return (f) => num(f[name]) >= (arg as number);
		case 'contains':
			return (f) => list(f[name]).includes(arg as string);
		case 'contains_any': {
			const wanted = arg as string[];
			return (f) => list(f[name]).some((v) => wanted.includes(v));
		}
		case 'only': {
			const allowed = arg as string[];
			return (f) => {
				const l = list(f[name]);
				return l.length > 0 && l.every((v) => allowed.includes(v));
			};
		}
	}
}

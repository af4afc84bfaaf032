// Coverage both ways: for every criterion, a golden case where it fires, and a "nearest miss" — a
// golden case where it does not fire that is one fact away from a case where it does. A criterion
// with both has its boundary pinned by the golden cases: change its condition and a case fails.
// Facts are compared as the rule set sees them (normalized: defaults filled, facts that do not
// apply dropped), at every part of a case (the system and its components at any depth).
import { canonicalJson } from './hash';
import { normalizeFacts } from './evaluate';
import type { Facts, GoldenComponent, Location, RuleSet } from './types';

interface Part {
	/** "case name" or "case name › component › sub-component". */
	name: string;
	facts: Facts;
}

export interface CriterionCoverage {
	id: string;
	level: number;
	location?: Location;
	/** Parts where it fires. */
	fires: string[];
	/** A part where it does not fire, one fact away from `from` where it does. */
	nearest_miss?: { part: string; from: string; fact: string };
}

export interface CoverageReport {
	ruleset: string;
	criteria: CriterionCoverage[];
	/** Criteria lacking a firing case or a nearest miss. */
	missing: { id: string; lacks: ('fires' | 'nearest_miss')[]; location?: Location }[];
}

function partsOf(rs: RuleSet): Part[] {
	const out: Part[] = [];
	const add = (name: string, raw: Record<string, unknown>) => {
		const n = normalizeFacts(rs, raw);
		if (n.errors.length === 0) out.push({ name, facts: n.facts });
	};
	const walk = (prefix: string, list: GoldenComponent[] | undefined) => {
		for (const c of list ?? []) {
			add(`${prefix} › ${c.name}`, c.facts);
			walk(`${prefix} › ${c.name}`, c.components);
		}
	};
	for (const t of rs.data.tests ?? []) {
		add(t.name, t.facts);
		walk(t.name, t.components);
	}
	return out;
}

/** Equal answers; a set answer compares as a set (its order does not matter). */
const same = (x: unknown, y: unknown) =>
	canonicalJson(Array.isArray(x) ? [...x].sort() : x) ===
	canonicalJson(Array.isArray(y) ? [...y].sort() : y);

/**
 * The one answer on which two parts differ (and how many questions apply on one side only), or
 * undefined when they differ on no answer or several. Facts present on one side only are questions
 * that apply there and not on the other: they follow from the answer that changed (a different
 * scope brings its own follow-up question), so they do not count as a second difference.
 */
function oneFactApart(a: Facts, b: Facts): { fact: string; followUps: number } | undefined {
	let fact: string | undefined;
	let followUps = 0;
	for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
		if (!(k in a) || !(k in b)) {
			followUps++;
			continue;
		}
		if (same(a[k], b[k])) continue;
		if (fact !== undefined) return undefined;
		fact = k;
	}
	return fact === undefined ? undefined : { fact, followUps };
}

export function coverage(rs: RuleSet): CoverageReport {
	const parts = partsOf(rs);
	const criteria = rs.compiled.map((c, i): CriterionCoverage => {
		const firing = parts.filter((p) => c.test(p.facts));
		const cov: CriterionCoverage = {
			id: c.criterion.id,
			level: c.criterion.level,
			location: rs.locate?.(['criteria', i, 'id']),
			fires: firing.map((p) => p.name)
		};
		// The miss that changes one answer with the fewest follow-up questions pins the boundary best.
		let best: { part: string; from: string; fact: string; followUps: number } | undefined;
		for (const m of parts) {
			if (c.test(m.facts)) continue;
			for (const f of firing) {
				const d = oneFactApart(m.facts, f.facts);
				if (d && (!best || d.followUps < best.followUps))
					best = { part: m.name, from: f.name, ...d };
			}
			if (best?.followUps === 0) break;
		}
		if (best) cov.nearest_miss = { part: best.part, from: best.from, fact: best.fact };
		return cov;
	});
	const missing = criteria
		.map((c) => ({
			id: c.id,
			location: c.location,
			lacks: [
				...(c.fires.length === 0 ? (['fires'] as const) : []),
				...(c.nearest_miss ? [] : (['nearest_miss'] as const))
			]
		}))
		.filter((m) => m.lacks.length > 0);
	return { ruleset: rs.ref, criteria, missing };
}

// Temporal golden cases (rulesets/timeline.yaml): on each boundary date, which rule set a new
// classification uses, and what the transition provisions do to a stored one (action, the regime
// whose level governs, until when, and the next transition deadline). Pure: callers pass the text.
import { LineCounter, type Document } from 'yaml';
import { parseYaml, positionOf } from '../yaml-js';
import { selectRuleSet } from './select';
import { provisionDate, transitionStatus, type TransitionAction } from './transition';
import type { LoadError, Location, RuleSet } from './types';

/** The timeline file, at the root of a rule-set tree beside published.yaml. */
export const TIMELINE_FILE = 'timeline.yaml';

export interface TimelineCase {
	name: string;
	date: string;
	/** A stored classification to follow through the transition (absent: new classifications only). */
	stored?: {
		ruleset: string;
		stage?: 'new_project' | 'in_operation';
		approved_on?: string;
	};
	expect: {
		/** The rule set a new classification uses on `date` (null: none in force). */
		ruleset: string | null;
		/** That rule set's next transition provision with a date not yet passed on `date`:
		 * "id@YYYY-MM-DD", or null. */
		next_provision?: string | null;
		transition?: {
			action: TransitionAction;
			regime: string;
			applies_until?: string;
			overdue?: boolean;
			/** The next transition deadline not yet passed on `date`: "id@YYYY-MM-DD", or null. */
			next_deadline?: string | null;
		};
	};
}

export interface TimelineResult {
	passed: number;
	failed: { name: string; location: Location; problem: string }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// The keys each part of a case may hold: any other is refused, so that an expectation written in
// the file is never silently left unchecked.
const KEYS: Record<string, readonly string[]> = {
	'': ['name', 'date', 'stored', 'expect'],
	stored: ['ruleset', 'stage', 'approved_on'],
	expect: ['ruleset', 'next_provision', 'transition'],
	'expect.transition': ['action', 'regime', 'applies_until', 'overdue', 'next_deadline']
};

function locator(file: string, doc: Document, lc: LineCounter) {
	return (path: (string | number)[]): Location => ({ file, ...positionOf(doc, lc, path) });
}

/** Parses the timeline; shape errors are located. */
export function parseTimeline(
	file: string,
	text: string
): { cases: TimelineCase[]; locations: Location[]; errors: LoadError[] } {
	const lc = new LineCounter();
	const doc = parseYaml(text, { lineCounter: lc, merge: true });
	const at = locator(file, doc, lc);
	const errors: LoadError[] = doc.errors.map((e) => {
		const { line, col } = lc.linePos(e.pos[0]);
		return { file, line, column: col, message: e.message.split('\n')[0]! };
	});
	if (errors.length > 0) return { cases: [], locations: [], errors };
	const raw = doc.toJS() as { cases?: unknown } | null;
	if (!raw || !Array.isArray(raw.cases))
		return {
			cases: [],
			locations: [],
			errors: [{ ...at([]), message: 'expected "cases:" (a list)' }]
		};
	const cases: TimelineCase[] = [];
	const locations: Location[] = [];
	raw.cases.forEach((c: Partial<TimelineCase> | null, i: number) => {
		const fail = (field: string, message: string) =>
			errors.push({
				...at(['cases', i, ...field.split('.')]),
				field: `cases.${i}.${field}`,
				message
			});
		if (!c || typeof c.name !== 'string') return fail('name', 'a case needs a "name"');
		for (const [part, allowed] of Object.entries(KEYS)) {
			const value: unknown = part
				.split('.')
				.reduce<unknown>((o, k) => (k && o ? (o as Record<string, unknown>)[k] : o), c);
			if (value === undefined || value === null) continue;
			if (typeof value !== 'object' || Array.isArray(value))
				return fail(part, `expected a block of keys: ${allowed.join(', ')}`);
			const extra = Object.keys(value).find((k) => !allowed.includes(k));
			if (extra !== undefined)
				return fail(
					part ? `${part}.${extra}` : extra,
					`unknown key "${extra}"; expected one of: ${allowed.join(', ')}`
				);
		}
		if (typeof c.date !== 'string' || !DATE.test(c.date))
			return fail('date', 'must be a date written YYYY-MM-DD');
		if (!c.expect || !('ruleset' in c.expect))
			return fail('expect', 'a case expects a "ruleset" (or null)');
		if (c.expect.transition && !c.stored)
			return fail('expect.transition', 'a transition needs the "stored" classification it follows');
		cases.push(c as TimelineCase);
		locations.push(at(['cases', i]));
	});
	return { cases, locations, errors };
}

/** The next dated provision of rule set `ref`'s transition not yet passed on `date` (a provision
 * is passed the day after its date): "id@YYYY-MM-DD", or null. */
function nextProvision(rulesets: readonly RuleSet[], ref: string | null, date: string) {
	const rs = rulesets.find((r) => r.ref === ref);
	let next: { id: string; date: string } | undefined;
	for (const t of rs?.data.transition ?? []) {
		const when = provisionDate(t, rs!);
		// The earliest; of several on one day, the first written.
		if (when !== undefined && when >= date && (!next || when < next.date))
			next = { id: t.id, date: when };
	}
	return next ? `${next.id}@${next.date}` : null;
}

/** Runs one case; returns what differs, or null when it passes. */
export function runTimelineCase(rulesets: readonly RuleSet[], c: TimelineCase): string | null {
	const problems: string[] = [];
	const got = selectRuleSet(rulesets, undefined, c.date)?.ref ?? null;
	if (got !== c.expect.ruleset)
		problems.push(
			`on ${c.date} a new classification uses ${got ?? 'no rule set'}, expected ${c.expect.ruleset ?? 'none'}`
		);
	if (c.expect.next_provision !== undefined) {
		const next = nextProvision(rulesets, got, c.date);
		if (next !== c.expect.next_provision)
			problems.push(
				`next provision of ${got ?? 'no rule set'}: expected ${c.expect.next_provision ?? 'none'}, got ${next ?? 'none'}`
			);
	}
	const want = c.expect.transition;
	if (c.stored && want) {
		const s = transitionStatus(rulesets, {
			ruleset: c.stored.ruleset,
			stage: c.stored.stage,
			approved_on: c.stored.approved_on,
			date: c.date
		});
		if (!s) problems.push(`unknown rule set ${c.stored.ruleset}`);
		else {
			const next = s.deadlines.find((d) => !d.passed);
			const actual = {
				action: s.action,
				regime: s.regime,
				applies_until: s.applies_until,
				overdue: s.overdue,
				next_deadline: next ? `${next.id}@${next.date}` : null
			};
			for (const k of Object.keys(want) as (keyof typeof want)[])
				if (want[k] !== actual[k])
					problems.push(`transition ${k}: expected ${String(want[k])}, got ${String(actual[k])}`);
		}
	}
	return problems.length > 0 ? problems.join('; ') : null;
}

export function runTimeline(
	rulesets: readonly RuleSet[],
	parsed: { cases: TimelineCase[]; locations: Location[] }
): TimelineResult {
	const out: TimelineResult = { passed: 0, failed: [] };
	parsed.cases.forEach((c, i) => {
		const problem = runTimelineCase(rulesets, c);
		if (problem === null) out.passed++;
		else out.failed.push({ name: c.name, location: parsed.locations[i]!, problem });
	});
	return out;
}

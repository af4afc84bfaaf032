import { describe, expect, it } from 'vitest';
import { evaluate, type FactValue, type RuleSet } from '../../src/lib/rules';
import {
	firstStop,
	position,
	snapshotAt,
	step,
	type InterviewEvent,
	type InterviewSnapshot
} from '../../src/lib/wizard/machine';
import {
	componentView,
	isComplete,
	ownAnswers,
	type Answers,
	type Part
} from '../../src/lib/wizard/facts';
import { applicablePages, pageById, pagesOf, shownFacts } from '../../src/lib/wizard/pages';
import { groupedNd331, SCREENING, ungroupedTt03 } from './grouped';

const tt03: RuleSet = ungroupedTt03();
const grouped = groupedNd331();

/** Picks an answer from the rule set's own data: the first value, the default, 0, or false. */
function anyAnswer(rs: RuleSet, name: string): FactValue {
	const d = rs.data.facts[name]!;
	if (d.default !== undefined) return d.default as FactValue;
	if (d.type === 'enum') return d.values[0]!;
	if (d.type === 'set') return [d.values[0]!];
	if (d.type === 'integer') return d.min ?? 0;
	return false;
}

/** The answers of one page: every fact it shows, from `pick` or any answer. */
function answersFor(
	rs: RuleSet,
	s: InterviewSnapshot,
	pick: Record<string, FactValue> = {}
): InterviewEvent {
	const p = position(s) as { page: string };
	const page = pageById(rs, s.context.part, p.page)!;
	const values = Object.fromEntries(
		shownFacts(rs, s.context.facts, page).map((n) => [n, pick[n] ?? anyAnswer(rs, n)])
	);
	return { type: 'ANSWER', values };
}

const run = (rs: RuleSet, s: InterviewSnapshot, ...events: InterviewEvent[]) =>
	events.reduce((acc, e) => step(rs, acc, e), s);

const start = (rs: RuleSet, part: Part = 'system', facts: Answers = {}) =>
	snapshotAt(rs, firstStop(rs, facts, part), { facts, part });

/** Walks to review answering every page (with `pick` where given); returns the pages seen. */
function walk(rs: RuleSet, s: InterviewSnapshot, pick: Record<string, FactValue> = {}) {
	const seen: string[] = [];
	for (let guard = 0; guard < 100 && position(s).kind === 'question'; guard++) {
		seen.push((position(s) as { page: string }).page);
		s = run(rs, s, answersFor(rs, s, pick));
	}
	return { s, seen };
}

/** An enum fact whose answer decides whether some later page applies, and one such value. */
function gate(rs: RuleSet) {
	for (const later of Object.keys(rs.data.facts)) {
		const cond = rs.data.facts[later]!.applies_when;
		if (cond && 'fact' in cond && 'eq' in cond)
			return { fact: cond.fact, value: cond.eq as FactValue, later };
	}
	throw new Error('rule set has no simple applies_when');
}

describe.each([
	['without groups (tt03)', tt03],
	['with a screening group and system-wide facts', grouped]
])('interview machine %s', (_name, rs) => {
	const pages = pagesOf(rs).map((p) => p.id);

	it('has a state per page plus review and the ends', () => {
		const s = start(rs);
		expect(position(s)).toEqual({ kind: 'question', page: pages[0] });
		expect(Object.keys(s.machine.root.states)).toEqual(['asking', 'review', 'exited', 'complete']);
		expect(Object.keys(s.machine.root.states.asking!.states)).toEqual(pages);
	});

	it('walks only applicable pages to review, then completes', () => {
		const { s, seen } = walk(rs, start(rs));
		expect(position(s)).toEqual({ kind: 'review' });
		expect(seen).toEqual(applicablePages(rs, s.context.facts).map((p) => p.id));
		expect(seen.length).toBeLessThan(pages.length); // some pages never apply to this path
		expect(isComplete(rs, s.context.facts)).toBe(true);
		expect(position(run(rs, s, { type: 'CONFIRM' }))).toEqual({ kind: 'complete' });
	});

	it('back goes to the previous applicable page, keeps later answers, exits from the first', () => {
		const g = gate(rs);
		let s = start(rs);
		// Answer up to the gate's follow-up with a value that opens it.
		while (position(s).kind === 'question') {
			const p = position(s) as { page: string };
			s = run(rs, s, answersFor(rs, s, { [g.fact]: g.value }));
			if (pageById(rs, 'system', p.page)!.facts.includes(g.later)) break;
		}
		const answered = { ...s.context.facts };
		const back = run(rs, s, { type: 'BACK' });
		expect((position(back) as { page: string }).page).toBe(
			pagesOf(rs).find((p) => p.facts.includes(g.later))!.id
		);
		expect(back.context.facts).toEqual(answered);
		const first = snapshotAt(rs, { kind: 'question', page: pages[0]! }, { facts: answered });
		expect(position(run(rs, first, { type: 'BACK' }))).toEqual({ kind: 'exited' });
	});

	it('change from review: removes answers that no longer apply, asks new follow-ups, returns', () => {
		const g = gate(rs);
		const other = (rs.data.facts[g.fact] as { values: string[] }).values.find(
			(v) => v !== g.value
		)!;
		let { s } = walk(rs, start(rs), { [g.fact]: g.value });
		expect(s.context.facts[g.later]).toBeDefined();
		const gatePage = pagesOf(rs).find((p) => p.facts.includes(g.fact))!.id;
		s = run(rs, s, { type: 'CHANGE', page: gatePage });
		expect(position(s)).toEqual({ kind: 'question', page: gatePage });
		expect(s.context.returning).toBe(true);
		expect(position(run(rs, s, { type: 'BACK' }))).toEqual({ kind: 'review' });
		s = run(rs, s, { type: 'ANSWER', values: { [g.fact]: other } });
		expect(s.context.removed).toContain(g.later);
		expect(s.context.facts[g.later]).toBeUndefined();
		// Open it again: the machine asks the new follow-ups first, then returns to review.
		s = run(
			rs,
			s,
			{ type: 'CHANGE', page: gatePage },
			{ type: 'ANSWER', values: { [g.fact]: g.value } }
		);
		expect(s.context.removed).toEqual([]);
		const { s: back, seen } = walk(rs, s);
		expect(seen).toContain(pagesOf(rs).find((p) => p.facts.includes(g.later))!.id);
		expect(
			seen.every((id) =>
				pageById(rs, 'system', id)!.facts.every((f) => rs.data.facts[f]!.applies_when)
			)
		).toBe(true); // only the new follow-ups
		expect(position(back)).toEqual({ kind: 'review' });
	});

	it('resumes at the stored page with the stored answers', () => {
		const first = pagesOf(rs)[0]!.facts[0]!;
		const facts = { [first]: anyAnswer(rs, first) };
		expect(firstStop(rs, facts)).toEqual({ kind: 'question', page: pages[1] });
		const s = snapshotAt(rs, firstStop(rs, facts), { facts });
		expect(s.context.facts).toEqual(facts);
		const next = run(rs, s, answersFor(rs, s));
		expect(next.context.facts[first]).toEqual(facts[first]);
		expect(position(next)).not.toEqual(position(s));
	});

	it('re-asks an answer a change made invalid under a cross-fact constraint', () => {
		// The rule set's first constraint: when a set fact contains X, another fact must be in Y.
		const c = rs.data.constraints![0]!;
		const when = c.when as { fact: string; contains: string };
		const req = c.require as { fact: string; in: string[] };
		const bad = (rs.data.facts[req.fact] as { values: string[] }).values.find(
			(v) => !req.in.includes(v)
		)!;
		let { s } = walk(rs, start(rs), { [req.fact]: bad });
		expect(position(s)).toEqual({ kind: 'review' });
		s = run(
			rs,
			s,
			{ type: 'CHANGE', page: when.fact },
			{ type: 'ANSWER', values: { [when.fact]: [when.contains] } }
		);
		expect(position(s)).toEqual({ kind: 'question', page: req.fact });
		s = run(rs, s, { type: 'ANSWER', values: { [req.fact]: req.in[0]! } });
		expect(position(s)).toEqual({ kind: 'review' });
	});
});

describe('screening groups and system-wide facts', () => {
	const rs = grouped;

	it('asks the screening facts on one page, where the group’s first fact stands', () => {
		const page = pageById(rs, 'system', 'screening')!;
		expect(page.facts).toEqual(SCREENING);
		const ids = pagesOf(rs).map((p) => p.id);
		expect(ids).not.toContain('national_egov_system');
		// 24/7 (not grouped) stands between two screening facts: it is asked after the group.
		expect(ids.indexOf('screening')).toBeLessThan(
			ids.indexOf('operates_24x7_no_unplanned_downtime')
		);
	});

	it('a component is not asked the system-wide facts, and takes the system’s answers', () => {
		expect(pagesOf(rs, 'component').map((p) => p.id)).not.toContain('screening');
		const system = walk(rs, start(rs), { national_critical_data_store: true, function: 'internal' })
			.s.context.facts;
		expect(system.national_critical_data_store).toBe(true);
		const view = componentView(rs, system, {});
		const { s, seen } = walk(rs, start(rs, 'component', view), { function: 'infrastructure' });
		expect(seen).not.toContain('screening');
		expect(seen).toContain('infrastructure_scope');
		// What the component stores is only what it was asked.
		const own = ownAnswers(rs, s.context.facts, 'component');
		expect(Object.keys(own).some((n) => SCREENING.includes(n))).toBe(false);
		expect(isComplete(rs, componentView(rs, system, own), 'component')).toBe(true);
		// The evaluator gives the component the system's answers: a critical data store is level 5.
		const r = evaluate(rs, { facts: system, components: [{ name: 'LAN', facts: own }] });
		expect(r.ok && r.value.components[0]!.basis.map((b) => b.level)).toContain(5);
	});

	it('a component’s own answer to a system-wide fact (older data) is kept by the evaluator', () => {
		const system = walk(rs, start(rs)).s.context.facts;
		const own = walk(rs, start(rs, 'component', componentView(rs, system, {}))).s.context.facts;
		const r = evaluate(rs, {
			facts: system,
			components: [
				{
					name: 'x',
					facts: { ...ownAnswers(rs, own, 'component'), national_critical_data_store: true }
				}
			]
		});
		expect(r.ok && r.value.components[0]!.level).toBe(5);
		expect(r.ok && r.value.basis.some((b) => b.level === 5)).toBe(false);
	});

	it('a group shown with one yes/no fact is still one page, answered like the others', () => {
		// A citizen service shows both citizen checks; the page answers both at once.
		let { s } = walk(rs, start(rs), {});
		s = run(
			rs,
			s,
			{ type: 'CHANGE', page: 'function' },
			{
				type: 'ANSWER',
				values: { function: 'citizen_services' }
			}
		);
		expect(position(s)).toEqual({ kind: 'question', page: 'citizen_checks' });
		s = run(rs, s, {
			type: 'ANSWER',
			values: { conditional_business_service: false, administrative_procedure_system: true }
		});
		expect(s.context.facts.administrative_procedure_system).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { selectRuleSet, type RuleSet } from '../../src/lib/rules';
import {
	firstStop,
	position,
	snapshotAt,
	step,
	type InterviewEvent,
	type InterviewSnapshot
} from '../../src/lib/wizard/machine';
import { applicableFacts, factNames, isComplete } from '../../src/lib/wizard/facts';

const rs: RuleSet = selectRuleSet(bundledRuleSets().rulesets, 'vn-nd85@tt03-2017')!;
const names = factNames(rs);
const defs = rs.data.facts;

/** Picks an answer from the rule set's own data: the first value, 0, or false. */
function anyAnswer(name: string) {
	const d = defs[name]!;
	if (d.type === 'enum') return d.values[0]!;
	if (d.type === 'set') return [d.values[0]!];
	if (d.type === 'integer') return d.min ?? 0;
	return false;
}

const run = (s: InterviewSnapshot, ...events: InterviewEvent[]) =>
	events.reduce((acc, e) => step(rs, acc, e), s);

const start = () => snapshotAt(rs, firstStop(rs, {}), { facts: {} });

/** An enum fact whose answer decides whether some later fact applies, and one such value. */
function gate() {
	for (const later of names) {
		const cond = defs[later]!.applies_when;
		if (cond && 'fact' in cond && 'eq' in cond) return { fact: cond.fact, value: cond.eq, later };
	}
	throw new Error('rule set has no simple applies_when');
}

describe('interview machine (generated from the rule set)', () => {
	it('has a state per fact plus review and the ends', () => {
		const s = start();
		expect(position(s)).toEqual({ kind: 'question', fact: names[0] });
		const machine = s.machine;
		expect(Object.keys(machine.root.states)).toEqual(['asking', 'review', 'exited', 'complete']);
		expect(Object.keys(machine.root.states.asking!.states)).toEqual(names);
	});

	it('walks only applicable questions to review, then completes', () => {
		let s = start();
		const seen: string[] = [];
		for (let guard = 0; guard < names.length + 1; guard++) {
			const p = position(s);
			if (p.kind !== 'question') break;
			seen.push(p.fact);
			s = run(s, { type: 'ANSWER', value: anyAnswer(p.fact) });
		}
		expect(position(s)).toEqual({ kind: 'review' });
		expect(seen).toEqual(applicableFacts(rs, s.context.facts));
		expect(seen.length).toBeLessThan(names.length); // some facts never apply to this path
		expect(isComplete(rs, s.context.facts)).toBe(true);
		expect(position(run(s, { type: 'CONFIRM' }))).toEqual({ kind: 'complete' });
	});

	it('back goes to the previous applicable question, keeps later answers, exits from the first', () => {
		const g = gate();
		let s = start();
		// Answer up to the gate with a value that opens the later fact.
		while (position(s).kind === 'question') {
			const p = position(s) as { fact: string };
			s = run(s, { type: 'ANSWER', value: p.fact === g.fact ? g.value : anyAnswer(p.fact) });
			if (p.fact === g.later) break;
		}
		const at = position(s) as { fact: string };
		const answered = { ...s.context.facts };
		const back = run(s, { type: 'BACK' });
		expect(position(back)).toEqual({ kind: 'question', fact: g.later });
		expect(back.context.facts).toEqual(answered);
		expect(at.fact).not.toBe(g.later);
		// From the first question, back leaves the interview.
		const first = snapshotAt(rs, { kind: 'question', fact: names[0]! }, { facts: answered });
		expect(position(run(first, { type: 'BACK' }))).toEqual({ kind: 'exited' });
	});

	it('change from review: removes answers that no longer apply, asks new follow-ups, returns', () => {
		const g = gate();
		// Complete answers along the path where the gate is closed.
		const closed = defs[g.fact]!.type === 'enum' ? (defs[g.fact] as { values: string[] }) : null;
		const other = closed!.values.find((v) => v !== g.value)!;
		let s = start();
		while (position(s).kind === 'question') {
			const p = position(s) as { fact: string };
			s = run(s, { type: 'ANSWER', value: p.fact === g.fact ? g.value : anyAnswer(p.fact) });
		}
		expect(s.context.facts[g.later]).toBeDefined();
		// Change the gate to close it: the follow-up answer is removed visibly, back to review.
		s = run(s, { type: 'CHANGE', fact: g.fact });
		expect(position(s)).toEqual({ kind: 'question', fact: g.fact });
		expect(s.context.returning).toBe(true);
		expect(position(run(s, { type: 'BACK' }))).toEqual({ kind: 'review' });
		s = run(s, { type: 'ANSWER', value: other });
		expect(s.context.removed).toContain(g.later);
		expect(s.context.facts[g.later]).toBeUndefined();
		// Open it again: the machine asks the new follow-up first, then returns to review.
		s = run(s, { type: 'CHANGE', fact: g.fact }, { type: 'ANSWER', value: g.value });
		expect(s.context.removed).toEqual([]);
		const asked: string[] = [];
		while (position(s).kind === 'question') {
			const p = position(s) as { fact: string };
			asked.push(p.fact);
			s = run(s, { type: 'ANSWER', value: anyAnswer(p.fact) });
		}
		expect(asked).toContain(g.later);
		expect(asked.every((f) => defs[f]!.applies_when)).toBe(true); // only the new follow-ups
		expect(position(s)).toEqual({ kind: 'review' });
	});

	it('resumes at the stored question with the stored answers', () => {
		const facts = { [names[0]!]: anyAnswer(names[0]!) };
		expect(firstStop(rs, facts)).toEqual({ kind: 'question', fact: names[1] });
		const s = snapshotAt(rs, firstStop(rs, facts), { facts });
		expect(s.context.facts).toEqual(facts);
		const next = run(s, { type: 'ANSWER', value: anyAnswer(names[1]!) });
		expect(next.context.facts[names[0]!]).toEqual(facts[names[0]!]);
		expect(position(next)).not.toEqual(position(s));
	});

	it('re-asks an answer a change made invalid under a cross-fact constraint', () => {
		// The rule set's first constraint: when a set fact contains X, another fact must be in Y.
		const c = rs.data.constraints![0]!;
		const when = c.when as { fact: string; contains: string };
		const req = c.require as { fact: string; in: string[] };
		const bad = (defs[req.fact] as { values: string[] }).values.find((v) => !req.in.includes(v))!;
		let s = start();
		while (position(s).kind === 'question') {
			const p = position(s) as { fact: string };
			s = run(s, { type: 'ANSWER', value: p.fact === req.fact ? bad : anyAnswer(p.fact) });
		}
		expect(position(s)).toEqual({ kind: 'review' });
		s = run(s, { type: 'CHANGE', fact: when.fact }, { type: 'ANSWER', value: [when.contains] });
		expect(position(s)).toEqual({ kind: 'question', fact: req.fact });
		s = run(s, { type: 'ANSWER', value: req.in[0]! });
		expect(position(s)).toEqual({ kind: 'review' });
	});
});

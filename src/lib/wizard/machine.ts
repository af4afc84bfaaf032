// The interview as one xstate machine generated from a rule set: a state per fact (in rule-set
// order), a review state (check your answers) and the ends. The same machine interviews a system
// and each of its components (Điều 5 khoản 2 Nghị định 85/2016/NĐ-CP).
//
// Pages drive it with pure transitions (`step`): the URL names the state, stored answers are the
// context, so a reload resumes exactly where the user was.
import { assign, getNextSnapshot, raise, setup, type SnapshotFrom } from 'xstate';
import type { FactValue, RuleSet } from '../rules';
import { applies, factNames, needsAnswer, prune, type Answers } from './facts';
import type { Position } from './position';

export { firstStop, type Position } from './position';

export interface InterviewContext {
	facts: Answers;
	/** Came from the check page: stop only at questions that need an answer, then return. */
	returning: boolean;
	/** Answers the last change made inapplicable (shown to the user, then forgotten). */
	removed: string[];
}

export type InterviewEvent =
	| { type: 'ANSWER'; value: FactValue }
	| { type: 'BACK' }
	| { type: 'CHANGE'; fact: string }
	| { type: 'CONFIRM' }
	| { type: 'NEXT' };

export interface InterviewInput {
	facts: Answers;
	returning?: boolean;
}

export function interviewMachine(rs: RuleSet) {
	const names = factNames(rs);
	return setup({
		types: {} as {
			context: InterviewContext;
			events: InterviewEvent;
			input: InterviewInput;
		},
		guards: {
			/** The first question at or after this one the user must see. */
			stop: ({ context }, p: { fact: string }) =>
				context.returning
					? needsAnswer(rs, context.facts, p.fact)
					: applies(rs, context.facts, p.fact),
			applies: ({ context }, p: { fact: string }) => applies(rs, context.facts, p.fact),
			returning: ({ context }) => context.returning,
			isChange: ({ event }, p: { fact: string }) => event.type === 'CHANGE' && event.fact === p.fact
		},
		actions: {
			record: assign(({ context, event }, p: { fact: string }) => {
				if (event.type !== 'ANSWER') return {};
				const { facts, removed } = prune(rs, { ...context.facts, [p.fact]: event.value });
				return { facts, removed };
			}),
			startChange: assign({ returning: true, removed: [] as string[] }),
			forget: assign({ removed: [] as string[] })
		}
	}).createMachine({
		id: 'interview',
		context: ({ input }) => ({
			facts: { ...input.facts },
			returning: input.returning ?? false,
			removed: []
		}),
		initial: 'asking',
		states: {
			asking: {
				initial: names[0],
				states: Object.fromEntries(
					names.map((name, i) => [
						name,
						{
							on: {
								ANSWER: {
									actions: [
										{ type: 'record' as const, params: { fact: name } },
										raise({ type: 'NEXT' as const })
									]
								},
								NEXT: [
									...names.slice(i + 1).map((n) => ({
										target: n,
										guard: { type: 'stop' as const, params: { fact: n } }
									})),
									{ target: '#interview.review' }
								],
								BACK: [
									{ target: '#interview.review', guard: 'returning' as const },
									...names
										.slice(0, i)
										.reverse()
										.map((n) => ({
											target: n,
											guard: { type: 'applies' as const, params: { fact: n } },
											actions: 'forget' as const
										})),
									{ target: '#interview.exited' }
								]
							}
						}
					])
				)
			},
			review: {
				on: {
					CHANGE: names.map((n) => ({
						target: `#interview.asking.${n}`,
						guard: { type: 'isChange' as const, params: { fact: n } },
						actions: 'startChange' as const
					})),
					CONFIRM: 'complete'
				}
			},
			/** Went back from the first question: the page before the interview. */
			exited: { type: 'final' },
			complete: { type: 'final' }
		}
	});
}

export type InterviewMachine = ReturnType<typeof interviewMachine>;
export type InterviewSnapshot = SnapshotFrom<InterviewMachine>;

export function position(s: InterviewSnapshot): Position {
	const v = s.value as string | { asking: string };
	if (typeof v === 'object') return { kind: 'question', fact: v.asking };
	return { kind: v as 'review' | 'exited' | 'complete' };
}

const cache = new WeakMap<RuleSet, InterviewMachine>();
const machineFor = (rs: RuleSet) => {
	let m = cache.get(rs);
	if (!m) cache.set(rs, (m = interviewMachine(rs)));
	return m;
};

/** The snapshot at a position, with the stored answers as context (resume / deep link). */
export function snapshotAt(rs: RuleSet, at: Position, input: InterviewInput): InterviewSnapshot {
	const m = machineFor(rs);
	const value = at.kind === 'question' ? { asking: at.fact } : at.kind;
	return m.resolveState({
		value,
		context: { facts: { ...input.facts }, returning: input.returning ?? false, removed: [] }
	});
}

/** One pure transition. */
export const step = (rs: RuleSet, s: InterviewSnapshot, e: InterviewEvent): InterviewSnapshot =>
	getNextSnapshot(machineFor(rs), s, e);

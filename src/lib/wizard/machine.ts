// The interview as one xstate machine generated from a rule set: a state per page (a fact, or a
// screening group's facts together, in rule-set order), a review state (check your answers) and
// the ends. The same machine interviews a system and each of its components (Điều 5 khoản 2 Nghị
// định 85/2016/NĐ-CP); a component's has no pages for the facts of the whole system.
//
// Pages drive it with pure transitions (`step`): the URL names the state, stored answers are the
// context, so a reload resumes exactly where the user was.
import { assign, getNextSnapshot, raise, setup, type SnapshotFrom } from 'xstate';
import type { RuleSet } from '../rules';
import { prune, type Answers, type Part } from './facts';
import { pageApplies, pageNeedsAnswer, pagesOf } from './pages';
import type { Position } from './position';

export { firstStop, type Position } from './position';

export interface InterviewContext {
	part: Part;
	facts: Answers;
	/** Came from the check page: stop only at pages that need an answer, then return. */
	returning: boolean;
	/** Answers the last change made inapplicable (shown to the user, then forgotten). */
	removed: string[];
}

export type InterviewEvent =
	/** The answers of the current page, one per fact shown on it. */
	| { type: 'ANSWER'; values: Answers }
	| { type: 'BACK' }
	| { type: 'CHANGE'; page: string }
	| { type: 'CONFIRM' }
	| { type: 'NEXT' };

export interface InterviewInput {
	facts: Answers;
	returning?: boolean;
	part?: Part;
}

export function interviewMachine(rs: RuleSet, part: Part = 'system') {
	const pages = pagesOf(rs, part);
	const byId = new Map(pages.map((p) => [p.id, p]));
	const page = (id: string) => byId.get(id)!;
	return setup({
		types: {} as {
			context: InterviewContext;
			events: InterviewEvent;
			input: InterviewInput;
		},
		guards: {
			/** The first page at or after this one the user must see. */
			stop: ({ context }, p: { page: string }) =>
				context.returning
					? pageNeedsAnswer(rs, context.facts, page(p.page))
					: pageApplies(rs, context.facts, page(p.page)),
			applies: ({ context }, p: { page: string }) => pageApplies(rs, context.facts, page(p.page)),
			returning: ({ context }) => context.returning,
			isChange: ({ event }, p: { page: string }) => event.type === 'CHANGE' && event.page === p.page
		},
		actions: {
			record: assign(({ context, event }) => {
				if (event.type !== 'ANSWER') return {};
				const { facts, removed } = prune(rs, { ...context.facts, ...event.values });
				return { facts, removed };
			}),
			startChange: assign({ returning: true, removed: [] as string[] }),
			forget: assign({ removed: [] as string[] })
		}
	}).createMachine({
		id: 'interview',
		context: ({ input }) => ({
			part: input.part ?? part,
			facts: { ...input.facts },
			returning: input.returning ?? false,
			removed: []
		}),
		initial: 'asking',
		states: {
			asking: {
				initial: pages[0]?.id,
				states: Object.fromEntries(
					pages.map(({ id }, i) => [
						id,
						{
							on: {
								ANSWER: {
									actions: ['record' as const, raise({ type: 'NEXT' as const })]
								},
								NEXT: [
									...pages.slice(i + 1).map((n) => ({
										target: n.id,
										guard: { type: 'stop' as const, params: { page: n.id } }
									})),
									{ target: '#interview.review' }
								],
								BACK: [
									{ target: '#interview.review', guard: 'returning' as const },
									...pages
										.slice(0, i)
										.reverse()
										.map((n) => ({
											target: n.id,
											guard: { type: 'applies' as const, params: { page: n.id } },
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
					CHANGE: pages.map((n) => ({
						target: `#interview.asking.${n.id}`,
						guard: { type: 'isChange' as const, params: { page: n.id } },
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
	if (typeof v === 'object') return { kind: 'question', page: v.asking };
	return { kind: v as 'review' | 'exited' | 'complete' };
}

const cache = new WeakMap<RuleSet, Partial<Record<Part, InterviewMachine>>>();
const machineFor = (rs: RuleSet, part: Part) => {
	let m = cache.get(rs);
	if (!m) cache.set(rs, (m = {}));
	return (m[part] ??= interviewMachine(rs, part));
};

/** The snapshot at a position, with the stored answers as context (resume / deep link). */
export function snapshotAt(rs: RuleSet, at: Position, input: InterviewInput): InterviewSnapshot {
	const part = input.part ?? 'system';
	const value = at.kind === 'question' ? { asking: at.page } : at.kind;
	return machineFor(rs, part).resolveState({
		value,
		context: { part, facts: { ...input.facts }, returning: input.returning ?? false, removed: [] }
	});
}

/** One pure transition. */
export const step = (rs: RuleSet, s: InterviewSnapshot, e: InterviewEvent): InterviewSnapshot =>
	getNextSnapshot(machineFor(rs, s.context.part), s, e);

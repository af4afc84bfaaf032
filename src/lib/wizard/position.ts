// Where an interview is, without the machine: pages that only link into the interview import this
// (no xstate), so the state machine loads only when a page steps through it.
import type { RuleSet } from '../rules/types';
import type { Answers, Part } from './facts';
import { pageNeedsAnswer, pagesOf } from './pages';

/** Where the interview is: a question page, the review, or one of its ends. */
export type Position =
	| { kind: 'question'; page: string }
	| { kind: 'review' }
	| { kind: 'exited' }
	| { kind: 'complete' };

/** Where an interview over these answers starts: the first page to answer, or review when complete. */
export function firstStop(rs: RuleSet, facts: Answers, part: Part = 'system'): Position {
	const page = pagesOf(rs, part).find((p) => pageNeedsAnswer(rs, facts, p));
	return page ? { kind: 'question', page: page.id } : { kind: 'review' };
}

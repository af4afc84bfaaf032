// Where an interview is, without the machine: pages that only link into the interview import this
// (no xstate), so the state machine loads only when a page steps through it.
import type { RuleSet } from '../rules/types';
import { factNames, needsAnswer, type Answers } from './facts';

/** Where the interview is: a question, the review, or one of its ends. */
export type Position =
	| { kind: 'question'; fact: string }
	| { kind: 'review' }
	| { kind: 'exited' }
	| { kind: 'complete' };

/** Where an interview over these answers starts: the first question, or review when complete. */
export function firstStop(rs: RuleSet, facts: Answers): Position {
	const name = factNames(rs).find((n) => needsAnswer(rs, facts, n));
	return name ? { kind: 'question', fact: name } : { kind: 'review' };
}

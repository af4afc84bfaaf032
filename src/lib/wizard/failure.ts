// Why an exchange with the unit's saved work failed, and what to tell the user: one table for the
// layout's notices (a save or load that did not happen) and the submission and revision pages.
import type { MessageKey } from '../i18n';

export type FailureReason = 'offline' | 'signed-out' | 'server' | 'storage';

/** An API answer's status as a reason: 0 is no answer at all (fetch rejected), 401 a session ended. */
export const reasonOf = (status: number): FailureReason =>
	status === 0 ? 'offline' : status === 401 ? 'signed-out' : 'server';

/** The message for each reason; 'server.failed' quotes the server's own words as {message}. */
export const FAILURE_TEXT = {
	offline: 'server.offline',
	'signed-out': 'server.signedOut',
	server: 'server.failed',
	storage: 'server.storageFull'
} as const satisfies Record<FailureReason, MessageKey>;

/** The message for a failed API call's status. */
export const failureKey = (status: number) => FAILURE_TEXT[reasonOf(status)];

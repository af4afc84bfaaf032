// The glue between SvelteKit handlers and the service: a context from the request, and service
// errors turned into HTTP statuses (404 for anything out of reach, never its data).
import { error, fail, json, type RequestEvent } from '@sveltejs/kit';
import type { T } from '../../i18n';
import { messagesFor } from '../../i18n/messages';
import { InputError, sayIn, type Said } from '../auth/accounts';
import { jsonProblem, problemMessage } from '../input-guard';
import { routeAccess } from '../auth/policy';
import { ConflictError, NotFoundError, type Context } from './service';
import { TransitionError } from './transitions';

/**
 * The request's context, after asking the policy again for this route (the hook asked first;
 * asking here too keeps a handler safe if the hook's matching ever changes).
 */
export function contextOf(event: Pick<RequestEvent, 'locals' | 'route'>): Context {
	const user = event.locals.user;
	if (!user) error(401, 'Cần đăng nhập.');
	if (event.route.id && routeAccess(event.route.id, user) !== 'ok')
		error(403, 'Không có quyền truy cập.');
	return { db: event.locals.db, user, rulesets: event.locals.rulesets };
}

function statusOf(e: unknown): number | undefined {
	if (e instanceof NotFoundError) return 404;
	if (e instanceof TransitionError || e instanceof ConflictError) return 409;
	if (e instanceof InputError) return 422;
	return undefined;
}

/** Runs a JSON endpoint: the value as JSON, known errors as { message, field? } with a status. */
export async function api(work: () => Promise<unknown>, okStatus = 200): Promise<Response> {
	try {
		return json(await work(), { status: okStatus });
	} catch (e) {
		const status = statusOf(e);
		if (!status) throw e;
		return json({ message: (e as Error).message, field: (e as InputError).field }, { status });
	}
}

/**
 * A known error's message in the language of `t`: by its key where it was thrown with one, a
 * refused transition from its action and status; otherwise its (Vietnamese) text.
 */
export function messageOf(e: unknown, t?: T): string {
	const said = (e as { said?: Said } | null)?.said;
	if (t && said) return sayIn(said, t.lang, messagesFor(t.lang));
	if (t && e instanceof TransitionError)
		return t('appraisal.error.transition', {
			action: e.action,
			status: t(`status.${e.status}`),
			code: e.status
		});
	return (e as Error).message;
}

/**
 * Runs a form action: known errors become `fail(status, { message, field })`, the message in the
 * language of `t` when given (see messageOf).
 */
export async function action<R>(work: () => Promise<R>, t?: T) {
	try {
		return await work();
	} catch (e) {
		const status = statusOf(e);
		if (!status) throw e;
		if (status === 404) error(404, (e as Error).message);
		return fail(status, { message: messageOf(e, t), field: (e as InputError).field });
	}
}

/** Runs a load: NotFound → 404 page. */
export async function loadOr404<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof NotFoundError) error(404, e.message);
		throw e;
	}
}

/** The JSON object in the request body; an empty body is `{}` when `optional`. */
export async function body(request: Request, optional = false): Promise<Record<string, unknown>> {
	const text = await request.text();
	if (optional && !text.trim()) return {};
	let v: unknown;
	try {
		v = JSON.parse(text);
	} catch {
		// reported below
	}
	if (!v || typeof v !== 'object' || Array.isArray(v))
		throw new InputError('Nội dung yêu cầu phải là một đối tượng JSON.');
	const problem = jsonProblem(v);
	if (problem) throw new InputError(problemMessage(problem), problem.path);
	return v as Record<string, unknown>;
}

// What the server log keeps of an unexpected error: its name, message, SQLSTATE and stack — never
// the query's parameters or PostgreSQL's "detail" (a failing row can hold a password hash).
export function describeError(e: unknown): string {
	if (!(e instanceof Error)) return `non-error thrown: ${typeof e}`;
	const code = (e as { code?: unknown }).code;
	const head = `${e.name}: ${e.message}${typeof code === 'string' ? ` [${code}]` : ''}`;
	const stack = e.stack?.split('\n').slice(1).join('\n');
	const cause = e.cause instanceof Error ? `\ncaused by ${describeError(e.cause)}` : '';
	return head + (stack ? `\n${stack}` : '') + cause;
}

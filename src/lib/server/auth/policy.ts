// Who may do what: the one place every route, action and endpoint asks. Two questions —
// may this role use this route at all, and may this user touch this unit's system.
import type { Role, User } from '../db/schema';

export type Principal = Pick<
	User,
	'id' | 'username' | 'display_name' | 'role' | 'unit_id' | 'body_id'
>;

type RouteRule = { prefix: string; roles: readonly Role[] | 'public' | 'signed_in' };

/** Longest matching prefix wins. Route ids as SvelteKit names them (e.g. /api/systems/[id]). */
export const ROUTE_RULES: readonly RouteRule[] = [
	{ prefix: '/', roles: 'public' },
	{ prefix: '/login', roles: 'public' },
	{ prefix: '/setup', roles: 'public' },
	// The administrator's one-time password reset link.
	{ prefix: '/reset', roles: 'public' },
	// The wizard works in the browser (localStorage) without an account.
	{ prefix: '/unit', roles: 'public' },
	{ prefix: '/systems', roles: 'public' },
	{ prefix: '/import', roles: 'public' },
	// The rule browser is read-only and public; the workspace that changes rules is not.
	{ prefix: '/rules', roles: 'public' },
	// What capdo is and where each regime's dossiers go.
	{ prefix: '/about', roles: 'public' },
	{ prefix: '/maintain', roles: ['maintainer'] },
	{ prefix: '/logout', roles: 'signed_in' },
	{ prefix: '/admin', roles: ['admin'] },
	{ prefix: '/admin/audit', roles: ['admin', 'appraiser'] },
	{ prefix: '/appraisal', roles: ['appraiser'] },
	{ prefix: '/submissions', roles: ['unit'] },
	{ prefix: '/overview', roles: ['appraiser', 'admin'] },
	{ prefix: '/reports', roles: ['unit'] },
	{ prefix: '/api', roles: 'signed_in' },
	{ prefix: '/api/unit', roles: ['unit'] },
	{ prefix: '/api/systems', roles: ['unit'] },
	{ prefix: '/api/systems/[id]', roles: ['unit', 'appraiser'] },
	{ prefix: '/api/systems/[id]/history', roles: ['unit', 'appraiser'] },
	{ prefix: '/api/systems/[id]/classify', roles: ['unit'] },
	{ prefix: '/api/systems/[id]/submit', roles: ['unit'] },
	{ prefix: '/api/systems/[id]/revise', roles: ['unit'] },
	// Both sides read a system's files and upload signed copies; the service checks which.
	{ prefix: '/api/systems/[id]/files', roles: ['unit', 'appraiser'] },
	// The appraisal papers (Mẫu 04–07) are the appraiser's; the service checks the body.
	{ prefix: '/api/systems/[id]/papers', roles: ['appraiser'] },
	{ prefix: '/api/audit', roles: ['admin', 'appraiser'] },
	// The CLI through a running server (`--url`, `--token`): read-only checks.
	{ prefix: '/api/admin', roles: ['admin'] },
	{ prefix: '/api/admin/impact', roles: ['admin', 'maintainer'] },
	// Own password and access tokens.
	{ prefix: '/account', roles: 'signed_in' }
];

const matches = (id: string, prefix: string) => id === prefix || id.startsWith(prefix + '/');

function ruleFor(routeId: string): RouteRule {
	// Route groups like /(auth)/login do not change the URL: drop them before matching.
	const id = routeId.replace(/\/\([^)]+\)/g, '') || '/';
	let best: RouteRule | undefined;
	for (const r of ROUTE_RULES)
		if (r.prefix !== '/' && matches(id, r.prefix) && r.prefix.length > (best?.prefix.length ?? 0))
			best = r;
	// The home page is public; any route not listed needs at least a signed-in user.
	return best ?? (id === '/' ? ROUTE_RULES[0]! : { prefix: id, roles: 'signed_in' });
}

export type RouteAccess = 'ok' | 'login' | 'forbidden';

export function routeAccess(routeId: string, user: Principal | null): RouteAccess {
	const { roles } = ruleFor(routeId);
	if (roles === 'public') return 'ok';
	if (!user) return 'login';
	if (roles === 'signed_in') return 'ok';
	return roles.includes(user.role) ? 'ok' : 'forbidden';
}

/** The facts about a system that decide access to it. */
export interface SystemScope {
	unit_id: string;
	body_id: string;
	/** True once the unit has submitted any revision: only then may an appraiser see it. */
	submitted: boolean;
}

export type SystemMode = 'read' | 'write' | 'appraise';

export function systemAccess(user: Principal | null, sys: SystemScope, mode: SystemMode): boolean {
	if (!user) return false;
	switch (user.role) {
		case 'unit':
			return mode !== 'appraise' && user.unit_id === sys.unit_id;
		case 'appraiser':
			return mode !== 'write' && user.body_id === sys.body_id && sys.submitted;
		default:
			return false;
	}
}

/**
 * The audit entries a user may read follow the records they describe (issue 16 item 2). An
 * appraiser sees a system only once submitted, and then what was submitted and the reviews, never
 * the unit's drafts: so only these workflow steps, and only for its body's units.
 */
export const APPRAISER_AUDIT_ACTIONS = [
	'system.submit',
	'system.start_review',
	'system.checklist',
	'system.return',
	'system.approve',
	// The signed papers behind the workflow: the unit's signed dossier and request, the appraiser's
	// signed opinion and decision. Appraisers list the files already; the log says who and when.
	'system.upload'
] as const;

/** Entries that carry a unit's draft work: nobody else reads it, so their content stays hidden. */
const DRAFT_CONTENT = new Set(['system.create', 'system.save', 'unit.profile', 'report.draft']);

export function auditScope(
	user: Principal
): 'all' | { body_id: string; actions: readonly string[] } | 'none' {
	if (user.role === 'admin') return 'all';
	if (user.role === 'appraiser' && user.body_id)
		return { body_id: user.body_id, actions: APPRAISER_AUDIT_ACTIONS };
	return 'none';
}

/** May `user` read the before/after of an entry it can list? (Who, when and what: always.) */
export function auditContentVisible(user: Principal, action: string): boolean {
	return auditScope(user) !== 'none' && !DRAFT_CONTENT.has(action);
}

/** Where a user lands after signing in: a unit user on its task list (the home page). */
export function homeFor(role: Role): string {
	return {
		unit: '/',
		appraiser: '/appraisal',
		maintainer: '/maintain',
		admin: '/admin'
	}[role];
}

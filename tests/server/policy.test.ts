// Who may open which route and touch which system, written out by hand — deliberately not derived
// from ROUTE_RULES, so a wrong or missing rule in policy.ts (an appraiser on the unit's submit
// endpoint, a unit in the audit log, a route that forgets to ask for a login) fails here.
import { describe, expect, it } from 'vitest';
import {
	auditContentVisible,
	auditScope,
	homeFor,
	routeAccess,
	systemAccess,
	type Principal,
	type SystemMode,
	type SystemScope
} from '../../src/lib/server/auth/policy';
import type { Role } from '../../src/lib/server/db/schema';

const user = (role: Role, unit_id: string | null = null, body_id: string | null = null) =>
	({ id: `u-${role}`, username: role, display_name: role, role, unit_id, body_id }) as Principal;

const unit = user('unit', 'unit-a', 'body-1');
const appraiser = user('appraiser', null, 'body-1');
const maintainer = user('maintainer');
const admin = user('admin');

// o = ok, L = sign in first, F = forbidden
//                                   nobody unit appraiser maintainer admin
// prettier-ignore
const ROUTES: [string, string][] = [
	['/',                                'o o o o o'],
	['/(auth)/login',                    'o o o o o'],
	['/setup/[token]',                   'o o o o o'],
	['/unit',                            'o o o o o'],
	['/about',                           'o o o o o'],
	['/systems/[id]/summary',            'o o o o o'],
	['/import',                          'o o o o o'],
	['/rules/[ref]',                     'o o o o o'],
	['/rulesets',                        'L o o o o'], // not /rules: a prefix matches whole segments only
	['/maintain',                        'L F F o F'],
	['/maintain/[ref]/review',           'L F F o F'],
	['/logout',                          'L o o o o'],
	['/admin',                           'L F F F o'],
	['/admin/users',                     'L F F F o'],
	['/admin/audit',                     'L F o F o'],
	['/admin/audit/[id]',                'L F o F o'],
	['/appraisal',                       'L F o F F'],
	['/appraisal/[id]',                  'L F o F F'],
	['/submissions',                     'L o F F F'],
	['/overview',                        'L F o F o'],
	['/reports/yearly',                  'L o F F F'],
	['/api',                             'L o o o o'],
	['/api/whoami',                      'L o o o o'],
	['/api/unit',                        'L o F F F'],
	['/api/systems',                     'L o F F F'],
	['/api/systems/[id]',                'L o o F F'],
	['/api/systems/[id]/history',        'L o o F F'],
	['/api/systems/[id]/classify',       'L o F F F'],
	['/api/systems/[id]/submit',         'L o F F F'],
	['/api/systems/[id]/revise',         'L o F F F'],
	['/api/systems/[id]/files/[name]',   'L o o F F'],
	['/api/systems/[id]/papers/[form]',  'L F o F F'],
	['/api/audit',                       'L F o F o'],
	['/api/admin/audit/verify',          'L F F F o'],
	['/api/admin/impact',                'L F F o o'],
	['/reset/[token]',                   'o o o o o'],
	['/account',                         'L o o o o'],
	['/account/tokens',                  'L o o o o'],
	['/(app)',                           'o o o o o'], // a group alone is the home page
	['/(app)/admin',                     'L F F F o'], // a route group does not change the URL
	['/somewhere-new',                   'L o o o o'] // unlisted: signed in, any role
];
const WHO: [string, Principal | null][] = [
	['nobody', null],
	['unit', unit],
	['appraiser', appraiser],
	['maintainer', maintainer],
	['admin', admin]
];
const CODE = { o: 'ok', L: 'login', F: 'forbidden' } as const;

describe('routeAccess against the hand-written table', () => {
	for (const [route, row] of ROUTES) {
		const expected = row.split(' ').map((c) => CODE[c as keyof typeof CODE]);
		WHO.forEach(([who, p], i) =>
			it(`${route} for ${who}: ${expected[i]}`, () =>
				expect(routeAccess(route, p)).toBe(expected[i]))
		);
	}
});

describe('systemAccess: a unit its own systems, an appraiser its body’s submitted ones', () => {
	const own: SystemScope = { unit_id: 'unit-a', body_id: 'body-1', submitted: true };
	const draft: SystemScope = { ...own, submitted: false };
	const otherUnit: SystemScope = { unit_id: 'unit-b', body_id: 'body-1', submitted: true };
	const otherBody: SystemScope = { unit_id: 'unit-c', body_id: 'body-2', submitted: true };
	const MODES: SystemMode[] = ['read', 'write', 'appraise'];

	// read write appraise, 1 = allowed
	// prettier-ignore
	const CASES: [string, Principal | null, SystemScope, string][] = [
		['unit, own system',                 unit,       own,       '1 1 0'],
		['unit, own draft',                  unit,       draft,     '1 1 0'],
		['unit, another unit’s system',      unit,       otherUnit, '0 0 0'],
		['appraiser, own body, submitted',   appraiser,  own,       '1 0 1'],
		['appraiser, own body, not submitted', appraiser, draft,    '0 0 0'],
		['appraiser, another body',          appraiser,  otherBody, '0 0 0'],
		['maintainer',                       maintainer, own,       '0 0 0'],
		['admin',                            admin,      own,       '0 0 0'],
		['nobody',                           null,       own,       '0 0 0']
	];
	for (const [name, p, sys, row] of CASES)
		MODES.forEach((mode, i) =>
			it(`${name}: ${mode}`, () =>
				expect(systemAccess(p, sys, mode)).toBe(row.split(' ')[i] === '1'))
		);

	it('a unit user without a unit and a system without one do not match by accident', () => {
		const stray = user('unit', null, null);
		expect(
			systemAccess(stray, { unit_id: 'unit-a', body_id: 'body-1', submitted: true }, 'read')
		).toBe(false);
	});
});

describe('auditScope and homeFor', () => {
	it('admins read every unit’s entries, appraisers their body’s, others none', () => {
		expect(auditScope(admin)).toBe('all');
		// Appraisers: the workflow steps of their body's units only, never the unit's drafts.
		expect(auditScope(appraiser)).toEqual({
			body_id: 'body-1',
			actions: [
				'system.submit',
				'system.start_review',
				'system.checklist',
				'system.return',
				'system.approve',
				'system.upload'
			]
		});
		expect(auditScope(user('appraiser', null, null))).toBe('none');
		expect(auditScope(unit)).toBe('none');
		expect(auditScope(maintainer)).toBe('none');
	});

	it('the content of draft work is hidden from everyone; workflow steps are shown to readers', () => {
		for (const action of ['system.create', 'system.save', 'unit.profile', 'report.draft']) {
			expect(auditContentVisible(admin, action), action).toBe(false);
			expect(auditContentVisible(appraiser, action), action).toBe(false);
		}
		expect(auditContentVisible(admin, 'system.approve')).toBe(true);
		expect(auditContentVisible(admin, 'ruleset.publish')).toBe(true);
		expect(auditContentVisible(appraiser, 'system.submit')).toBe(true);
		expect(auditContentVisible(appraiser, 'system.upload')).toBe(true);
		expect(auditContentVisible(unit, 'system.submit')).toBe(false);
		expect(auditContentVisible(maintainer, 'ruleset.publish')).toBe(false);
	});

	it('each role lands on its own page after signing in', () => {
		// A unit user lands on its task list (the home page), which links to its dossiers.
		expect(homeFor('unit')).toBe('/');
		expect(homeFor('appraiser')).toBe('/appraisal');
		expect(homeFor('maintainer')).toBe('/maintain');
		expect(homeFor('admin')).toBe('/admin');
	});
});

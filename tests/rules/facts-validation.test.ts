// Invalid facts are errors naming the field; inapplicable facts are ignored with a warning.
import { describe, expect, it } from 'vitest';
import { evaluate, type Facts } from '../../src/lib/rules';
import { ruleset } from './helpers';

const rs = ruleset('vn-nd85@tt03-2017');
const base: Facts = {
	function: 'internal',
	information: ['public'],
	defense_security_damage: 'none',
	operates_24x7_no_unplanned_downtime: false,
	national_egov_system: false,
	national_critical_data_store: false,
	prime_minister_designated: false
};

function errors(
	facts: Record<string, unknown>,
	components?: { name: string; facts: Record<string, unknown> }[]
) {
	const r = evaluate(rs, { facts, components });
	if (r.ok) throw new Error('expected errors');
	return r.errors.map((e) => ({ code: e.code, path: e.path, en: e.message.en, vi: e.message.vi }));
}

describe('fact validation', () => {
	it('treats Object members as unknown fact names, not as known ones (issue 16 item 8)', () => {
		// JSON.parse makes "__proto__" an own key, as a request body or an imported file would.
		const facts = JSON.parse(
			'{"constructor": 1, "__proto__": 2, "toString": 3, "hasOwnProperty": 4}'
		);
		const unknown = errors({ ...base, ...facts }).filter((e) => e.code === 'unknown_fact');
		expect(unknown.map((e) => e.path).sort()).toEqual(
			['facts.__proto__', 'facts.constructor', 'facts.hasOwnProperty', 'facts.toString'].sort()
		);
	});

	it('rejects unknown fact names', () => {
		expect(errors({ ...base, fuction: 'internal' })).toContainEqual(
			expect.objectContaining({
				code: 'unknown_fact',
				path: 'facts.fuction',
				en: 'Unknown fact "fuction" in rule set vn-nd85@tt03-2017. Did you mean "function"?',
				vi: 'Không có dữ kiện "fuction" trong bộ quy tắc vn-nd85@tt03-2017. Có phải "function"?'
			})
		);
	});

	it('rejects values outside the allowed set', () => {
		expect(errors({ ...base, function: 'public_portal' })).toEqual([
			expect.objectContaining({
				code: 'not_allowed',
				path: 'facts.function',
				en: expect.stringContaining('"function" cannot be "public_portal" (allowed: internal')
			})
		]);
		expect(errors({ ...base, information: ['public', 'secret'] })[0]).toMatchObject({
			path: 'facts.information',
			code: 'not_allowed'
		});
		expect(errors({ ...base, information: [] })[0]).toMatchObject({
			path: 'facts.information',
			en: '"information" needs at least one value.'
		});
	});

	it('rejects wrong types', () => {
		expect(errors({ ...base, national_egov_system: 'yes' })[0]).toMatchObject({
			code: 'wrong_type',
			path: 'facts.national_egov_system',
			en: '"national_egov_system" must be true or false.'
		});
		const portal = {
			...base,
			function: 'citizen_services',
			online_public_service_level: 2,
			conditional_business_service: false
		};
		expect(errors({ ...portal, online_service_users_with_private_info: '10000' })[0]).toMatchObject(
			{
				code: 'wrong_type',
				path: 'facts.online_service_users_with_private_info',
				en: '"online_service_users_with_private_info" must be an integer.'
			}
		);
		expect(errors({ ...portal, online_service_users_with_private_info: 10.5 })[0]).toMatchObject({
			code: 'wrong_type'
		});
	});

	it('rejects negative counts and out-of-range levels', () => {
		const portal = {
			...base,
			function: 'citizen_services',
			online_public_service_level: 2,
			conditional_business_service: false
		};
		expect(errors({ ...portal, online_service_users_with_private_info: -1 })).toEqual([
			expect.objectContaining({
				code: 'out_of_range',
				path: 'facts.online_service_users_with_private_info',
				en: '"online_service_users_with_private_info" must not be negative.',
				vi: '"online_service_users_with_private_info" không được âm.'
			})
		]);
		expect(
			errors({
				...portal,
				online_public_service_level: 5,
				online_service_users_with_private_info: 0
			})[0]
		).toMatchObject({
			code: 'out_of_range',
			path: 'facts.online_public_service_level'
		});
	});

	it('requires a damage level for state secrets', () => {
		expect(errors({ ...base, information: ['state_secret'] })).toEqual([
			expect.objectContaining({
				code: 'constraint',
				path: 'facts.defense_security_damage',
				en: expect.stringContaining('at least "harm"')
			})
		]);
	});

	it('lists every missing applicable fact in one error', () => {
		const missing = errors({ function: 'citizen_services', information: ['public'] });
		expect(missing).toEqual([
			expect.objectContaining({
				code: 'missing',
				path: 'facts',
				en: 'Missing facts: online_public_service_level, conditional_business_service, online_service_users_with_private_info, operates_24x7_no_unplanned_downtime, national_egov_system, national_critical_data_store, prime_minister_designated.'
			})
		]);
	});

	it('ignores a fact that does not apply, with a warning', () => {
		const r = evaluate(rs, { facts: { ...base, infrastructure_scope: 'national' } });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.level).toBe(1);
		expect(r.value.facts_used).not.toHaveProperty('infrastructure_scope');
		expect(r.value.warnings).toEqual([
			expect.objectContaining({ code: 'not_applicable', path: 'facts.infrastructure_scope' })
		]);
	});

	it('names the component in the path', () => {
		expect(errors(base, [{ name: 'x', facts: { ...base, function: 'nope' } }])[0]).toMatchObject({
			path: 'components[0].facts.function'
		});
	});

	it('rejects input that is not an object', () => {
		expect(errors(null as unknown as Record<string, unknown>)[0]).toMatchObject({
			code: 'invalid_input'
		});
	});
});

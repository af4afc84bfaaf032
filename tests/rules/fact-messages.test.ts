// What a user reads when the facts are wrong, word for word in both languages: each message names
// the fact and says what is expected (the wizard, the import page and the CLI show these verbatim).
import { describe, expect, it } from 'vitest';
import { evaluate, normalizeFacts, normalizeRouting, type Facts } from '../../src/lib/rules';
import { ruleset } from './helpers';

const rs = ruleset('vn-nd85@tt03-2017');
const base: Facts = {
	function: 'internal',
	information: ['public'],
	defense_security_system: false,
	defense_security_damage: 'none',
	operates_24x7_no_unplanned_downtime: false,
	national_egov_system: false,
	national_critical_data_store: false,
	prime_minister_designated: false
};
const portal: Facts = {
	...base,
	function: 'citizen_services',
	online_public_service_level: 2,
	conditional_business_service: false,
	online_service_users_with_private_info: 0
};

const issues = (raw: unknown) => {
	const r = normalizeFacts(rs, raw);
	return [...r.errors, ...r.warnings].map(({ code, path, message }) => [
		code,
		path,
		message.vi,
		message.en
	]);
};

describe('messages about wrong facts', () => {
	it('not an object', () => {
		for (const raw of [null, 'internal', ['internal']])
			expect(issues(raw)).toEqual([
				['invalid_input', 'facts', '"facts" phải là một đối tượng.', '"facts" must be an object.']
			]);
	});

	it('an unknown fact, with the nearest known name when there is one', () => {
		expect(issues({ ...base, informaton: ['public'] })).toEqual([
			[
				'unknown_fact',
				'facts.informaton',
				'Không có dữ kiện "informaton" trong bộ quy tắc vn-nd85@tt03-2017. Có phải "information"?',
				'Unknown fact "informaton" in rule set vn-nd85@tt03-2017. Did you mean "information"?'
			]
		]);
		expect(issues({ ...base, zzz: 1 })[0]).toEqual([
			'unknown_fact',
			'facts.zzz',
			'Không có dữ kiện "zzz" trong bộ quy tắc vn-nd85@tt03-2017.',
			'Unknown fact "zzz" in rule set vn-nd85@tt03-2017.'
		]);
	});

	it('a fact that does not apply is ignored with a warning', () => {
		expect(issues({ ...base, online_public_service_level: 3 })).toEqual([
			[
				'not_applicable',
				'facts.online_public_service_level',
				'Dữ kiện "online_public_service_level" không áp dụng cho hệ thống này và được bỏ qua.',
				'Fact "online_public_service_level" does not apply to this system and is ignored.'
			]
		]);
	});

	it('missing facts are listed in the rule set’s order', () => {
		const rest = { ...base };
		delete rest.information;
		delete rest.prime_minister_designated;
		expect(issues(rest)).toEqual([
			[
				'missing',
				'facts',
				'Thiếu dữ kiện: information, prime_minister_designated.',
				'Missing facts: information, prime_minister_designated.'
			]
		]);
	});

	it.each([
		[
			{ operates_24x7_no_unplanned_downtime: 'yes' },
			'wrong_type',
			'"operates_24x7_no_unplanned_downtime" phải là true hoặc false.',
			'"operates_24x7_no_unplanned_downtime" must be true or false.'
		],
		[
			{ online_public_service_level: 2.5 },
			'wrong_type',
			'"online_public_service_level" phải là số nguyên.',
			'"online_public_service_level" must be an integer.'
		],
		[
			{ online_public_service_level: '2' },
			'wrong_type',
			'"online_public_service_level" phải là số nguyên.',
			'"online_public_service_level" must be an integer.'
		],
		[
			{ online_service_users_with_private_info: -1 },
			'out_of_range',
			'"online_service_users_with_private_info" không được âm.',
			'"online_service_users_with_private_info" must not be negative.'
		],
		[
			{ online_public_service_level: 5 },
			'out_of_range',
			'"online_public_service_level" tối đa là 4.',
			'"online_public_service_level" must be at most 4.'
		],
		[
			{ function: 7 },
			'wrong_type',
			'"function" phải là một chuỗi.',
			'"function" must be a string.'
		],
		[
			{ function: 'portal' },
			'not_allowed',
			'"function" không nhận giá trị "portal" (chỉ: internal, citizen_services, infrastructure, industrial_control, other).',
			'"function" cannot be "portal" (allowed: internal, citizen_services, infrastructure, industrial_control, other).'
		],
		[
			{ information: 'public' },
			'wrong_type',
			'"information" phải là một danh sách.',
			'"information" must be a list of values.'
		],
		[
			{ information: ['public', 3] },
			'wrong_type',
			'"information" phải là một danh sách.',
			'"information" must be a list of values.'
		],
		[
			{ information: [] },
			'not_allowed',
			'"information" phải có ít nhất một giá trị.',
			'"information" needs at least one value.'
		],
		[
			{ information: ['public', 'secret'] },
			'not_allowed',
			'"information" không nhận giá trị "secret" (chỉ: public, private, personal, state_secret).',
			'"information" cannot be "secret" (allowed: public, private, personal, state_secret).'
		],
		[
			{ information: ['public', 'private', 'public'] },
			'not_allowed',
			'"information" có giá trị lặp lại.',
			'"information" repeats a value.'
		]
	])('%j: %s', (change, code, vi, en) => {
		const [fact] = Object.keys(change);
		// A wrong `function` leaves the citizen-service facts without a reason to apply: use base.
		const from = fact === 'function' ? base : portal;
		expect(issues({ ...from, ...change })).toEqual([[code, `facts.${fact}`, vi, en]]);
	});

	it('a valid portal has no message at all, and keeps its values', () => {
		const r = normalizeFacts(rs, portal);
		expect([r.errors, r.warnings]).toEqual([[], []]);
		expect(r.facts).toEqual(portal);
	});
});

describe('messages about a wrong system', () => {
	const errs = (input: unknown) => {
		const r = evaluate(rs, input as never);
		return r.ok
			? []
			: r.errors.map(({ code, path, message }) => [code, path, message.vi, message.en]);
	};

	it('not an object', () => {
		expect(errs(null)).toEqual([
			[
				'invalid_input',
				'',
				'Dữ liệu đầu vào phải là một đối tượng.',
				'The input must be an object.'
			]
		]);
	});

	it('components not a list; a component’s wrong fact is located in it', () => {
		expect(errs({ facts: base, components: {} })).toEqual([
			[
				'invalid_input',
				'components',
				'"components" phải là một danh sách.',
				'"components" must be a list.'
			]
		]);
		expect(
			errs({ facts: base, components: [{ facts: base }, { facts: { ...base, information: [] } }] })
		).toEqual([
			[
				'not_allowed',
				'components[1].facts.information',
				'"information" phải có ít nhất một giá trị.',
				'"information" needs at least one value.'
			]
		]);
	});

	it('a component without a name is named by its place', () => {
		const r = evaluate(rs, {
			facts: base,
			components: [{ name: 'Cổng', facts: base }, { facts: base } as never]
		});
		expect(r.ok && r.value.components.map((c) => c.name)).toEqual(['Cổng', 'Thành phần 2']);
	});
});

describe('messages about wrong routing answers (who appraises levels 4–5)', () => {
	const routing = (raw: unknown) => {
		const r = normalizeRouting(rs, raw);
		return [
			r.facts,
			r.errors.map(({ code, path, message }) => [code, path, message.vi, message.en])
		];
	};
	const names = Object.keys(rs.data.procedure.routing!.facts);
	const defaults = Object.fromEntries(
		Object.entries(rs.data.procedure.routing!.facts).map(([n, d]) => [n, d.default])
	);

	it('no answers, or null: the defaults, no error', () => {
		expect(names).toContain('managed_by');
		expect(defaults.managed_by).toBe('other');
		expect(routing(undefined)).toEqual([defaults, []]);
		expect(routing(null)).toEqual([defaults, []]);
		expect(routing({})).toEqual([defaults, []]);
	});

	it('a valid answer is kept', () => {
		expect(routing({ managed_by: 'defence' })[0]).toEqual({ ...defaults, managed_by: 'defence' });
	});

	it('not an object: an error, and the defaults', () => {
		for (const raw of ['defence', ['defence'], 3])
			expect(routing(raw)).toEqual([
				defaults,
				[
					[
						'invalid_input',
						'routing',
						'"routing" phải là một đối tượng.',
						'"routing" must be an object.'
					]
				]
			]);
	});

	it('an unknown question and a wrong value: errors, and the default for the wrong one', () => {
		expect(routing({ managed_by: 'army', ministry: 'x' })).toEqual([
			defaults,
			[
				[
					'unknown_fact',
					'routing.ministry',
					'Không có câu hỏi định tuyến "ministry" trong bộ quy tắc vn-nd85@tt03-2017.',
					'Unknown routing question "ministry" in rule set vn-nd85@tt03-2017.'
				],
				[
					'not_allowed',
					'routing.managed_by',
					'"managed_by" không nhận giá trị "army" (chỉ: other, defence, public_security).',
					'"managed_by" cannot be "army" (allowed: other, defence, public_security).'
				]
			]
		]);
	});
});

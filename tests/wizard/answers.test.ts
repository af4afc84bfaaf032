// Reading a question page's form: a single fact, and a screening group with "None of these" and
// revealed follow-ups (a ticked non-boolean fact must then say something other than its default).
import { describe, expect, it } from 'vitest';
import { NONE, pageKind, parsePage, ticked } from '../../src/lib/wizard/answers';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { pageById, shownFacts } from '../../src/lib/wizard/pages';
import { groupedNd331, SCREENING } from './grouped';

const rs = groupedNd331();
const screening = pageById(rs, 'system', 'screening')!;
const shown = shownFacts(rs, {}, screening);
const input = (picked: string[], fields: Record<string, string[]> = {}) => ({ picked, fields });

describe('parsePage', () => {
	it('a single fact page reads its field', () => {
		const page = pageById(rs, 'system', 'function')!;
		expect(parsePage(rs, page, ['function'], input([], { function: ['internal'] }))).toEqual({
			ok: true,
			values: { function: 'internal' }
		});
		expect(parsePage(rs, page, ['function'], input([], {}))).toEqual({
			ok: false,
			errors: [{ id: 'function', error: { key: 'error.choose' } }]
		});
	});

	it('a group with nothing ticked asks to tick something or "None of these"', () => {
		expect(parsePage(rs, screening, shown, input([]))).toEqual({
			ok: false,
			errors: [{ id: 'screening', error: { key: 'error.chooseGroup' } }]
		});
	});

	it('"None of these" answers every fact: booleans false, the others their default', () => {
		const r = parsePage(rs, screening, shown, input([NONE]));
		expect(r.ok && r.values).toEqual({
			national_egov_system: false,
			national_critical_data_store: false,
			prime_minister_decided_level: 0,
			risk_assessment_level: 0,
			national_security_command_system: false,
			national_security_telecom_system: false,
			national_security_sector_consequence: false
		});
		expect(Object.keys(r.ok ? r.values : {})).toEqual(SCREENING);
	});

	it('a ticked follow-up takes its revealed field, which must differ from the default', () => {
		const picked = ['national_egov_system', 'prime_minister_decided_level'];
		const ok = parsePage(
			rs,
			screening,
			shown,
			input(picked, { prime_minister_decided_level: ['4'] })
		);
		expect(ok.ok && ok.values).toMatchObject({
			national_egov_system: true,
			prime_minister_decided_level: 4,
			risk_assessment_level: 0
		});
		expect(parsePage(rs, screening, shown, input(picked, {}))).toEqual({
			ok: false,
			errors: [{ id: 'prime_minister_decided_level', error: { key: 'error.number' } }]
		});
		expect(
			parsePage(rs, screening, shown, input(picked, { prime_minister_decided_level: ['0'] }))
		).toEqual({
			ok: false,
			errors: [
				{ id: 'prime_minister_decided_level', error: { key: 'error.min', params: { min: 1 } } }
			]
		});
	});

	it('shows stored answers as ticked only when they say more than the default', () => {
		const d = (n: string) => rs.data.facts[n]!;
		expect(ticked(d('national_egov_system'), true)).toBe(true);
		expect(ticked(d('national_egov_system'), false)).toBe(false);
		expect(ticked(d('prime_minister_decided_level'), 0)).toBe(false);
		expect(ticked(d('prime_minister_decided_level'), 3)).toBe(true);
		expect(ticked(d('prime_minister_decided_level'), undefined)).toBe(false);
	});

	it('a group without statements asks its questions together, each with its own error', () => {
		// The bundled Decree 331 rule set asks the two data-subject counts on one page.
		const nd331 = bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd331@2026')!;
		const page = pageById(nd331, 'component', 'data_subjects')!;
		const citizen = { function: 'citizen_services' };
		const both = shownFacts(nd331, citizen, page);
		expect(both).toEqual([
			'online_service_data_subjects_basic',
			'online_service_data_subjects_sensitive'
		]);
		expect(pageKind(nd331, page, both)).toBe('questions');
		expect(
			parsePage(
				nd331,
				page,
				both,
				input([], {
					online_service_data_subjects_basic: ['250.000'],
					online_service_data_subjects_sensitive: ['0']
				})
			)
		).toEqual({
			ok: true,
			values: {
				online_service_data_subjects_basic: 250000,
				online_service_data_subjects_sensitive: 0
			}
		});
		expect(
			parsePage(nd331, page, both, input([], { online_service_data_subjects_basic: ['nhiều'] }))
		).toEqual({
			ok: false,
			errors: [
				{ id: 'online_service_data_subjects_basic', error: { key: 'error.wholeNumber' } },
				{ id: 'online_service_data_subjects_sensitive', error: { key: 'error.number' } }
			]
		});
		// Not a citizen service: the page does not apply at all.
		expect(shownFacts(nd331, { function: 'internal' }, page)).toEqual([]);
	});
});

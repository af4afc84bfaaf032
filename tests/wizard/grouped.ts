// A copy of the Decree 331 rule set with a screening group and system-wide facts, built in code
// so the wizard's page mechanism is tested whatever the bundled YAML groups today.
import { compileRuleSet } from '../../src/lib/rules/compile';
import { ruleSetHash } from '../../src/lib/rules/hash';
import type { RuleSet, RuleSetData } from '../../src/lib/rules/types';
import { ruleset } from '../rules/helpers';

export const SCREENING = [
	'national_egov_system',
	'national_critical_data_store',
	'prime_minister_decided_level',
	'risk_assessment_level',
	'national_security_command_system',
	'national_security_telecom_system',
	'national_security_sector_consequence'
];

export function groupedNd331(): RuleSet {
	const data = structuredClone(ruleset('vn-nd331@2026').data) as RuleSetData;
	data.groups = {
		screening: {
			question: { vi: 'Hệ thống có thuộc trường hợp nào dưới đây không?', en: 'Do any apply?' }
		},
		citizen_checks: {
			question: { vi: 'Dịch vụ có đặc điểm nào dưới đây không?', en: 'Does the service…?' }
		}
	};
	// Only the facts named here are on the screening page (the bundled YAML may list more).
	for (const [n, def] of Object.entries(data.facts))
		if (def.group === 'screening' && !SCREENING.includes(n)) {
			delete def.group;
			delete def.statement;
		}
	for (const n of SCREENING) {
		data.facts[n]!.group = 'screening';
		data.facts[n]!.scope = 'system';
		data.facts[n]!.statement = { vi: `Đúng: ${n}`, en: `Yes: ${n}` };
	}
	for (const n of ['conditional_business_service', 'administrative_procedure_system']) {
		data.facts[n]!.group = 'citizen_checks';
		data.facts[n]!.statement = { vi: `Có: ${n}`, en: `Has: ${n}` };
	}
	delete data.tests;
	return compileRuleSet(data, ruleSetHash(data));
}

/**
 * The Circular 03 rule set with every group and system-wide scope taken away: one fact per page,
 * every fact asked of every component, so the machine is also tested without groups.
 */
export function ungroupedTt03(): RuleSet {
	const data = structuredClone(ruleset('vn-nd85@tt03-2017').data) as RuleSetData;
	delete data.groups;
	for (const def of Object.values(data.facts)) {
		delete def.group;
		delete def.statement;
		delete def.scope;
	}
	delete data.tests;
	return compileRuleSet(data, ruleSetHash(data));
}

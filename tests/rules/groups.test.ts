// Screening groups and system-wide facts in the rule-set data: what the loader accepts and the
// located errors it gives when a group cannot be asked on one page.
import { describe, expect, it } from 'vitest';
import { loadLibrary, type SourceFile } from '../../src/lib/rules';
import { readYamlTree } from '../../src/lib/server/ruleset-files';

const DIR = 'rulesets/vn-nd85/tt03-2017';
const FACTS = `${DIR}/facts.yaml`;
/**
 * The Circular 03 facts without their screening group (statements, scopes and the `groups` block
 * taken out), so each case below builds the group it tests from one fact per page.
 */
const ungrouped = (text: string) =>
	text
		.replace(/\n {4}group: \w+\n/g, '\n')
		.replace(/\n {4}scope: system\n/g, '\n')
		.replace(/\n {4}statement:\n( {6}.*\n)+/g, '\n')
		.replace(/\ngroups:\n(?: .*\n)+/, '\n');
const RULESET = `${DIR}/ruleset.yaml`;
// Revision 3 (the correction that added the group) names the group: dropped with it.
const original = readYamlTree(DIR).map((f) =>
	f.path === FACTS
		? { ...f, text: ungrouped(f.text) }
		: f.path === RULESET
			? { ...f, text: f.text.replace(/\n {2}- revision: 3\n[\s\S]*$/, '\n') }
			: f
);
const withFacts = (edit: (text: string) => string): SourceFile[] =>
	original.map((f) => (f.path === FACTS ? { ...f, text: edit(f.text) } : f));

/** Puts `name` in group `g` with a statement (and optional extra lines) and declares the group. */
const inGroup = (text: string, name: string, g: string, extra = '') =>
	text.replace(
		new RegExp(`\\n  ${name}:\\n    type: (\\w+)\\n`),
		`\n  ${name}:\n    type: $1\n    group: ${g}\n    statement: { vi: "Đúng: ${name}", en: "Yes" }\n${extra}`
	);
const GROUPS = '\ngroups:\n  screening:\n    question: { vi: Có trường hợp nào?, en: Any? }\n';

const errorsOf = (edit: (t: string) => string) =>
	loadLibrary(withFacts(edit)).errors.map((e) => `${e.field ?? ''}: ${e.message}`);

describe('screening groups', () => {
	it('starts from the bundled facts with their group taken out', () => {
		const facts = original.find((f) => f.path === FACTS)!.text;
		expect(facts).not.toMatch(/^ {4}(group|statement|scope):|^groups:/m);
		expect(loadLibrary(original).errors).toEqual([]);
	});

	it('loads a group of yes/no facts asked once for the system', () => {
		const r = loadLibrary(
			withFacts(
				(t) =>
					inGroup(
						inGroup(t, 'national_egov_system', 'screening', '    scope: system\n'),
						'national_critical_data_store',
						'screening',
						'    scope: system\n'
					) + GROUPS
			)
		);
		expect(r.errors).toEqual([]);
		expect(r.rulesets[0]!.data.groups?.screening?.question.vi).toBe('Có trường hợp nào?');
	});

	it('names an unknown group, a group without facts and a missing statement', () => {
		expect(errorsOf((t) => inGroup(t, 'national_egov_system', 'nope'))).toContain(
			'facts.national_egov_system.group: unknown group "nope"'
		);
		expect(errorsOf((t) => t + GROUPS)).toContain(
			'groups.screening: group "screening" has no facts'
		);
		// One option with a statement makes a screening page: every other fact needs one too.
		expect(
			errorsOf(
				(t) =>
					inGroup(
						t.replace(
							'\n  national_egov_system:\n    type: boolean\n',
							'\n  national_egov_system:\n    type: boolean\n    group: screening\n'
						),
						'national_critical_data_store',
						'screening'
					) + GROUPS
			)
		).toContain(
			'facts.national_egov_system.group: fact "national_egov_system" in screening group "screening" needs a "statement" (its option on the group\'s page); a group whose facts have none asks their questions together'
		);
		expect(
			errorsOf((t) =>
				t.replace('\n    type: boolean\n', '\n    type: boolean\n    statement: { vi: A, en: A }\n')
			).some((e) => e.endsWith('has a "statement" but no "group" to show it in'))
		).toBe(true);
	});

	it('a group without statements asks its facts’ questions together, no default needed', () => {
		const together = (t: string) =>
			t
				.replace(
					/\n {2}(online_service_users_with_private_info|online_public_service_level):\n {4}type: integer\n/g,
					'\n  $1:\n    type: integer\n    group: together\n'
				)
				.concat('\ngroups:\n  together:\n    question: { vi: Bao nhiêu?, en: How many? }\n');
		expect(errorsOf(together)).toEqual([]);
	});

	it('a non-boolean option of a screening group needs a default (its value when not ticked)', () => {
		expect(
			errorsOf((t) => inGroup(t, 'online_public_service_level', 'screening') + GROUPS)
		).toContain(
			'facts.online_public_service_level.group: an integer fact in a screening group needs a "default" (its value when its option is not ticked)'
		);
	});

	it('a grouped fact may only depend on facts asked before the group’s page', () => {
		// The group starts at operates_24x7 (before national_egov_system); a member depending on
		// national_egov_system would need an answer the page itself asks for.
		const e = errorsOf(
			(t) =>
				inGroup(
					inGroup(t, 'operates_24x7_no_unplanned_downtime', 'screening'),
					'national_critical_data_store',
					'screening',
					'    applies_when: { fact: national_egov_system, eq: true }\n'
				) + GROUPS
		);
		expect(e).toContain(
			'facts.national_critical_data_store.applies_when: "national_egov_system" is not asked before the page of group "screening"'
		);
	});

	it('a fact asked once for the system cannot depend on a component’s answer', () => {
		const e = errorsOf((t) =>
			t.replace(
				'\n  conditional_business_service:\n    type: boolean\n',
				'\n  conditional_business_service:\n    type: boolean\n    scope: system\n'
			)
		);
		expect(e).toContain(
			'facts.conditional_business_service.applies_when: "conditional_business_service" is asked once for the whole system, so it cannot depend on "function", which each component answers'
		);
	});

	it('an integer with labels is asked with radios: one label per value, min and max set', () => {
		const labelled = (labels: string) =>
			// The online public service level's own labels (revision 4) replaced by `labels`.
			errorsOf((t) => t.replace(/\n {4}labels:\n(?: {6}"\d".*\n)+/, `\n    labels:\n${labels}`));
		const all = [0, 1, 2, 3, 4].map((v) => `      "${v}": { vi: Mức ${v}, en: Level ${v} }\n`);
		expect(labelled(all.join(''))).toEqual([]);
		expect(labelled(all.slice(0, 4).join(''))).toContain(
			'facts.online_public_service_level.labels: no label for value 4'
		);
		expect(labelled(all.join('') + '      "7": { vi: Mức 7, en: Level 7 }\n')).toContain(
			'facts.online_public_service_level.labels.7: label for unknown value "7"'
		);
	});
});

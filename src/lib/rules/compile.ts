// Builds the executable form of rule-set data. Kept apart from the YAML loader so the browser can
// compile rule sets sent as data without bundling a YAML parser or the schema validator. The content
// hash comes from the caller (ruleSetHash), so the browser gets it with the data and does not bundle
// sha256 to show a question.
import { formatCitation } from './citation';
import { compileCondition, inspectCondition } from './condition';
import type { Location, RuleSet, RuleSetData } from './types';

/** Where a field of the rule set is written; with `key`, the key naming it rather than its value. */
export type Locate = (path: (string | number)[], key?: boolean) => Location;

/** Builds the executable form of validated rule-set data whose ruleSetHash is `hash`. */
export function compileRuleSet(
	data: RuleSetData,
	hash: string,
	locate?: Locate,
	dir?: string
): RuleSet {
	const tests = data.tests;
	const factList = Object.entries(data.facts).map(([name, def]) => ({
		name,
		def,
		applies: def.applies_when ? compileCondition(def.applies_when) : () => true
	}));
	return {
		data,
		ref: `${data.id}@${data.version}`,
		hash,
		applies: Object.fromEntries(factList.map((f) => [f.name, f.applies])),
		factList,
		compiled: data.criteria.map((criterion) => ({
			criterion,
			test: compileCondition(criterion.when),
			facts: [...inspectCondition(criterion.when, () => true).facts],
			fired: {
				id: criterion.id,
				level: criterion.level,
				citation: formatCitation(criterion.citation, data.sources, 'vi'),
				citation_en: formatCitation(criterion.citation, data.sources, 'en'),
				text: criterion.text
			}
		})),
		designations: (data.designations ?? []).map((designation) => ({
			designation,
			test: compileCondition(designation.when)
		})),
		notices: (data.notices ?? []).map((notice) => ({
			notice,
			test: compileCondition(notice.when)
		})),
		constraints: (data.constraints ?? []).map((constraint) => ({
			constraint,
			when: compileCondition(constraint.when),
			ok: compileCondition(constraint.require)
		})),
		testLocations: (tests ?? []).map((_t, i) =>
			locate ? locate(['tests', i]) : { file: '', line: 0, column: 0 }
		),
		dir,
		locate
	};
}

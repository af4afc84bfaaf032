// Builds the executable form of rule-set data. Kept apart from the YAML loader so the browser can
// compile rule sets sent as data without bundling a YAML parser or the schema validator.
import { formatCitation } from './citation';
import { compileCondition, inspectCondition } from './condition';
import { canonicalJson, sha256Hex } from './hash';
import type { Location, RuleSet, RuleSetData } from './types';

/** Where a field of the rule set is written; with `key`, the key naming it rather than its value. */
export type Locate = (path: (string | number)[], key?: boolean) => Location;

/** Builds the executable form of validated rule-set data. */
export function compileRuleSet(data: RuleSetData, locate?: Locate, dir?: string): RuleSet {
	const { tests, ...content } = data;
	const factList = Object.entries(data.facts).map(([name, def]) => ({
		name,
		def,
		applies: def.applies_when ? compileCondition(def.applies_when) : () => true
	}));
	return {
		data,
		ref: `${data.id}@${data.version}`,
		hash: sha256Hex(canonicalJson(content)),
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

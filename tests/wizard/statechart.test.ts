import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { document, mermaid } from '../../scripts/statechart';

const rulesets = bundledRuleSets().rulesets;

describe('statechart generated from the machine', () => {
	it('draws a state per fact and the applicability edges', () => {
		for (const rs of rulesets) {
			const text = mermaid(rs);
			for (const name of Object.keys(rs.data.facts))
				expect(text).toContain(`asking_${name} : ${name}`);
			for (const [name, def] of Object.entries(rs.data.facts))
				if (def.applies_when)
					expect(text).toMatch(new RegExp(`--> asking_${name} : NEXT \\[stop\\(${name}\\)\\]`));
			expect(text).toMatch(/review --> asking_\w+ : CHANGE \[isChange\(\w+\)\]/);
			expect(text).toContain('review --> complete : CONFIRM');
		}
	});

	it('docs/wizard-statechart.md is up to date', () => {
		expect(readFileSync('docs/wizard-statechart.md', 'utf8')).toBe(document(rulesets));
	});
});

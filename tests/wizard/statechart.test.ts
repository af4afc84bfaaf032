import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { document, mermaid } from '../../scripts/statechart';
import { pagesOf } from '../../src/lib/wizard/pages';

const rulesets = bundledRuleSets().rulesets;

describe('statechart generated from the machine', () => {
	it('draws a state per fact and the applicability edges', () => {
		for (const rs of rulesets) {
			const text = mermaid(rs);
			// A state per page: a fact's own, or its group's (one page for the group's facts).
			for (const page of pagesOf(rs)) expect(text).toContain(`asking_${page.id} : ${page.id}`);
			for (const [name, def] of Object.entries(rs.data.facts))
				if (def.applies_when) {
					const page = def.group ?? name;
					expect(text).toMatch(new RegExp(`--> asking_${page} : NEXT \\[stop\\(${page}\\)\\]`));
				}
			// A grouped fact has no state of its own.
			for (const [name, def] of Object.entries(rs.data.facts))
				if (def.group) expect(text).not.toContain(`asking_${name} :`);
			expect(text).toMatch(/review --> asking_\w+ : CHANGE \[isChange\(\w+\)\]/);
			expect(text).toContain('review --> complete : CONFIRM');
		}
	});

	it('docs/wizard-statechart.md is up to date', () => {
		expect(readFileSync('docs/wizard-statechart.md', 'utf8')).toBe(document(rulesets));
	});
});

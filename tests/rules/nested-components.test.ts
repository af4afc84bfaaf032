// Điều 5 khoản 2 Nghị định 85/2016 (Điều 8 khoản 2 Nghị định 331/2026) at every depth: a
// component's own components count, nesting has a limit, and the wizard's formats refuse nesting
// with a located error instead of dropping it.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, MAX_COMPONENT_DEPTH, type ComponentInput } from '../../src/lib/rules';
import { importInventory } from '../../src/lib/wizard/inventory-io';
import { parseRecord } from '../../src/lib/server/workflow/record';
import { buildDossier } from '../../src/lib/dossier/model';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { main } from '../../src/cli/main';
import { ruleset } from './helpers';

const rs = ruleset('vn-nd85@tt03-2017');
const base = {
	function: 'internal',
	information: ['public'],
	defense_security_damage: 'none',
	operates_24x7_no_unplanned_downtime: false,
	national_egov_system: false,
	national_critical_data_store: false,
	prime_minister_designated: false
};
const gateway = {
	...base,
	function: 'infrastructure',
	infrastructure_scope: 'international_gateway'
};
/** A chain of `depth` components, the deepest an international gateway. */
const chain = (depth: number): ComponentInput[] =>
	depth === 1
		? [{ name: 'Cổng quốc tế', facts: gateway }]
		: [{ name: `Tầng ${depth}`, facts: base, components: chain(depth - 1) }];

describe('nested components', () => {
	it('take the highest level over the whole tree, and report each subtree', () => {
		const r = evaluate(rs, { name: 'Hệ thống', facts: base, components: chain(3) });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.level).toBe(5);
		expect(r.value.components[0]).toMatchObject({ name: 'Tầng 3', level: 5 });
		expect(r.value.components[0]!.basis.map((b) => b.id)).toEqual(['nd85-d7']);
		expect(r.value.components[0]!.components![0]!.components![0]).toMatchObject({
			name: 'Cổng quốc tế',
			level: 5
		});
	});

	it(`stop at ${MAX_COMPONENT_DEPTH} levels with an error at the list that goes deeper`, () => {
		expect(evaluate(rs, { facts: base, components: chain(MAX_COMPONENT_DEPTH) }).ok).toBe(true);
		const r = evaluate(rs, { facts: base, components: chain(MAX_COMPONENT_DEPTH + 1) });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual([
			expect.objectContaining({
				code: 'invalid_input',
				path: 'components[0].components[0].components[0].components[0].components'
			})
		]);
	});

	it('locate bad facts deep in the tree, and the CLI points at the file position', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'capdo-nested-'));
		const file = join(dir, 'system.yaml');
		writeFileSync(
			file,
			[
				'name: Hệ thống',
				`facts: ${JSON.stringify(base)}`,
				'components:',
				'  - name: Trung tâm dữ liệu',
				`    facts: ${JSON.stringify(base)}`,
				'    components:',
				'      - name: Cổng',
				`        facts: ${JSON.stringify({ ...gateway, infrastructure_scope: 'galaxy' })}`,
				''
			].join('\n')
		);
		const err: string[] = [];
		const code = await main(['classify', file, '--ruleset', rs.ref], {
			out: () => {},
			err: (s) => err.push(s)
		});
		expect(code).toBe(1);
		expect(err.join('\n')).toContain(`${file}:8:`);
		expect(err.join('\n')).toContain('components[0].components[0].facts.infrastructure_scope');
	});
});

describe("the wizard's formats refuse nesting instead of dropping it", () => {
	const nested = {
		id: 's1',
		name: 'Hệ thống',
		ruleset: rs.ref,
		facts: base,
		components: [{ id: 'c1', name: 'Thành phần', facts: base, components: chain(1) }]
	};

	it('on import', () => {
		const text = JSON.stringify({
			schema: 'capdo-inventory/1',
			unit: {
				name: 'Sở X',
				governing_body: 'UBND tỉnh X',
				security_unit: 'Phòng Y',
				contact: { name: 'A' }
			},
			systems: [nested]
		});
		const r = importInventory(text, bundledRuleSets().rulesets);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.reasons.map((x) => x.en)).toEqual([
			expect.stringMatching(
				/^systems\[0\]\.components\[0\]\.components: the wizard supports one level/
			)
		]);
	});

	it('on the server API', () => {
		expect(() => parseRecord(nested)).toThrow(/components\[0\]\.components/);
	});

	it('in the dossier model', () => {
		const r = buildDossier(rs, {
			unit: {
				name: 'Sở X',
				governing_body: 'UBND tỉnh X',
				security_unit: 'Phòng Y',
				contact: { name: 'A' }
			},
			system: nested
		} as unknown as Parameters<typeof buildDossier>[1]);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.map((e) => e.path)).toContain('system.components[0].components');
	});
});

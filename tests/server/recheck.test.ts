// The appraiser's recheck: recompute under the cited rule set, flag level or hash differences.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadLibrary, parsePublished, withRevisions } from '../../src/lib/rules';
import { bundledRuleSets, readYamlTree } from '../../src/lib/server/ruleset-files';
import { recheck } from '../../src/lib/server/workflow/recheck';
import { level2Record, RULESET } from './fixtures';

const rulesets = bundledRuleSets().rulesets;
const rs = rulesets.find((r) => r.ref === RULESET)!;
const record = { ...level2Record(), id: 's1' };
const stored = {
	ruleset_id: rs.data.id,
	ruleset_version: rs.data.version,
	ruleset_hash: rs.hash,
	computed_level: 2,
	proposed_level: 2
};

describe('recheck', () => {
	it('agrees with an honest dossier', () => {
		expect(recheck(rulesets, stored, record, '2020-01-01')).toMatchObject({
			cited: RULESET,
			missing: false,
			hash_mismatch: false,
			recomputed_level: 2,
			level_mismatch: false
		});
	});

	it('flags a level the rules do not give and a rule set whose content changed', () => {
		const r = recheck(
			rulesets,
			{ ...stored, computed_level: 1, ruleset_hash: 'f'.repeat(64) },
			record,
			'2020-01-01'
		);
		expect(r).toMatchObject({ hash_mismatch: true, level_mismatch: true, recomputed_level: 2 });
	});

	it('flags a rule set this server does not have', () => {
		expect(
			recheck(rulesets, { ...stored, ruleset_version: 'nope' }, record, '2020-01-01')
		).toMatchObject({
			missing: true,
			recomputed_level: null
		});
	});
});

describe('recheck of a classification made under an earlier revision', () => {
	// fx@v1 revision 2 added criterion c2 (level 2); revision 1 gave level 1 only to public-only.
	const DIR = 'tests/fixtures/rulesets/corrected';
	const loaded = loadLibrary(readYamlTree(DIR));
	const { entries } = parsePublished('p', readFileSync(`${DIR}/published.yaml`, 'utf8'));
	const fx = withRevisions(loaded.rulesets, entries);
	const [rev1] = entries[0]!.hashes;
	const record = (public_only: boolean) => ({
		id: 'f1',
		name: 'Hệ thống thử',
		ruleset: 'fx@v1',
		facts: { public_only },
		components: []
	});
	const storedUnder = (hash: string, level: number | null) => ({
		ruleset_id: 'fx',
		ruleset_version: 'v1',
		ruleset_hash: hash,
		computed_level: level,
		proposed_level: level ?? 1
	});

	it('says what was corrected since, without alarm when the level stays', () => {
		const r = recheck(fx, storedUnder(rev1!, 1), record(true), '2020-06-01');
		expect(r).toMatchObject({
			hash_mismatch: false,
			revision: 2,
			recomputed_level: 1,
			level_mismatch: false,
			corrected: { since: 1, procedure_changed: false }
		});
		expect(r.corrected!.corrections).toEqual([
			expect.objectContaining({
				revision: 2,
				date: '2026-12-01',
				kind: 'substantive',
				reason: expect.objectContaining({ vi: 'Bổ sung tiêu chí khoản 2 Điều 4 bị bỏ sót.' })
			})
		]);
	});

	it('alarms when the correction changes the level', () => {
		// Under revision 1 nothing fired for a non-public system; revision 2 gives level 2.
		const r = recheck(fx, storedUnder(rev1!, null), record(false), '2020-06-01');
		expect(r).toMatchObject({ level_mismatch: true, recomputed_level: 2, corrected: { since: 1 } });
	});

	it('alarms when a substantive correction changed the procedure of the proposed level', () => {
		const rs = fx[0]!;
		const changed = {
			...rs,
			data: {
				...rs.data,
				corrections: rs.data.corrections!.map((c) => ({
					...c,
					changes: [...c.changes, { ...c.changes[0]!, target: 'procedure/authority', levels: [1] }]
				}))
			}
		} as typeof rs;
		const r = recheck([changed], storedUnder(rev1!, 1), record(true), '2020-06-01');
		expect(r.corrected).toMatchObject({ procedure_changed: true });
		const other = recheck([changed], storedUnder(rev1!, 2), record(false), '2020-06-01');
		expect(other.corrected).toMatchObject({ procedure_changed: false });
	});

	it('still flags a hash that is no published revision', () => {
		const r = recheck(fx, storedUnder('e'.repeat(64), 1), record(true), '2020-06-01');
		expect(r).toMatchObject({ hash_mismatch: true });
		expect(r.corrected).toBeUndefined();
	});
});

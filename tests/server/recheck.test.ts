// The appraiser's recheck: recompute under the cited rule set, flag level or hash differences.
import { describe, expect, it } from 'vitest';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
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

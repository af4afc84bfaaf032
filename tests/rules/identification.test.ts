// Owner, operator and stage are defined per regime, each with its own citation.
import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/lib/rules';
import { ruleset } from './helpers';

describe('identification guidance per regime', () => {
	it.each([
		['vn-nd85@tt03-2017', 'Điều 5 Thông tư 03/2017/TT-BTTTT', 'Điều 14 Nghị định 85/2016/NĐ-CP'],
		['vn-nd85@tt12-2022', 'Điều 4 Thông tư 12/2022/TT-BTTTT', 'Điều 14 Nghị định 85/2016/NĐ-CP'],
		['vn-nd331@2026', 'Điều 4 Nghị định 331/2026/NĐ-CP', 'Điều 20 Nghị định 331/2026/NĐ-CP']
	])('%s: owner %s, system in operation %s', (ref, owner, inOperation) => {
		const rs = ruleset(ref);
		const id = rs.data.identification!;
		expect(formatCitation(id.owner.citation, rs.data.sources)).toBe(owner);
		expect(formatCitation(id.in_operation.citation, rs.data.sources)).toBe(inOperation);
		for (const k of ['system', 'owner', 'operator', 'new_project', 'in_operation'] as const)
			expect(id[k].help.vi.length, k).toBeGreaterThan(20);
	});
});

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
		for (const [k, [vi, en]] of Object.entries(HELP[ref]!)) {
			const help = id[k as keyof typeof id].help;
			expect(help.vi, k).toContain(vi);
			expect(help.en, k).toContain(en);
		}
	});
});

// What each help text must say, in both languages: the defining words of the article it cites
// (Nghị định 85 Điều 5 khoản 1, 13, 14; Thông tư 03 Điều 5–6; Thông tư 12 Điều 4–5; Nghị định 331
// Điều 4, 5, 7, 19, 20).
const NEW_PROJECT = ['báo cáo nghiên cứu khả thi', 'feasibility study'];
const OWNER = [
	'cấp có thẩm quyền quyết định đầu tư hệ thống',
	'authority that decided the investment'
];
const ND85_SYSTEM = [
	'chỉ có một chủ quản, có thể hoạt động độc lập',
	'single owner, can operate on its own'
];
const HELP: Record<string, Record<string, string[]>> = {
	'vn-nd85@tt03-2017': {
		system: ND85_SYSTEM,
		owner: OWNER,
		operator: ['được chủ quản giao nhiệm vụ vận hành hệ thống; khi thuê dịch vụ', 'outsourced'],
		new_project: NEW_PROJECT,
		in_operation: [
			'đơn vị vận hành lập hồ sơ đề xuất cấp độ',
			'operator prepares the level-proposal'
		]
	},
	'vn-nd85@tt12-2022': {
		system: ND85_SYSTEM,
		owner: OWNER,
		operator: ['được chủ quản giao nhiệm vụ vận hành hệ thống', 'assigned to run the system'],
		new_project: NEW_PROJECT,
		in_operation: [
			'đơn vị vận hành lập hồ sơ đề xuất cấp độ',
			'operator prepares the level-proposal'
		]
	},
	'vn-nd331@2026': {
		system: [
			'chức năng nghiệp vụ rõ ràng, có xử lý dữ liệu',
			'clear business function, processes data'
		],
		owner: OWNER,
		operator: ['khi thuê dịch vụ, xác định theo hợp đồng', 'as the contract says'],
		new_project: NEW_PROJECT,
		in_operation: ['theo trình tự, thủ tục tại Điều 20', 'procedure of Article 20']
	}
};

// The answers and the changes between revisions as people read them: question text and answer
// labels from the rule set, never fact ids; components nested.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/lib/i18n';
import { messagesFor } from '../../src/lib/i18n/messages';
import type { SystemRecord } from '../../src/lib/model/inventory';
import { answerTree, describeChanges, routingRows } from '../../src/lib/wizard/summary';
import { ruleset } from '../rules/helpers';

const rs = ruleset('vn-nd85@tt12-2022');
const vi = translator('vi', messagesFor('vi'));
const en = translator('en', messagesFor('en'));
const base: SystemRecord = {
	id: 's1',
	name: 'Cổng dịch vụ công',
	facts: {
		function: 'internal',
		information: ['public', 'private'],
		defense_security_damage: 'none',
		operates_24x7_no_unplanned_downtime: false,
		national_egov_system: false,
		national_critical_data_store: false,
		prime_minister_designated: false
	},
	components: [
		{
			id: 'c1',
			name: 'Mạng LAN',
			facts: {
				function: 'infrastructure',
				information: ['public'],
				defense_security_damage: 'none'
			}
		}
	]
};
const ids = Object.keys(rs.data.facts);
const noIds = (text: string) => ids.filter((id) => new RegExp(`\\b${id}\\b`).test(text));

describe('answer summary', () => {
	it('shows question text and answer labels in the chosen language, components nested', () => {
		const tree = answerTree(rs, base, vi);
		expect(tree.title).toBe('Hệ thống Cổng dịch vụ công');
		expect(tree.rows[0]).toEqual({
			question: rs.data.facts.function!.question.vi,
			answer: 'Phục vụ hoạt động nội bộ'
		});
		expect(tree.rows.find((r) => r.answer.includes('Thông tin riêng'))?.answer).toBe(
			'Thông tin công cộng, Thông tin riêng'
		);
		expect(tree.components[0]!.title).toBe('Hệ thống thành phần Mạng LAN');
		expect(noIds(JSON.stringify(tree))).toEqual([]);
		expect(answerTree(rs, base, en).rows[0]!.answer).toBe('Internal operations');
		// Nested components (a component's own components) are shown under it.
		const nested = answerTree(
			rs,
			{
				...base,
				components: [
					{ ...base.components[0]!, components: [{ ...base.components[0]!, name: 'Cổng quốc tế' }] }
				] as unknown as SystemRecord['components']
			},
			vi
		);
		expect(nested.components[0]!.components[0]!.title).toBe('Hệ thống thành phần Cổng quốc tế');
	});

	it('routing answers show their defaults', () => {
		expect(routingRows(rs, base, vi).map((r) => r.answer)).toEqual([
			'Không — bộ, ngành, địa phương khác quản lý',
			'Không'
		]);
	});

	it('describes changes in words: facts, components, routing, proposal, text fields', () => {
		const after: SystemRecord = {
			...base,
			description: 'Đã bổ sung',
			facts: { ...base.facts, information: ['public', 'private', 'personal'] },
			components: [],
			routing: { security_unit_operates: true },
			proposal: { level: 3, justification: 'Dữ liệu tập trung' }
		};
		const rows = describeChanges(rs, base, after, vi);
		expect(rows).toEqual([
			{ what: 'Mô tả tổng quan', before: 'Chưa trả lời', after: 'Đã bổ sung' },
			{
				what: rs.data.facts.information!.question.vi,
				before: 'Thông tin công cộng, Thông tin riêng',
				after: 'Thông tin công cộng, Thông tin riêng, Thông tin cá nhân'
			},
			{ what: 'Hệ thống thành phần Mạng LAN', before: 'Mạng LAN', after: 'Đã bỏ' },
			{
				what: rs.data.procedure.routing!.facts.security_unit_operates!.question.vi,
				before: 'Không',
				after: 'Có'
			},
			{ what: 'Cấp độ đề xuất', before: 'Chưa trả lời', after: 'Cấp độ 3 — Dữ liệu tập trung' }
		]);
		expect(noIds(JSON.stringify(rows))).toEqual([]);
		expect(describeChanges(rs, base, base, vi)).toEqual([]);
	});
});

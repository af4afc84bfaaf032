// Export and import of the whole inventory as one JSON file. An import is checked completely
// (shape, schema tag, rule sets, every answer against its rule set) before anything is replaced.
import { jsonSyntaxError } from '../json-error';
import { normalizeFacts } from '../rules/evaluate';
import type { Localized, RuleSet } from '../rules/types';
import {
	componentIdProblem,
	INVENTORY_SCHEMA,
	type Inventory,
	type SystemRecord
} from '../model/inventory';
import { ruleSetFor } from './rulesets';

export const exportInventory = (inv: Inventory): string => JSON.stringify(inv, null, 2) + '\n';

export type ImportResult = { ok: true; inventory: Inventory } | { ok: false; reasons: Localized[] };

const m = (vi: string, en: string): Localized => ({ vi, en });
const isObj = (v: unknown): v is Record<string, unknown> =>
	!!v && typeof v === 'object' && !Array.isArray(v);
const isStr = (v: unknown) => typeof v === 'string';

const COMPONENT_ID = {
	empty: m('không được để trống', 'must not be empty'),
	reserved: m('là mã dành riêng cho hệ thống chính', 'is reserved for the main system'),
	repeated: m('trùng với một hệ thống thành phần trước', 'repeats an earlier component')
} as const;

export function importInventory(text: string, rulesets: readonly RuleSet[]): ImportResult {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		const at = jsonSyntaxError(text);
		const why = at ? `${at.code}` : (e as Error).message;
		const where = at
			? { vi: `dòng ${at.line}, cột ${at.column}: `, en: `line ${at.line}, column ${at.column}: ` }
			: { vi: '', en: '' };
		return {
			ok: false,
			reasons: [
				m(`Tệp không phải JSON hợp lệ: ${where.vi}${why}.`, `Not valid JSON: ${where.en}${why}.`)
			]
		};
	}
	if (!isObj(data))
		return {
			ok: false,
			reasons: [m('Tệp phải chứa một đối tượng JSON.', 'The file must hold a JSON object.')]
		};
	if (data.schema !== INVENTORY_SCHEMA)
		return {
			ok: false,
			reasons: [
				m(
					`Tệp không phải danh mục hệ thống của capdo (cần "schema": "${INVENTORY_SCHEMA}").`,
					`Not a capdo inventory (expected "schema": "${INVENTORY_SCHEMA}").`
				)
			]
		};
	const reasons: Localized[] = [];
	const unit = data.unit;
	if (
		!isObj(unit) ||
		!isStr(unit.name) ||
		!isStr(unit.governing_body) ||
		!isStr(unit.security_unit) ||
		!isObj(unit.contact) ||
		!isStr(unit.contact.name)
	)
		reasons.push(
			m(
				'"unit" phải có name, governing_body, security_unit và contact.name.',
				'"unit" needs name, governing_body, security_unit and contact.name.'
			)
		);
	if (!Array.isArray(data.systems))
		return {
			ok: false,
			reasons: [...reasons, m('"systems" phải là một danh sách.', '"systems" must be a list.')]
		};
	const ids = new Set<string>();
	data.systems.forEach((s: unknown, i) => {
		const at = `systems[${i}]`;
		if (
			!isObj(s) ||
			!isStr(s.id) ||
			!isStr(s.name) ||
			!isObj(s.facts) ||
			!Array.isArray(s.components)
		) {
			reasons.push(
				m(
					`${at}: cần id, name, facts và components.`,
					`${at}: needs id, name, facts and components.`
				)
			);
			return;
		}
		if (ids.has(s.id as string))
			reasons.push(m(`${at}: id "${s.id}" bị trùng.`, `${at}: duplicate id "${s.id}".`));
		ids.add(s.id as string);
		if (s.ruleset !== undefined && !rulesets.some((r) => r.ref === s.ruleset)) {
			reasons.push(
				m(
					`${at}: không có bộ quy tắc "${String(s.ruleset)}".`,
					`${at}: unknown rule set "${String(s.ruleset)}".`
				)
			);
			return;
		}
		const rs = ruleSetFor(rulesets, s as unknown as SystemRecord);
		if (!rs) return;
		const parts = [{ path: `${at}.facts`, facts: s.facts }];
		(s.components as unknown[]).forEach((c, j) => {
			const cat = `${at}.components[${j}]`;
			if (!isObj(c) || !isStr(c.id) || !isStr(c.name) || !isObj(c.facts))
				reasons.push(m(`${cat}: cần id, name và facts.`, `${cat}: needs id, name and facts.`));
			else if (Array.isArray(c.components) && c.components.length > 0)
				// The wizard keeps one level of components: refuse nesting rather than drop it.
				reasons.push(
					m(
						`${cat}.components: trình hướng dẫn chỉ hỗ trợ một cấp hệ thống thành phần; khai báo thành phần của thành phần như một thành phần trực tiếp (cấp độ vẫn là cấp độ cao nhất, khoản 2 Điều 5 Nghị định 85/2016/NĐ-CP).`,
						`${cat}.components: the wizard supports one level of components; list a component's components as direct components (the level is still the highest, Decree 85/2016 Article 5(2)).`
					)
				);
			else {
				const problem = componentIdProblem(s.components as { id: unknown }[], j);
				if (problem)
					reasons.push(
						m(
							`${cat}.id: mã "${c.id}" ${COMPONENT_ID[problem].vi}.`,
							`${cat}.id: id "${c.id}" ${COMPONENT_ID[problem].en}.`
						)
					);
				parts.push({ path: `${cat}.facts`, facts: c.facts });
			}
		});
		for (const p of parts)
			// Unfinished interviews are fine; wrong names, types and values are not.
			for (const e of normalizeFacts(rs, p.facts, p.path).errors)
				if (e.code !== 'missing')
					reasons.push(m(`${e.path}: ${e.message.vi}`, `${e.path}: ${e.message.en}`));
	});
	return reasons.length > 0
		? { ok: false, reasons }
		: { ok: true, inventory: data as unknown as Inventory };
}

// Checks the shape of what the wizard sends before it is stored (the rules engine checks facts).
import {
	componentIdProblem,
	INVENTORY_SCHEMA,
	type Inventory,
	type SystemRecord,
	type UnitProfile
} from '../../model/inventory';
import { canonicalJson, sha256Hex } from '../../rules';
import { InputError } from '../auth/accounts';

const MAX_BYTES = 512 * 1024;

const COMPONENT_ID = {
	empty: 'không được để trống',
	reserved: 'là mã dành riêng cho hệ thống chính',
	repeated: 'trùng với một hệ thống thành phần trước'
} as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
	!!v && typeof v === 'object' && !Array.isArray(v);

export function parseRecord(raw: unknown): SystemRecord {
	if (!isObject(raw)) throw new InputError('Hệ thống phải là một đối tượng JSON.');
	if (JSON.stringify(raw).length > MAX_BYTES) throw new InputError('Hồ sơ hệ thống quá lớn.');
	if (typeof raw.name !== 'string' || !raw.name.trim())
		throw new InputError('Nhập tên hệ thống.', 'name');
	if (!isObject(raw.facts)) throw new InputError('"facts" phải là một đối tượng.', 'facts');
	const components = raw.components ?? [];
	if (
		!Array.isArray(components) ||
		!components.every(
			(c) =>
				isObject(c) && typeof c.id === 'string' && typeof c.name === 'string' && isObject(c.facts)
		)
	)
		throw new InputError('"components" phải là danh sách { id, name, facts }.', 'components');
	// The wizard keeps one level of components; nesting is for the CLI, never silently dropped here.
	const nested = components.findIndex(
		(c) => Array.isArray(c.components) && c.components.length > 0
	);
	if (nested >= 0)
		throw new InputError(
			`components[${nested}].components: trình hướng dẫn chỉ hỗ trợ một cấp hệ thống thành phần; ` +
				'khai báo thành phần của thành phần như một thành phần trực tiếp (cấp độ vẫn là cấp độ cao nhất).',
			'components'
		);
	for (let j = 0; j < components.length; j++) {
		const problem = componentIdProblem(components as { id: unknown }[], j);
		if (problem)
			throw new InputError(
				`Hệ thống thành phần thứ ${j + 1}: mã "${String(components[j].id)}" ${COMPONENT_ID[problem]}.`,
				`components[${j}].id`
			);
	}
	if (raw.routing !== undefined && !isObject(raw.routing))
		throw new InputError('"routing" phải là một đối tượng.', 'routing');
	if (raw.ruleset !== undefined && typeof raw.ruleset !== 'string')
		throw new InputError('"ruleset" phải có dạng id@version.', 'ruleset');
	const proposal = raw.proposal;
	if (
		proposal !== undefined &&
		!(
			isObject(proposal) &&
			[1, 2, 3, 4, 5].includes(proposal.level as number) &&
			typeof proposal.justification === 'string'
		)
	)
		throw new InputError('"proposal" phải là { level: 1–5, justification }.', 'proposal');
	return {
		...(raw as unknown as SystemRecord),
		components: components as SystemRecord['components']
	};
}

export function parseProfile(raw: unknown): UnitProfile {
	if (!isObject(raw)) throw new InputError('Thông tin đơn vị phải là một đối tượng JSON.');
	if (JSON.stringify(raw).length > MAX_BYTES) throw new InputError('Thông tin đơn vị quá lớn.');
	for (const k of ['name', 'governing_body', 'security_unit'] as const)
		if (typeof raw[k] !== 'string') throw new InputError(`Thiếu "${k}".`, k);
	if (!isObject(raw.contact) || typeof raw.contact.name !== 'string')
		throw new InputError('Thiếu người liên hệ.', 'contact');
	return raw as unknown as UnitProfile;
}

/** The hash a classification is tied to: any later edit of the record makes it stale. */
export function recordHash(r: SystemRecord): string {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { updated_at, ...content } = r;
	return sha256Hex(canonicalJson(content));
}

export const emptyInventory = (unit: UnitProfile, systems: SystemRecord[]): Inventory => ({
	schema: INVENTORY_SCHEMA,
	unit,
	systems
});

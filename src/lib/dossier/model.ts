// The dossier model (hồ sơ đề xuất cấp độ): everything one PDF shows, as data. It is also the JSON
// twin (`capdo-dossier/1`), so re-importing it rebuilds the same model and the same fingerprint.
import {
	canonicalJson,
	evaluate,
	normalizeRouting,
	sha256Hex,
	type Classification,
	type Localized,
	type Facts,
	type Level,
	type RuleSet
} from '../rules';
import type { PlanItemStatus, SystemRecord, SystemStage, UnitProfile } from '../model/inventory';
import { describeGlyph, glyphProblems } from '../paper/text';

export const DOSSIER_SCHEMA = 'capdo-dossier/1';

/** What a caller gives: the unit, one system as saved by the wizard, the cover letter's number/date. */
export interface DossierInput {
	unit?: Partial<UnitProfile>;
	system: Partial<SystemRecord> & { facts?: unknown; components?: unknown };
	document?: DocumentInfo;
	/** Set by the appraisal workflow; until then every page says "DỰ THẢO". */
	approved?: boolean;
}

export interface DocumentInfo {
	number?: string; // "Số: 12/STC-CNTT"; blank dots when absent, to be filled at signing
	date?: string; // YYYY-MM-DD of the cover letter; blank dots when absent
	/** Who the cover letter is addressed to, when the unit knows the body's name. */
	addressee?: string;
}

export interface PartLevel {
	name: string;
	level: Level | null;
	criteria: { id: string; level: Level; citation: string }[];
}

export interface Dossier {
	schema: typeof DOSSIER_SCHEMA;
	template: string;
	ruleset: { id: string; version: string; hash: string };
	unit: UnitProfile;
	system: {
		name: string;
		description?: string;
		owner?: string;
		operator?: string;
		stage?: SystemStage;
		design_documents?: string;
		/** Answers to the rule set's routing questions, defaults filled (who appraises). */
		routing?: Facts;
		/** Normalized facts (defaults filled, facts that do not apply dropped). */
		facts: Facts;
		components: { name: string; facts: Facts }[];
		explanation?: Record<string, string>;
		proposal?: { level: Level; justification: string };
		plan?: Record<string, PlanItemStatus>;
		specialist_opinion?: string;
	};
	document: DocumentInfo;
	result: {
		/** The level the criteria give (null: undetermined). */
		computed_level: Level | null;
		/** The level the dossier proposes: the owner's proposal, else the computed level. */
		proposed_level: Level;
		system: PartLevel;
		components: PartLevel[];
		designations: { id: string; citation: string }[];
		/** The rule set's notices that hold (e.g. no risk assessment recorded yet). */
		notices?: { id: string; citation: string }[];
	};
	approved: boolean;
	/** Excluded from the fingerprint: re-rendering the same content gives the same fingerprint. */
	generated_at?: string;
	fingerprint?: string;
}

export interface DossierIssue {
	/** Where in the input: "unit.name", "system.facts.function", "system.proposal". */
	path: string;
	message: Localized;
}

export type DossierOutcome =
	{ ok: true; dossier: Dossier; warnings: DossierIssue[] } | { ok: false; errors: DossierIssue[] };

const msg = (vi: string, en: string): Localized => ({ vi, en });
const isObject = (v: unknown): v is Record<string, unknown> =>
	!!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | undefined =>
	typeof v === 'string' && v.trim() !== '' ? v.normalize('NFC').trim() : undefined;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const STAGES: readonly SystemStage[] = ['new_project', 'in_operation'];

/** sha256 of the canonical dossier JSON without its generation time; first 16 hex digits. */
export function fingerprint(d: Dossier): string {
	const content: Partial<Dossier> = { ...d };
	delete content.generated_at;
	delete content.fingerprint;
	return sha256Hex(canonicalJson(content)).slice(0, 16);
}

/** Plan keys the rule set knows: its Điều 19 sections and its requirement groups and items. */
export function planKeys(ruleset: RuleSet): Set<string> {
	const keys = new Set<string>();
	for (const s of ruleset.data.dossier?.plan ?? []) keys.add(s.id);
	for (const g of ruleset.data.requirements?.groups ?? []) {
		keys.add(g.id);
		for (const i of g.items ?? []) keys.add(i.id);
	}
	return keys;
}

/**
 * Validates the input, classifies the system with the rule set and returns the dossier model.
 * Refuses (with the field named) what cannot make a valid dossier: no unit name, invalid facts, an
 * undetermined level without a proposal, a proposal without its justification.
 */
export function buildDossier(ruleset: RuleSet, input: DossierInput): DossierOutcome {
	const errors: DossierIssue[] = [];
	const warnings: DossierIssue[] = [];
	const err = (path: string, vi: string, en: string) => errors.push({ path, message: msg(vi, en) });
	const spec = ruleset.data.dossier;
	if (!spec) {
		err(
			'ruleset',
			`Bộ quy tắc ${ruleset.ref} không mô tả hồ sơ đề xuất cấp độ (thiếu mục dossier).`,
			`Rule set ${ruleset.ref} does not describe the dossier (no dossier section).`
		);
		return { ok: false, errors };
	}

	const unit = readUnit(input.unit, err, (path, vi, en) =>
		warnings.push({ path, message: msg(vi, en) })
	);
	const sys = isObject(input.system) ? input.system : {};
	const name = text(sys.name);
	if (!name)
		err('system.name', 'Thiếu tên hệ thống thông tin.', 'The information system name is missing.');
	const stage = sys.stage;
	if (stage !== undefined && !STAGES.includes(stage as SystemStage))
		err(
			'system.stage',
			`"stage" chỉ nhận: ${STAGES.join(', ')}.`,
			`"stage" must be one of: ${STAGES.join(', ')}.`
		);

	// The dossier (and its JSON twin) keeps one level of components, like the wizard: refuse a
	// deeper tree with its location rather than flatten or drop it.
	if (Array.isArray(sys.components))
		(sys.components as { components?: unknown }[]).forEach((c, i) => {
			if (Array.isArray(c?.components) && c.components.length > 0)
				err(
					`system.components[${i}].components`,
					'Hồ sơ chỉ ghi một cấp hệ thống thành phần: khai báo thành phần của thành phần như một thành phần trực tiếp.',
					"The dossier records one level of components: list a component's components as direct components."
				);
		});
	const evaluated = evaluate(ruleset, {
		name: name ?? '',
		facts: sys.facts as Record<string, unknown>,
		components: sys.components as { name?: string; facts: Record<string, unknown> }[]
	});
	let c: Classification | undefined;
	if (evaluated.ok) {
		c = evaluated.value;
		for (const w of c.warnings) warnings.push({ path: `system.${w.path}`, message: w.message });
	} else
		for (const e of evaluated.errors)
			errors.push({ path: e.path ? `system.${e.path}` : 'system', message: e.message });

	// Who appraises (procedure.routing): the answers with defaults, wrong ones named by path.
	const routing = normalizeRouting(ruleset, sys.routing);
	for (const e of routing.errors) errors.push({ path: `system.${e.path}`, message: e.message });

	const proposal = readProposal(sys.proposal, c?.level ?? null, c !== undefined, err);
	const explanation = readTextMap(
		sys.explanation,
		'system.explanation',
		new Set((spec.explanation ?? []).map((s) => s.id)),
		err
	);
	const plan = readPlan(sys.plan, planKeys(ruleset), err);
	const document = readDocument(input.document, err);
	// Never a dropped glyph: a character the paper's fonts cannot print is an error on its field.
	for (const p of glyphProblems(
		{ unit: input.unit, system: input.system, document: input.document },
		''
	))
		errors.push({
			path: p.path,
			message: { vi: describeGlyph(p, 'vi'), en: describeGlyph(p, 'en') }
		});
	if (input.approved !== undefined && typeof input.approved !== 'boolean')
		err('approved', '"approved" phải là true hoặc false.', '"approved" must be true or false.');

	if (errors.length > 0 || !c || !unit || !name) return { ok: false, errors };
	const part = (p: Classification['components'][number]): PartLevel => ({
		name: p.name,
		level: p.level,
		criteria: p.basis.map((b) => ({ id: b.id, level: b.level, citation: b.citation }))
	});
	const optional = {
		description: text(sys.description),
		owner: text(sys.owner),
		operator: text(sys.operator),
		stage: stage as SystemStage | undefined,
		design_documents: text(sys.design_documents),
		explanation,
		proposal,
		plan,
		specialist_opinion: text(sys.specialist_opinion),
		routing: Object.keys(routing.facts).length ? routing.facts : undefined
	};
	const dossier: Dossier = {
		schema: DOSSIER_SCHEMA,
		template: spec.template,
		ruleset: c.ruleset,
		unit,
		system: {
			name,
			facts: c.facts_used,
			components: c.components.map((p) => ({ name: p.name, facts: p.facts_used })),
			...dropUndefined(optional)
		},
		document,
		result: {
			computed_level: c.level,
			proposed_level: proposal?.level ?? (c.level as Level),
			system: part(c),
			components: c.components.map(part),
			designations: c.designations.map((d) => ({ id: d.id, citation: d.citation })),
			...(c.notices.length
				? { notices: c.notices.map((n) => ({ id: n.id, citation: n.citation })) }
				: {})
		},
		approved: input.approved ?? false
	};
	return { ok: true, dossier, warnings };
}

type Err = (path: string, vi: string, en: string) => void;

function dropUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A key with no value in the contact or signer ({ title: KT. Bộ trưởng, Chủ nhiệm } in YAML makes
 * "Chủ nhiệm" a key): the comma split the value, and the paper would print half a title.
 */
function warnSplitValues(person: Record<string, unknown>, path: string, warn: Err) {
	for (const [k, v] of Object.entries(person))
		if (v === null && !['name', 'title', 'authority', 'email', 'phone'].includes(k))
			warn(
				`${path}.${k}`,
				`"${k}" không có giá trị: dấu phẩy trong { } của YAML đã tách giá trị trước nó; đặt giá trị trong ngoặc kép.`,
				`"${k}" has no value: a comma inside a YAML { } split the value before it; put that value in quotes.`
			);
}

function readUnit(raw: unknown, err: Err, warn: Err): UnitProfile | undefined {
	if (!isObject(raw)) {
		err(
			'unit',
			'Thiếu thông tin đơn vị (unit: tên đơn vị, cơ quan chủ quản, người ký).',
			'The unit profile is missing (unit: name, governing body, signer).'
		);
		return undefined;
	}
	const name = text(raw.name);
	if (!name)
		err('unit.name', 'Thiếu tên đơn vị (unit.name).', 'The unit name is missing (unit.name).');
	const contact = isObject(raw.contact) ? raw.contact : {};
	const signer = isObject(raw.signer) ? raw.signer : undefined;
	warnSplitValues(contact, 'unit.contact', warn);
	if (signer) warnSplitValues(signer, 'unit.signer', warn);
	if (signer && (!text(signer.name) || !text(signer.title)))
		err(
			'unit.signer',
			'Người ký cần có họ tên (name) và chức danh (title).',
			'The signer needs a name and a title.'
		);
	if (!name) return undefined;
	return {
		name,
		governing_body: text(raw.governing_body) ?? '',
		security_unit: text(raw.security_unit) ?? '',
		contact: dropUndefined({
			name: text(contact.name) ?? '',
			title: text(contact.title),
			email: text(contact.email),
			phone: text(contact.phone)
		}) as UnitProfile['contact'],
		...(signer && text(signer.name) && text(signer.title)
			? {
					signer: {
						name: text(signer.name)!,
						title: text(signer.title)!,
						...(text(signer.authority) ? { authority: text(signer.authority) } : {})
					}
				}
			: {}),
		...(text(raw.place) ? { place: text(raw.place) } : {}),
		...(text(raw.address) ? { address: text(raw.address) } : {})
	};
}

function readProposal(
	raw: unknown,
	computed: Level | null,
	classified: boolean,
	err: Err
): Dossier['system']['proposal'] {
	if (raw === undefined || raw === null) {
		if (classified && computed === null)
			err(
				'system.proposal',
				'Không tiêu chí nào khớp: cần đề xuất cấp độ kèm thuyết minh (proposal: { level, justification }).',
				'No criterion matches: a proposed level with a justification is required (proposal: { level, justification }).'
			);
		return undefined;
	}
	if (!isObject(raw)) {
		err(
			'system.proposal',
			'"proposal" phải là { level, justification }.',
			'"proposal" must be { level, justification }.'
		);
		return undefined;
	}
	const level = raw.level;
	if (typeof level !== 'number' || ![1, 2, 3, 4, 5].includes(level)) {
		err(
			'system.proposal.level',
			'Cấp độ đề xuất phải là số từ 1 đến 5.',
			'The proposed level must be a number from 1 to 5.'
		);
		return undefined;
	}
	const justification = text(raw.justification);
	if (computed !== null && level < computed)
		err(
			'system.proposal.level',
			`Cấp độ đề xuất (${level}) thấp hơn cấp độ xác định theo tiêu chí (${computed}).`,
			`The proposed level (${level}) is below the level the criteria give (${computed}).`
		);
	if (!justification && (computed === null || level > computed))
		err(
			'system.proposal.justification',
			'Cần thuyết minh lý do đề xuất cấp độ (proposal.justification).',
			'A written justification for the proposed level is required (proposal.justification).'
		);
	return { level: level as Level, justification: justification ?? '' };
}

function readTextMap(
	raw: unknown,
	path: string,
	known: Set<string>,
	err: Err
): Record<string, string> | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (!isObject(raw)) {
		err(path, `"${path}" phải là một đối tượng.`, `"${path}" must be an object.`);
		return undefined;
	}
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(raw)) {
		if (!known.has(k))
			err(
				`${path}.${k}`,
				`Mục "${k}" không có trong bộ quy tắc (có: ${[...known].join(', ')}).`,
				`Unknown section "${k}" (known: ${[...known].join(', ')}).`
			);
		else if (typeof v !== 'string')
			err(`${path}.${k}`, 'Nội dung phải là văn bản.', 'The content must be text.');
		else if (text(v)) out[k] = text(v)!;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

function readPlan(
	raw: unknown,
	known: Set<string>,
	err: Err
): Record<string, PlanItemStatus> | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (!isObject(raw)) {
		err('system.plan', '"plan" phải là một đối tượng.', '"plan" must be an object.');
		return undefined;
	}
	const out: Record<string, PlanItemStatus> = {};
	for (const [k, v] of Object.entries(raw)) {
		const path = `system.plan.${k}`;
		if (!known.has(k)) {
			err(
				path,
				`Mục "${k}" không có trong phương án hay yêu cầu cơ bản của bộ quy tắc.`,
				`"${k}" is neither a plan section nor a baseline requirement of the rule set.`
			);
			continue;
		}
		const item = isObject(v) ? v : {};
		const note = text(item.note);
		const withNote = note ? { note } : {};
		if (item.status === 'in_place') out[k] = { status: 'in_place', ...withNote };
		else if (item.status === 'planned') {
			const date = text(item.date);
			if (!date || !DATE.test(date))
				err(
					`${path}.date`,
					'Cần ngày dự kiến (YYYY-MM-DD).',
					'A planned date (YYYY-MM-DD) is required.'
				);
			else out[k] = { status: 'planned', date, ...withNote };
		} else if (item.status === 'not_applicable') {
			const reason = text(item.reason);
			if (!reason)
				err(
					`${path}.reason`,
					'Cần nêu lý do không áp dụng.',
					'A reason for not applying is required.'
				);
			else out[k] = { status: 'not_applicable', reason };
		} else
			err(
				`${path}.status`,
				'Trạng thái chỉ nhận: in_place, planned, not_applicable.',
				'The status must be one of: in_place, planned, not_applicable.'
			);
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

function readDocument(raw: unknown, err: Err): DocumentInfo {
	if (raw === undefined || raw === null) return {};
	if (!isObject(raw)) {
		err('document', '"document" phải là một đối tượng.', '"document" must be an object.');
		return {};
	}
	const date = text(raw.date);
	if (date && !(DATE.test(date) && !Number.isNaN(Date.parse(date))))
		err('document.date', 'Ngày phải có dạng YYYY-MM-DD.', 'The date must be YYYY-MM-DD.');
	return dropUndefined({ number: text(raw.number), date, addressee: text(raw.addressee) });
}

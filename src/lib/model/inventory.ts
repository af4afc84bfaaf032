// The unit's work as saved by the wizard, exported/imported as one JSON file, stored by the server,
// and rendered into dossiers. Facts are keyed by the rule set's fact names.
import type { FactValue, Level } from '../rules/types';

export const INVENTORY_SCHEMA = 'capdo-inventory/1';

/** Asked once per unit, reused in every dossier (cover letter header and signature). */
export interface UnitProfile {
	name: string; // tên đơn vị, e.g. "Sở Tài chính tỉnh Gia Lai"
	governing_body: string; // cơ quan chủ quản, e.g. "Ủy ban nhân dân tỉnh Gia Lai"
	security_unit: string; // đơn vị chuyên trách về an toàn thông tin
	contact: { name: string; title?: string; email?: string; phone?: string };
	/**
	 * Who signs the cover letter (defaults to the unit head). `authority` is the line above the title
	 * when a deputy signs for the head (Decree 30/2020 Điều 13: "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC").
	 */
	signer?: { name: string; title: string; authority?: string };
	place?: string; // địa danh on the date line, e.g. "Gia Lai"
	address?: string; // the unit's address (Decree 331/2026 Mẫu 01–03 "Địa chỉ", Điều 22 khoản 3)
}

/** Điều 13 (new or upgrade project) vs Điều 14 (system in operation) of Decree 85/2016. */
export type SystemStage = 'new_project' | 'in_operation';

export interface ComponentRecord {
	id: string;
	name: string;
	facts: Record<string, FactValue>;
}

/** Status of one security-plan or baseline-requirement item. */
export type PlanItemStatus =
	| { status: 'in_place'; note?: string }
	| { status: 'planned'; date: string; note?: string }
	| { status: 'not_applicable'; reason: string };

export interface SystemRecord {
	id: string;
	name: string;
	description?: string; // overview (Điều 15 khoản 1)
	owner?: string; // chủ quản hệ thống thông tin (Thông tư 03/2017 Điều 5)
	operator?: string; // đơn vị vận hành (Thông tư 03/2017 Điều 6)
	stage?: SystemStage;
	design_documents?: string; // what is attached (Điều 15 khoản 2)
	/** Rule set pinned for this classification ("id@version"); chosen by date when first classified. */
	ruleset?: string;
	/**
	 * Answers to the rule set's routing questions (procedure.routing: who manages the system, whether
	 * the specialized unit operates it), which decide who appraises; absent answers take defaults.
	 */
	routing?: Record<string, FactValue>;
	facts: Record<string, FactValue>;
	components: ComponentRecord[];
	/** Answers to the rule set's dossier.explanation sections (levels 4–5), keyed by section id. */
	explanation?: Record<string, string>;
	/** The owner's proposal: required when undetermined; a level above the computed one needs a reason. */
	proposal?: { level: Level; justification: string };
	/** Security plan (Điều 19) and baseline requirements, keyed by section or requirement id. */
	plan?: Record<string, PlanItemStatus>;
	/** Specialized unit's opinion (Điều 15 khoản 5, levels 4–5). */
	specialist_opinion?: string;
	updated_at?: string;
}

export interface Inventory {
	schema: typeof INVENTORY_SCHEMA;
	unit: UnitProfile;
	systems: SystemRecord[];
}

/** A component's id keys its pages, URLs and answers: non-empty, not "main", not repeated. */
export function componentIdProblem(
	components: readonly { id: unknown }[],
	j: number
): 'empty' | 'reserved' | 'repeated' | undefined {
	const id = components[j]!.id;
	if (typeof id !== 'string' || !id.trim()) return 'empty';
	if (id === 'main') return 'reserved';
	if (components.slice(0, j).some((c) => c.id === id)) return 'repeated';
	return undefined;
}

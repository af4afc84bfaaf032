// The shapes of a rule set (as written in YAML) and of a classification result.

export type Lang = 'vi' | 'en';
export interface Localized {
	vi: string;
	en: string;
}

export type Level = 1 | 2 | 3 | 4 | 5;
export const LEVELS: readonly Level[] = [1, 2, 3, 4, 5];

/**
 * A reference into a source document: Điều `article` khoản `clause` điểm `point`. An appendix
 * item adds `appendix` ("II") and `item` ("I.1.5.4": part I, row 1.5.4); `article`/`clause` then
 * name the article that makes the appendix binding (Điều 10 khoản 2 for Phụ lục II).
 */
export interface Citation {
	source: string;
	article: number;
	clause?: number;
	point?: string;
	appendix?: string;
	item?: string;
	/** The provisions of amending documents that changed this one ("được sửa đổi, bổ sung bởi"). */
	amended_by?: Amendment[];
}

/** A provision of an amending document: Điều `article` khoản `clause` điểm `point` of `source`. */
export interface Amendment {
	source: string;
	article: number;
	clause?: number;
	point?: string;
}

export interface Source {
	id: string;
	type: Localized;
	number: string;
	date: string;
	issuer: string;
	title?: string;
}

/** Scalar values a fact can take. */
export type Scalar = string | number | boolean;
export type FactValue = Scalar | string[];
export type Facts = Record<string, FactValue>;

/**
 * Conditions are data. A leaf compares one fact; `all`/`any`/`not` combine.
 * Exactly one operator per leaf.
 */
export type Condition =
	{ all: Condition[] } | { any: Condition[] } | { not: Condition } | ({ fact: string } & LeafOp);

export type LeafOp =
	| { eq: Scalar }
	| { ne: Scalar }
	| { in: Scalar[] }
	| { lt: number }
	| { lte: number }
	| { gt: number }
	| { gte: number }
	| { contains: string }
	| { contains_any: string[] }
	| { only: string[] };

export const LEAF_OPERATORS = [
	'eq',
	'ne',
	'in',
	'lt',
	'lte',
	'gt',
	'gte',
	'contains',
	'contains_any',
	'only'
] as const;
export type LeafOperator = (typeof LEAF_OPERATORS)[number];

interface FactBase {
	question: Localized;
	help?: Localized;
	citation: Citation;
	guidance?: Citation;
	applies_when?: Condition;
	/**
	 * This fact asks again, in other terms, what a fact of an earlier version asked (e.g. Nghị định
	 * 42/2022's "toàn trình / một phần" for "mức độ 1–4"): an answer stored under the old name is
	 * read through `map` (old value → new value) when the new one is not given.
	 */
	replaces?: { fact: string; map: Record<string, Scalar> };
	/**
	 * The value the fact takes where it does not apply (e.g. `none` for the damage to defence of a
	 * civilian system); an answer given with this value is then not reported as ignored.
	 */
	otherwise?: Scalar;
	/** Asked right after this fact (a later version placing a new question) instead of last. */
	after?: string;
}
export type FactDef = FactBase &
	(
		| { type: 'enum'; values: string[]; labels?: Record<string, Localized>; default?: string }
		| { type: 'set'; values: string[]; labels?: Record<string, Localized>; default?: string[] }
		| { type: 'boolean'; default?: boolean }
		| { type: 'integer'; min?: number; max?: number; default?: number }
	);

export interface Constraint {
	id: string;
	when: Condition;
	require: Condition;
	field: string;
	message: Localized;
	citation: Citation;
}

export interface Criterion {
	id: string;
	level: Level;
	citation: Citation;
	text: string;
	note?: Localized;
	when: Condition;
}

export interface GoldenComponent {
	name: string;
	facts: Facts;
	components?: GoldenComponent[];
}
export interface GoldenCase {
	name: string;
	facts: Facts;
	components?: GoldenComponent[];
	expect: {
		level: Level | null;
		/** The criteria that fire (filled in from `basis` when only that is written). */
		criteria: string[];
		/**
		 * Each expected criterion with its citation as a reader sees it and the level it gives ("Điều 9
		 * khoản 2 điểm c Nghị định 85/2016/NĐ-CP → cấp độ 3"), so a changed article, clause, point or
		 * criterion level fails the case, not only the lock.
		 */
		basis?: Record<string, string>;
		/** Designations reported beside the level, id → citation (none when absent). */
		designations?: Record<string, string>;
		components?: (Level | null)[];
	};
}

/**
 * What the procedure must say for one level, as a reader sees it (Vietnamese, citations formatted):
 * who appraises and approves, in how many days of which kind. Run with the golden cases; `null`
 * means the rule set sets no such deadline (or submission rule) for the level.
 */
export interface ProcedureCase {
	level: Level;
	appraiser: string;
	approver: string;
	/** The citation of the authority rule. */
	authority: string;
	appraisal_deadline: { days: number; working_days: boolean; citation: string } | null;
	approval_deadline: { days: number; working_days: boolean; citation: string } | null;
	/** The time limit to check the dossier's validity (answer an incomplete one); absent: not checked. */
	completeness_deadline?: { days: number; working_days: boolean; citation: string } | null;
	submission?: { originals: number; copies: number; citation: string } | null;
}

export interface LevelRule {
	levels: Level[];
	citation: Citation;
}
export interface AuthorityRule extends LevelRule {
	appraiser: Localized;
	/** Short name of the appraising body for a letter's "Kính gửi" (defaults to `appraiser`). */
	addressee?: Localized;
	approver: Localized;
	prior_opinion?: Localized;
	/** A rule that qualifies who appraises (e.g. Điều 6 Thông tư 12/2022), with its own citation. */
	note?: { text: Localized; citation: Citation };
}
/** A notice shown on the result and in the dossier while `when` holds (e.g. a mandatory step not done). */
export interface Notice {
	id: string;
	when: Condition;
	message: Localized;
	citation: Citation;
}

/** When an owner must assess again (e.g. Nghị định 331/2026 Điều 10 khoản 2 điểm b–đ): shown at re-determination. */
export interface Reassessment {
	intro: Localized;
	citation: Citation;
	triggers: { id: string; text: string; summary: Localized; citation: Citation }[];
}

export interface DeadlineRule extends LevelRule {
	days: number;
	working_days: boolean;
}
export interface SubmissionRule extends LevelRule {
	copies: { originals: number; copies: number };
	recipient: Localized;
}
/**
 * An exception to `authority`: for `levels`, when `when` holds over the routing facts, another body
 * appraises (and receives the dossier). E.g. Điều 12 khoản 3 điểm b Nghị định 85/2016: the Ministry
 * of Defence appraises the systems it manages.
 */
export interface RouteRule extends LevelRule {
	id: string;
	when: Condition;
	appraiser: Localized;
	addressee?: Localized;
	/** Where the dossier is sent instead of `submission.recipient`. */
	recipient?: Localized;
	note?: { text: Localized; citation: Citation };
}
/** Questions about the whole system (not its components) that pick a route; each has a default. */
export interface Routing {
	facts: Record<string, FactDef>;
	routes: RouteRule[];
}
export interface Procedure {
	authority: AuthorityRule[];
	appraisal_deadline?: DeadlineRule[];
	approval_deadline?: DeadlineRule[];
	/** Time to check that a received dossier is complete and valid (or to say what is missing). */
	completeness_deadline?: DeadlineRule[];
	submission?: SubmissionRule[];
	routing?: Routing;
}

/** One point the appraiser rules on ("đạt / chưa đạt" and a comment), e.g. Điều 16 khoản 1 điểm a. */
export interface ChecklistItem {
	id: string;
	/** The article's words, verbatim. */
	text: string;
	/** The plain question the appraiser answers. */
	label: Localized;
	help?: Localized;
	/** The proposed levels it applies to (all when absent). */
	levels?: Level[];
	/** Where it prints in the regime's opinion form (e.g. "Mẫu số 04, Phần 4 mục 2"). */
	form_part?: Localized;
	citation: Citation;
}
/** The appraisal's content as the regime sets it: the checklist and the coordinating opinions. */
export interface AppraisalSpec {
	checklist: ChecklistItem[];
	coordination?: { label: Localized; help?: Localized; levels?: Level[]; citation: Citation };
}

/** Reported beside the level (e.g. Điều 16 Nghị định 331/2026: important to national security). */
export interface Designation {
	id: string;
	label: Localized;
	citation: Citation;
	text: string;
	note?: Localized;
	when: Condition;
}

export interface RequirementItem {
	id: string;
	text: string;
	text_en?: string;
	levels: Level[];
	tcvn?: string;
	citation: Citation;
}
export interface RequirementGroup {
	id: string;
	title: Localized;
	citation: Citation;
	levels?: Level[];
	items?: RequirementItem[];
}
export interface Requirements {
	note?: Localized;
	/** True when each level must also meet every lower level's items (Circular 03 Điều 9). */
	cumulative?: boolean;
	groups: RequirementGroup[];
}

/** A titled part of the dossier, explanation or security plan, shown for `levels` (all if absent). */
export interface Section {
	id: string;
	title: Localized;
	help?: Localized;
	levels?: Level[];
	/** Shown only when one of these criteria fired (e.g. the 24/7 explanation, Điều 10 khoản 2, 3). */
	fired?: string[];
	citation: Citation;
}
export interface DossierSpec {
	template: string;
	contents: Section[];
	explanation?: Section[];
	plan?: Section[];
	forms?: {
		id: string;
		title: Localized;
		citation: Citation;
		available: boolean;
		note?: Localized;
	}[];
}

/**
 * What a transition provision does to a system classified under the regime it replaces:
 * `in_force` dates the new regime, `keep_level` keeps an approved level, `finish_under_old` lets a
 * pending classification finish under the old regime until `deadline`, `update_measures` sets the
 * date by which protection must meet the new regime.
 */
export type TransitionEffect = 'in_force' | 'keep_level' | 'finish_under_old' | 'update_measures';

export interface TransitionRule {
	id: string;
	text: string;
	summary?: Localized;
	deadline?: string;
	months?: number;
	effect?: TransitionEffect;
	/** Which systems it covers (all when absent): approved or not, by stage. */
	applies_to?: { approved?: boolean; stage?: ('new_project' | 'in_operation')[] };
	citation: Citation;
}

/** Guidance and citations for identifying the system (what counts as one, owner, operator, stage). */
export interface IdentificationItem {
	help: Localized;
	citation: Citation;
}
export interface Identification {
	system: IdentificationItem;
	owner: IdentificationItem;
	operator: IdentificationItem;
	new_project: IdentificationItem;
	in_operation: IdentificationItem;
}

/**
 * One correction of a published version (never inherited by a child version). Revision 1 is the
 * version as first published; each correction is the next revision, and `previous` is the sha256
 * of the revision it corrects, as listed in published.yaml (the chain `capdo check` verifies).
 * `editorial` corrections change wording, hints, grouping or paper text and cannot change a level;
 * `substantive` ones may change a level, a citation or a procedure.
 */
export interface Correction {
	revision: number;
	date: string;
	kind: 'editorial' | 'substantive';
	previous: string;
	/**
	 * Other hashes of the same previous revision: the hash it had while a declared effective_to was
	 * still hashed (legacyRuleSetHash). Stored results citing one are that revision.
	 */
	previous_aliases?: string[];
	reason: Localized;
	changes: CorrectionChange[];
}
export interface CorrectionChange {
	/** What changed: "criteria/nd85-d9-k1", "facts/defense_security_system", "procedure/authority". */
	target: string;
	/** The fields of the target that changed (required for editorial corrections). */
	fields?: string[];
	/** The target no longer exists in this revision. */
	removed?: boolean;
	/** The levels whose result or procedure the change may affect (all when absent). */
	levels?: Level[];
	what: Localized;
	citation: Citation;
}

/** A rule set as written (after `extends` is resolved). */
export interface RuleSetData {
	id: string;
	version: string;
	extends?: string;
	title: Localized;
	effective_from: string;
	effective_to?: string;
	source_status: { status: 'verified' | 'unverified'; note: Localized };
	sources: Source[];
	undetermined: { message: Localized; citation: Citation };
	components_rule: {
		text: string;
		citation: Citation;
		/** How the rule was read, where the text does not say it in terms. */
		note?: Localized;
		/** A rule against splitting or merging systems to lower a level: the wizard warns. */
		no_split?: { text: string; warning: Localized; citation: Citation };
	};
	facts: Record<string, FactDef>;
	constraints?: Constraint[];
	criteria: Criterion[];
	designations?: Designation[];
	notices?: Notice[];
	reassessment?: Reassessment;
	procedure: Procedure;
	appraisal?: AppraisalSpec;
	requirements?: Requirements;
	dossier?: DossierSpec;
	transition?: TransitionRule[];
	identification?: Identification;
	corrections?: Correction[];
	tests?: GoldenCase[];
	/** The procedure per level, asserted (not hashed, like `tests`). */
	procedure_tests?: ProcedureCase[];
	/** Dates on which this version is or is not in force, asserted (not hashed, never inherited). */
	effective_tests?: { date: string; in_force: boolean }[];
	[extra: string]: unknown;
}

/** A loaded, validated rule set with compiled conditions and its content hash. */
export interface RuleSet {
	data: RuleSetData;
	ref: string; // "id@version"
	hash: string; // sha256 of the canonical content, tests and end date excluded
	/** Other hashes that name exactly this content (the pre-derived-end formula); see hashMatches. */
	sameContentHashes?: string[];
	/**
	 * True when `data.effective_to` was filled in from the successor's start (resolveEnds), not
	 * written in the version itself.
	 */
	endDerived?: boolean;
	/**
	 * Withdrawn after publication (never deleted): results stored under it need to be determined
	 * again, and it no longer applies to any date — its dates pass to the versions around it.
	 */
	withdrawn?: { reason: string; at: string };
	/**
	 * The sha256 of every published revision, oldest first (from published.yaml; the last is `hash`
	 * when the lock is in step). Absent for a draft or a version published from the web workspace.
	 */
	revisions?: string[];
	/** Per fact: compiled applicability (true when the fact has no condition). */
	applies: Record<string, (f: Facts) => boolean>;
	/** The facts in interview order, with their applicability: the evaluation loop. */
	factList: { name: string; def: FactDef; applies: (f: Facts) => boolean }[];
	compiled: {
		criterion: Criterion;
		test: (f: Facts) => boolean;
		facts: string[];
		/** Built once: what a result reports when this criterion fires. */
		fired: FiredCriterion;
	}[];
	constraints: { constraint: Constraint; when: (f: Facts) => boolean; ok: (f: Facts) => boolean }[];
	designations: { designation: Designation; test: (f: Facts) => boolean }[];
	notices: { notice: Notice; test: (f: Facts) => boolean }[];
	/** Where each golden case sits in its file, for located test failures. */
	testLocations: Location[];
	/** The folder it was loaded from, and a way to locate any of its fields (absent when built from data). */
	dir?: string;
	locate?: (path: (string | number)[], key?: boolean) => Location;
}

export interface Location {
	file: string;
	line: number;
	column: number;
}

/** A problem in a rule-set file, located for the maintainer. */
export interface LoadError extends Location {
	field?: string;
	message: string;
}

/** A problem in the facts given to `evaluate`, located by a path such as `components[0].facts.x`. */
export interface FactIssue {
	code:
		| 'unknown_fact'
		| 'wrong_type'
		| 'not_allowed'
		| 'out_of_range'
		| 'missing'
		| 'constraint'
		| 'not_applicable'
		| 'replaced'
		| 'invalid_input';
	path: string;
	message: Localized;
	/** For `missing`: the names of the missing facts. */
	facts?: string[];
}

export interface FiredCriterion {
	id: string;
	level: Level;
	citation: string;
	citation_en: string;
	text: string;
}

export interface PartResult {
	name: string;
	/** For a component with components of its own: the highest level in its subtree. */
	level: Level | null;
	undetermined: boolean;
	basis: FiredCriterion[];
	/** Criteria of a higher level than the result that did not fire, for "why not higher". */
	not_met: { id: string; level: Level; citation: string }[];
	facts_used: Facts;
	/** Its own components, when it has some (Điều 5 khoản 2 applies at every depth). */
	components?: PartResult[];
}

export interface DesignationResult {
	id: string;
	label: Localized;
	citation: string;
	text: string;
}

export interface NoticeResult {
	id: string;
	message: Localized;
	citation: string;
	citation_en: string;
}

export interface Classification extends PartResult {
	components: PartResult[];
	/** Designations that apply to the system or any component (reported beside the level). */
	designations: DesignationResult[];
	/** Notices whose condition holds on the system's own facts (shown on the result and dossier). */
	notices: NoticeResult[];
	message?: Localized;
	ruleset: { id: string; version: string; hash: string };
	warnings: FactIssue[];
}

export interface ComponentInput {
	name?: string;
	facts: Record<string, unknown>;
	/** A component may itself be made of components, up to MAX_COMPONENT_DEPTH levels. */
	components?: ComponentInput[];
}
export interface SystemInput {
	name?: string;
	facts: Record<string, unknown>;
	components?: ComponentInput[];
}

/** How deep components may nest below the system (a component of a component is depth 2). */
export const MAX_COMPONENT_DEPTH = 4;

export type Outcome<T, E> = { ok: true; value: T; warnings?: E[] } | { ok: false; errors: E[] };

// Kysely table types, mirroring migrations/*.sql.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Localized } from '../../rules/types';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type Role = 'unit' | 'appraiser' | 'maintainer' | 'admin';
export const ROLES: readonly Role[] = ['unit', 'appraiser', 'maintainer', 'admin'];

export type Status =
	'draft' | 'classified' | 'submitted' | 'under_review' | 'returned' | 'approved';

export interface GoverningBodiesTable {
	id: string;
	name: string;
	created_at: Timestamp;
}
export interface UnitsTable {
	id: string;
	body_id: string;
	name: string;
	profile: Json | null;
	created_at: Timestamp;
}
export interface UsersTable {
	id: string;
	username: string;
	display_name: string;
	role: Role;
	unit_id: string | null;
	body_id: string | null;
	password_hash: string;
	disabled: Generated<boolean>;
	created_at: Timestamp;
}
export interface SessionsTable {
	token_hash: string;
	user_id: string;
	created_at: Timestamp;
	expires_at: Timestamp;
}
export interface LoginFailuresTable {
	id: Generated<string>;
	key: string;
	at: Timestamp;
}
export interface LoginDevicesTable {
	token_hash: string;
	user_id: string;
	created_at: Timestamp;
	last_used_at: Timestamp;
}
export interface ApiTokensTable {
	id: string;
	token_hash: string;
	user_id: string;
	label: string;
	created_at: Timestamp;
	expires_at: Timestamp;
	last_used_at: Timestamp | null;
	revoked_at: Timestamp | null;
}
export interface PasswordResetsTable {
	token_hash: string;
	user_id: string;
	created_by: string;
	created_at: Timestamp;
	expires_at: Timestamp;
	used_at: Timestamp | null;
}
export interface SetupTokensTable {
	token_hash: string;
	created_at: Timestamp;
	used_at: Timestamp | null;
}
export interface SystemsTable {
	id: string;
	unit_id: string;
	record: Json;
	status: ColumnType<Status, Status | undefined, Status>;
	revision: ColumnType<number, number | undefined, number>;
	version: ColumnType<number, number | undefined, number>;
	classification_id: string | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}
export interface ClassificationsTable {
	id: string;
	system_id: string;
	revision: number;
	record_hash: string;
	ruleset_id: string;
	ruleset_version: string;
	ruleset_hash: string;
	computed_level: number | null;
	proposed_level: number;
	result: Json;
	created_by: string;
	created_at: Timestamp;
}
export interface SystemRevisionsTable {
	system_id: string;
	revision: number;
	record: Json;
	classification_id: string;
	created_at: Timestamp;
}
export interface DossiersTable {
	id: string;
	system_id: string;
	revision: number;
	classification_id: string;
	dossier: Json;
	pdf_sha256: string | null;
	submitted_by: string;
	submitted_at: Timestamp;
}
export const FILE_KINDS = [
	'dossier_pdf',
	'dossier_docx',
	'signed_request',
	'signed_dossier',
	'signed_opinion',
	'signed_submission',
	'signed_decision',
	'signed_plan_decision'
] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export interface FilesTable {
	id: string;
	system_id: string;
	revision: number;
	dossier_id: string | null;
	kind: FileKind;
	filename: string;
	media_type: string;
	size: number;
	sha256: string;
	content: Uint8Array;
	signature: Json | null;
	uploaded_by: string;
	uploaded_at: Timestamp;
}
export interface ReviewsTable {
	id: string;
	dossier_id: string;
	system_id: string;
	appraiser_id: string;
	checklist: Json;
	decision: 'approved' | 'returned' | null;
	return_reasons: string | null;
	approval_number: string | null;
	approval_date: ColumnType<string | null, string | null | undefined, string | null>;
	approved_level: number | null;
	started_at: Timestamp;
	decided_at: Timestamp | null;
	opinion: ColumnType<unknown, string | undefined, string>;
	papers: ColumnType<unknown, string | undefined, string>;
	approved_by: string | null;
	approved_dossier_sha256: string | null;
	approved_record_hash: string | null;
	approved_ruleset: string | null;
	approved_ruleset_hash: string | null;
}
export interface AuditLogTable {
	id: Generated<number>;
	at: string;
	actor_id: string | null;
	actor: string;
	action: string;
	entity_type: string;
	entity_id: string;
	unit_id: string | null;
	before: Json | null;
	after: Json | null;
	prev_hash: string;
	hash: string;
}
export interface AuditHeadTable {
	id: number;
	db_id: string;
	count: ColumnType<string, number | string, number | string>;
	last_id: number;
	head: string;
}
export interface AuditCheckpointsTable {
	id: Generated<string>;
	count: ColumnType<string, number | string, number | string>;
	last_id: number;
	head: string;
	kind: 'incremental' | 'full';
	mac: string;
	at: Timestamp;
}

export type RuleSetStatus = 'draft' | 'in_review' | 'approved' | 'published';
export interface RuleSetsTable {
	ref: string;
	ruleset_id: string;
	version: string;
	status: RuleSetStatus;
	hash: string | null;
	files: Json<{ path: string; text: string }[]>;
	effective_from: ColumnType<string | null, string | null | undefined, string | null>;
	effective_to: ColumnType<string | null, string | null | undefined, string | null>;
	created_by: string;
	created_at: Timestamp;
	published_by: string | null;
	published_at: Timestamp | null;
	files_sha256: ColumnType<string | null, string | null | undefined, string | null>;
	editors: ColumnType<string[], string[] | undefined, string[]>;
	submitted_by: ColumnType<string | null, string | null | undefined, string | null>;
	submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	approved_by: ColumnType<string | null, string | null | undefined, string | null>;
	approved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	release_note: ColumnType<Localized | null, string | null | undefined, string | null>;
}
export type ReviewStep = 'submit' | 'approve' | 'return' | 'publish' | 'withdraw';
export interface RuleSetReviewsTable {
	id: Generated<number>;
	ref: string;
	step: ReviewStep;
	actor_id: string;
	comment: string;
	files_sha256: string | null;
	at: Timestamp;
}
export interface RuleSetWithdrawalsTable {
	ref: string;
	hash: string;
	reason: string;
	withdrawn_by: string;
	withdrawn_at: Timestamp;
}

export interface DB {
	governing_bodies: GoverningBodiesTable;
	units: UnitsTable;
	users: UsersTable;
	sessions: SessionsTable;
	login_failures: LoginFailuresTable;
	login_devices: LoginDevicesTable;
	setup_tokens: SetupTokensTable;
	api_tokens: ApiTokensTable;
	password_resets: PasswordResetsTable;
	systems: SystemsTable;
	classifications: ClassificationsTable;
	system_revisions: SystemRevisionsTable;
	dossiers: DossiersTable;
	reviews: ReviewsTable;
	files: FilesTable;
	audit_log: AuditLogTable;
	audit_head: AuditHeadTable;
	audit_checkpoints: AuditCheckpointsTable;
	rulesets: RuleSetsTable;
	ruleset_reviews: RuleSetReviewsTable;
	ruleset_withdrawals: RuleSetWithdrawalsTable;
}

export type User = Selectable<UsersTable>;
export type SystemRow = Selectable<SystemsTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;

-- Accounts, units, assessments, appraisal and the audit log. PostgreSQL (server or PGlite).

create table governing_bodies (
	id uuid primary key,
	name text not null unique,
	created_at timestamptz not null default now()
);

create table units (
	id uuid primary key,
	body_id uuid not null references governing_bodies (id),
	name text not null,
	-- UnitProfile (src/lib/model/inventory.ts), filled in by the unit.
	profile jsonb,
	created_at timestamptz not null default now(),
	unique (body_id, name)
);

create table users (
	id uuid primary key,
	username text not null unique,
	display_name text not null,
	role text not null check (role in ('unit', 'appraiser', 'maintainer', 'admin')),
	unit_id uuid references units (id),
	body_id uuid references governing_bodies (id),
	-- scrypt$N$r$p$salt$hash (base64); parameters travel with the hash.
	password_hash text not null,
	disabled boolean not null default false,
	created_at timestamptz not null default now(),
	check ((role = 'unit') = (unit_id is not null)),
	check ((role = 'appraiser') = (body_id is not null))
);

create table sessions (
	-- sha256 of the cookie token: a leaked table does not yield usable cookies.
	token_hash text primary key,
	user_id uuid not null references users (id) on delete cascade,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

-- Failed logins per account+address, for rate limiting across restarts.
create table login_failures (
	key text not null,
	at timestamptz not null default now()
);
create index login_failures_key on login_failures (key, at);

-- The one-time link that creates the first administrator (stored hashed).
create table setup_tokens (
	token_hash text primary key,
	created_at timestamptz not null default now(),
	used_at timestamptz
);

create table systems (
	id uuid primary key,
	unit_id uuid not null references units (id),
	-- SystemRecord (src/lib/model/inventory.ts) as last saved.
	record jsonb not null,
	status text not null default 'draft' check (
		status in ('draft', 'classified', 'submitted', 'under_review', 'returned', 'approved')
	),
	-- Điều 18: each re-determination (and each resubmission after a return) is a new revision.
	revision integer not null default 1,
	-- Bumped on every write: clients send it back to detect concurrent edits.
	version integer not null default 1,
	classification_id uuid,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index systems_unit on systems (unit_id);

create table classifications (
	id uuid primary key,
	system_id uuid not null references systems (id),
	revision integer not null,
	-- sha256 of the canonical record it was computed from: a later edit makes it stale.
	record_hash text not null,
	ruleset_id text not null,
	ruleset_version text not null,
	ruleset_hash text not null,
	computed_level integer check (computed_level between 1 and 5),
	proposed_level integer not null check (proposed_level between 1 and 5),
	result jsonb not null,
	created_by uuid not null references users (id),
	created_at timestamptz not null default now()
);
alter table systems
	add constraint systems_classification foreign key (classification_id) references classifications (id);

-- Frozen copies of the record: one per submission, so history and diffs survive revisions.
create table system_revisions (
	system_id uuid not null references systems (id),
	revision integer not null,
	record jsonb not null,
	classification_id uuid not null references classifications (id),
	created_at timestamptz not null default now(),
	primary key (system_id, revision)
);

create table dossiers (
	id uuid primary key,
	system_id uuid not null references systems (id),
	revision integer not null,
	classification_id uuid not null references classifications (id),
	dossier jsonb not null,
	pdf_sha256 text check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
	submitted_by uuid not null references users (id),
	submitted_at timestamptz not null default now()
);
create index dossiers_system on dossiers (system_id, submitted_at);

-- Điều 16 khoản 1 Nghị định 85/2016: a) level, b) plan in the design, c) plan in operation.
create table reviews (
	id uuid primary key,
	dossier_id uuid not null unique references dossiers (id),
	system_id uuid not null references systems (id),
	appraiser_id uuid not null references users (id),
	checklist jsonb not null default '{}',
	decision text check (decision in ('approved', 'returned')),
	return_reasons text,
	approval_number text,
	approval_date date,
	approved_level integer check (approved_level between 1 and 5),
	started_at timestamptz not null default now(),
	decided_at timestamptz,
	check (decision is distinct from 'returned' or length(trim(return_reasons)) > 0),
	check (
		decision is distinct from 'approved'
		or (approval_number is not null and approval_date is not null and approved_level is not null)
	)
);

-- Append-only, hash-chained: hash = sha256(canonical JSON of the entry including prev_hash).
create table audit_log (
	id integer generated always as identity primary key,
	at text not null,
	actor_id uuid,
	actor text not null,
	action text not null,
	entity_type text not null,
	entity_id text not null,
	-- The unit the entity belongs to, so appraisers see only their body's entries.
	unit_id uuid,
	before jsonb,
	after jsonb,
	prev_hash text not null,
	hash text not null unique
);
create index audit_log_entity on audit_log (entity_type, entity_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
	raise exception 'audit_log is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
	for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
	for each statement execute function audit_log_append_only();

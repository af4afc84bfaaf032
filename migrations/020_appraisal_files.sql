-- The appraiser's workspace (issue 13): files kept with a system, the structured opinion, the
-- numbers and dates the records office assigns, and the approval record.

-- Files: the dossier as submitted (rendered on the server from the stored answers; `dossier_id`
-- names its submission), and signed
-- copies uploaded by the unit (letter, dossier) or the appraiser (opinion, decision). A file never
-- changes: a new version is a new row; the bytes are checked against `sha256` before serving.
create table files (
	id uuid primary key,
	system_id uuid not null references systems (id),
	-- The system revision the file belongs to (Điều 18: each re-determination is a new revision).
	revision integer not null,
	dossier_id uuid references dossiers (id),
	kind text not null check (
		kind in (
			'dossier_pdf',
			'dossier_docx',
			'signed_request',
			'signed_dossier',
			'signed_opinion',
			'signed_submission',
			'signed_decision',
			'signed_plan_decision'
		)
	),
	filename text not null check (length(filename) between 1 and 200),
	media_type text not null,
	size integer not null check (size > 0),
	sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
	content bytea not null,
	-- What the file's digital signatures say (src/lib/server/files/signature.ts), as inspected at upload.
	signature jsonb,
	uploaded_by uuid not null references users (id),
	uploaded_at timestamptz not null default now(),
	check (octet_length(content) = size)
);
create index files_system on files (system_id, uploaded_at);

create function files_immutable() returns trigger language plpgsql as $$
begin
	raise exception 'files are kept as uploaded (% refused)', tg_op;
end;
$$;
create trigger files_no_change before update or delete on files
	for each row execute function files_immutable();

-- The review's structured opinion (Mẫu số 04 Nghị định 331/2026; Điều 16 Nghị định 85/2016):
-- { method, lead, coordination: [{ body, opinion }], other, conclusion, fixes }.
alter table reviews add column opinion jsonb not null default '{}';
-- Numbers and dates the records office assigns to each paper: { "<paper id>": { number, date } }.
alter table reviews add column papers jsonb not null default '{}';
-- The approval record: who recorded it, the exact dossier (PDF sha256) and answers (record hash)
-- approved, and the rule set it was decided under.
alter table reviews add column approved_by uuid references users (id);
alter table reviews add column approved_dossier_sha256 text check (approved_dossier_sha256 ~ '^[0-9a-f]{64}$');
alter table reviews add column approved_record_hash text;
alter table reviews add column approved_ruleset text;
alter table reviews add column approved_ruleset_hash text;

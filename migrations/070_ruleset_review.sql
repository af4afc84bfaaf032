-- Four-eyes publishing and withdrawal of rule-set versions (issue 19). A draft is submitted for
-- review, approved by a second maintainer, then published; each step is kept with its comment. A
-- published version may be withdrawn with a reason: it is never deleted or changed, the withdrawal
-- is a record of its own.

alter table rulesets drop constraint rulesets_status_check;
alter table rulesets add constraint rulesets_status_check
	check (status in ('draft', 'in_review', 'approved', 'published'));
-- sha256 of the files as submitted: what the reviewer approved is exactly what is published.
alter table rulesets add column files_sha256 text check (files_sha256 ~ '^[0-9a-f]{64}$');
-- Everyone who saved content of this version: none of them may approve it.
alter table rulesets add column editors uuid[] not null default '{}';
alter table rulesets add column submitted_by uuid references users (id);
alter table rulesets add column submitted_at timestamptz;
alter table rulesets add column approved_by uuid references users (id);
alter table rulesets add column approved_at timestamptz;
-- { "vi": "…", "en": "…" }: generated from the diff against the previous version when published.
alter table rulesets add column release_note jsonb;
-- (Rows published before this migration have neither: the frozen trigger keeps them as they are.)
alter table rulesets add constraint rulesets_review_states check (
	(status in ('in_review', 'approved')) <= (files_sha256 is not null and submitted_by is not null)
	and (status = 'approved') <= (approved_by is not null)
);

-- Every step of a version's review, in order, with its comment.
create table ruleset_reviews (
	id bigint generated always as identity primary key,
	ref text not null,
	step text not null check (step in ('submit', 'approve', 'return', 'publish', 'withdraw')),
	actor_id uuid not null references users (id),
	comment text not null check (length(btrim(comment)) > 0),
	files_sha256 text,
	at timestamptz not null default now()
);
create index ruleset_reviews_ref on ruleset_reviews (ref, id);

-- A withdrawn version stays in the registry (results cite it) but no longer applies to any date.
create table ruleset_withdrawals (
	ref text primary key,
	hash text not null check (hash ~ '^[0-9a-f]{64}$'),
	reason text not null check (length(btrim(reason)) > 0),
	withdrawn_by uuid not null references users (id),
	withdrawn_at timestamptz not null default now()
);

create function ruleset_history_append_only() returns trigger language plpgsql as $$
begin
	raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end;
$$;
create trigger ruleset_reviews_append_only before update or delete on ruleset_reviews
	for each row execute function ruleset_history_append_only();
create trigger ruleset_withdrawals_append_only before update or delete on ruleset_withdrawals
	for each row execute function ruleset_history_append_only();

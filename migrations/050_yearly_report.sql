-- The Decree 331/2026 yearly report (Mẫu 08, Điều 35–36): a unit's report to the owner, and the
-- owner's (governing body's) own report to the Ministry of Public Security.

-- A submission is filed by a unit or by a governing body, never both.
alter table report_submissions alter column unit_id drop not null;
alter table report_submissions add column body_id uuid references governing_bodies (id);
alter table report_submissions add constraint report_submissions_filer
	check ((unit_id is null) <> (body_id is null));
-- Mẫu 08: the records as they stood at `as_of` (the end of the data window, or the moment of an
-- early report), frozen with the submission so the paper can be printed again unchanged.
alter table report_submissions add column snapshot jsonb;
alter table report_submissions add column as_of timestamptz;
create index report_submissions_body on report_submissions (config_id, report_id, period_id, body_id, submitted_at desc)
	where body_id is not null;

-- What the reporter has typed so far, one draft per filer and period; `version` detects two tabs
-- or two people saving over each other.
create table report_drafts (
	id uuid primary key,
	unit_id uuid references units (id),
	body_id uuid references governing_bodies (id),
	config_id text not null,
	report_id text not null,
	period_id text not null,
	"values" jsonb not null,
	version integer not null default 1,
	updated_by uuid not null references users (id),
	updated_at timestamptz not null default now(),
	check ((unit_id is null) <> (body_id is null))
);
create unique index report_drafts_filer on report_drafts (config_id, report_id, period_id, coalesce(unit_id, body_id));

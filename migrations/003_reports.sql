-- Periodic reports a unit sends its governing body (reporting/<province>.yaml), and the indexes
-- the governing body's overview needs at 300 units × 30 systems.

create table report_submissions (
	id uuid primary key,
	unit_id uuid not null references units (id),
	-- reporting/<config_id>.yaml, the report's id there and its period ("2026-Q1", "2026-H2").
	config_id text not null,
	report_id text not null,
	period_id text not null,
	-- The period's due date when submitted (the YAML may change later; this is what applied).
	due date not null,
	late boolean not null,
	"values" jsonb not null,
	submitted_by uuid not null references users (id),
	submitted_at timestamptz not null default now()
);
-- The latest submission per unit and period is the one that counts; older ones stay as history.
create index report_submissions_period on report_submissions (config_id, report_id, period_id, unit_id, submitted_at desc);

create index units_body on units (body_id);
create index systems_status on systems (status);
create index reviews_system on reviews (system_id, decided_at);

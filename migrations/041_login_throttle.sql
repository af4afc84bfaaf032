-- Login throttling without a check-then-write race and without letting a stranger lock an owner
-- out (issue 16 item 4). Each attempt is charged to its keys before the password is checked, in
-- one transaction under per-key advisory locks (src/lib/server/auth/ratelimit.ts); a success
-- refunds its own charge, so rows are addressed by id.
alter table login_failures add column id bigint generated always as identity;

-- Browsers that signed in to an account before: their attempts are counted on their own, so
-- failures from elsewhere against the same account never hold its owner back.
create table login_devices (
	token_hash text primary key,
	user_id uuid not null references users (id) on delete cascade,
	created_at timestamptz not null default now(),
	last_used_at timestamptz not null default now()
);
create index login_devices_user on login_devices (user_id, last_used_at);

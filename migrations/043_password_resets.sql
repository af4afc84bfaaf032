-- The administrator's password reset (issue 16 item 9): a one-time link, like the setup link,
-- stored as sha256, valid for a day, dead once used or when a newer one is issued.
create table password_resets (
	token_hash text primary key,
	user_id uuid not null references users (id) on delete cascade,
	created_by uuid not null references users (id),
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	used_at timestamptz
);
create index password_resets_user on password_resets (user_id);

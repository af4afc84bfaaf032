-- Personal access tokens for the `capdo` command run against a live server (`--url`, `--token`),
-- so it never has to open the server's embedded data directory itself. Stored as sha256 only;
-- accepted only on the read-only /api/admin/* endpoints (src/hooks.server.ts).
create table api_tokens (
	id uuid primary key,
	token_hash text not null unique,
	user_id uuid not null references users (id) on delete cascade,
	label text not null,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	last_used_at timestamptz,
	revoked_at timestamptz
);
create index api_tokens_user on api_tokens (user_id);

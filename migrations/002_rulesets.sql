-- Rule-set versions published (or kept as drafts) from the maintainer workspace. The YAML files
-- are stored as uploaded; the registry loads published rows on top of the bundled rulesets/.

create table rulesets (
	-- "id@version"
	ref text primary key,
	ruleset_id text not null,
	version text not null,
	status text not null check (status in ('draft', 'published')),
	-- sha256 of the compiled content (tests excluded), as `capdo check` prints it; null for a
	-- draft that does not load.
	hash text check (hash ~ '^[0-9a-f]{64}$'),
	-- [{ "path": "ruleset.yaml", "text": "…" }, …]
	files jsonb not null,
	effective_from date,
	effective_to date,
	created_by uuid not null references users (id),
	created_at timestamptz not null default now(),
	published_by uuid references users (id),
	published_at timestamptz,
	check ((status = 'published') = (published_at is not null and hash is not null))
);
create index rulesets_published on rulesets (status, published_at);

-- A published version never changes (a change needs a new version): refuse it in the database too.
create function rulesets_published_frozen() returns trigger language plpgsql as $$
begin
	if old.status = 'published' then
		raise exception 'rule set % is published and cannot be changed (% refused)', old.ref, tg_op;
	end if;
	return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger rulesets_frozen before update or delete on rulesets
	for each row execute function rulesets_published_frozen();

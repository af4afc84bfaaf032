-- The audit chain's anchor (issue 16 item 6). Recomputing hashes shows an edited entry, but not
-- the last entries deleted, nor an entry rewritten with every later hash recomputed. So:
--  * audit_head keeps the entry count and the head hash outside audit_log, updated in the same
--    transaction as each append (its row lock also orders the appends: no table lock);
--  * audit_checkpoints keeps (count, last id, head) at moments the chain was verified, each signed
--    with HMAC-SHA256 under a key kept outside the database (a file with mode 600), and the newest
--    checkpoint is also written next to that key (src/lib/server/audit/anchor.ts). A rewrite or a
--    truncation below a checkpoint then shows, and cannot be re-signed without the key.
create table audit_head (
	id integer primary key check (id = 1),
	-- Names this database's checkpoint file, audit-anchor.<db_id>.json, next to the audit key.
	db_id uuid not null,
	count bigint not null,
	last_id integer not null,
	head text not null
);
insert into audit_head (id, db_id, count, last_id, head)
select
	1,
	gen_random_uuid(),
	(select count(*) from audit_log),
	coalesce((select max(id) from audit_log), 0),
	coalesce((select hash from audit_log order by id desc limit 1), repeat('0', 64));

create table audit_checkpoints (
	id bigint generated always as identity primary key,
	count bigint not null,
	last_id integer not null,
	head text not null,
	-- 'incremental': the entries since the previous checkpoint were verified (audit pages, the
	-- server's checkpointer); 'full': the whole chain was (capdo audit verify).
	kind text not null check (kind in ('incremental', 'full')),
	mac text not null,
	at timestamptz not null default now()
);
create index audit_checkpoints_count on audit_checkpoints (count desc);
create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
	for each row execute function audit_log_append_only();
create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
	for each statement execute function audit_log_append_only();

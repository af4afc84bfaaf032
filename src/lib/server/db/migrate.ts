// Applies migrations/*.sql in name order, each once, recorded in schema_migrations.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './connect';

/** The repository's migrations folder, found from this file (source tree or build/ bundle). */
export function migrationsDir(): string {
	if (process.env.CAPDO_MIGRATIONS_DIR) return resolve(process.env.CAPDO_MIGRATIONS_DIR);
	for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
		const candidate = join(dir, 'migrations');
		if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
		if (dirname(dir) === dir) throw new Error('capdo: migrations/ folder not found');
	}
}

export function readMigrations(dir = migrationsDir()) {
	return readdirSync(dir)
		.filter((f) => /^\d+_.*\.sql$/.test(f))
		.sort()
		.map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Runs pending migrations in one transaction under an advisory lock, so two server processes
 * starting together on one PostgreSQL database apply each migration once.
 */
export async function migrate(database: Database, dir?: string): Promise<string[]> {
	const migrations = readMigrations(dir);
	return database.db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(727001)`.execute(trx);
		await sql`create table if not exists schema_migrations (
			name text primary key,
			applied_at timestamptz not null default now()
		)`.execute(trx);
		const done = new Set(
			(await sql<{ name: string }>`select name from schema_migrations`.execute(trx)).rows.map(
				(r) => r.name
			)
		);
		const applied: string[] = [];
		for (const m of migrations) {
			if (done.has(m.name)) continue;
			await database.exec(trx, m.sql);
			await sql`insert into schema_migrations (name) values (${m.name})`.execute(trx);
			applied.push(m.name);
		}
		return applied;
	});
}

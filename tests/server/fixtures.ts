// A fresh database (PGlite in a temp dir, or DATABASE_URL's server with a fresh schema) seeded
// with two bodies, three units and one user per role.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createBody, createUnit, createUser } from '../../src/lib/server/auth/accounts';
import type { Principal } from '../../src/lib/server/auth/policy';
import { openDatabase, type Database } from '../../src/lib/server/db';
import { connect, type DbTarget } from '../../src/lib/server/db/connect';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import type { Context } from '../../src/lib/server/workflow/service';
import type { SystemRecord } from '../../src/lib/model/inventory';

export const RULESET = 'vn-nd85@tt03-2017';
export const PASSWORD = 'correct horse battery';

/** Internal document management with private information: level 2 (Điều 8 khoản 1). */
export const level2Record = (name = 'Hệ thống quản lý văn bản'): Omit<SystemRecord, 'id'> => ({
	name,
	ruleset: RULESET,
	facts: {
		function: 'internal',
		information: ['public', 'private'],
		defense_security_system: false,
		defense_security_damage: 'none',
		operates_24x7_no_unplanned_downtime: false,
		national_egov_system: false,
		national_critical_data_store: false,
		prime_minister_designated: false
	},
	components: []
});

/** An online service with basic personal data of 50,000 subjects: level 2 under vn-nd331@2026. */
export const svc50k = (name = 'Cổng đăng ký sự kiện'): Omit<SystemRecord, 'id'> => ({
	name,
	ruleset: 'vn-nd331@2026',
	facts: {
		function: 'citizen_services',
		information: ['public', 'personal'],
		defense_security_damage: 'none',
		conditional_business_service: false,
		administrative_procedure_system: false,
		online_service_data_subjects_basic: 50000,
		online_service_data_subjects_sensitive: 0,
		national_egov_system: false,
		national_critical_data_store: false
	},
	components: []
});

/** svc50k with every question of the interview answered, as a unit that went through the wizard
 *  would have it (the declaration page lets a unit submit only a complete interview). */
export const svc50kAnswered = (name?: string): Omit<SystemRecord, 'id'> => {
	const rec = svc50k(name);
	return {
		...rec,
		facts: {
			...rec.facts,
			defense_security_system: false,
			prime_minister_decided_level: 0,
			risk_assessment_level: 0,
			national_security_command_system: false,
			national_security_telecom_system: false,
			national_security_sector_consequence: false
		}
	};
};

/** An empty database: a temp PGlite dir, or a fresh schema on DATABASE_URL's server. */
export async function freshDatabase(): Promise<
	Database & { target: DbTarget; cleanup: () => Promise<void> }
> {
	const url = process.env.DATABASE_URL;
	if (url) {
		const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
		const admin = await connect({ url });
		await sql.raw(`create schema ${schema}`).execute(admin.db);
		await admin.close();
		const u = new URL(url);
		u.searchParams.set('options', `-c search_path=${schema}`);
		// Each test database its own audit key, as each embedded data directory has.
		const keyDir = mkdtempSync(join(tmpdir(), 'capdo-key-'));
		const target = { url: u.toString(), auditKeyFile: join(keyDir, 'audit.key') };
		const d = await openDatabase(target);
		return {
			...d,
			target,
			cleanup: async () => {
				await d.close();
				const a = await connect({ url });
				await sql.raw(`drop schema ${schema} cascade`).execute(a.db);
				await a.close();
				rmSync(keyDir, { recursive: true, force: true });
			}
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'capdo-db-'));
	const target = { dataDir: dir };
	const d = await openDatabase(target);
	return {
		...d,
		target,
		cleanup: async () => {
			await d.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export type Who =
	'admin' | 'maintainer' | 'maintainer2' | 'unitA' | 'unitB' | 'appraiser' | 'otherAppraiser';

export interface Seeded {
	d: Database;
	users: Record<Who, Principal>;
	units: { A: string; B: string; C: string };
	bodies: { P: string; Q: string };
	ctx: (who: Who) => Context;
}

const rulesets = () => bundledRuleSets().rulesets;

export async function seed(d: Database): Promise<Seeded> {
	const root: Principal = {
		id: '00000000-0000-4000-8000-000000000000',
		username: 'seed',
		display_name: 'seed',
		role: 'admin',
		unit_id: null,
		body_id: null
	};
	const P = await createBody(d.db, root, 'UBND tỉnh P');
	const Q = await createBody(d.db, root, 'UBND tỉnh Q');
	const A = await createUnit(d.db, root, P.id, 'Sở Tài chính P');
	const B = await createUnit(d.db, root, P.id, 'Sở Y tế P');
	const C = await createUnit(d.db, root, Q.id, 'Sở Tài chính Q');
	const mk = (username: string, role: Principal['role'], extra: Partial<Principal> = {}) =>
		createUser(d.db, root, {
			username,
			display_name: username,
			role,
			password: PASSWORD,
			...extra
		});
	const users = {
		admin: await mk('admin', 'admin'),
		maintainer: await mk('maintainer', 'maintainer'),
		// Rule sets are published under four eyes: a second maintainer reviews.
		maintainer2: await mk('maintainer2', 'maintainer'),
		unitA: await mk('unita', 'unit', { unit_id: A.id }),
		unitB: await mk('unitb', 'unit', { unit_id: B.id }),
		appraiser: await mk('appraiser', 'appraiser', { body_id: P.id }),
		otherAppraiser: await mk('appraiserq', 'appraiser', { body_id: Q.id })
	};
	return {
		d,
		users,
		units: { A: A.id, B: B.id, C: C.id },
		bodies: { P: P.id, Q: Q.id },
		ctx: (who) => ({ db: d.db, user: users[who], rulesets: rulesets() })
	};
}

/** Publishes rule-set files the four-eyes way: `author` submits, `reviewer` approves and publishes. */
export async function publishReviewed(
	db: Database['db'],
	author: Principal,
	reviewer: Principal,
	files: { path: string; text: string }[]
) {
	const { submitForReview, approveVersion, publishVersion } =
		await import('../../src/lib/server/ruleset-review');
	const submitted = await submitForReview(db, author, files, 'Gửi duyệt (kiểm thử)');
	if (!submitted.ok) return submitted;
	const approved = await approveVersion(db, reviewer, submitted.ref, 'Đã kiểm tra (kiểm thử)');
	if (!approved.ok) return approved;
	return publishVersion(db, reviewer, submitted.ref, 'Công bố (kiểm thử)');
}

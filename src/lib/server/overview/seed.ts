// A province-sized fixture: one governing body, N units × M systems whose facts are the rule
// set's golden cases (real facts) classified with `evaluate`, spread over every workflow status.
// Rows go in by bulk inserts without audit entries: this is test and benchmark data, not history.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SystemRecord } from '../../model/inventory';
import { evaluate, type RuleSet } from '../../rules';
import { hashPassword } from '../auth/password';
import type { DB, Status } from '../db/schema';
import { recordHash } from '../workflow/record';

const DEPARTMENTS = [
	'Sở Tài chính',
	'Sở Y tế',
	'Sở Giáo dục và Đào tạo',
	'Sở Kế hoạch và Đầu tư',
	'Sở Tư pháp',
	'Sở Nội vụ',
	'Sở Xây dựng',
	'Sở Giao thông vận tải',
	'Sở Nông nghiệp và Phát triển nông thôn',
	'Sở Tài nguyên và Môi trường',
	'Sở Công Thương',
	'Sở Lao động - Thương binh và Xã hội',
	'Sở Văn hóa, Thể thao và Du lịch',
	'Sở Khoa học và Công nghệ',
	'Sở Thông tin và Truyền thông',
	'Sở Ngoại vụ',
	'Thanh tra tỉnh',
	'Ban Dân tộc',
	'Văn phòng UBND tỉnh',
	'Ban Quản lý Khu kinh tế'
];
const DISTRICTS = [
	'thành phố Pleiku',
	'thị xã An Khê',
	'thị xã Ayun Pa',
	'huyện Chư Păh',
	'huyện Chư Prông',
	'huyện Chư Sê',
	'huyện Chư Pưh',
	'huyện Đăk Đoa',
	'huyện Đăk Pơ',
	'huyện Đức Cơ',
	'huyện Ia Grai',
	'huyện Ia Pa',
	'huyện KBang',
	'huyện Kông Chro',
	'huyện Krông Pa',
	'huyện Mang Yang',
	'huyện Phú Thiện'
];
const OFFICES = [
	'Phòng Tài chính - Kế hoạch',
	'Phòng Giáo dục và Đào tạo',
	'Phòng Y tế',
	'Phòng Tư pháp',
	'Phòng Nội vụ',
	'Phòng Văn hóa và Thông tin',
	'Phòng Tài nguyên và Môi trường',
	'Phòng Kinh tế - Hạ tầng',
	'Phòng Lao động - Thương binh và Xã hội',
	'Phòng Nông nghiệp và Phát triển nông thôn',
	'Văn phòng HĐND và UBND',
	'Thanh tra',
	'Trung tâm Văn hóa - Thông tin và Thể thao',
	'Ban Quản lý dự án đầu tư xây dựng',
	'Trung tâm Dịch vụ nông nghiệp',
	'Phòng Dân tộc'
];

/** `n` distinct, realistic unit names of a province. */
export function unitNames(n: number): string[] {
	const out = [...DEPARTMENTS, ...DISTRICTS.map((d) => `UBND ${d}`)];
	for (const o of OFFICES) for (const d of DISTRICTS) out.push(`${o} ${d}`);
	for (let i = 1; out.length < n; i++) out.push(`Trường THPT số ${i} tỉnh Gia Lai`);
	return out.slice(0, n);
}

/** System kinds a department runs, each tied to the golden case whose facts describe it. */
const KINDS: [name: string, golden: string, weight: number][] = [
	['Hệ thống thư điện tử nội bộ', 'Thư điện tử nội bộ', 3],
	['Hệ thống quản lý văn bản và điều hành', 'Quản lý văn bản nội bộ', 4],
	['Phần mềm quản lý cán bộ, công chức', 'Quản lý nhân sự', 3],
	['Cổng thông tin điện tử', 'Cổng thông tin chỉ cung cấp', 3],
	['Hệ thống dịch vụ công trực tuyến', 'Dịch vụ công trực tuyến mức 3', 2],
	['Hệ thống một cửa điện tử', 'Một cửa điện tử', 2],
	['Mạng nội bộ (LAN)', 'Mạng LAN của một cơ quan', 4],
	['Trung tâm dữ liệu', 'Trung tâm dữ liệu dùng chung', 1],
	['Hệ thống giám sát điều khiển công trình (SCADA)', 'SCADA công trình cấp II', 1],
	['Hệ thống lưu trữ hồ sơ mật', 'Hệ thống xử lý bí mật nhà nước, tổn hại', 1],
	['Phần mềm quản lý tài sản công', 'Hệ thống khác chỉ xử lý thông tin công cộng', 1]
];

/** Share of systems per status, in the order the workflow reaches them. */
const STATUS_MIX: [Status, number][] = [
	['draft', 0.12],
	['classified', 0.13],
	['submitted', 0.15],
	['under_review', 0.15],
	['returned', 0.05],
	['approved', 0.4]
];

/** Deterministic PRNG (mulberry32), so a seed always yields the same province. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface SeedOptions {
	units: number;
	systemsPerUnit: number;
	ruleset: RuleSet;
	bodyName?: string;
	password: string;
	/** Usernames: `<prefix>appraiser`, `<prefix>admin`, `<prefix>unit1` … for the first few units. */
	prefix?: string;
	unitAccounts?: number;
	now?: Date;
	seed?: number;
}

export interface SeededProvince {
	body_id: string;
	unit_ids: string[];
	usernames: { appraiser: string; admin: string; units: string[] };
}

async function insertChunked<T extends keyof DB>(
	db: Kysely<DB>,
	table: T,
	rows: Record<string, unknown>[]
) {
	for (let i = 0; i < rows.length; i += 400)
		await db
			.insertInto(table)
			.values(rows.slice(i, i + 400) as never)
			.execute();
}

export async function seedProvince(db: Kysely<DB>, o: SeedOptions): Promise<SeededProvince> {
	const rnd = prng(o.seed ?? 85);
	const now = o.now ?? new Date();
	const prefix = o.prefix ?? '';
	const rs = o.ruleset;
	const kinds = KINDS.map(([name, golden, weight]) => {
		const t = (rs.data.tests ?? []).find((c) => c.name.startsWith(golden));
		if (!t) throw new Error(`seed: no golden case "${golden}" in ${rs.ref}`);
		const facts = t.facts as SystemRecord['facts'];
		const r = evaluate(rs, { name, facts, components: [] });
		if (!r.ok) throw new Error(`seed: ${golden}: ${JSON.stringify(r.errors)}`);
		return { name, facts, weight, result: r.value };
	});
	const pickKind = () => {
		let x = rnd() * kinds.reduce((a, k) => a + k.weight, 0);
		for (const k of kinds) if ((x -= k.weight) < 0) return k;
		return kinds[0]!;
	};
	const pickStatus = () => {
		let x = rnd();
		for (const [s, p] of STATUS_MIX) if ((x -= p) < 0) return s;
		return 'approved' as Status;
	};

	const bodyName = o.bodyName ?? 'Ủy ban nhân dân tỉnh Gia Lai';
	const body_id = randomUUID();
	await db.insertInto('governing_bodies').values({ id: body_id, name: bodyName }).execute();
	const units = unitNames(o.units).map((name) => ({
		id: randomUUID(),
		body_id,
		name,
		profile: JSON.stringify({
			name,
			governing_body: bodyName,
			security_unit: 'Sở Thông tin và Truyền thông tỉnh Gia Lai',
			contact: { name: 'Cán bộ phụ trách công nghệ thông tin' },
			place: 'Gia Lai'
		})
	}));
	await insertChunked(db, 'units', units);

	const hash = await hashPassword(o.password);
	const user = (username: string, role: DB['users']['role'], extra = {}) => ({
		id: randomUUID(),
		username,
		display_name: username,
		role,
		unit_id: null,
		body_id: null,
		password_hash: hash,
		...extra
	});
	const appraiser = user(`${prefix}appraiser`, 'appraiser', { body_id });
	const admin = user(`${prefix}admin`, 'admin');
	const unitUsers = units
		.slice(0, o.unitAccounts ?? 1)
		.map((u, i) => user(`${prefix}unit${i + 1}`, 'unit', { unit_id: u.id }));
	await insertChunked(db, 'users', [appraiser, admin, ...unitUsers]);
	const author = unitUsers[0]?.id ?? admin.id;

	const systems: Record<string, unknown>[] = [];
	const classifications: Record<string, unknown>[] = [];
	const revisions: Record<string, unknown>[] = [];
	const dossiers: Record<string, unknown>[] = [];
	const reviews: Record<string, unknown>[] = [];
	const day = 86_400_000;
	for (const unit of units)
		for (let i = 0; i < o.systemsPerUnit; i++) {
			const kind = pickKind();
			const status = pickStatus();
			const id = randomUUID();
			const computed = kind.result.level;
			const record: SystemRecord = {
				id,
				name: `${kind.name} ${i + 1}`,
				ruleset: rs.ref,
				facts: kind.facts,
				components: [],
				...(computed === null
					? {
							proposal: {
								level: 1,
								justification: 'Hệ thống chỉ xử lý thông tin công cộng, phục vụ nội bộ.'
							}
						}
					: {})
			};
			const proposed = computed ?? 1;
			const classified = status !== 'draft';
			const cid = classified ? randomUUID() : null;
			const submittedAt = new Date(now.getTime() - Math.floor(rnd() * 120) * day - 3_600_000);
			systems.push({
				id,
				unit_id: unit.id,
				record: JSON.stringify(record),
				status,
				// Set after the classifications exist (each table references the other).
				classification_id: null,
				created_at: new Date(submittedAt.getTime() - 30 * day),
				updated_at: submittedAt
			});
			if (!cid) continue;
			classifications.push({
				id: cid,
				system_id: id,
				revision: 1,
				record_hash: recordHash(record),
				ruleset_id: rs.data.id,
				ruleset_version: rs.data.version,
				ruleset_hash: rs.hash,
				computed_level: computed,
				proposed_level: proposed,
				result: JSON.stringify(kind.result),
				created_by: author
			});
			if (status === 'classified') continue;
			const dossierId = randomUUID();
			revisions.push({
				system_id: id,
				revision: 1,
				record: JSON.stringify(record),
				classification_id: cid,
				created_at: submittedAt
			});
			dossiers.push({
				id: dossierId,
				system_id: id,
				revision: 1,
				classification_id: cid,
				dossier: JSON.stringify({ unit: JSON.parse(unit.profile), system: record }),
				submitted_by: author,
				submitted_at: submittedAt
			});
			if (status === 'submitted') continue;
			const decidedAt = new Date(
				Math.min(now.getTime(), submittedAt.getTime() + (5 + Math.floor(rnd() * 20)) * day)
			);
			const decided = status === 'approved' || status === 'returned';
			reviews.push({
				id: randomUUID(),
				dossier_id: dossierId,
				system_id: id,
				appraiser_id: appraiser.id,
				checklist: JSON.stringify({}),
				decision: decided ? status : null,
				return_reasons: status === 'returned' ? 'Phương án bảo đảm an toàn chưa đầy đủ.' : null,
				approval_number: status === 'approved' ? `${100 + systems.length}/QĐ-UBND` : null,
				approval_date: status === 'approved' ? decidedAt.toISOString().slice(0, 10) : null,
				approved_level: status === 'approved' ? proposed : null,
				started_at: submittedAt,
				decided_at: decided ? decidedAt : null
			});
		}
	await insertChunked(db, 'systems', systems);
	await insertChunked(db, 'classifications', classifications);
	await sql`update systems set classification_id = c.id from classifications c
		where c.system_id = systems.id and systems.unit_id in (select id from units where body_id = ${body_id})`.execute(
		db
	);
	await insertChunked(db, 'system_revisions', revisions);
	await insertChunked(db, 'dossiers', dossiers);
	await insertChunked(db, 'reviews', reviews);
	// Fresh statistics, or the planner guesses badly on thousands of new rows (PGlite has no
	// autovacuum to do it).
	await sql`analyze`.execute(db);
	return {
		body_id,
		unit_ids: units.map((u) => u.id),
		usernames: {
			appraiser: appraiser.username,
			admin: admin.username,
			units: unitUsers.map((u) => u.username)
		}
	};
}

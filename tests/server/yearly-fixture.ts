// A governing body whose systems went through every workflow state at known instants, some just
// before and some just after the close of the 2026 data window (Decree 331 Điều 35 khoản 3:
// 15/12/2025 – 14/12/2026, closing at 00:00 on 15/12/2026 Vietnam time = 2026-12-14T17:00Z).
// Rows are inserted with their timestamps, as history would have left them.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SystemRecord } from '../../src/lib/model/inventory';
import type { DB, Status } from '../../src/lib/server/db/schema';
import { recordHash } from '../../src/lib/server/workflow/record';
import { RULESET, type Seeded } from './fixtures';

/** The window's last instant is 16:59:59.999Z on 14/12; 17:00Z is already 15/12 in Vietnam. */
export const CLOSE = '2026-12-14T17:00:00.000Z';

type Event =
	| { classify: string; level: number }
	| { dossier: string; name?: string }
	| { review: string }
	| { approve: string; number: string; date: string }
	| { return: string };

interface SystemPlan {
	key: string;
	unit: 'A' | 'B' | 'D' | 'Q';
	name: string;
	created: string;
	events: Event[];
	/** The record's current name when it differs from the one last submitted. */
	renamed?: string;
	plan?: SystemRecord['plan'];
}

/**
 * The hand-computed table in yearly.test.ts reads these stories. Unit C has no system;
 * unit Q1 belongs to another body.
 */
export const STORIES: SystemPlan[] = [
	{
		key: 'A1',
		unit: 'A',
		name: 'Cổng thông tin điện tử Sở Tài chính',
		created: '2025-03-01T02:00:00Z',
		events: [
			{ classify: '2025-03-02T02:00:00Z', level: 2 },
			{ dossier: '2025-03-05T02:00:00Z' },
			{ review: '2025-03-06T02:00:00Z' },
			{ approve: '2025-03-20T02:00:00Z', number: '12/QĐ-STC', date: '2025-03-20' }
		],
		plan: { a: { status: 'in_place' }, b: { status: 'in_place' } }
	},
	{
		key: 'A2',
		unit: 'A',
		name: 'Hệ thống quản lý ngân sách',
		created: '2026-02-01T02:00:00Z',
		events: [
			{ classify: '2026-02-10T02:00:00Z', level: 3 },
			{ dossier: '2026-03-01T02:00:00Z' },
			{ review: '2026-03-02T02:00:00Z' },
			// 23:59 on 14/12 in Vietnam: inside the window.
			{ approve: '2026-12-14T16:59:00Z', number: '345/QĐ-UBND', date: '2026-12-14' }
		],
		plan: {
			a: { status: 'in_place' },
			b: { status: 'planned', date: '2027-03-31' },
			c: { status: 'not_applicable', reason: 'Không dùng dịch vụ đám mây' }
		}
	},
	{
		key: 'A3',
		unit: 'A',
		name: 'Hệ thống thư điện tử',
		created: '2026-05-01T02:00:00Z',
		events: [
			{ classify: '2026-05-02T02:00:00Z', level: 2 },
			{ dossier: '2026-05-10T02:00:00Z' },
			{ review: '2026-05-11T02:00:00Z' },
			// 00:00 on 15/12 in Vietnam: the next window.
			{ approve: CLOSE, number: '346/QĐ-UBND', date: '2026-12-15' }
		]
	},
	{ key: 'A4', unit: 'A', name: 'Phần mềm kế toán', created: '2026-06-01T02:00:00Z', events: [] },
	{
		key: 'A5',
		unit: 'A',
		name: 'Hệ thống khai báo sau kỳ',
		created: '2026-12-14T17:30:00Z',
		events: [{ classify: '2026-12-14T18:00:00Z', level: 1 }]
	},
	{
		key: 'B1',
		unit: 'B',
		name: 'Hệ thống hồ sơ bệnh án điện tử',
		created: '2026-01-05T02:00:00Z',
		events: [
			{ classify: '2026-01-06T02:00:00Z', level: 3 },
			{ dossier: '2026-01-10T02:00:00Z' },
			{ review: '2026-01-11T02:00:00Z' },
			{ return: '2026-02-01T02:00:00Z' }
		]
	},
	{
		key: 'B2',
		unit: 'B',
		name: 'Cổng thông tin Sở Y tế',
		created: '2026-01-05T02:00:00Z',
		events: [
			{ classify: '2026-01-06T02:00:00Z', level: 1 },
			{ dossier: '2026-01-07T02:00:00Z' },
			{ review: '2026-01-08T02:00:00Z' }
		]
	},
	{
		key: 'B3',
		unit: 'B',
		name: 'Hệ thống quản lý dược',
		created: '2026-01-05T02:00:00Z',
		events: [
			{ classify: '2026-11-01T02:00:00Z', level: 2 },
			// Re-determined after the window: level 4 must not show for 2026.
			{ classify: '2026-12-20T02:00:00Z', level: 4 }
		]
	},
	{
		key: 'B4',
		unit: 'B',
		name: 'Mạng nội bộ Sở Y tế',
		created: '2025-06-01T02:00:00Z',
		events: [
			{ classify: '2025-06-02T02:00:00Z', level: 2 },
			{ dossier: '2025-06-05T02:00:00Z' },
			{ review: '2025-06-06T02:00:00Z' },
			{ approve: '2025-07-01T02:00:00Z', number: '88/QĐ-SYT', date: '2025-07-01' },
			// Re-determination (revision 2) submitted, still under review at the close.
			{ classify: '2026-09-01T02:00:00Z', level: 3 },
			{ dossier: '2026-09-10T02:00:00Z' },
			{ review: '2026-09-11T02:00:00Z' }
		]
	},
	{
		key: 'B5',
		unit: 'B',
		name: 'Hệ thống đặt lịch khám',
		created: '2026-10-01T02:00:00Z',
		events: [{ classify: '2026-12-15T03:00:00Z', level: 2 }]
	},
	{
		key: 'D1',
		unit: 'D',
		name: 'Cổng dịch vụ công Sở Nội vụ',
		created: '2026-03-01T02:00:00Z',
		renamed: 'Cổng dịch vụ công Sở Nội vụ (mới)',
		events: [
			{ classify: '2026-03-05T02:00:00Z', level: 1 },
			{ dossier: '2026-03-10T02:00:00Z' },
			{ review: '2026-03-11T02:00:00Z' },
			{ approve: '2026-03-20T02:00:00Z', number: '5/QĐ-SNV', date: '2026-03-20' }
		]
	},
	{
		key: 'Q1',
		unit: 'Q',
		name: 'Hệ thống của tỉnh khác',
		created: '2026-01-01T02:00:00Z',
		events: [
			{ classify: '2026-01-02T02:00:00Z', level: 2 },
			{ dossier: '2026-01-03T02:00:00Z' },
			{ review: '2026-01-04T02:00:00Z' },
			{ approve: '2026-01-05T02:00:00Z', number: '1/QĐ-Q', date: '2026-01-05' }
		]
	}
];

const facts = {
	function: 'internal',
	information: ['public'],
	defense_security_damage: 'none',
	operates_24x7_no_unplanned_downtime: false,
	national_egov_system: false,
	national_critical_data_store: false,
	prime_minister_designated: false
};

export interface History {
	units: Record<'A' | 'B' | 'C' | 'D' | 'Q', string>;
	systems: Record<string, string>;
}

/** Units A, B (body P, from the shared fixture), C and D (new, body P), Q (body Q) and the stories. */
export async function seedHistory(db: Kysely<DB>, s: Seeded): Promise<History> {
	const units = {
		A: s.units.A,
		B: s.units.B,
		C: randomUUID(),
		D: randomUUID(),
		Q: s.units.C
	};
	await db
		.insertInto('units')
		.values([
			{ id: units.C, body_id: s.bodies.P, name: 'UBND xã Ia Kha P' },
			{ id: units.D, body_id: s.bodies.P, name: 'Sở Nội vụ P' }
		])
		.execute();
	const author = s.users.unitA.id;
	const appraiser = s.users.appraiser.id;
	const systems: Record<string, string> = {};
	for (const story of STORIES) {
		const id = randomUUID();
		systems[story.key] = id;
		const record = (name: string): SystemRecord => ({
			id,
			name,
			ruleset: RULESET,
			facts,
			components: [],
			...(story.plan ? { plan: story.plan } : {})
		});
		await db
			.insertInto('systems')
			.values({
				id,
				unit_id: units[story.unit],
				record: JSON.stringify(record(story.renamed ?? story.name)),
				created_at: story.created,
				updated_at: story.created
			})
			.execute();
		let revision = 0;
		let classification: string | undefined;
		let dossier: string | undefined;
		let review: string | undefined;
		let level = 0;
		let status: Status = 'draft';
		for (const e of story.events) {
			if ('classify' in e) {
				revision++;
				classification = randomUUID();
				level = e.level;
				await db
					.insertInto('classifications')
					.values({
						id: classification,
						system_id: id,
						revision,
						record_hash: recordHash(record(story.name)),
						ruleset_id: 'vn-nd85',
						ruleset_version: 'tt03-2017',
						ruleset_hash: '0'.repeat(64),
						computed_level: e.level,
						proposed_level: e.level,
						result: '{}',
						created_by: author,
						created_at: e.classify
					})
					.execute();
				await db
					.updateTable('systems')
					.set({ classification_id: classification, revision })
					.where('id', '=', id)
					.execute();
				status = 'classified';
			} else if ('dossier' in e) {
				dossier = randomUUID();
				await db
					.insertInto('system_revisions')
					.values({
						system_id: id,
						revision,
						record: JSON.stringify(record(story.name)),
						classification_id: classification!,
						created_at: e.dossier
					})
					.execute();
				await db
					.insertInto('dossiers')
					.values({
						id: dossier,
						system_id: id,
						revision,
						classification_id: classification!,
						dossier: '{}',
						submitted_by: author,
						submitted_at: e.dossier
					})
					.execute();
				status = 'submitted';
			} else if ('review' in e) {
				review = randomUUID();
				await db
					.insertInto('reviews')
					.values({
						id: review,
						dossier_id: dossier!,
						system_id: id,
						appraiser_id: appraiser,
						checklist: '{}',
						started_at: e.review
					})
					.execute();
				status = 'under_review';
			} else if ('approve' in e) {
				await db
					.updateTable('reviews')
					.set({
						decision: 'approved',
						decided_at: e.approve,
						approval_number: e.number,
						approval_date: e.date,
						approved_level: level,
						checklist: '{}'
					})
					.where('id', '=', review!)
					.execute();
				status = 'approved';
			} else if ('return' in e) {
				await db
					.updateTable('reviews')
					.set({
						decision: 'returned',
						decided_at: e.return,
						return_reasons: 'Phương án chưa đầy đủ.'
					})
					.where('id', '=', review!)
					.execute();
				status = 'returned';
			}
		}
		// Today's status (a renamed system was revised after its approval: back to draft).
		await db
			.updateTable('systems')
			.set({ status: story.renamed ? 'draft' : status })
			.where('id', '=', id)
			.execute();
	}
	return { units, systems };
}

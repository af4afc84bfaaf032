// A unit's Mẫu 08 snapshot in memory: two approved systems, one under appraisal, one not classified.
import type { Snapshot, SystemAt } from '../../src/lib/reporting/mau08/model';

const sys = (id: string, over: Partial<SystemAt>): SystemAt => ({
	id,
	unit_id: 'u',
	unit_name: 'Sở Tài chính tỉnh Gia Lai',
	name: `Hệ thống ${id}`,
	owner: 'Ủy ban nhân dân tỉnh Gia Lai',
	operator: 'Sở Tài chính tỉnh Gia Lai',
	proposed_level: 2,
	ruleset: 'vn-nd331@2026',
	state: 'drafting',
	classified: true,
	dossier: false,
	appraised: false,
	approval: null,
	plan: null,
	...over
});

export const SNAPSHOT: Snapshot = {
	as_of: '2026-12-14T17:00:00.000Z',
	window: { start: '2025-12-15', end: '2026-12-14' },
	systems: [
		sys('s1', {
			name: 'Cổng thông tin điện tử',
			state: 'approved',
			dossier: true,
			appraised: true,
			approval: { number: '12/QĐ-UBND', date: '2026-03-20', level: 2, by: 'UBND tỉnh Gia Lai' },
			plan: { status: 'full', date: null }
		}),
		sys('s2', {
			name: 'Hệ thống quản lý văn bản và điều hành',
			proposed_level: 3,
			state: 'approved',
			dossier: true,
			appraised: true,
			approval: { number: '345/QĐ-UBND', date: '2026-12-14', level: 3, by: 'UBND tỉnh Gia Lai' },
			plan: { status: 'partial', date: '2027-03-31' }
		}),
		sys('s3', { name: 'Hệ thống thư điện tử', state: 'submitted', dossier: true }),
		sys('s4', { name: 'Phần mềm kế toán', proposed_level: null, classified: false })
	]
};

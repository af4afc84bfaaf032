// Mẫu số 08 (Nghị định 331/2026/NĐ-CP, Phụ lục; content per Điều 36): what capdo computes from its
// records as they stood at the end of the data window, and what the reporter completes. Pure: the
// server supplies the systems' states, the browser and the paper only read this model.
import { describeGlyph, glyphProblems } from '../../paper/text';
import type { Localized } from '../../rules/types';

/** Cột (6): “Đang dự thảo”, “Đã gửi thẩm định”, “Đã thẩm định”, “Đã được phê duyệt”. */
export type ApprovalState = 'drafting' | 'submitted' | 'appraised' | 'approved';
export const APPROVAL_STATE_LABEL: Record<ApprovalState, string> = {
	drafting: 'Đang dự thảo',
	submitted: 'Đã gửi thẩm định',
	appraised: 'Đã thẩm định',
	approved: 'Đã được phê duyệt'
};

/** Cột (10): “Chưa triển khai”, “Đã triển khai một số hạng mục”, “Đã triển khai đầy đủ”. */
export type PlanStatus = 'none' | 'partial' | 'full';
export const PLAN_STATUS_LABEL: Record<PlanStatus, string> = {
	none: 'Chưa triển khai',
	partial: 'Đã triển khai một số hạng mục',
	full: 'Đã triển khai đầy đủ'
};
/** Cột (12): “Trước khi đưa vào sử dụng”, “Định kỳ”, both, or empty. */
export const CHECK_LABEL = { before_use: 'Trước khi đưa vào sử dụng', periodic: 'Định kỳ' };

/** One system as its records stood at `as_of` (computed; frozen with a submission). */
export interface SystemAt {
	id: string;
	unit_id: string;
	unit_name: string;
	/** Cột (2)–(4). */
	name: string;
	owner: string;
	operator: string;
	/** Cột (5): the level proposed in the latest classification, if any. */
	proposed_level: number | null;
	/** The rule set ("id@version") that classification is pinned to. */
	ruleset: string | null;
	/** Cột (6). */
	state: ApprovalState;
	classified: boolean;
	dossier: boolean;
	appraised: boolean;
	/** Cột (7): the approval in force, with who approved. */
	approval: { number: string; date: string; level: number; by: string } | null;
	/** The security plan's items as declared in the record (prefills cột 10–11). */
	plan: { status: PlanStatus; date: string | null } | null;
}

export interface Snapshot {
	/** The instant the records are read at: the window's end, or the moment of an early report. */
	as_of: string;
	window: { start: string; end: string };
	systems: SystemAt[];
}

/** What the reporter completes per system (cột 8–12). */
export interface SystemInput {
	regulation: string;
	expected_approval: string;
	plan: PlanStatus | '';
	plan_date: string;
	check_before_use: boolean;
	check_periodic: boolean;
}

/** Mục 2 điểm a, b: (1) tên, (2) văn bản quy định chức năng, (3) người đại diện, chức vụ, (4) địa chỉ, (5) liên hệ. */
export interface Party {
	name: string;
	mandate: string;
	representative: string;
	address: string;
	phone: string;
	email: string;
}

export interface Mau08Values {
	/** Số, date and place the records office assigns (optional until signing). */
	number: string;
	date: string;
	place: string;
	recipient: string;
	/** Mục 1, last line. */
	expected_completion: string;
	owner: Party;
	specialized: Party;
	/** "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN" when someone signs for the head; else empty. */
	signer_authority: string;
	signer_title: string;
	signer_name: string;
	systems: Record<string, SystemInput>;
}

export interface Counts {
	in_scope: number;
	classified: number;
	dossier: number;
	appraised: number;
	approved: number;
	/** Approved and checked periodically (cột 12 “Định kỳ”): only the reporter knows. */
	checked_periodic: number;
}

export function counts(snapshot: Snapshot, values?: Pick<Mau08Values, 'systems'>): Counts {
	const s = snapshot.systems;
	return {
		in_scope: s.length,
		classified: s.filter((x) => x.classified).length,
		dossier: s.filter((x) => x.dossier).length,
		appraised: s.filter((x) => x.appraised).length,
		approved: s.filter((x) => x.approval).length,
		checked_periodic: s.filter((x) => x.approval && values?.systems[x.id]?.check_periodic).length
	};
}

export const emptyParty = (name = ''): Party => ({
	name,
	mandate: '',
	representative: '',
	address: '',
	phone: '',
	email: ''
});

/** A system's inputs before the reporter touches them: the plan as the record declares it. */
export function systemDefaults(sys: SystemAt): SystemInput {
	return {
		regulation: '',
		expected_approval: '',
		plan: sys.plan?.status ?? '',
		plan_date: sys.plan?.status !== 'full' && sys.plan?.date ? monthYear(sys.plan.date) : '',
		check_before_use: false,
		check_periodic: false
	};
}

/** "2027-03-31" → "03/2027". */
const monthYear = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface Defaults {
	recipient: string;
	place?: string;
	owner: Partial<Party>;
	specialized: Partial<Party>;
	signer?: { title?: string; name?: string; authority?: string };
	/** Per system, inputs already reported (the body's report starts from its units'). */
	systems?: Record<string, Partial<SystemInput>>;
}

/** The form as first shown: saved values win, then what capdo knows, then blanks. */
export function initialValues(
	snapshot: Snapshot,
	d: Defaults,
	saved?: Partial<Mau08Values>
): Mau08Values {
	const systems: Record<string, SystemInput> = {};
	for (const sys of snapshot.systems)
		systems[sys.id] = {
			...systemDefaults(sys),
			...d.systems?.[sys.id],
			...saved?.systems?.[sys.id]
		};
	const allApproved = snapshot.systems.every((s) => s.approval);
	return {
		number: saved?.number ?? '',
		date: saved?.date ?? '',
		place: saved?.place ?? d.place ?? '',
		recipient: saved?.recipient ?? d.recipient,
		expected_completion:
			saved?.expected_completion ?? (allApproved && snapshot.systems.length ? 'Đã hoàn thành' : ''),
		owner: { ...emptyParty(), ...d.owner, ...saved?.owner },
		specialized: { ...emptyParty(), ...d.specialized, ...saved?.specialized },
		signer_authority: saved?.signer_authority ?? d.signer?.authority ?? '',
		signer_title: saved?.signer_title ?? d.signer?.title ?? '',
		signer_name: saved?.signer_name ?? d.signer?.name ?? '',
		systems
	};
}

// ---- the form: flat field names ↔ values ----------------------------------------------------

export const PARTY_FIELDS = [
	'name',
	'mandate',
	'representative',
	'address',
	'phone',
	'email'
] as const;
const TEXT_FIELDS = [
	'number',
	'date',
	'place',
	'recipient',
	'expected_completion',
	'signer_authority',
	'signer_title',
	'signer_name'
] as const;

/** The form field name of a value: "owner.phone", "sys.<id>.plan". Also its element id, dotted. */
export const sysField = (id: string, k: keyof SystemInput) => `sys.${id}.${k}`;

/**
 * Reads posted form fields into values; systems not in the snapshot are ignored. The body's form
 * has no per-system fields (they come from its units' reports): `withSystems` false.
 */
export function parseForm(
	form: Record<string, unknown>,
	snapshot: Snapshot,
	withSystems = true
): Mau08Values {
	const str = (k: string) => String(form[k] ?? '').trim();
	const party = (p: 'owner' | 'specialized') =>
		Object.fromEntries(PARTY_FIELDS.map((k) => [k, str(`${p}.${k}`)])) as unknown as Party;
	const systems: Record<string, SystemInput> = {};
	for (const s of withSystems ? snapshot.systems : []) {
		const plan = str(sysField(s.id, 'plan'));
		systems[s.id] = {
			regulation: str(sysField(s.id, 'regulation')),
			expected_approval: str(sysField(s.id, 'expected_approval')),
			plan: (['none', 'partial', 'full'] as string[]).includes(plan) ? (plan as PlanStatus) : '',
			plan_date: str(sysField(s.id, 'plan_date')),
			check_before_use: !!form[sysField(s.id, 'check_before_use')],
			check_periodic: !!form[sysField(s.id, 'check_periodic')]
		};
	}
	const top = Object.fromEntries(TEXT_FIELDS.map((k) => [k, str(k)])) as Record<
		(typeof TEXT_FIELDS)[number],
		string
	>;
	return { ...top, owner: party('owner'), specialized: party('specialized'), systems };
}

// ---- validation -------------------------------------------------------------------------------

export interface FieldError {
	field: string;
	message: Localized;
}

const MAX = 500;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9 ().-]{8,20}$/;
/** "31/03/2027", "03/2027" → the first day it names ("2027-03-31", "2027-03-01"); else undefined. */
export function parseWhen(text: string): string | undefined {
	const m = /^(?:(\d{1,2})\/)?(\d{1,2})\/(\d{4})$/.exec(text.trim());
	if (!m) return undefined;
	const [d, mo, y] = [Number(m[1] ?? 1), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 2000 || y > 2100)
		return undefined;
	return date.toISOString().slice(0, 10);
}

const LABEL: Record<string, Localized> = {
	recipient: { vi: 'nơi nhận (Kính gửi)', en: 'the addressee' },
	place: { vi: 'địa danh', en: 'the place' },
	expected_completion: {
		vi: 'thời gian dự kiến hoàn thành phê duyệt cấp độ cho tất cả các hệ thống',
		en: 'when approval of every system is expected to be complete'
	},
	signer_title: { vi: 'chức vụ người ký', en: 'the signer’s title' },
	name: { vi: 'tên', en: 'the name' },
	mandate: {
		vi: 'văn bản quy định chức năng, nhiệm vụ và quyền hạn',
		en: 'the document setting its functions and powers'
	},
	representative: { vi: 'người đại diện và chức vụ', en: 'the representative and title' },
	address: { vi: 'địa chỉ liên lạc', en: 'the address' },
	phone: { vi: 'số điện thoại', en: 'the phone number' },
	email: { vi: 'thư điện tử', en: 'the e-mail address' }
};
const WHO: Record<'owner' | 'specialized', Localized> = {
	owner: { vi: 'của chủ quản hệ thống thông tin', en: 'of the system owner' },
	specialized: {
		vi: 'của đơn vị chuyên trách về an ninh mạng',
		en: 'of the specialised cybersecurity unit'
	}
};

/**
 * Every problem, each naming its field; nothing for a report ready to submit. A body's report
 * takes the per-system columns from its units' reports as they are, so only a unit's are checked.
 */
export function validate(
	values: Mau08Values,
	snapshot: Snapshot,
	filer: 'unit' | 'body' = 'unit'
): FieldError[] {
	const errors: FieldError[] = [];
	const need = (field: string, label: Localized) =>
		errors.push({ field, message: { vi: `Nhập ${label.vi}.`, en: `Enter ${label.en}.` } });
	const tooLong = (field: string, text: string) => {
		if (text.length > MAX)
			errors.push({
				field,
				message: { vi: `Tối đa ${MAX} ký tự.`, en: `At most ${MAX} characters.` }
			});
	};
	const when = (field: string, text: string, label: Localized) => {
		const iso = parseWhen(text);
		if (!iso)
			errors.push({
				field,
				message: {
					vi: `${cap(label.vi)}: ghi tháng/năm hoặc ngày/tháng/năm, ví dụ 06/2027.`,
					en: `${cap(label.en)}: give month/year or day/month/year, like 06/2027.`
				}
			});
		else if (iso.slice(0, 7) < snapshot.as_of.slice(0, 7))
			errors.push({
				field,
				message: {
					vi: `${cap(label.vi)}: thời điểm dự kiến không được trước kỳ báo cáo.`,
					en: `${cap(label.en)}: an expected date cannot be before the report.`
				}
			});
	};
	for (const k of ['recipient', 'place', 'signer_title'] as const)
		if (!values[k]) need(k, LABEL[k]!);
	for (const k of TEXT_FIELDS) tooLong(k, values[k]);
	if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
		errors.push({
			field: 'date',
			message: { vi: 'Ngày văn bản không hợp lệ.', en: 'The letter’s date is not valid.' }
		});
	const pending = snapshot.systems.some((s) => !s.approval);
	if (pending && !values.expected_completion)
		need('expected_completion', LABEL.expected_completion!);
	else if (pending)
		when('expected_completion', values.expected_completion, LABEL.expected_completion!);
	for (const p of ['owner', 'specialized'] as const) {
		const v = values[p];
		for (const k of PARTY_FIELDS) {
			const field = `${p}.${k}`;
			// Mẫu 08 mục 2 điểm a (2): "Trường hợp không có thì để trống" — only for the owner.
			const optional = k === 'mandate' && p === 'owner';
			const label = { vi: `${LABEL[k]!.vi} ${WHO[p].vi}`, en: `${LABEL[k]!.en} ${WHO[p].en}` };
			if (!v[k]) {
				if (!optional) need(field, label);
				continue;
			}
			tooLong(field, v[k]);
			if (k === 'email' && !EMAIL.test(v[k]))
				errors.push({
					field,
					message: {
						vi: `${cap(label.vi)} không hợp lệ, ví dụ attt@gialai.gov.vn.`,
						en: `${cap(label.en)} is not valid, like attt@gialai.gov.vn.`
					}
				});
			if (k === 'phone' && !PHONE.test(v[k]))
				errors.push({
					field,
					message: {
						vi: `${cap(label.vi)} chỉ gồm chữ số (8–20 ký tự), ví dụ 0269 3822 xxx.`,
						en: `${cap(label.en)} takes digits only (8–20 characters), like 0269 3822 xxx.`
					}
				});
		}
	}
	// Anything the paper's fonts cannot print is named on its field, before any paper is made.
	for (const g of glyphProblems(values))
		errors.push({
			field: g.path.replace(/^systems\./, 'sys.'),
			message: { vi: cap(describeGlyph(g, 'vi')) + '.', en: cap(describeGlyph(g, 'en')) + '.' }
		});
	for (const s of filer === 'unit' ? snapshot.systems : []) {
		const v = values.systems[s.id];
		if (!v) continue;
		const of = (l: string, e: string): Localized => ({
			vi: `${l} — “${s.name}”`,
			en: `${e} — “${s.name}”`
		});
		tooLong(sysField(s.id, 'regulation'), v.regulation);
		// Cột (9): only for systems not yet approved.
		if (!s.approval) {
			const l = of('thời điểm dự kiến phê duyệt cấp độ', 'expected approval');
			if (!v.expected_approval) need(sysField(s.id, 'expected_approval'), l);
			else when(sysField(s.id, 'expected_approval'), v.expected_approval, l);
		}
		// Cột (10)–(11): the plan of an approved level must be reported; a date while incomplete.
		if (s.approval && !v.plan)
			errors.push({
				field: sysField(s.id, 'plan'),
				message: of(
					'Chọn tình trạng triển khai phương án bảo đảm an ninh mạng',
					'Choose how far the security plan is in place'
				)
			});
		if (v.plan === 'none' || v.plan === 'partial') {
			const l = of(
				'thời điểm dự kiến triển khai đầy đủ phương án',
				'when the plan is expected to be fully in place'
			);
			if (!v.plan_date) need(sysField(s.id, 'plan_date'), l);
			else when(sysField(s.id, 'plan_date'), v.plan_date, l);
		}
	}
	return errors;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

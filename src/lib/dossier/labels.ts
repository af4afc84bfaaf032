// The dossier's own wording in Vietnamese and English. Legal lists (sections, requirements,
// procedure) come from the rule set; only the document's frame is worded here.
import type { Lang, Level } from '../rules';
import type { PlanItemStatus, SystemStage } from '../model/inventory';
import { formatDate } from '../i18n/dates';
import { documentDateEn, placeDate } from '../paper/date';

// Dates: one formatter for pages, exports and papers (Vietnam time); the letter's own date line
// is written as Decree 30/2020 writes it (paper/date.ts).
export { formatDate };

const vi = {
	motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as [string, string],
	number: (n?: string) => `Số: ${n ?? '……/……'}`,
	dateLine: (place: string | undefined, date?: string) => placeDate(place, date),
	// Levels 1–2: the same unit appraises and approves (Điều 12 khoản 1 Nghị định 85/2016/NĐ-CP).
	act: (approve: boolean): string => (approve ? 'thẩm định, phê duyệt' : 'thẩm định'),
	subject: (name: string, approve = false) =>
		`V/v đề nghị ${vi.act(approve)} hồ sơ đề xuất cấp độ hệ thống thông tin “${name}”`,
	to: 'Kính gửi:',
	pursuant: (doc: string, date: string, issuer: string, title?: string) =>
		`Căn cứ ${doc} ngày ${date} của ${issuer}${title ? ` ${lowerFirst(title)}` : ''};`,
	request: (unit: string, to: string, level: string, approve = false) =>
		`${unit} đề nghị ${to} ${vi.act(approve)} hồ sơ đề xuất ${level} đối với hệ thống thông tin sau:`,
	closing: (unit: string, approve = false) =>
		`${unit} gửi kèm hồ sơ đề xuất cấp độ theo danh mục trên. Đề nghị quý cơ quan xem xét, ${vi.act(approve)} theo quy định.`,
	contact: 'Đầu mối liên hệ',
	recipients: 'Nơi nhận:',
	asAbove: 'Như trên;',
	archive: 'Lưu: VT.',
	signNote: '(Ký, ghi rõ họ tên và đóng dấu)',
	signerDefault: 'THỦ TRƯỞNG ĐƠN VỊ',
	dots: '……………………',
	systemName: 'Tên hệ thống thông tin',
	owner: 'Chủ quản hệ thống thông tin',
	operator: 'Đơn vị vận hành hệ thống thông tin',
	securityUnit: 'Đơn vị chuyên trách về an toàn thông tin',
	stage: 'Giai đoạn',
	computed: 'Cấp độ xác định theo tiêu chí',
	proposed: 'Cấp độ đề xuất',
	approvedLevel: 'Cấp độ được phê duyệt',
	notApproved: 'chưa phê duyệt (dự thảo)',
	approvedYes: 'đã phê duyệt',
	undetermined: 'không xác định được theo tiêu chí',
	attached: 'Hồ sơ kèm theo',
	level: (l: Level) => `cấp độ ${l}`,
	Level: (l: Level) => `Cấp độ ${l}`,
	dossierTitle: 'HỒ SƠ ĐỀ XUẤT CẤP ĐỘ AN TOÀN HỆ THỐNG THÔNG TIN',
	letterTitle: 'Văn bản đề nghị thẩm định',
	dossierSub: (unit: string, n?: string) => `(Kèm theo văn bản số ${n ?? '……/……'} của ${unit})`,
	part: (i: number, t: string) => `Phần ${i}. ${t}`,
	notDeclared: 'chưa khai báo',
	unverified: 'CẢNH BÁO: NGUỒN VĂN BẢN CHƯA ĐƯỢC KIỂM CHỨNG',
	ruleNotice: 'LƯU Ý',
	renamedTitle: 'CƠ QUAN NHẬN ĐÃ THAY ĐỔI (CHỈ IN TRÊN BẢN DỰ THẢO)',
	renamed: (date: string, before: string, after: string, reason: string, sources: string) =>
		`Văn bản đề ngày ${date}: gửi ${after} thay cho ${before}. ${reason} Nguồn: ${sources}. Kiểm tra lại trước khi ký.`,
	trust: (t: string) => (t === 'secondary' ? 'thứ cấp' : t === 'gov-portal' ? 'cổng thông tin' : t),
	stageLabel: {
		new_project: 'Dự án đầu tư xây dựng mới hoặc mở rộng, nâng cấp',
		in_operation: 'Hệ thống đang vận hành'
	} satisfies Record<SystemStage, string>,
	designDoc: {
		new_project: 'Thiết kế sơ bộ hoặc tài liệu có giá trị tương đương',
		in_operation:
			'Thiết kế thi công đã được cấp có thẩm quyền phê duyệt hoặc tài liệu có giá trị tương đương'
	} satisfies Record<SystemStage, string>,
	requiredDoc: 'Tài liệu thiết kế phải có',
	attachedDocs: 'Tài liệu kèm theo',
	step1: 'Bước 1. Xác định hệ thống thông tin, chủ quản và đơn vị vận hành',
	step2: 'Bước 2. Xác định loại thông tin được xử lý',
	step3: 'Bước 3. Xác định cấp độ theo tiêu chí',
	function: 'Loại hệ thống (chức năng)',
	components: 'Hệ thống thành phần',
	informationTypes: 'Loại thông tin được xử lý',
	firedIntro: 'Hệ thống đáp ứng các tiêu chí sau:',
	noneFired: 'Không tiêu chí nào khớp với hệ thống.',
	componentTable: ['Hệ thống thành phần', 'Cấp độ', 'Căn cứ'],
	maxRule: (l: string) => `Theo nguyên tắc trên, cấp độ của hệ thống thông tin là ${l}.`,
	notMet: 'Các tiêu chí cấp độ cao hơn không được đáp ứng',
	proposalReason: 'Thuyết minh đề xuất của chủ quản hệ thống thông tin',
	designations: 'Xác định khác',
	extraFor45: 'Nội dung thuyết minh bổ sung đối với hệ thống đề xuất cấp độ 4, cấp độ 5',
	facts: 'Dữ kiện đã khai báo',
	factsTable: ['Câu hỏi', 'Trả lời', 'Căn cứ'],
	yes: 'Có',
	no: 'Không',
	planSections: 'Nội dung phương án bảo đảm an toàn hệ thống thông tin',
	baseline: (l: string) => `Đáp ứng yêu cầu cơ bản đối với ${l}`,
	baselineTable: ['Yêu cầu', 'Căn cứ', 'Trạng thái'],
	status: (s: PlanItemStatus | undefined) =>
		!s
			? 'chưa khai báo'
			: s.status === 'in_place'
				? `đã triển khai${s.note ? `: ${s.note}` : ''}`
				: s.status === 'planned'
					? `kế hoạch, dự kiến ${formatDate(s.date)}${s.note ? `: ${s.note}` : ''}`
					: `không áp dụng: ${s.reason}`,
	opinionMissing: 'Chưa có ý kiến của đơn vị chuyên trách về an toàn thông tin.',
	annex: 'PHỤ LỤC. THỦ TỤC THẨM ĐỊNH, PHÊ DUYỆT',
	appraiser: 'Cơ quan thẩm định',
	approver: 'Cấp phê duyệt',
	priorOpinion: 'Ý kiến trước khi gửi thẩm định',
	appraisalTime: 'Thời hạn thẩm định',
	approvalTime: 'Thời hạn phê duyệt',
	noDeadline: 'không quy định thời hạn riêng cho cấp độ này',
	days: (n: number, working: boolean) =>
		`tối đa ${String(n).padStart(2, '0')} ngày${working ? ' làm việc' : ''} kể từ ngày nhận đủ hồ sơ hợp lệ`,
	submission: 'Nộp hồ sơ',
	copies: (o: number, c: number, to: string) =>
		`${String(o).padStart(2, '0')} bản chính và ${String(c).padStart(2, '0')} bản sao hợp lệ, gửi ${to}`,
	ruleset: 'Bộ quy tắc',
	footerGenerated: 'Lập lúc',
	footerFingerprint: 'Mã kiểm tra',
	draft: 'DỰ THẢO'
};

type Labels = typeof vi;

const en: Labels = {
	motto: ['SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness'],
	number: (n) => `No.: ${n ?? '……/……'}`,
	dateLine: (place, date) => `${place ?? '……'}, ${documentDateEn(date)}`,
	act: (approve) => (approve ? 'appraise and approve' : 'appraise'),
	subject: (name, approve = false) =>
		`Re: request to ${en.act(approve)} the level-proposal dossier of the information system “${name}”`,
	to: 'To:',
	pursuant: (doc, date, issuer, title) =>
		`Pursuant to ${doc} of ${date} issued by ${issuer}${title ? ` (“${title}”)` : ''};`,
	request: (unit, to, level, approve = false) =>
		`${unit} requests ${to} to ${en.act(approve)} the dossier proposing ${level} for the following information system:`,
	closing: (unit, approve = false) =>
		`${unit} encloses the dossier listed above and requests that it be ${approve ? 'appraised and approved' : 'appraised'} as provided by law.`,
	contact: 'Contact',
	recipients: 'Recipients:',
	asAbove: 'As above;',
	archive: 'Archive: clerical office.',
	signNote: '(Signature, full name and seal)',
	signerDefault: 'HEAD OF THE UNIT',
	dots: '……………………',
	systemName: 'Information system',
	owner: 'System owner',
	operator: 'Operating unit',
	securityUnit: 'Specialized information security unit',
	stage: 'Stage',
	computed: 'Level given by the criteria',
	proposed: 'Proposed level',
	approvedLevel: 'Approved level',
	notApproved: 'not yet approved (draft)',
	approvedYes: 'approved',
	undetermined: 'not determined by the criteria',
	attached: 'Enclosed documents',
	level: (l) => `level ${l}`,
	Level: (l) => `Level ${l}`,
	dossierTitle: 'INFORMATION SYSTEM SECURITY LEVEL PROPOSAL DOSSIER',
	letterTitle: 'Request for appraisal',
	dossierSub: (unit, n) => `(Enclosed with letter No. ${n ?? '……/……'} of ${unit})`,
	part: (i, t) => `Part ${i}. ${t}`,
	notDeclared: 'not provided',
	unverified: 'WARNING: LEGAL SOURCE NOT VERIFIED',
	ruleNotice: 'NOTE',
	renamedTitle: 'ADDRESSEE HAS CHANGED (DRAFT ONLY)',
	renamed: (date, before, after, reason, sources) =>
		`Letter dated ${date}: addressed to ${after} instead of ${before}. ${reason} Sources: ${sources}. Check before signing.`,
	trust: (t) => (t === 'secondary' ? 'secondary' : t === 'gov-portal' ? 'government portal' : t),
	stageLabel: {
		new_project: 'New build, extension or upgrade project',
		in_operation: 'System in operation'
	},
	designDoc: {
		new_project: 'Preliminary design or an equivalent document',
		in_operation: 'Approved construction design or an equivalent document'
	},
	requiredDoc: 'Design document required',
	attachedDocs: 'Documents attached',
	step1: 'Step 1. The information system, its owner and its operator',
	step2: 'Step 2. Kinds of information processed',
	step3: 'Step 3. Level by the criteria',
	function: 'Kind of system (function)',
	components: 'Component systems',
	informationTypes: 'Information processed',
	firedIntro: 'The system meets the following criteria:',
	noneFired: 'No criterion matches the system.',
	componentTable: ['Component system', 'Level', 'Basis'],
	maxRule: (l) => `Under this rule, the level of the information system is ${l}.`,
	notMet: 'Criteria of higher levels that are not met',
	proposalReason: "The system owner's justification of the proposal",
	designations: 'Other determinations',
	extraFor45: 'Additional explanation for systems proposed at level 4 or 5',
	facts: 'Facts declared',
	factsTable: ['Question', 'Answer', 'Basis'],
	yes: 'Yes',
	no: 'No',
	planSections: 'Contents of the security plan',
	baseline: (l) => `Baseline requirements for ${l}`,
	baselineTable: ['Requirement', 'Basis', 'Status'],
	status: (s) =>
		!s
			? 'not provided'
			: s.status === 'in_place'
				? `in place${s.note ? `: ${s.note}` : ''}`
				: s.status === 'planned'
					? `planned for ${formatDate(s.date)}${s.note ? `: ${s.note}` : ''}`
					: `not applicable: ${s.reason}`,
	opinionMissing: 'The specialized information security unit has not given its opinion yet.',
	annex: 'ANNEX. APPRAISAL AND APPROVAL PROCEDURE',
	appraiser: 'Appraising body',
	approver: 'Approving authority',
	priorOpinion: 'Opinion required before appraisal',
	appraisalTime: 'Appraisal time limit',
	approvalTime: 'Approval time limit',
	noDeadline: 'no specific time limit for this level',
	days: (n, working) =>
		`at most ${n}${working ? ' working' : ''} days from receipt of a complete, valid dossier`,
	submission: 'Submission',
	copies: (o, c, to) =>
		`${o} original(s) and ${c} certified cop${c === 1 ? 'y' : 'ies'}, sent to ${to}`,
	ruleset: 'Rule set',
	footerGenerated: 'Generated',
	footerFingerprint: 'Fingerprint',
	draft: 'DỰ THẢO (DRAFT)'
};

export const LABELS: Record<Lang, Labels> = { vi, en };
export type { Labels };

function lowerFirst(s: string): string {
	return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

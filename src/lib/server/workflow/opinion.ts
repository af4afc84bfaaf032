// The appraisal opinion in structured fields, as Mẫu số 04 Nghị định 331/2026 sets it out (and the
// Decree 85 opinion letter built on Điều 16): how the appraisal was organised (Phần 3), the
// coordinating bodies' opinions (Phần 4 mục 1), other opinions (mục 3) and the conclusion with the
// points to fix (Phần 5). The per-item verdicts are the checklist (checklist.ts). Also the numbers
// and dates the records office gives each paper.
import { InputError } from '../auth/accounts';

export type Method = 'meeting' | 'written' | 'both' | '';
export type Conclusion = 'suitable' | 'unsuitable' | '';
export interface Coordination {
	body: string;
	opinion: string;
}
export interface Opinion {
	/** The unit's request letter the opinion answers ("Công văn số … ngày …"). */
	request_number: string;
	request_date: string;
	/** Đơn vị chủ trì thẩm định (Phần 3 mục 1); the appraiser's body when empty. */
	lead: string;
	/** Hình thức thẩm định (Phần 3 mục 3). */
	method: Method;
	coordination: Coordination[];
	other: string;
	conclusion: Conclusion;
	/** What is not suitable (required when the conclusion is "chưa phù hợp"). */
	fixes: string;
}

/** The papers the appraiser's side issues, by id, with what the records office assigns. */
export const PAPERS = ['opinion', 'submission', 'decision', 'plan_decision'] as const;
export type PaperId = (typeof PAPERS)[number];
export interface PaperNumber {
	number: string;
	date: string;
}
export type Papers = Partial<Record<PaperId, PaperNumber>> & {
	/** Who signs the decision (Mẫu 06, 07: "THỦ TRƯỞNG CƠ QUAN"), e.g. "Giám đốc Sở …". */
	signer?: { name: string; title: string };
	/** The national standard and technical regulation the plan is found to fit (Mẫu 06, 07 Điều 1). */
	standard?: string;
	regulation?: string;
};

export const EMPTY_OPINION: Opinion = {
	request_number: '',
	request_date: '',
	lead: '',
	method: '',
	coordination: [],
	other: '',
	conclusion: '',
	fixes: ''
};

const MAX = 8000;
export const MAX_COORDINATION = 12;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(raw: Record<string, unknown>, key: string, max = MAX): string {
	const v = String(raw[key] ?? '').trim();
	if (v.length > max)
		throw new InputError({ key: 'appraisal.error.tooLong', params: { max } }, key);
	return v;
}

export function date(raw: Record<string, unknown>, key: string): string {
	const v = text(raw, key, 10);
	if (v && (!DATE.test(v) || Number.isNaN(Date.parse(v))))
		throw new InputError({ key: 'appraisal.error.dateFormat' }, key);
	return v;
}

/** Reads the opinion form: `coord_body_<i>` / `coord_opinion_<i>` rows, blank rows dropped. */
export function parseOpinion(raw: Record<string, unknown>): Opinion {
	const method = text(raw, 'method') as Method;
	if (!['meeting', 'written', 'both', ''].includes(method))
		throw new InputError({ key: 'appraisal.error.method' }, 'method');
	const conclusion = text(raw, 'conclusion') as Conclusion;
	if (!['suitable', 'unsuitable', ''].includes(conclusion))
		throw new InputError({ key: 'appraisal.error.conclusion' }, 'conclusion');
	const coordination: Coordination[] = [];
	for (let i = 0; i < MAX_COORDINATION; i++) {
		const body = text(raw, `coord_body_${i}`, 300);
		const opinion = text(raw, `coord_opinion_${i}`);
		if (!body && !opinion) continue;
		if (!body) throw new InputError({ key: 'appraisal.error.coordBody' }, `coord_body_${i}`);
		coordination.push({ body, opinion });
	}
	const fixes = text(raw, 'fixes');
	if (conclusion === 'unsuitable' && !fixes)
		throw new InputError({ key: 'appraisal.error.fixes' }, 'fixes');
	return {
		request_number: text(raw, 'request_number', 100),
		request_date: date(raw, 'request_date'),
		lead: text(raw, 'lead', 300),
		method,
		coordination,
		other: text(raw, 'other'),
		conclusion,
		fixes
	};
}

/** Reads `<paper>_number` / `<paper>_date` for the given papers, and the decision's signer. */
export function parsePapers(raw: Record<string, unknown>, ids: readonly PaperId[]): Papers {
	const out: Papers = {};
	for (const id of ids) {
		const number = text(raw, `${id}_number`, 100);
		const d = date(raw, `${id}_date`);
		if (number || d) out[id] = { number, date: d };
	}
	const name = text(raw, 'signer_name', 200);
	const title = text(raw, 'signer_title', 200);
	if (name || title) out.signer = { name, title };
	const standard = text(raw, 'standard', 300);
	const regulation = text(raw, 'regulation', 300);
	if (standard) out.standard = standard;
	if (regulation) out.regulation = regulation;
	return out;
}

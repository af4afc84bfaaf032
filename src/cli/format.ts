// Plain-text rendering of a classification for the terminal.
import {
	procedureFor,
	type Classification,
	type Lang,
	type PartResult,
	type RuleSet
} from '../lib/rules';

const T = {
	vi: {
		system: 'Hệ thống',
		level: 'Cấp độ',
		undetermined: 'Không xác định được',
		basis: 'Căn cứ',
		none: '(không có tiêu chí nào)',
		components: 'Hệ thống thành phần',
		maxRule: 'Cấp độ của hệ thống là cấp độ cao nhất của các thành phần',
		appraiser: 'Thẩm định',
		approver: 'Phê duyệt',
		opinion: 'Ý kiến trước',
		appraisal: 'Thời hạn thẩm định',
		approval: 'Thời hạn phê duyệt',
		days: (n: number, w: boolean) => `${n} ngày${w ? ' làm việc' : ''}`,
		submission: (o: number, c: number, to: string) => `${o} bản chính và ${c} bản sao gửi ${to}`,
		submit: 'Nộp hồ sơ',
		ruleset: 'Bộ quy tắc',
		designations: 'Đồng thời',
		unverified: 'CẢNH BÁO: văn bản nguồn của bộ quy tắc này chưa được đối chiếu với Công báo'
	},
	en: {
		system: 'System',
		level: 'Level',
		undetermined: 'Undetermined',
		basis: 'Basis',
		none: '(no criterion fired)',
		components: 'Component systems',
		maxRule: "The system's level is the highest level of its components",
		appraiser: 'Appraised by',
		approver: 'Approved by',
		opinion: 'Prior opinion',
		appraisal: 'Appraisal time limit',
		approval: 'Approval time limit',
		days: (n: number, w: boolean) => `${n} ${w ? 'working ' : ''}days`,
		submission: (o: number, c: number, to: string) => `${o} original(s) and ${c} copies to ${to}`,
		submit: 'Submission',
		ruleset: 'Rule set',
		designations: 'Also',
		unverified:
			"WARNING: this rule set's source text has not been verified against the Official Gazette"
	}
};

export function formatClassification(c: Classification, ruleset: RuleSet, lang: Lang): string {
	const t = T[lang];
	const lines: string[] = [];
	if (c.name) lines.push(`${t.system}: ${c.name}`);
	lines.push(`${t.level}: ${c.level ?? t.undetermined}`);
	if (c.message) lines.push(`  ${c.message[lang]}`);
	for (const d of c.designations) lines.push(`${t.designations}: ${d.label[lang]} (${d.citation})`);
	lines.push(`${t.basis}:`);
	if (c.basis.length === 0) lines.push(`  ${t.none}`);
	for (const b of c.basis)
		lines.push(`  - [${b.level}] ${lang === 'vi' ? b.citation : b.citation_en}: ${b.text}`);
	if (c.components.length > 0) {
		lines.push(`${t.components}: (${t.maxRule})`);
		const tree = (parts: PartResult[], indent: string) => {
			for (const p of parts) {
				lines.push(`${indent}- ${p.name}: ${p.level ?? t.undetermined}`);
				for (const b of p.basis)
					lines.push(`${indent}    [${b.level}] ${lang === 'vi' ? b.citation : b.citation_en}`);
				tree(p.components ?? [], `${indent}  `);
			}
		};
		tree(c.components, '  ');
	}
	if (c.level !== null) {
		const p = procedureFor(ruleset, c.level, lang);
		lines.push(`${t.appraiser}: ${p.appraiser} (${p.authority_citation})`);
		if (p.authority_note) lines.push(`  ${p.authority_note.text} (${p.authority_note.citation})`);
		lines.push(`${t.approver}: ${p.approver}`);
		if (p.authority_note) lines.push(`  ${p.authority_note.text} (${p.authority_note.citation})`);
		if (p.prior_opinion) lines.push(`${t.opinion}: ${p.prior_opinion}`);
		if (p.appraisal_deadline)
			lines.push(
				`${t.appraisal}: ${t.days(p.appraisal_deadline.days, p.appraisal_deadline.working_days)} (${p.appraisal_deadline.citation})`
			);
		if (p.approval_deadline)
			lines.push(
				`${t.approval}: ${t.days(p.approval_deadline.days, p.approval_deadline.working_days)} (${p.approval_deadline.citation})`
			);
		if (p.submission)
			lines.push(
				`${t.submit}: ${t.submission(p.submission.originals, p.submission.copies, p.submission.recipient)} (${p.submission.citation})`
			);
	}
	lines.push(
		`${t.ruleset}: ${c.ruleset.id}@${c.ruleset.version} (sha256 ${c.ruleset.hash.slice(0, 12)})`
	);
	const status = ruleset.data.source_status;
	if (status.status === 'unverified') lines.push(`${t.unverified}. ${status.note[lang]}`);
	return lines.join('\n');
}

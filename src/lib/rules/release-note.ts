// A release note generated from the diff against the previous version, Vietnamese first, English
// second: what a unit or an appraiser needs to know about a new version, with citations. Stored
// with the version when it is published and shown in the rule browser.
import type { Change, DiffSection, RuleSetDiff } from './diff';
import type { Lang, Localized, RuleSet } from './types';

const SECTION: Record<DiffSection, Localized> = {
	metadata: { vi: 'Thông tin chung', en: 'Metadata' },
	sources: { vi: 'Văn bản nguồn', en: 'Sources' },
	facts: { vi: 'Câu hỏi', en: 'Questions' },
	constraints: { vi: 'Ràng buộc', en: 'Constraints' },
	criteria: { vi: 'Tiêu chí', en: 'Criteria' },
	designations: { vi: 'Chỉ định', en: 'Designations' },
	requirements: { vi: 'Yêu cầu', en: 'Requirements' },
	procedure: { vi: 'Thủ tục', en: 'Procedure' },
	appraisal: { vi: 'Nội dung thẩm định', en: 'Appraisal checklist' },
	dossier: { vi: 'Hồ sơ', en: 'Dossier' },
	transition: { vi: 'Chuyển tiếp', en: 'Transition' },
	tests: { vi: 'Ca kiểm thử mẫu', en: 'Golden cases' }
};
const KIND: Record<Change['kind'], Localized> = {
	added: { vi: 'thêm', en: 'added' },
	removed: { vi: 'bỏ', en: 'removed' },
	changed: { vi: 'sửa', en: 'changed' }
};
const dmy = (iso: string) => iso.split('-').reverse().join('/');

function line(c: Change, lang: Lang): string {
	const levels = c.levels?.length && c.section !== 'procedure' ? ` [${c.levels.join(', ')}]` : '';
	const cite = c.citation ? ` (${c.citation})` : '';
	const fields =
		c.kind === 'changed' && c.fields?.length ? `: ${c.fields.map((f) => f.field).join(', ')}` : '';
	const label = c.label ? ` — ${c.label.replace(/\s+/g, ' ').trim()}` : '';
	return `- ${SECTION[c.section][lang]}, ${KIND[c.kind][lang]}: ${c.key}${levels}${cite}${fields}${label}`;
}

/** The note for `rs`, against `diff` (absent for a first version). */
export function releaseNote(diff: RuleSetDiff | undefined, rs: RuleSet): Localized {
	const d = rs.data;
	const make = (lang: Lang) => {
		const vi = lang === 'vi';
		const head = vi
			? `${rs.ref}: ${d.title.vi}. Hiệu lực từ ngày ${dmy(d.effective_from)}` +
				(d.effective_to ? ` đến hết ngày ${dmy(d.effective_to)}` : '') +
				'.'
			: `${rs.ref}: ${d.title.en}. In force from ${d.effective_from}` +
				(d.effective_to ? ` to ${d.effective_to}` : '') +
				'.';
		const lines = [head];
		if (!diff) {
			lines.push(
				vi ? 'Phiên bản đầu tiên của bộ quy tắc này.' : 'The first version of this rule set.'
			);
			return lines.join('\n');
		}
		const sources = diff.changes.filter((c) => c.section === 'sources' && c.kind === 'added');
		if (sources.length)
			lines.push(
				(vi ? 'Căn cứ mới: ' : 'New legal basis: ') +
					sources.map((c) => c.label ?? c.key).join('; ')
			);
		lines.push(
			vi
				? `Thay đổi so với ${diff.from.ref} (${diff.changes.length} mục; trích dẫn thêm, bỏ, sửa: ${diff.summary.citations}):`
				: `Changes from ${diff.from.ref} (${diff.changes.length} items; citations added, removed, changed: ${diff.summary.citations}):`
		);
		if (diff.changes.length === 0) lines.push(vi ? '- Không có thay đổi.' : '- No changes.');
		for (const c of diff.changes) lines.push(line(c, lang));
		if (d.source_status.status === 'unverified')
			lines.push(
				(vi ? 'Lưu ý nguồn: ' : 'Source note: ') +
					d.source_status.note[lang].replace(/\s+/g, ' ').trim()
			);
		return lines.join('\n');
	};
	return { vi: make('vi'), en: make('en') };
}

// Warnings about a child version's overrides of its parent: things that load fine but are probably
// a mistake. An override by key replaces the parent's item whole, so a field the maintainer did not
// write again is silently gone; and a criterion whose condition changed while its quoted text or
// citation did not probably forgot to quote the amended text or cite the amending document.
import { canonicalJson } from './hash';
import type { RuleSetData } from './types';

export interface OverrideWarning {
	/** Path in the child's own sections (e.g. ["criteria", 0, "when"]). */
	path: (string | number)[];
	message: string;
}

type Item = Record<string, unknown>;

/** Keyed lists whose items a child overrides by id, with the fields a reader relies on. */
const KEYED = ['sources', 'criteria', 'constraints', 'designations', 'transition'] as const;
/** Items whose condition decides a level or a designation, next to the text they quote. */
const QUOTING = new Set(['criteria', 'designations']);

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const squash = (s: unknown) => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : s);

const KIND: Record<string, { vi: string; en: string }> = {
	sources: { vi: 'nguồn', en: 'source' },
	criteria: { vi: 'tiêu chí', en: 'criterion' },
	constraints: { vi: 'ràng buộc', en: 'constraint' },
	designations: { vi: 'chỉ định', en: 'designation' },
	transition: { vi: 'điều khoản chuyển tiếp', en: 'transition provision' },
	facts: { vi: 'dữ kiện', en: 'fact' }
};

/**
 * Compares the items `own` (the child's sections as written) overrides with `parent`'s: dropped
 * fields, and conditions changed without their text or citation.
 */
export function overrideWarnings(
	parent: RuleSetData,
	own: Record<string, unknown>,
	parentRef: string
): OverrideWarning[] {
	const out: OverrideWarning[] = [];
	const dropped = (section: string, key: string, path: (string | number)[], a: Item, b: Item) => {
		const gone = Object.keys(a).filter((k) => b[k] === undefined && k !== 'after');
		if (gone.length === 0) return;
		const list = gone.map((k) => `"${k}"`).join(', ');
		out.push({
			path,
			message:
				`ghi đè ${KIND[section]!.vi} "${key}" thay toàn bộ mục của ${parentRef}: ${list} của nó bị bỏ ` +
				`(ghi lại nếu vẫn đúng) / overriding ${KIND[section]!.en} "${key}" replaces ${parentRef}'s ` +
				`whole item: its ${list} ${gone.length > 1 ? 'are' : 'is'} dropped (write ${gone.length > 1 ? 'them' : 'it'} again if still true)`
		});
	};
	for (const section of KEYED) {
		const mine = own[section];
		if (!Array.isArray(mine)) continue;
		const theirs = ((parent as unknown as Record<string, Item[] | undefined>)[section] ??
			[]) as Item[];
		(mine as Item[]).forEach((item, j) => {
			const id = item?.id;
			const base = theirs.find((t) => t.id === id);
			if (!base || typeof id !== 'string') return;
			dropped(section, id, [section, j], base, item);
			if (!QUOTING.has(section) || same(base.when, item.when)) return;
			const textSame = squash(base.text) === squash(item.text);
			const citeSame = same(base.citation, item.citation);
			if (!textSame && !citeSame) return;
			const what = {
				vi: [textSame && 'đoạn trích (text)', citeSame && 'trích dẫn (citation)']
					.filter(Boolean)
					.join(' và '),
				en: [textSame && 'text', citeSame && 'citation'].filter(Boolean).join(' and ')
			};
			out.push({
				path: [section, j, 'when'],
				message:
					`điều kiện của ${KIND[section]!.vi} "${id}" đã đổi so với ${parentRef} nhưng ${what.vi} thì không: ` +
					`${textSame ? 'trích đoạn văn bản đã sửa đổi' : ''}${textSame && citeSame ? '; ' : ''}` +
					`${citeSame ? 'ghi văn bản sửa đổi trong citation.amended_by' : ''} / the condition of ` +
					`${KIND[section]!.en} "${id}" changed from ${parentRef} but its ${what.en} did not: ` +
					`${textSame ? 'quote the amended text' : ''}${textSame && citeSame ? '; ' : ''}` +
					`${citeSame ? 'cite the amending provision in citation.amended_by' : ''}`
			});
		});
	}
	const facts = own.facts;
	if (facts && typeof facts === 'object')
		for (const [name, def] of Object.entries(facts as Record<string, Item>)) {
			const base = (parent.facts as unknown as Record<string, Item>)[name];
			if (base && def && typeof def === 'object')
				dropped('facts', name, ['facts', name], base, def);
		}
	return out;
}

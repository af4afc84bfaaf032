// Warnings about a child version's overrides of its parent: things that load fine but are probably
// a mistake. An override by key replaces the parent's item whole, so a field the maintainer did not
// write again is silently gone; and a criterion whose condition changed while its quoted text or
// citation did not probably forgot to quote the amended text or cite the amending document.
import { canonicalJson } from './hash';
import { compileCondition } from './condition';
import type { Condition, FactDef, RuleSetData, Scalar } from './types';

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

/**
 * `c` with every leaf on `fact` replaced by its truth for `value`, then simplified (a decided `all`
 * or `any` collapses, decided members drop out), so two conditions that differ only in how they read
 * that one fact compare equal once the fact's value is fixed.
 */
function fixFact(c: Condition, fact: string, value: Scalar): Condition | boolean {
	if ('fact' in c) return c.fact === fact ? compileCondition(c)({ [fact]: value }) : c;
	if ('not' in c) {
		const inner = fixFact(c.not, fact, value);
		return typeof inner === 'boolean' ? !inner : { not: inner };
	}
	const isAll = 'all' in c;
	const rest: Condition[] = [];
	for (const part of isAll ? c.all : c.any) {
		const v = fixFact(part, fact, value);
		if (v === !isAll) return v; // false decides an `all`, true an `any`
		if (typeof v !== 'boolean') rest.push(v);
	}
	if (rest.length === 0) return isAll;
	return isAll ? { all: rest } : { any: rest };
}

/**
 * Whether `child` only restates `parent` over a fact the child asks in new terms (`replaces` with a
 * value map): for every old value, the parent's condition with the old fact fixed equals the child's
 * with the new fact fixed to the mapped value. Then the criterion means what it meant, and its quoted
 * text and citation rightly stay.
 */
function restatedThroughReplacement(
	parent: Condition,
	child: Condition,
	parentFacts: RuleSetData['facts'],
	ownFacts: Record<string, FactDef> | undefined
): boolean {
	for (const [name, def] of Object.entries(ownFacts ?? {})) {
		const r = def?.replaces;
		const old = r && parentFacts[r.fact];
		if (!r || !old) continue;
		const oldValue = (key: string): Scalar =>
			old.type === 'integer' ? Number(key) : old.type === 'boolean' ? key === 'true' : key;
		const entries = Object.entries(r.map);
		if (
			entries.length > 0 &&
			entries.every(([key, value]) =>
				same(fixFact(parent, r.fact, oldValue(key)), fixFact(child, name, value))
			)
		)
			return true;
	}
	return false;
}
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
			if (
				restatedThroughReplacement(
					base.when as Condition,
					item.when as Condition,
					parent.facts,
					own.facts as Record<string, FactDef> | undefined
				)
			)
				return;
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

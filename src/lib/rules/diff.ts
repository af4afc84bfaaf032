// What changes between two rule-set versions, section by section, item by item, field by field.
// Pure: works on loaded rule sets (after `extends` is resolved), so an override and a copy that
// say the same thing diff as equal.
import { formatCitation } from './citation';
import { canonicalJson } from './hash';
import type { Citation, Condition, GoldenCase, RuleSet, RuleSetData, Source } from './types';

export const DIFF_SECTIONS = [
	'metadata',
	'sources',
	'facts',
	'constraints',
	'criteria',
	'designations',
	'requirements',
	'procedure',
	'appraisal',
	'dossier',
	'transition',
	'tests'
] as const;
export type DiffSection = (typeof DIFF_SECTIONS)[number];
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
	field: string;
	before?: unknown;
	after?: unknown;
	/** Citations and conditions rendered as text (Vietnamese citations), for people. */
	before_text?: string;
	after_text?: string;
}

export interface Change {
	section: DiffSection;
	kind: ChangeKind;
	/** The item's key in its section: fact name, id, "explanation/owner", "authority[1,2]". */
	key: string;
	/** How a person recognises the item: its question, title or text. */
	label?: string;
	/** The rendered citation of the item (B's for added and changed items, A's for removed). */
	citation?: string;
	levels?: number[];
	/** A requirement item's TCVN 11930:2017 clause. */
	tcvn?: string;
	fields?: FieldChange[];
}

export interface RuleSetDiff {
	from: { ref: string; hash: string };
	to: { ref: string; hash: string };
	summary: Record<DiffSection, Record<ChangeKind, number>> & { citations: number };
	changes: Change[];
}

type Item = Record<string, unknown>;
const CITATION_FIELDS = /(^|\.)(citation|guidance)$/;
const CONDITION_FIELDS = /(^|\.)(when|require|applies_when)$/;

/** "function = internal ∧ information only [public]". */
export function formatCondition(c: Condition): string {
	const wrap = (parts: Condition[], sep: string) =>
		parts.length === 1 ? formatCondition(parts[0]!) : `(${parts.map(formatCondition).join(sep)})`;
	if ('all' in c) return wrap(c.all, ' ∧ ');
	if ('any' in c) return wrap(c.any, ' ∨ ');
	if ('not' in c) return `¬${formatCondition(c.not)}`;
	const [op, arg] = Object.entries(c).find(([k]) => k !== 'fact')!;
	const sym: Record<string, string> = {
		eq: '=',
		ne: '≠',
		lt: '<',
		lte: '≤',
		gt: '>',
		gte: '≥',
		in: 'in',
		contains: 'contains',
		contains_any: 'contains any',
		only: 'only'
	};
	const v = Array.isArray(arg) ? `[${arg.join(', ')}]` : String(arg);
	return `${c.fact} ${sym[op] ?? op} ${v}`;
}

function rendered(field: string, value: unknown, sources: readonly Source[]): string | undefined {
	if (value === undefined) return undefined;
	if (CITATION_FIELDS.test(field)) return formatCitation(value as Citation, sources, 'vi');
	if (CONDITION_FIELDS.test(field)) return formatCondition(value as Condition);
	if (field === 'expect') {
		const e = value as GoldenCase['expect'];
		return `cấp độ ${e.level ?? 'không xác định'} [${e.criteria.join(', ')}]`;
	}
	const note = value as { text?: { vi?: string }; citation?: Citation };
	if (note && typeof note === 'object' && note.text?.vi && note.citation)
		return `${note.text.vi} (${formatCitation(note.citation, sources, 'vi')})`;
	return undefined;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

export function diffRuleSets(a: RuleSet, b: RuleSet): RuleSetDiff {
	const A = a.data;
	const B = b.data;
	const changes: Change[] = [];

	const fieldChanges = (x: Item, y: Item, skip: string[] = []): FieldChange[] => {
		const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter(
			(k) => !skip.includes(k)
		);
		return keys
			.filter((k) => !same(x[k], y[k]))
			.map((k) => {
				const f: FieldChange = { field: k, before: x[k], after: y[k] };
				const bt = rendered(k, x[k], A.sources);
				const at = rendered(k, y[k], B.sources);
				if (bt !== undefined) f.before_text = bt;
				if (at !== undefined) f.after_text = at;
				return f;
			});
	};
	const describe = (item: Item, sources: readonly Source[]) => {
		const loc = (item.question ?? item.title ?? item.label) as { vi?: string } | undefined;
		const source = item.number ? `${(item.type as { vi: string }).vi} ${String(item.number)}` : '';
		const label =
			source || loc?.vi || (typeof item.text === 'string' ? item.text : undefined) || undefined;
		const expected = (item.expect as GoldenCase['expect'] | undefined)?.level;
		const levels = Array.isArray(item.levels)
			? (item.levels as number[])
			: typeof item.level === 'number'
				? [item.level]
				: typeof expected === 'number'
					? [expected]
					: undefined;
		const citation = item.citation
			? formatCitation(item.citation as Citation, sources, 'vi')
			: undefined;
		const tcvn = typeof item.tcvn === 'string' ? item.tcvn : undefined;
		return { label, levels, citation, ...(tcvn ? { tcvn } : {}) };
	};
	const keyed = (section: DiffSection, xs: [string, Item][], ys: [string, Item][]) => {
		const left = new Map(xs);
		const right = new Map(ys);
		for (const [key, x] of left) {
			const y = right.get(key);
			if (!y) changes.push({ section, kind: 'removed', key, ...describe(x, A.sources) });
			else {
				const fields = fieldChanges(x, y);
				if (fields.length > 0)
					changes.push({ section, kind: 'changed', key, ...describe(y, B.sources), fields });
			}
		}
		for (const [key, y] of right)
			if (!left.has(key)) changes.push({ section, kind: 'added', key, ...describe(y, B.sources) });
	};
	const byId = (list: unknown[] | undefined, id = 'id'): [string, Item][] =>
		((list ?? []) as Item[]).map((x) => [String(x[id]), x]);

	// Metadata: one "changed" entry listing every top-level field that differs.
	const meta = (d: RuleSetData): Item => ({
		title: d.title,
		extends: d.extends,
		effective_from: d.effective_from,
		effective_to: d.effective_to,
		source_status: d.source_status,
		'undetermined.message': d.undetermined.message,
		'undetermined.citation': d.undetermined.citation,
		'components_rule.text': d.components_rule.text,
		'components_rule.citation': d.components_rule.citation
	});
	const metaFields = fieldChanges(meta(A), meta(B));
	if (metaFields.length > 0)
		changes.push({
			section: 'metadata',
			kind: 'changed',
			key: 'ruleset',
			label: B.title.vi,
			fields: metaFields
		});

	keyed('sources', byId(A.sources), byId(B.sources));
	const facts = (d: RuleSetData) => Object.entries(d.facts) as unknown as [string, Item][];
	keyed('facts', facts(A), facts(B));
	keyed('constraints', byId(A.constraints), byId(B.constraints));
	keyed('criteria', byId(A.criteria), byId(B.criteria));
	keyed('designations', byId(A.designations), byId(B.designations));

	// Requirements: the section's own fields, its groups (without items), then items by id.
	const reqTop = (d: RuleSetData): [string, Item][] =>
		d.requirements
			? [['(requirements)', { note: d.requirements.note, cumulative: d.requirements.cumulative }]]
			: [];
	const groups = (d: RuleSetData): [string, Item][] =>
		(d.requirements?.groups ?? []).map((g) => {
			const { items, ...group } = g as unknown as Item;
			return [g.id, { ...group, items: (items as unknown[] | undefined)?.length ?? 0 }];
		});
	const items = (d: RuleSetData): [string, Item][] =>
		(d.requirements?.groups ?? []).flatMap((g) =>
			(g.items ?? []).map((it): [string, Item] => [it.id, { ...it, group: g.id }])
		);
	keyed('requirements', [...reqTop(A), ...groups(A)], [...reqTop(B), ...groups(B)]);
	keyed('requirements', items(A), items(B));

	// Procedure: each rule keyed by its kind and the levels it covers.
	// Routing: its questions by name and its routes by id.
	const procedure = (d: RuleSetData): [string, Item][] => {
		const { routing, ...rules } = d.procedure;
		return [
			...Object.entries(rules).flatMap(([kind, list]) =>
				((list ?? []) as unknown as Item[]).map((r): [string, Item] => [
					`${kind}[${(r.levels as number[]).join(',')}]`,
					r
				])
			),
			...Object.entries(routing?.facts ?? {}).map(([name, f]): [string, Item] => [
				`routing.facts/${name}`,
				f as unknown as Item
			]),
			...(routing?.routes ?? []).map((r): [string, Item] => [
				`routing.routes/${r.id}`,
				r as unknown as Item
			])
		];
	};
	keyed('procedure', procedure(A), procedure(B));

	const appraisal = (d: RuleSetData): [string, Item][] => [
		...(d.appraisal?.checklist ?? []).map((c): [string, Item] => [
			`checklist/${c.id}`,
			c as unknown as Item
		]),
		...(d.appraisal?.coordination
			? [['coordination', d.appraisal.coordination as unknown as Item] as [string, Item]]
			: [])
	];
	keyed('appraisal', appraisal(A), appraisal(B));

	const dossier = (d: RuleSetData): [string, Item][] => {
		if (!d.dossier) return [];
		const parts = ['contents', 'explanation', 'plan', 'forms'] as const;
		return [
			['template', { template: d.dossier.template }],
			...parts.flatMap((p) =>
				((d.dossier![p] ?? []) as Item[]).map((s): [string, Item] => [`${p}/${String(s.id)}`, s])
			)
		];
	};
	keyed('dossier', dossier(A), dossier(B));
	keyed('transition', byId(A.transition), byId(B.transition));
	// Golden cases are not hashed but say what the rules are meant to do: show which changed.
	const cases = (d: RuleSetData): [string, Item][] =>
		(d.tests ?? []).map((t) => [t.name, t as unknown as Item]);
	keyed('tests', cases(A), cases(B));

	const summary = Object.fromEntries(
		DIFF_SECTIONS.map((s) => [
			s,
			Object.fromEntries(
				(['added', 'removed', 'changed'] as const).map((k) => [
					k,
					changes.filter((c) => c.section === s && c.kind === k).length
				])
			)
		])
	) as unknown as RuleSetDiff['summary'];
	summary.citations = changes.reduce(
		(n, c) =>
			n +
			(c.kind === 'changed'
				? (c.fields ?? []).filter((f) => CITATION_FIELDS.test(f.field)).length
				: c.citation
					? 1
					: 0),
		0
	);
	return {
		from: { ref: a.ref, hash: a.hash },
		to: { ref: b.ref, hash: b.hash },
		summary,
		changes
	};
}

// Plain language in every bundled rule set (issue 17 item 2): what a unit reads on a question page
// is short and in everyday words; the law's own words stay under "Căn cứ pháp lý" (the citations
// and the criteria's text), never in a question, a help text, a hint, an option or a statement.
import { describe, expect, it } from 'vitest';
import type { FactDef, Localized, RuleSet } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';

const RULESETS = bundledRuleSets().rulesets;
const LANGS = ['vi', 'en'] as const;
const words = (s: string) => s.trim().split(/\s+/).length;

/** An article reference or a legal instrument named in running text. */
const LEGAL_REF =
	/\b(Điều \d|khoản \d|điểm [a-zđ]\b|Nghị định|Thông tư|Luật|Article \d|Decree|Circular|Law \d)|\d+\/\d{4}\/(NĐ-CP|TT-|QH)/u;

/** Ordered scales read off a document the unit already holds (the construction work's grade in its
 *  permit): their labels say it all, a hint per grade would only repeat them. */
const SCALES = new Set(['construction_work_grade']);

/** The questions the issue names: each explained with an example, in both languages. */
const NEEDS_EXAMPLE = /^(national_egov_system|risk_assessment_level|national_security_\w+)$/;
const EXAMPLE = { vi: /ví dụ/i, en: /for example/i };

const facts = (rs: RuleSet) => Object.entries(rs.data.facts) as [string, FactDef][];
const options = (def: FactDef): string[] =>
	def.type === 'enum' || def.type === 'set'
		? def.values
		: def.type === 'integer' && def.labels
			? Object.keys(def.labels)
			: [];
/** Every text of a fact a unit reads, with where it comes from. */
const readable = (name: string, def: FactDef): [string, Localized][] => [
	[`${name}.question`, def.question],
	...(def.help ? [[`${name}.help`, def.help] as [string, Localized]] : []),
	...(def.statement ? [[`${name}.statement`, def.statement] as [string, Localized]] : []),
	...Object.entries(def.hints ?? {}).map(
		([v, h]) => [`${name}.hints.${v}`, h] as [string, Localized]
	),
	...Object.entries(('labels' in def && def.labels) || {}).map(
		([v, l]) => [`${name}.labels.${v}`, l] as [string, Localized]
	)
];

describe.each(RULESETS.map((r) => [r.ref, r] as const))('%s', (_ref, rs) => {
	it('asks every question in 15 words or fewer, in Vietnamese and English', () => {
		const long = [
			...facts(rs).map(([n, d]) => [n, d.question] as const),
			...Object.entries(rs.data.groups ?? {}).map(([g, d]) => [`groups.${g}`, d.question] as const)
		].flatMap(([n, q]) =>
			LANGS.filter((l) => words(q[l]) > 15).map((l) => `${n} (${l}, ${words(q[l])}): ${q[l]}`)
		);
		expect(long).toEqual([]);
	});

	it('keeps article references and instrument names out of what the unit reads', () => {
		const legal = facts(rs)
			.flatMap(([n, d]) => readable(n, d))
			.flatMap(([where, text]) =>
				LANGS.filter((l) => LEGAL_REF.test(text[l])).map((l) => `${where} (${l}): ${text[l]}`)
			);
		expect(legal).toEqual([]);
	});

	it('gives one hint per option instead of a paragraph describing them all', () => {
		const missing = facts(rs)
			.filter(([n, d]) => !d.group && !SCALES.has(n))
			.flatMap(([n, d]) =>
				options(d)
					.filter((v) => !d.hints?.[v] || LANGS.some((l) => !d.hints![v]![l].trim()))
					.map((v) => `${n}: ${v}`)
			);
		expect(missing).toEqual([]);
		// A help text is a sentence or two, not the run-on paragraph the hints replace.
		const runOn = facts(rs)
			.filter(([, d]) => d.help && LANGS.some((l) => d.help![l].length > 320))
			.map(([n, d]) => `${n} (${d.help!.vi.length} chars)`);
		expect(runOn).toEqual([]);
	});

	it('asks a small bounded number with radios, never a free-text box', () => {
		const boxes = facts(rs)
			.filter(
				([, d]) =>
					d.type === 'integer' &&
					d.min !== undefined &&
					d.max !== undefined &&
					d.max - d.min <= 10 &&
					!d.labels
			)
			.map(([n]) => n);
		expect(boxes).toEqual([]);
	});

	it('explains the national e-government, risk-assessment and national-security questions by example', () => {
		const without = facts(rs)
			.filter(([n]) => NEEDS_EXAMPLE.test(n))
			.flatMap(([n, d]) =>
				LANGS.filter(
					(l) => ![d.help, ...Object.values(d.hints ?? {})].some((x) => x && EXAMPLE[l].test(x[l]))
				).map((l) => `${n} (${l})`)
			);
		expect(without).toEqual([]);
	});
});

it('covers the questions the issue names in every regime that asks them', () => {
	// Guards the checks above from passing on an empty rule set or a renamed fact.
	const named = RULESETS.map((r) => [
		r.ref,
		facts(r).filter(([n]) => NEEDS_EXAMPLE.test(n)).length
	]);
	expect(Object.fromEntries(named)).toEqual({
		'vn-nd331@2026': 6,
		'vn-nd85@tt03-2017': 2,
		'vn-nd85@tt12-2022': 2
	});
	expect(
		RULESETS.find((r) => r.ref === 'vn-nd85@tt03-2017')!.data.facts.online_public_service_level
	).toMatchObject({ type: 'integer', labels: expect.any(Object) });
});

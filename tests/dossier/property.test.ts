// 1,000 generated dossiers (fast-check, fixed seed): random lengths and characters from the whole
// printable set (Vietnamese, symbols, long unbroken words), many components, long notes, both
// regimes, letters and dossier, signature copy. Rendered 50 to a PDF, read back with
// `pdftotext -bbox`: every word lies inside the Decree 30 margins (the page number alone in the
// top margin, centred) and no character of the input is lost.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildDossier, dossierPapers, planKeys, type DossierInput } from '../../src/lib/dossier';
import { blockStrings, paperPdf, type Paper } from '../../src/lib/paper';
import type { RuleSet } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { norm, pdfWords } from '../paper/measure';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/dossier');
const rulesets = bundledRuleSets().rulesets;
const REGIMES: { rs: RuleSet; fixtures: string[] }[] = [
	{
		rs: rulesets.find((r) => r.ref === 'vn-nd85@tt03-2017')!,
		fixtures: ['level1.yaml', 'level3.yaml', 'level4.yaml']
	},
	{
		rs: rulesets.find((r) => r.ref === 'vn-nd331@2026')!,
		fixtures: ['nd331-level2.yaml', 'nd331-level3.yaml', 'nd331-level4.yaml']
	}
];
type Fixture = Record<string, unknown> & { facts: unknown; components?: { facts: unknown }[] };
const load = (f: string) => parse(readFileSync(join(FIXTURES, f), 'utf8')) as Fixture;

// The printable set: Vietnamese letters, digits, ASCII punctuation and what people type.
const VI =
	'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
const LETTERS = [...VI, ...VI.toLocaleUpperCase('vi')];
const OTHER = [...'0123456789.,;:!?()[]/-_&%@#*+=\'"', ...'≥≤±×÷−–—‘’“”…•€‰§№✓✗☐←→↑↓⇒₫'];
const word = fc.oneof(
	{
		weight: 12,
		arbitrary: fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 9 })
	},
	{
		weight: 3,
		arbitrary: fc.string({
			unit: fc.constantFrom(...LETTERS, ...OTHER),
			minLength: 1,
			maxLength: 12
		})
	},
	// A long unbroken word (URL, IP range, file path): must break, not run off the page.
	{
		weight: 1,
		arbitrary: fc.string({
			unit: fc.constantFrom(...LETTERS, ...OTHER),
			minLength: 40,
			maxLength: 160
		})
	}
);
const text = (min: number, max: number) =>
	fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));

const fixtureArb = fc.constantFrom(
	...REGIMES.flatMap((r, i) => r.fixtures.map((f) => ({ regime: i, f: load(f) })))
);

const dossierArb = fixtureArb.chain(({ regime, f }) => {
	const rs = REGIMES[regime]!.rs;
	const plan = [...planKeys(rs)];
	const explanation = (rs.data.dossier?.explanation ?? []).map((s) => s.id);
	const componentFacts = [f.facts, ...(f.components ?? []).map((c) => c.facts)];
	return fc.record({
		regime: fc.constant(regime),
		input: fc.record({
			unit: fc.record({
				name: text(1, 12),
				governing_body: text(0, 10),
				security_unit: text(1, 10),
				contact: fc.record({ name: text(1, 4), phone: text(0, 2) }),
				signer: fc.record({ name: text(1, 4), title: text(1, 5), authority: text(1, 4) }),
				place: text(1, 3),
				address: text(0, 15)
			}),
			document: fc.record({ number: text(0, 1) }),
			system: fc.record({
				name: text(1, 25),
				description: text(0, 300),
				owner: text(0, 12),
				operator: text(0, 12),
				stage: fc.constantFrom('new_project', 'in_operation'),
				design_documents: text(0, 40),
				facts: fc.constant(f.facts),
				components: fc.array(
					fc.record({ name: text(1, 15), facts: fc.constantFrom(...componentFacts) }),
					{ maxLength: 10 }
				),
				explanation: fc.dictionary(fc.constantFrom(...explanation), text(1, 120), {
					maxKeys: explanation.length
				}),
				plan: fc.dictionary(
					fc.constantFrom(...plan),
					fc.record({ status: fc.constant('in_place'), note: text(1, 60) }),
					{ maxKeys: 12 }
				),
				specialist_opinion: text(0, 80)
			})
		})
	});
});

const M = { top: 20, bottom: 20, left: 30, right: 15 };
const SLACK = 0.6;

function lostChars(expected: string, actual: string): string[] {
	const count = (s: string) => {
		const m = new Map<string, number>();
		for (const c of norm(s).replace(/\s/g, '')) m.set(c, (m.get(c) ?? 0) + 1);
		return m;
	};
	const have = count(actual);
	return [...count(expected)].filter(([c, n]) => (have.get(c) ?? 0) < n).map(([c]) => c);
}

/** Renders one batch into one PDF and returns every problem found (empty when all is well). */
async function check(batch: { regime: number; input: unknown }[], dir: string, k: number) {
	const papers: Paper[] = [];
	const problems: string[] = [];
	for (const [i, { regime, input }] of batch.entries()) {
		const rs = REGIMES[regime]!.rs;
		const built = buildDossier(rs, input as DossierInput);
		if (!built.ok) {
			problems.push(
				`dossier ${i}: ${built.errors.map((e) => `${e.path}: ${e.message.en}`).join('; ')}`
			);
			continue;
		}
		papers.push(...dossierPapers(built.dossier, rs, { copy: 'final' }));
	}
	const file = join(dir, `batch-${k}.pdf`);
	writeFileSync(file, await paperPdf(papers));
	const pages = pdfWords(file);
	pages.forEach((p, n) => {
		for (const w of p.words) {
			const at = `page ${n + 1} “${w.text}” (${w.x0.toFixed(1)}, ${w.y0.toFixed(1)})–(${w.x1.toFixed(1)}, ${w.y1.toFixed(1)})`;
			if (w.x0 < M.left - SLACK || w.x1 > 210 - M.right + SLACK)
				problems.push(`outside the side margins: ${at}`);
			if (w.y1 > 297 - M.bottom + SLACK) problems.push(`below the bottom margin: ${at}`);
			if (
				w.y0 < M.top - SLACK &&
				!(/^\d+$/.test(w.text) && Math.abs((w.x0 + w.x1) / 2 - 112.5) < 3)
			)
				problems.push(`in the top margin: ${at}`);
		}
	});
	const expected = papers
		.flatMap((p) => p.blocks.flatMap((b, i) => blockStrings(b, `${i}`)))
		.map((s) => s.text)
		.join(' ');
	const extracted = pages.flatMap((p) => p.words.map((w) => w.text)).join(' ');
	const lost = lostChars(expected, extracted);
	if (lost.length > 0) problems.push(`characters lost: ${lost.join(' ')}`);
	return problems;
}

const BATCH = 50;
const RUNS = 5; // per test: 4 tests × 5 runs × 50 = 1,000 dossiers

describe('1,000 generated dossiers stay inside the frame and lose no character', () => {
	const dir = mkdtempSync(join(tmpdir(), 'capdo-property-'));
	it.each([1, 2, 3, 4])(
		'batch group %i (250 dossiers)',
		async (group) => {
			let k = 0;
			await fc.assert(
				fc.asyncProperty(
					fc.array(dossierArb, { minLength: BATCH, maxLength: BATCH }),
					async (batch) => {
						const problems = await check(batch, dir, group * 100 + k++);
						expect(problems.slice(0, 10)).toEqual([]);
					}
				),
				// Fixed seeds: the same 1,000 dossiers every run; no shrinking (each step renders 50).
				{ numRuns: RUNS, seed: 1200 + group, endOnFailure: true }
			);
		},
		600_000
	);
});

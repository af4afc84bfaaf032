// Property-based fuzzing of every parser that reads a user's file (issue 16, "And keep it so"):
// system files (YAML/JSON, as `capdo classify` and `capdo dossier` read them), the inventory import
// (JSON, in the browser), rule-set YAML (the maintainer workspace's check), the API's record
// reader, rule-set packages (.capdo.json: /maintain and `capdo package check`) and the signature
// inspection of uploaded PDFs. For each: no exception ever escapes, and every error is located — file:line:column, or
// the path of the field. fast-check generates random text, random documents of the right shape,
// and edits of the real fixtures; a failure prints the shrunk input and the seed to replay it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { parseInputText } from '../../src/cli/input';
import { evaluate } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { checkDraft } from '../../src/lib/server/rulesets';
import { InputError } from '../../src/lib/server/auth/accounts';
import { jsonProblem } from '../../src/lib/server/input-guard';
import { parseRecord } from '../../src/lib/server/workflow/record';
import { inspectSignatures } from '../../src/lib/server/files/signature';
import { packageOf, unpack } from '../../src/lib/server/ruleset-package';
import { filesHash } from '../../src/lib/server/rulesets';
import { signedPdf, tampered } from '../fixtures/pdf/signed';
import { importInventory, exportInventory } from '../../src/lib/wizard/inventory-io';

const rulesets = bundledRuleSets().rulesets;
const factNames = [...new Set(rulesets.flatMap((r) => Object.keys(r.data.facts)))];
// Enough runs to find shallow bugs on every `npm test`; FUZZ_RUNS=5000 for a long session.
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const params = { numRuns: RUNS };

// ---- generators ---------------------------------------------------------------------------

/** Pieces that stress YAML and JSON parsers: structure, aliases, tags, odd characters. */
const TOKENS = [
	':',
	': ',
	'-',
	'- ',
	' ',
	'  ',
	'\n',
	'\r\n',
	'\t',
	'#',
	'[',
	']',
	'{',
	'}',
	',',
	'"',
	"'",
	'&a ',
	'*a',
	'<<: *a',
	'!!str ',
	'!!int ',
	'!!binary ',
	'!!js/function ',
	'? ',
	'|',
	'>',
	'%YAML 1.2\n',
	'---\n',
	'...\n',
	'\u0000',
	'\u200b',
	'\ufeff',
	'é',
	'Đ',
	'😀',
	'0x1F',
	'.inf',
	'~',
	'null',
	'true',
	'1e999',
	'-0',
	'__proto__',
	'constructor',
	'toString',
	'facts',
	'components',
	'name'
];

type Edit = { at: number; del: number; put: string };
const edits = fc.array(
	fc.record({
		at: fc.nat(),
		del: fc.nat({ max: 8 }),
		put: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 }))
	}),
	{ minLength: 1, maxLength: 6 }
);
function applyEdits(text: string, es: Edit[]) {
	let t = text;
	for (const e of es) {
		const at = e.at % (t.length + 1);
		t = t.slice(0, at) + e.put + t.slice(at + e.del);
	}
	return t;
}
/** A real file with a few random edits. */
const mutated = (texts: string[]) =>
	fc.tuple(fc.constantFrom(...texts), edits).map(([t, es]) => applyEdits(t, es));

const factValue = fc.oneof(
	fc.boolean(),
	fc.integer(),
	fc.double(),
	fc.string({ maxLength: 20 }),
	fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
	fc.constant(null),
	fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 })
);
const factName = fc.oneof(
	fc.constantFrom(...factNames, '__proto__', 'constructor', 'toString', 'hasOwnProperty'),
	fc.string({ maxLength: 12 })
);
const facts = fc.dictionary(factName, factValue, { maxKeys: 12 });
const component = fc.record(
	{
		id: fc.oneof(
			fc.constantFrom('c1', 'c2', 'main', ''),
			fc.string({ maxLength: 6 }),
			fc.integer()
		),
		name: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(null)),
		facts: fc.oneof(facts, fc.constant('x'), fc.constant(null))
	},
	{ requiredKeys: [] }
);
/** A document shaped like a system file, with every field sometimes wrong. */
const systemDoc = fc.record(
	{
		name: fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null)),
		ruleset: fc.constantFrom(...rulesets.map((r) => r.ref), 'nope@1'),
		facts: fc.oneof(facts, fc.constant([]), fc.constant('x')),
		components: fc.oneof(fc.array(component, { maxLength: 4 }), fc.constant({}), fc.constant(3))
	},
	{ requiredKeys: [] }
);

const SYSTEM_FIXTURES = readdirSync('tests/fixtures/systems')
	.concat(readdirSync('tests/fixtures/dossier').map((f) => `../dossier/${f}`))
	.map((f) => readFileSync(join('tests/fixtures/systems', f), 'utf8'));

const systemText = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 200 }),
	systemDoc.map((d) => stringify(d)),
	systemDoc.map((d) => JSON.stringify(d)),
	mutated(SYSTEM_FIXTURES)
);

// ---- properties ---------------------------------------------------------------------------

const AT = (file: string) => new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+(: |$)`);

describe('system files (capdo classify / dossier)', () => {
	it('never throw; every error carries file:line:column', () => {
		fc.assert(
			fc.property(systemText, fc.constantFrom(...rulesets), fc.boolean(), (text, rs, json) => {
				const file = json ? 'system.json' : 'system.yaml';
				const r = parseInputText(file, text);
				if (!r.ok) {
					expect(r.error).toMatch(AT(file));
					return;
				}
				const ev = evaluate(rs, r.file.value as Parameters<typeof evaluate>[1]);
				if (!ev.ok)
					for (const e of ev.errors) {
						expect(e.path).toBeTruthy();
						expect(r.file.locate(e.path)).toMatch(AT(file));
					}
			}),
			params
		);
	});
});

describe('inventory import (JSON)', () => {
	const valid = exportInventory({
		schema: 'capdo-inventory/1',
		unit: { name: 'Sở', governing_body: 'UBND', security_unit: 'Phòng', contact: { name: 'An' } },
		systems: [
			{
				id: 's1',
				name: 'Cổng',
				ruleset: rulesets[0]!.ref,
				facts: { ...rulesets[0]!.data.tests?.[0]?.facts },
				components: [{ id: 'c1', name: 'LAN', facts: {} }]
			}
		]
	});
	const inventory = fc.oneof(
		fc.string({ unit: 'binary', maxLength: 200 }),
		mutated([valid]),
		fc
			.record({
				schema: fc.constantFrom('capdo-inventory/1', 'x'),
				unit: fc.oneof(fc.constant(JSON.parse(valid).unit), fc.jsonValue()),
				systems: fc.oneof(
					fc.array(
						fc.tuple(fc.string({ maxLength: 4 }), systemDoc).map(([id, d]) => ({ id, ...d })),
						{ maxLength: 3 }
					),
					fc.jsonValue()
				)
			})
			.map((v) => JSON.stringify(v)),
		fc.jsonValue().map((v) => JSON.stringify(v))
	);
	/** A reason names its place: a line and column, a field path, or the whole file. */
	const LOCATED =
		/^(Not valid JSON: line \d+, column \d+: |systems\[\d+\]|"unit"|"systems"|The file must hold|Not a capdo inventory)/;

	it('never throws; every reason is located', () => {
		fc.assert(
			fc.property(inventory, (text) => {
				const r = importInventory(text, rulesets);
				if (!r.ok) {
					expect(r.reasons.length).toBeGreaterThan(0);
					for (const why of r.reasons) expect(why.en).toMatch(LOCATED);
				}
			}),
			params
		);
	});
});

describe('rule-set YAML (maintainer workspace)', () => {
	const RULESET_FIXTURES = [
		'tests/fixtures/maintain/valid/ruleset.yaml',
		'tests/fixtures/maintain/failing/ruleset.yaml',
		'tests/fixtures/maintain/overlap/ruleset.yaml'
	].map((p) => readFileSync(p, 'utf8'));
	const lines = (t: string) => t.split('\n');
	/** Whole lines dropped, doubled or swapped: structural damage a real edit does. */
	const lineEdits = fc
		.tuple(
			fc.constantFrom(...RULESET_FIXTURES),
			fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'dup', 'swap', 'indent')), {
				minLength: 1,
				maxLength: 4
			})
		)
		.map(([t, ops]) => {
			const ls = lines(t);
			for (const [n, op] of ops) {
				const i = n % ls.length;
				if (op === 'drop') ls.splice(i, 1);
				else if (op === 'dup') ls.splice(i, 0, ls[i]!);
				else if (op === 'swap' && i + 1 < ls.length) [ls[i], ls[i + 1]] = [ls[i + 1]!, ls[i]!];
				else ls[i] = '  ' + ls[i];
			}
			return ls.join('\n');
		});
	const text = fc.oneof(
		fc.string({ unit: 'binary', maxLength: 200 }),
		mutated(RULESET_FIXTURES),
		lineEdits,
		fc.jsonValue().map((v) => stringify(v))
	);

	it('never throws; every load error carries its file, a line and a column', () => {
		fc.assert(
			fc.property(text, (t) => {
				const { report } = checkDraft([{ path: 'ruleset.yaml', text: t }], rulesets);
				for (const e of [...report.errors, ...report.tiling]) {
					expect(e.file).toBe('ruleset.yaml');
					expect(e.line).toBeGreaterThanOrEqual(1);
					expect(e.column).toBeGreaterThanOrEqual(1);
					expect(e.message).toBeTruthy();
				}
			}),
			{ numRuns: Math.ceil(RUNS / 3) }
		);
	}, 300_000);
});

describe('API record bodies', () => {
	it('parseRecord and the body guard raise only located InputErrors', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					systemDoc,
					fc.jsonValue(),
					fc.string({ maxLength: 50 }).map((s) => ({ name: s + '\u0000', facts: {} }))
				),
				(value) => {
					const problem = jsonProblem(value);
					if (problem) {
						// A NUL names its field; a NUL-free body nested too deep names where.
						expect(typeof problem.path).toBe('string');
						if (problem.kind === 'nul' && typeof value === 'object' && value && 'name' in value)
							expect(problem.path).toBe('name');
						return;
					}
					try {
						parseRecord(value);
					} catch (e) {
						expect(e).toBeInstanceOf(InputError);
					}
				}
			),
			params
		);
	});
});

describe('rule-set packages (.capdo.json upload, capdo package check)', () => {
	// A real export of a version that extends another, checked here with and without its parent.
	const CHILD = 'vn-nd85@tt12-2022';
	const parent = rulesets.find((c) => c.ref === CHILD)!.data.extends;
	const withoutParent = rulesets.filter((r) => r.ref !== parent);

	it('never throws; a refusal always says why; an accepted package is the version it names', async () => {
		const base = (await packageOf(CHILD, rulesets))!;
		const manifestKey = fc.constantFrom(...Object.keys(base.manifest), 'extends');
		// Any JSON, and objects whose keys shadow what string conversion calls.
		const anyJson = fc.oneof(
			fc.jsonValue({ maxDepth: 2 }),
			fc.dictionary(
				fc.constantFrom('toString', 'valueOf', '__proto__'),
				fc.jsonValue({ maxDepth: 1 }),
				{
					minKeys: 1
				}
			)
		);
		/** The real package with manifest fields replaced by any JSON, files edited or not, and the
		 * files' sha256 recomputed (so the load runs on the edited files) or left stale. */
		const edited = fc
			.record({
				fields: fc.array(fc.tuple(manifestKey, anyJson), { maxLength: 3 }),
				file: fc.option(fc.tuple(fc.nat(), edits), { nil: undefined }),
				rehash: fc.boolean()
			})
			.map(({ fields, file, rehash }) => {
				const files = base.files.map((f) => ({ ...f }));
				if (file) {
					const f = files[file[0] % files.length]!;
					f.text = applyEdits(f.text, file[1]);
				}
				const manifest: Record<string, unknown> = { ...base.manifest };
				for (const [k, v] of fields) manifest[k] = v;
				if (rehash) manifest.files_sha256 = filesHash(files);
				return JSON.stringify({ ...base, manifest, files });
			});
		const text = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 200 }),
			fc.jsonValue().map((v) => JSON.stringify(v)),
			{ arbitrary: edited, weight: 4 },
			fc.tuple(fc.constant(JSON.stringify(base)), edits).map(([t, es]) => applyEdits(t, es))
		);
		fc.assert(
			fc.property(text, fc.boolean(), (t, hasParent) => {
				const r = unpack(t, hasParent ? rulesets : withoutParent);
				if (r.ok) expect(r.ruleset.ref).toBe(r.pkg.manifest.ref);
				else {
					expect(r.problems.length).toBeGreaterThan(0);
					for (const p of r.problems) expect(typeof p).toBe('string');
				}
			}),
			{ numRuns: Math.ceil(RUNS / 3) }
		);
	}, 300_000);
});

describe('signed PDF uploads (signature inspection)', () => {
	it('never throws on a damaged or forged signed PDF; it reports unsigned, unreadable or each signature', async () => {
		const good = new Uint8Array(await signedPdf());
		const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
		const bytes = (t: string) => new Uint8Array(Buffer.from(t, 'latin1'));
		const at = latin1(good).indexOf('/ByteRange');
		const PDF_TOKENS = [
			'/ByteRange [0 1 2 3]',
			'/ByteRange [0 99999999999 0 0]',
			'/ByteRange [-1 0 0 0]',
			'/Contents <00>',
			'/Contents <zz>',
			'/Contents <' + 'ab'.repeat(64) + '>',
			'<<',
			'>>',
			'endobj',
			'obj',
			'R',
			'xref',
			'trailer',
			'startxref 0',
			'%%EOF',
			'1e999',
			'\u0000'
		];
		const pdfEdits = fc.array(
			fc.record({
				// Half the edits near the signature dictionary, where a forgery would go.
				at: fc.oneof(fc.nat(), fc.integer({ min: Math.max(0, at - 200), max: at + 400 })),
				del: fc.nat({ max: 16 }),
				put: fc.oneof(fc.constantFrom(...PDF_TOKENS), fc.string({ maxLength: 8 }))
			}),
			{ minLength: 1, maxLength: 4 }
		);
		const pdf = fc.oneof(
			fc.uint8Array({ maxLength: 300 }).map((b) => new Uint8Array([...bytes('%PDF-1.7\n'), ...b])),
			fc.nat().map((n) => good.slice(0, n % good.length)),
			pdfEdits.map((es) => bytes(applyEdits(latin1(good), es)))
		);
		// pdf-lib warns on every damaged object it skips: thousands of lines, none of them ours.
		const seen = new Set<string>();
		const quiet = vi.spyOn(console, 'warn').mockImplementation(() => {});
		onTestFinished(() => quiet.mockRestore());
		await fc.assert(
			fc.asyncProperty(pdf, async (b) => {
				const r = await inspectSignatures(b);
				expect(['unsigned', 'unreadable', 'signed']).toContain(r.status);
				seen.add(r.status === 'signed' ? `signed, intact ${r.signatures[0]?.intact}` : r.status);
				if (r.status === 'unreadable') expect(r.problem).toMatch(/\S/);
				if (r.status === 'signed')
					for (const s of r.signatures) {
						expect(typeof s.intact).toBe('boolean');
						if (!s.intact) expect(s.problem).toMatch(/\S/);
					}
			}),
			{
				numRuns: Math.ceil(RUNS / 3),
				// Besides the random cases: one signed byte changed, and a file cut short.
				examples: [[new Uint8Array(tampered(Buffer.from(good)))], [good.slice(0, 400)]]
			}
		);
		// The CMS check ran on broken signatures, not only the parser on broken files.
		expect([...seen].sort()).toEqual(
			expect.arrayContaining(['signed, intact false', 'unreadable'])
		);
	}, 300_000);
});

describe('regressions the fuzzer found', () => {
	it('a package whose manifest names its parent with an object is refused, not a crash', async () => {
		const pkg = (await packageOf('vn-nd85@tt12-2022', rulesets))!;
		const text = JSON.stringify({
			...pkg,
			manifest: { ...pkg.manifest, extends: { toString: {} } }
		});
		const parentless = rulesets.filter((r) => r.ref !== 'vn-nd85@tt03-2017');
		expect(unpack(text, parentless)).toMatchObject({
			ok: false,
			problems: [expect.stringMatching(/not a "capdo-ruleset-package\/1" package/)]
		});
	});

	it('a version that extends another and lacks a section is told so in its own file', () => {
		const text =
			"id: vn-demo\nversion: '2027'\nextends: vn-nd331@2026\ntitle:\n  vi: Thử\n  en: Trial\n";
		const { report } = checkDraft([{ path: 'ruleset.yaml', text }], rulesets);
		expect(report.errors).toContainEqual(
			expect.objectContaining({ file: 'ruleset.yaml', message: 'missing section "effective_from"' })
		);
	});
});

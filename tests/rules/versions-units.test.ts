// Dated versions and the hash lock (src/lib/rules/versions.ts), in process for Stryker's rules-load
// part: the order versions are tiled in, the end resolveEnds derives (and when it leaves a version
// untouched), whole tiling messages, and every malformed lock entry, located.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import {
	checkPublished,
	checkTiling,
	loadLibrary,
	parsePublished,
	resolveEnds,
	withRevisions,
	type RuleSet
} from '../../src/lib/rules';
import { readYamlTree } from '../../src/lib/server/ruleset-files';

const FIXTURES = 'tests/fixtures/rulesets';
const V1 = join(FIXTURES, 'tiles/fx/v1/ruleset.yaml');
let v1: RuleSet;
beforeAll(() => {
	const r = loadLibrary(readYamlTree(join(FIXTURES, 'tiles')));
	expect(r.errors).toEqual([]);
	v1 = r.rulesets[0]!;
});
/** fx@v1 as version `ref` of fx, in force from `from` (to `to`, when it declares an end). */
const version = (from: string, to?: string, ref = `fx@${from}`): RuleSet => ({
	...v1,
	ref,
	data: { ...v1.data, effective_from: from, effective_to: to }
});
const lineOf = (file: string, key: string) =>
	readFileSync(file, 'utf8')
		.split('\n')
		.findIndex((l) => l.startsWith(`${key}:`)) + 1;

describe('checkTiling', () => {
	it('sorts the versions by start date whatever order they come in, then by ref', () => {
		const a = version('2020-01-01', '2020-12-31');
		const b = version('2021-01-01', '2021-12-31');
		const c = version('2022-01-01');
		expect(checkTiling([c, a, b])).toEqual([]);
		expect(checkTiling([b, c, a])).toEqual([]);
		// Two on the same day: the one whose ref sorts later is the one reported.
		const x = version('2020-01-01', undefined, 'fx@x');
		const y = version('2020-01-01', undefined, 'fx@y');
		for (const order of [
			[x, y],
			[y, x]
		])
			expect(checkTiling(order).map((e) => e.message)).toEqual([
				`fx@y starts on 2020-01-01, the same day as fx@x (${V1}:${lineOf(V1, 'effective_from')}:17): versions overlap; start later`
			]);
	});

	it('reports an overlap, whole and located, even by a single day', () => {
		const errors = checkTiling([version('2020-01-01', '2020-12-31'), version('2020-12-31')]);
		expect(errors).toEqual([
			{
				file: V1,
				line: lineOf(V1, 'effective_from'),
				column: 17,
				field: 'effective_from',
				message:
					`fx@2020-12-31 starts on 2020-12-31 while fx@2020-01-01 is in force until 2020-12-31 ` +
					`(${V1}:${lineOf(V1, 'effective_to')}:15): versions overlap; start on 2021-01-01`
			}
		]);
	});

	it('reports a gap, whole', () => {
		expect(
			checkTiling([version('2020-01-01', '2020-12-31'), version('2021-03-01')]).map(
				(e) => e.message
			)
		).toEqual([
			`gap: no version of fx is in force from 2021-01-01 to 2021-02-28 (fx@2020-01-01 ends on ` +
				`2020-12-31 at ${V1}:${lineOf(V1, 'effective_to')}:15); start on 2021-01-01`
		]);
	});

	it('follows the version that reaches furthest', () => {
		// Each declared end passes the cover on: no gap between b and c.
		expect(
			checkTiling([
				version('2020-01-01', '2020-12-31'),
				version('2021-01-01', '2021-12-31'),
				version('2022-01-01')
			])
		).toEqual([]);
		// A version without an end covers everything after it.
		expect(
			checkTiling([
				version('2020-01-01', '2020-12-31'),
				version('2021-01-01'),
				version('2022-01-01')
			])
		).toEqual([]);
		// Two ending on the same day: the earlier one stays the cover (its end is where to look).
		const messages = checkTiling([
			version('2020-01-01', '2021-12-31'),
			version('2021-06-01', '2021-12-31'),
			version('2021-12-31')
		]).map((e) => e.message.split(' (')[0]);
		expect(messages).toEqual([
			'fx@2021-06-01 starts on 2021-06-01 while fx@2020-01-01 is in force until 2021-12-31',
			'fx@2021-12-31 starts on 2021-12-31 while fx@2020-01-01 is in force until 2021-12-31'
		]);
	});

	it('leaves a withdrawn version out: its dates pass to its neighbours', () => {
		const withdrawn = {
			...version('2021-01-01', '2021-06-30'),
			withdrawn: { reason: 'x', at: '2021-02-01' }
		};
		expect(checkTiling([version('2020-01-01'), withdrawn, version('2022-01-01')])).toEqual([]);
		expect(resolveEnds([version('2020-01-01'), withdrawn, version('2022-01-01')])[0]!.data).toEqual(
			expect.objectContaining({ effective_to: '2021-12-31' })
		);
	});

	it('locates a version built from data at its folder, or its ref', () => {
		const a = { ...version('2020-01-01'), locate: undefined, dir: 'lib/fx/a' };
		const b = { ...version('2020-01-01', undefined, 'fx@b'), locate: undefined, dir: undefined };
		expect(checkTiling([a, b])).toEqual([
			{
				file: 'fx@b',
				line: 1,
				column: 1,
				field: 'effective_from',
				message:
					'fx@b starts on 2020-01-01, the same day as fx@2020-01-01 (lib/fx/a:1:1): versions overlap; start later'
			}
		]);
	});
});

describe('resolveEnds', () => {
	it('ends a version the day before the next one that starts later, not one on the same day', () => {
		const a = version('2020-01-01', undefined, 'fx@a');
		const b = version('2020-01-01', undefined, 'fx@b');
		const c = version('2021-01-01');
		const [rc, ra, rb] = resolveEnds([c, a, b]);
		expect(rc).toBe(c);
		expect(ra!.data.effective_to).toBe('2020-12-31');
		expect(rb!.data.effective_to).toBe('2020-12-31');
		expect([ra!.endDerived, rb!.endDerived]).toEqual([true, true]);
	});

	it('ends each version at its own successor, and follows a successor that moves', () => {
		const [a, b, c] = resolveEnds([
			version('2020-01-01'),
			version('2021-01-01'),
			version('2022-01-01')
		]);
		expect([a, b, c].map((r) => r!.data.effective_to)).toEqual([
			'2020-12-31',
			'2021-12-31',
			undefined
		]);
		const [again] = resolveEnds([a!, version('2021-07-01')]);
		expect(again!.data.effective_to).toBe('2021-06-30');
		expect(again!.endDerived).toBe(true);
	});

	it('returns a version untouched when its end is what it declares or what it already derived', () => {
		const a = version('2020-01-01');
		const last = version('2021-01-01');
		const declared = version('2019-01-01', '2019-12-31');
		const resolved = resolveEnds([declared, a, last]);
		expect(resolved[0]).toBe(declared);
		expect(resolved[2]).toBe(last);
		expect(resolved[2]!.endDerived).toBeUndefined();
		expect(resolveEnds(resolved)[1]).toBe(resolved[1]);
	});

	it('drops a derived end once the successor is gone, leaving no field behind', () => {
		const [ra] = resolveEnds([version('2020-01-01'), version('2021-01-01')]);
		const [again] = resolveEnds([ra!]);
		expect('effective_to' in again!.data).toBe(false);
		expect(again!.endDerived).toBeUndefined();
	});
});

describe('parsePublished', () => {
	const H = (c: string) => c.repeat(64);

	it('reads single hashes and revision lists, each located', () => {
		const { entries, errors } = parsePublished(
			'p.yaml',
			`# lock\nfx@v1: sha256:${H('a')}\nfx@v2:\n  - sha256:${H('b')}\n  - sha256:${H('c')}\n`
		);
		expect(errors).toEqual([]);
		expect(entries).toEqual([
			{
				ref: 'fx@v1',
				hash: H('a'),
				hashes: [H('a')],
				location: { file: 'p.yaml', line: 2, column: 1 },
				locations: [{ file: 'p.yaml', line: 2, column: 8 }]
			},
			{
				ref: 'fx@v2',
				hash: H('c'),
				hashes: [H('b'), H('c')],
				location: { file: 'p.yaml', line: 3, column: 1 },
				locations: [
					{ file: 'p.yaml', line: 4, column: 5 },
					{ file: 'p.yaml', line: 5, column: 5 }
				]
			}
		]);
	});

	it('an empty file locks nothing; a YAML error or a file that is not a mapping is located', () => {
		expect(parsePublished('p.yaml', '# nothing yet\n')).toEqual({ entries: [], errors: [] });
		expect(parsePublished('p.yaml', `fx@v1: sha256:${H('a')}\nfx@v2: [oops\n`)).toEqual({
			entries: [],
			errors: [
				{
					file: 'p.yaml',
					line: 3,
					column: 1,
					message:
						'Flow sequence in block collection must be sufficiently indented and end with a ]'
				}
			]
		});
		expect(parsePublished('p.yaml', `- sha256:${H('a')}\n`)).toEqual({
			entries: [],
			errors: [
				{ file: 'p.yaml', line: 1, column: 1, message: 'expected "id@version: sha256:<hex>"' }
			]
		});
	});

	it('refuses a ref that is not id@version, whole', () => {
		const errors = (ref: string) =>
			parsePublished('p.yaml', `ok@v1: sha256:${H('a')}\n${ref}: sha256:${H('b')}\n`).errors;
		for (const bad of ['_fx@v1', 'fx@v1_', 'Fx@v1', 'fx', '"fx@"'])
			expect(errors(bad), bad).toEqual([
				{
					file: 'p.yaml',
					line: 2,
					column: 1,
					message: `"${bad.replaceAll('"', '')}" is not id@version`
				}
			]);
		expect(errors('vn-nd85@tt03-2017.1')).toEqual([]);
		// A key that is not a plain value.
		expect(parsePublished('p.yaml', `? [a]\n: sha256:${H('a')}\n`).errors).toEqual([
			{ file: 'p.yaml', line: 1, column: 1, message: '"" is not id@version' }
		]);
		expect(parsePublished('p.yaml', '? [a]\n').errors).toEqual([
			{ file: 'p.yaml', line: 1, column: 1, message: '"" is not id@version' }
		]);
	});

	it('refuses a value that is not exactly sha256:<64 hex>, at the value', () => {
		const problem = 'expected sha256:<64 hex digits>, or a list of them (one per revision)';
		const at = (text: string) => parsePublished('p.yaml', text);
		for (const bad of [
			`xsha256:${H('a')}`,
			`sha256:${H('a')}0`,
			`sha256:${H('A')}`,
			`sha256:${H('a').slice(1)}`
		])
			expect(at(`fx@v1: ${bad}\n`), bad).toEqual({
				entries: [],
				errors: [{ file: 'p.yaml', line: 1, column: 8, field: 'fx@v1', message: problem }]
			});
		// A bad revision among good ones, at the bad one.
		expect(at(`fx@v1:\n  - sha256:${H('a')}\n  - 12\n`).errors).toEqual([
			{ file: 'p.yaml', line: 3, column: 5, field: 'fx@v1', message: problem }
		]);
		// An empty value, where it would be; no value node at all, or an empty list: at the key.
		expect(at('fx@v1:\n').errors).toEqual([
			{ file: 'p.yaml', line: 1, column: 7, field: 'fx@v1', message: problem }
		]);
		expect(at('? fx@v1\n').errors).toEqual([
			{ file: 'p.yaml', line: 1, column: 3, field: 'fx@v1', message: problem }
		]);
		expect(at('fx@v1: []\n').errors).toEqual([
			{ file: 'p.yaml', line: 1, column: 1, field: 'fx@v1', message: problem }
		]);
	});

	it('refuses a revision hash listed twice, and keeps the good entries', () => {
		expect(
			parsePublished(
				'p.yaml',
				`fx@v1:\n  - sha256:${H('a')}\n  - sha256:${H('a')}\nfx@v2: sha256:${H('b')}\n`
			)
		).toEqual({
			entries: [expect.objectContaining({ ref: 'fx@v2', hashes: [H('b')] })],
			errors: [
				{
					file: 'p.yaml',
					line: 1,
					column: 1,
					field: 'fx@v1',
					message: 'fx@v1 lists a revision hash twice'
				}
			]
		});
	});
});

describe('checkPublished and withRevisions', () => {
	const DIR = join(FIXTURES, 'corrected');
	const FILE = join(DIR, 'fx/v1/ruleset.yaml');
	const REV1 = 'f851069d007049868dc3c620579072aaccb2c366795e04703815bad2fa29178a';
	const REV2 = '0d20a365efa521485ebc3ee68066e4e85d90f0746fb2f9eaede997e418cf588a';
	let corrected: RuleSet;
	beforeAll(() => {
		const r = loadLibrary(readYamlTree(DIR));
		expect(r.errors).toEqual([]);
		corrected = r.rulesets[0]!;
	});
	const lock = (text: string) => parsePublished('p.yaml', text).entries;

	it('a correction record on a version the lock does not list is a draft edited, not corrected', () => {
		const notPublished = {
			file: FILE,
			// The list's first record.
			line: lineOf(FILE, 'corrections') + 1,
			column: 3,
			field: 'corrections',
			message: 'fx@v1 is not published (not in published.yaml): a draft is edited, not corrected'
		};
		expect(checkPublished([corrected], [])).toEqual([notPublished]);
		expect(checkPublished([corrected], lock(`fx@v2: sha256:${REV2}\n`), false)).toEqual([
			notPublished
		]);
		expect(
			checkPublished([corrected], lock(`fx@v1:\n  - sha256:${REV1}\n  - sha256:${REV2}\n`))
		).toEqual([]);
	});

	it('names the short hashes of a broken chain', () => {
		const errors = checkPublished(
			[corrected],
			lock(`fx@v1:\n  - sha256:${'c'.repeat(64)}\n  - sha256:${REV2}\n`)
		);
		expect(errors).toEqual([
			expect.objectContaining({
				field: 'corrections.0.previous',
				message:
					`revision 2 corrects sha256:f851069d0070…, but revision 1 of fx@v1 is ` +
					`sha256:cccccccccccc… (p.yaml:2:5): the chain is broken`
			})
		]);
	});

	it('locates a broken chain of a rule set built from data at its folder', () => {
		const errors = checkPublished(
			[{ ...corrected, locate: undefined }],
			lock(`fx@v1:\n  - sha256:${'c'.repeat(64)}\n  - sha256:${REV2}\n`)
		);
		expect(errors).toEqual([
			expect.objectContaining({
				file: join(DIR, 'fx/v1'),
				line: 1,
				column: 1,
				field: 'corrections.0.previous'
			})
		]);
	});

	it('locates a record beyond the lock at that record', () => {
		const text = readFileSync(FILE, 'utf8');
		const record = text.slice(text.indexOf('  - revision: 2'), text.indexOf('tests:\n'));
		const two = text.replace(
			'tests:\n',
			record
				.replace('revision: 2', 'revision: 3')
				.replace('date: 2026-12-01', 'date: 2026-12-02')
				.replace(`previous: sha256:${REV1}`, `previous: sha256:${REV2}`) + 'tests:\n'
		);
		const r = loadLibrary([{ path: FILE, text: two }]);
		expect(r.errors).toEqual([]);
		const line = two.split('\n').findIndex((l) => l.includes('revision: 3')) + 1;
		expect(checkPublished(r.rulesets, lock(`fx@v1: sha256:${REV1}\n`))).toEqual([
			{
				file: FILE,
				line,
				column: 15,
				field: 'corrections.1.revision',
				message:
					'fx@v1 records corrections up to revision 3 but published.yaml lists only 1 revision(s) (p.yaml:1:1)'
			}
		]);
	});

	it('asks for the record of a revision the lock lists beyond the first', () => {
		const [tiles] = loadLibrary(readYamlTree(join(FIXTURES, 'tiles'))).rulesets;
		expect(
			checkPublished([tiles!], lock(`fx@v1:\n  - sha256:${tiles!.hash}\n  - sha256:${REV2}\n`))
		).toEqual([
			{
				file: 'p.yaml',
				line: 3,
				column: 5,
				field: 'fx@v1',
				message:
					'published.yaml lists 2 revisions of fx@v1 but its ruleset.yaml records no correction: ' +
					'add the correction record of revision 2'
			}
		]);
	});

	it('reports records beyond the lock, whether or not the content still hashes as the lock says', () => {
		const extra = {
			...corrected,
			data: {
				...corrected.data,
				corrections: [
					...corrected.data.corrections!,
					{ ...corrected.data.corrections![0]!, revision: 3, previous: `sha256:${REV2}` }
				]
			}
		};
		const field = corrected.locate!(['corrections', 0, 'revision']);
		// The lock lists revision 1 only and the content hashes otherwise: two records too many.
		expect(checkPublished([extra], lock(`fx@v1: sha256:${REV1}\n`))).toEqual([
			{
				...corrected.locate!(['corrections', 1, 'revision']),
				field: 'corrections.1.revision',
				message:
					'fx@v1 records corrections up to revision 3 but published.yaml lists only 1 revision(s) (p.yaml:1:1)'
			}
		]);
		// The lock's latest revision is the content's hash, but a later record is not in the lock.
		expect(
			checkPublished([extra], lock(`fx@v1:\n  - sha256:${REV1}\n  - sha256:${corrected.hash}\n`))
		).toEqual([
			{
				...corrected.locate!(['corrections', 1, 'revision']),
				field: 'corrections.1.revision',
				message: 'revision 3 is recorded but published.yaml lists only 2 revision(s) of fx@v1'
			}
		]);
		expect(field.file).toBe(FILE);
	});

	it('attaches each listed version’s revision hashes, and leaves the others alone', () => {
		const other = { ...corrected, ref: 'fx@v9' };
		const [a, b] = withRevisions(
			[corrected, other],
			lock(`fx@v1:\n  - sha256:${REV1}\n  - sha256:${REV2}\n`)
		);
		expect(a!.revisions).toEqual([REV1, REV2]);
		expect(b).toBe(other);
		expect(b!.revisions).toBeUndefined();
	});
});

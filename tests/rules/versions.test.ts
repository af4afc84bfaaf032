import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	addDays,
	checkPublished,
	checkTiling,
	hashMatches,
	loadLibrary,
	parsePublished,
	resolveEnds,
	type RuleSet
} from '../../src/lib/rules';
import { readYamlTree } from '../../src/lib/server/ruleset-files';
import { main } from '../../src/cli/main';

const FIXTURES = 'tests/fixtures/rulesets';

function tree(name: string) {
	const { rulesets, errors } = loadLibrary(readYamlTree(join(FIXTURES, name)));
	expect(errors).toEqual([]);
	return rulesets;
}
/** Where `key:` is written in a fixture file, as the loader reports it (1-based, after "key: "). */
function position(file: string, key: string) {
	const lines = readFileSync(file, 'utf8').split('\n');
	const line = lines.findIndex((l) => l.startsWith(`${key}:`));
	return { file, line: line + 1, column: key.length + 3 };
}
function run(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	return main(args, { out: (s) => out.push(s), err: (s) => err.push(s) }).then((code) => ({
		code,
		out: out.join('\n'),
		err: err.join('\n')
	}));
}
const withDates = (r: RuleSet, from: string, to?: string): RuleSet => ({
	...r,
	ref: `${r.data.id}@${from}`,
	data: { ...r.data, effective_from: from, effective_to: to }
});

describe('addDays', () => {
	it('crosses months, leap days and years', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
		expect(addDays('2022-10-01', -1)).toBe('2022-09-30');
		expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
	});
});

describe('checkTiling', () => {
	it('accepts versions that follow each other day by day, the last open-ended', () => {
		const rs = tree('tiles');
		expect(rs.map((r) => [r.ref, r.data.effective_to])).toEqual([
			['fx@v1', '2020-12-31'],
			// A child does not inherit its parent's effective_to.
			['fx@v2', undefined]
		]);
		expect(checkTiling(rs)).toEqual([]);
	});

	it('reports a gap at the effective_from that leaves it', () => {
		const errors = checkTiling(tree('gap'));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject(
			position(join(FIXTURES, 'gap/fx/v2/ruleset.yaml'), 'effective_from')
		);
		expect(errors[0]!.message).toContain(
			'gap: no version of fx is in force from 2021-01-01 to 2021-01-04'
		);
		// It also points at the previous version's end.
		const end = position(join(FIXTURES, 'gap/fx/v1/ruleset.yaml'), 'effective_to');
		expect(errors[0]!.message).toContain(`${end.file}:${end.line}:${end.column}`);
	});

	it('reports an overlap at the later effective_from', () => {
		const errors = checkTiling(tree('overlap'));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject(
			position(join(FIXTURES, 'overlap/fx/v2/ruleset.yaml'), 'effective_from')
		);
		expect(errors[0]!.message).toMatch(
			/fx@v2 starts on 2020-12-15 while fx@v1 .* until 2020-12-31/
		);
		expect(errors[0]!.message).toContain('start on 2021-01-01');
	});

	it('ends a version without a declared end the day before its successor starts', () => {
		const [v1] = tree('tiles');
		const a = withDates(v1!, '2020-01-01');
		const b = withDates(v1!, '2021-03-01');
		expect(checkTiling([a, b])).toEqual([]);
		const [ra, rb] = resolveEnds([a, b]);
		expect(ra!.data.effective_to).toBe('2021-02-28');
		expect(ra!.endDerived).toBe(true);
		expect(rb!.data.effective_to).toBeUndefined();
		// The end is resolved, not hashed: the content hash stays the published one.
		expect(ra!.hash).toBe(a.hash);
		// Resolved again (e.g. once the successor is gone), the end follows.
		expect(resolveEnds([ra!])[0]!.data.effective_to).toBeUndefined();
		expect(resolveEnds([ra!, rb!])[0]).toBe(ra);
		// A derived end never counts as declared: tiling still passes after resolving.
		expect(checkTiling([ra!, rb!])).toEqual([]);
		expect(checkTiling(resolveEnds([ra!, withDates(v1!, '2021-01-01'), rb!]))).toEqual([]);
	});

	it('keeps a declared end and checks it against the successor', () => {
		const [v1] = tree('tiles');
		const dated = resolveEnds([withDates(v1!, '2020-01-01', '2020-06-30')]);
		expect(dated[0]!.data.effective_to).toBe('2020-06-30');
		expect(dated[0]!.endDerived).toBeUndefined();
		const errors = checkTiling([...dated, withDates(v1!, '2021-01-01')]);
		expect(errors.map((e) => e.message)).toEqual([
			expect.stringContaining('gap: no version of fx is in force from 2020-07-01 to 2020-12-31')
		]);
	});

	it('refuses two versions starting on the same day', () => {
		const [v1] = tree('tiles');
		const errors = checkTiling([withDates(v1!, '2020-01-01'), withDates(v1!, '2020-01-01')]);
		expect(errors).toHaveLength(1);
		expect(errors[0]!.message).toMatch(/starts on 2020-01-01, the same day as fx@2020-01-01/);
	});

	it('catches a version inside a longer earlier one, not just next neighbours', () => {
		const [v1] = tree('tiles');
		const errors = checkTiling([
			withDates(v1!, '2020-01-01', '2030-12-31'),
			withDates(v1!, '2021-01-01', '2021-06-30'),
			withDates(v1!, '2021-07-01')
		]);
		expect(errors.map((e) => e.message.slice(0, 40))).toEqual([
			'fx@2021-01-01 starts on 2021-01-01 while',
			'fx@2021-07-01 starts on 2021-07-01 while'
		]);
	});

	it('checks each rule set id on its own', () => {
		const [v1] = tree('tiles');
		const other = { ...v1!, data: { ...v1!.data, id: 'other' }, ref: 'other@v1' };
		expect(checkTiling([v1!, other])).toEqual([]);
	});
});

describe('published hash lock', () => {
	const lock = (name: string) => {
		const path = join(FIXTURES, name, 'published.yaml');
		return parsePublished(path, readFileSync(path, 'utf8'));
	};

	it('passes while published versions hash as recorded', () => {
		const { entries, errors } = lock('tiles');
		expect(errors).toEqual([]);
		expect(entries.map((e) => e.ref)).toEqual(['fx@v1', 'fx@v2']);
		expect(checkPublished(tree('tiles'), entries)).toEqual([]);
	});

	it('fails when a published version changed, at its version field', () => {
		const rs = tree('hash-changed');
		const { entries } = lock('hash-changed');
		const errors = checkPublished(rs, entries);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject(
			position(join(FIXTURES, 'hash-changed/fx/v1/ruleset.yaml'), 'version')
		);
		expect(errors[0]!.message).toContain('fx@v1 changed after revision 1 was published');
		expect(errors[0]!.message).toContain('publish the change as a correction');
		expect(errors[0]!.message).toContain('or add a new version');
		expect(errors[0]!.message).toContain(`sha256:${rs[0]!.hash.slice(0, 12)}`);
		// The same content as published (the tiles tree) hashes as recorded.
		expect(tree('tiles')[0]!.hash).toBe(entries[0]!.hash);
	});

	it('fails when a published version is gone, at its lock entry', () => {
		const { entries } = lock('tiles');
		const errors = checkPublished(tree('tiles').slice(0, 1), entries);
		expect(errors).toEqual([
			expect.objectContaining({
				file: join(FIXTURES, 'tiles/published.yaml'),
				line: 3,
				column: 1,
				message: expect.stringContaining('published version fx@v2 is missing')
			})
		]);
		expect(checkPublished(tree('tiles').slice(0, 1), entries, false)).toEqual([]);
	});

	it('recognises the hash a version had while its declared end was hashed', () => {
		// fx@v1 declares effective_to; before the end left the hash it hashed to f851069d…
		const legacy = 'f851069d007049868dc3c620579072aaccb2c366795e04703815bad2fa29178a';
		const [v1, v2] = tree('tiles');
		expect(v1!.hash).not.toBe(legacy);
		expect(hashMatches(v1!, legacy)).toBe(true);
		expect(hashMatches(v1!, v1!.hash)).toBe(true);
		expect(hashMatches(v1!, 'f'.repeat(64))).toBe(false);
		// fx@v2 declares no end: one formula, one hash.
		expect(v2!.sameContentHashes).toBeUndefined();
		// An older lock file listing the legacy hash still passes.
		const lock = parsePublished('old.yaml', `fx@v1: sha256:${legacy}\n`);
		expect(checkPublished([v1!], lock.entries)).toEqual([]);
	});

	it('locates malformed entries', () => {
		const { entries, errors } = parsePublished(
			'p.yaml',
			'# lock\nfx@v1: sha256:abc\nnot a ref: sha256:' + 'a'.repeat(64) + '\n'
		);
		expect(entries).toEqual([]);
		expect(errors).toEqual([
			expect.objectContaining({
				line: 2,
				column: 8,
				message: expect.stringContaining('expected sha256:<64 hex digits>')
			}),
			expect.objectContaining({ line: 3, column: 1, message: '"not a ref" is not id@version' })
		]);
	});
});

describe('capdo check on dated versions', () => {
	it('fails on a gap, an overlap and a changed published version, with file:line:column', async () => {
		for (const [name, file, key] of [
			['gap', 'fx/v2/ruleset.yaml', 'effective_from'],
			['overlap', 'fx/v2/ruleset.yaml', 'effective_from'],
			['hash-changed', 'fx/v1/ruleset.yaml', 'version']
		] as const) {
			const r = await run(['check', join(FIXTURES, name)]);
			const p = position(join(FIXTURES, name, file), key);
			expect(r.code, name).toBe(1);
			expect(r.err, name).toContain(`${p.file}:${p.line}:${p.column}: ${key}: `);
		}
		const ok = await run(['check', join(FIXTURES, 'tiles')]);
		expect(ok.code).toBe(0);
		expect(ok.out).toContain('ok fx@v1 sha256:');
		expect(ok.out).toContain('(published)');
	});

	it('passes on the bundled library, with tt03-2017 published', async () => {
		const r = await run(['check']);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		expect(r.out).toMatch(
			/ok vn-nd85@tt03-2017 sha256:[0-9a-f]{64} \(published(, revision \d+)?\)/
		);
		expect(r.out).toMatch(/ok vn-nd85@tt12-2022 sha256:[0-9a-f]{64}/);
	});
});

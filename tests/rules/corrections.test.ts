// Correction records: a published version changes only as a numbered, dated, cited revision whose
// hash joins the lock, each record naming the hash of the revision it corrects.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	checkPublished,
	correctionsSince,
	currentRevision,
	loadLibrary,
	parsePublished,
	revisionOf,
	withRevisions,
	type LoadError
} from '../../src/lib/rules';
import { main } from '../../src/cli/main';

const DIR = 'tests/fixtures/rulesets/corrected';
const FILE = `${DIR}/fx/v1/ruleset.yaml`;
const TEXT = readFileSync(FILE, 'utf8');
const LOCK = readFileSync(`${DIR}/published.yaml`, 'utf8');
// Revision 1 as published while effective_to was hashed (fx@v1 declares one).
const REV1 = 'f851069d007049868dc3c620579072aaccb2c366795e04703815bad2fa29178a';
const REV2 = '0d20a365efa521485ebc3ee68066e4e85d90f0746fb2f9eaede997e418cf588a';

/** Loads the fixture with its text edited, and checks it against a lock (the fixture's by default). */
function check(edit: (s: string) => string = (s) => s, lock = LOCK) {
	const text = edit(TEXT);
	const loaded = loadLibrary([{ path: FILE, text }]);
	const { entries, errors } = parsePublished(`${DIR}/published.yaml`, lock);
	expect(errors).toEqual([]);
	return {
		text,
		loaded,
		rulesets: withRevisions(loaded.rulesets, entries),
		errors: [...loaded.errors, ...checkPublished(loaded.rulesets, entries)]
	};
}
const lineOf = (text: string, needle: string) =>
	text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const messages = (errors: LoadError[]) => errors.map((e) => `${e.line}: ${e.field}: ${e.message}`);

describe('correction records', () => {
	it('recognise every revision of a corrected version', () => {
		const { errors, rulesets } = check();
		expect(errors).toEqual([]);
		const rs = rulesets[0]!;
		expect(rs.hash).toBe(REV2);
		expect(rs.revisions).toEqual([REV1, REV2]);
		expect(currentRevision(rs)).toBe(2);
		expect(revisionOf(rs, REV1)).toBe(1);
		expect(revisionOf(rs, REV2)).toBe(2);
		expect(revisionOf(rs, 'f'.repeat(64))).toBeUndefined();
		// A correction may name other hashes of the revision it corrects (e.g. its hash from before
		// effective_to left the hash): results stored with one are that revision.
		const aliased = {
			...rs,
			data: {
				...rs.data,
				corrections: rs.data.corrections!.map((c) => ({
					...c,
					previous_aliases: [`sha256:${'e'.repeat(64)}`]
				}))
			}
		};
		expect(revisionOf(aliased, 'e'.repeat(64))).toBe(1);
		expect(revisionOf(rs, 'e'.repeat(64))).toBeUndefined();
		expect(correctionsSince(rs, 1).map((c) => c.revision)).toEqual([2]);
		expect(correctionsSince(rs, 2)).toEqual([]);
	});

	it('ask for the lock line when a correction is recorded but its hash is not', () => {
		const lock = LOCK.split('\n').slice(0, 3).join('\n');
		const { errors, text } = check(undefined, lock);
		expect(messages(errors)).toEqual([
			`${lineOf(text, 'revision: 2')}: corrections.0.revision: fx@v1 records correction revision 2 but published.yaml does not list it: add "- sha256:${REV2}" as revision 2 of fx@v1 (${DIR}/published.yaml:2:1)`
		]);
	});

	it('refuse a silent change after the latest revision, saying how to publish it', () => {
		const { errors, text } = check((s) => s.replace('Có xử lý thông tin', 'Xử lý thông tin'));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ field: 'version', line: lineOf(text, 'version: v1') });
		expect(errors[0]!.message).toContain('fx@v1 changed after revision 2 was published');
		expect(errors[0]!.message).toContain(
			`add revision 3 to "corrections" (previous: sha256:${REV2})`
		);
	});

	it('break the chain when a record names another revision than the lock', () => {
		const { errors, text } = check((s) =>
			s.replace(`previous: sha256:${REV1}`, `previous: sha256:${'a'.repeat(64)}`)
		);
		// The record is hashed content, so the hash moved too: both are reported.
		expect(errors.map((e) => e.field)).toContain('corrections.0.previous');
		const broken = errors.find((e) => e.field === 'corrections.0.previous')!;
		expect(broken.line).toBe(lineOf(text, 'previous:'));
		expect(broken.message).toContain('the chain is broken');
		expect(broken.message).toContain(`revision 1 of fx@v1 is sha256:${REV1.slice(0, 12)}`);
	});

	it('ask for the record when the lock lists a revision the rule set does not describe', () => {
		const lock = `${LOCK}  - sha256:${'b'.repeat(64)}\n`;
		const { errors } = check(undefined, lock);
		expect(messages(errors)).toEqual([
			`5: fx@v1: published.yaml lists 3 revisions of fx@v1 but its ruleset.yaml records corrections up to revision 2: add the correction record of revision 3`
		]);
	});

	it('refuse an editorial correction that could change a level', () => {
		const editorial = (fields: string) => (s: string) =>
			s.replace('kind: substantive', 'kind: editorial').replace('levels: [2]', fields);
		expect(messages(check(editorial('fields: [when]')).loaded.errors)).toEqual([
			expect.stringContaining(
				'corrections.0.changes.0.fields: "when" can change a level, a citation or a procedure: the correction is substantive'
			)
		]);
		expect(messages(check(editorial('fields: [text]')).loaded.errors)).toEqual([]);
		expect(messages(check(editorial('removed: false')).loaded.errors)).toEqual([
			expect.stringContaining('an editorial change lists its "fields"')
		]);
		const procedure = (s: string) =>
			editorial('fields: [appraiser]')(s).replace(
				'target: criteria/c2',
				'target: procedure/authority'
			);
		expect(messages(check(procedure).loaded.errors)).toEqual([
			expect.stringContaining(
				'an editorial correction cannot change "procedure": make it substantive'
			)
		]);
	});

	it('check revision order, dates and targets, located', () => {
		const { loaded, text } = check((s) =>
			s
				.replace('revision: 2', 'revision: 3')
				.replace('date: 2026-12-01', 'date: 2026-02-30')
				.replace('target: criteria/c2', 'target: criteria/c9')
		);
		expect(messages(loaded.errors)).toEqual([
			`${lineOf(text, 'revision: 3')}: corrections.0.revision: revision 3 out of order: the corrections are revisions 2, 3, … in order (this is entry 1, so revision 2)`,
			`${lineOf(text, 'date: 2026-02-30')}: corrections.0.date: not a calendar date`,
			`${lineOf(text, 'target: criteria/c9')}: corrections.0.changes.0.target: "criteria/c9" is not in this version (write removed: true if the correction removed it)`
		]);
		const unknown = check((s) => s.replace('target: criteria/c2', 'target: rules/c2')).loaded;
		expect(unknown.errors[0]!.message).toMatch(/^unknown section "rules"/);
	});

	it('are not inherited: a child version keeps its own record', () => {
		const child = ['id: fx', 'version: v2', 'extends: fx@v1', 'effective_from: 2021-01-01'].join(
			'\n'
		);
		const { rulesets, errors } = loadLibrary([
			{ path: FILE, text: TEXT },
			{ path: `${DIR}/fx/v2/ruleset.yaml`, text: child }
		]);
		expect(errors).toEqual([]);
		const v2 = rulesets.find((r) => r.ref === 'fx@v2')!;
		expect(v2.data.corrections).toBeUndefined();
		expect(v2.data.criteria.map((c) => c.id)).toEqual(['c1', 'c2']);
	});

	it('make capdo check print the revision and fail on a draft that carries a record', async () => {
		const out: string[] = [];
		const err: string[] = [];
		const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
		expect(await main(['check', DIR], io)).toBe(0);
		expect(out.join('\n')).toContain(`ok fx@v1 sha256:${REV2} (published, revision 2)`);
		expect(err).toEqual([]);
		const draft = join(DIR, 'fx');
		out.length = 0;
		// A sub-folder outside the library has no lock of its own: fx@v1 is then a draft.
		expect(await main(['check', draft], io)).toBe(1);
		expect(err.join('\n')).toContain(
			'fx@v1 is not published (not in published.yaml): a draft is edited, not corrected'
		);
	});
});

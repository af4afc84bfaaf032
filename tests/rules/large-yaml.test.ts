// Large YAML input: parsing grows linearly with the file, duplicate keys are still refused as the
// yaml library refuses them, and files past the size limits get a located error instead of minutes
// of parsing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml, positionOf } from '../../src/lib/yaml-js';
import { parseInputText } from '../../src/cli/input';
import { fileProblems, MAX_UPLOAD_BYTES } from '../../src/lib/server/rulesets';

/** A system file whose facts mapping has `n` keys (the shape of the 780 KB, 50k-key report). */
const systemFile = (n: number) => {
	const lines = ['name: Hệ thống lớn', 'facts:'];
	for (let i = 0; i < n; i++) lines.push(`  key_${i}: giá trị ${i}`);
	return lines.join('\n') + '\n';
};

/** The fastest of `runs` timings of `f` (ms): the least disturbed by other work on the machine. */
function fastest(f: () => void, runs = 3) {
	let best = Infinity;
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		f();
		best = Math.min(best, performance.now() - t);
	}
	return best;
}

describe('parsing large YAML', () => {
	it('takes about 4× as long for 4× the keys (the library check was 16×: quadratic)', () => {
		const small = systemFile(4000);
		const large = systemFile(16000);
		// Warm up the JIT on the small file first, so the ratio compares like with like.
		parseInputText('s.yaml', small);
		const ts = fastest(() => parseInputText('s.yaml', small));
		const tl = fastest(() => parseInputText('l.yaml', large));
		// Linear is 4, quadratic 16: 8 leaves room for noise on a shared machine either way.
		expect(tl / ts).toBeLessThan(8);
	});

	it('locates errors at many keys of one large mapping in linear time', () => {
		// Parse, then locate an error at every key (an unknown fact each, say).
		const run = (n: number) => {
			const text = systemFile(n);
			return () => {
				const lc = new LineCounter();
				const doc = parseYaml(text, { lineCounter: lc });
				for (let i = 0; i < n; i++) positionOf(doc, lc, ['facts', `key_${i}`]);
			};
		};
		const small = run(4000);
		const large = run(16000);
		small();
		expect(fastest(large) / fastest(small)).toBeLessThan(8);
		const lc = new LineCounter();
		const doc = parseYaml(systemFile(100), { lineCounter: lc });
		expect(positionOf(doc, lc, ['facts', 'key_57'])).toEqual({ line: 60, column: 11 });
		// A missing key points at its parent.
		expect(positionOf(doc, lc, ['facts', 'nope', 'x'])).toEqual({ line: 3, column: 3 });
	});

	it('reports duplicate keys exactly as the yaml library does', () => {
		const cases = [
			'a: 1\nb: 2\na: 3\n',
			'x:\n  k: 1\n  j: 2\n  k: 3\ny: [1, 2]\n',
			'{a: 1, b: 2, a: 3}\n',
			'a: 1\n1: x\n"1": y\n1: z\n',
			'- a: 1\n  a: 2\n- {q: 1, q: 1}\n',
			'base: &b {k: 1}\nm:\n  <<: *b\n  k: 2\n  k: 3\n',
			'a: 1\n  bad indent: 2\na: 3\n'
		];
		for (const text of cases) {
			const theirs = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false });
			const ours = parseYaml(text, { lineCounter: new LineCounter() });
			const shape = (es: typeof ours.errors) => es.map((e) => [e.code, e.pos[0], e.message]);
			expect(shape(ours.errors), text).toEqual(shape(theirs.errors));
		}
		expect(parseYaml('a: 1\nb: 2\na: 3\n', { lineCounter: new LineCounter() }).errors).toHaveLength(
			1
		);
	});
});

describe('size limits', () => {
	it('capdo classify refuses a system file over 2 MB at FILE:1:1, before parsing it', () => {
		const dir = mkdtempSync(join(tmpdir(), 'capdo-large-'));
		const file = join(dir, 'huge.yaml');
		writeFileSync(file, systemFile(100_000)); // about 2.5 MB
		const r = spawnSync(process.execPath, ['bin/capdo.js', 'classify', file], {
			encoding: 'utf8'
		});
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(
			new RegExp(`${file.replace(/[.]/g, '\\.')}:1:1: file too large: 2\\.\\d MB \\(at most 2 MB`)
		);
	});

	it('a rule-set upload over 5 MB in all is refused, naming its size', () => {
		// Six files each under the per-file limit, together over the upload limit.
		const text = `# ${'x'.repeat(950_000)}\n`;
		const files = Array.from({ length: 6 }, (_, i) => ({ path: `part${i}.yaml`, text }));
		const problems = fileProblems(files);
		expect(problems).toEqual([
			expect.stringMatching(/quá lớn: 5\.4 MB, tối đa 5 MB .* too large: 5\.4 MB, at most 5 MB/)
		]);
		expect(fileProblems(files.slice(0, 5))).toEqual([]);
		expect(MAX_UPLOAD_BYTES).toBe(5 * 1024 * 1024);
	});
});

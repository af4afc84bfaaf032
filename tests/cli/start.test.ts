// `npm start` rebuilds only when a build input changed: a rule-set YAML is read at run time, so
// editing one needs a restart, not a full rebuild.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCES, staleSources } from '../../scripts/start.js';

const dir = mkdtempSync(join(tmpdir(), 'capdo-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(path: string, secondsFromNow: number) {
	const p = join(dir, path);
	mkdirSync(join(p, '..'), { recursive: true });
	writeFileSync(p, 'x');
	const t = new Date(Date.now() + secondsFromNow * 1000);
	utimesSync(p, t, t);
}

describe('npm start', () => {
	it('does not rebuild for a changed rule set, and does for changed source', () => {
		expect(SOURCES).not.toContain('rulesets');
		expect(staleSources(dir)).toEqual(SOURCES); // no build yet
		file('src/app.ts', -60);
		file('build/index.js', -30);
		expect(staleSources(dir)).toEqual([]);
		file('rulesets/vn-nd331/2026/criteria.yaml', 0);
		expect(staleSources(dir)).toEqual([]);
		file('src/app.ts', 0);
		expect(staleSources(dir)).toEqual(['src']);
	});
});

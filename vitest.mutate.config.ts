// The tests Stryker runs for `npm run mutate`, per part (MUTATE_PART, see stryker.config.mjs): the
// in-process unit tests of the mutated modules only. Tests that drive the CLI or the built server
// in a child process give Stryker no coverage; the database suites and the 1,000-dossier property
// test are too slow to rerun per mutant on a small machine.
import { defineConfig } from 'vitest/config';
import base from './vite.config';

const TESTS: Record<string, string[]> = {
	policy: ['tests/server/policy.test.ts', 'tests/server/transitions-table.test.ts'],
	rules: ['tests/rules/**/*.test.ts'],
	dossier: [
		'tests/dossier/dossier.test.ts',
		'tests/dossier/nd331.test.ts',
		'tests/dossier/letter-attachments.test.ts',
		'tests/dossier/bulk.test.ts',
		'tests/rules/amended-citations.test.ts'
	]
};
const part = process.env.MUTATE_PART;
const include = part ? TESTS[part] : Object.values(TESTS).flat();
if (!include) throw new Error(`MUTATE_PART must be one of ${Object.keys(TESTS).join(', ')}`);

// Not mergeConfig: it would append to the base config's `tests/**/*.test.ts` instead of replacing it.
export default defineConfig((env) => {
	const config = base(env);
	return { ...config, test: { ...config.test, include: [...new Set(include)] } };
});

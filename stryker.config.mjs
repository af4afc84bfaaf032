// Mutation testing of the code (issue 20): `npm run mutate` runs every part; `MUTATE_PART=policy
// npm run mutate` (or rules, dossier) runs one. Each part keeps its own incremental file, so a run
// that is stopped resumes where it was and an unchanged file is not re-tested. The scores go into
// the README's quality section; `npm run bench` reads reports/mutation/*.json.
const MUTATE = {
	policy: ['src/lib/server/auth/policy.ts', 'src/lib/server/workflow/transitions.ts'],
	rules: ['src/lib/rules/**/*.ts', '!src/lib/rules/generated/**'],
	dossier: ['src/lib/dossier/model.ts', 'src/lib/dossier/templates/**/*.ts']
};
const part = process.env.MUTATE_PART;
if (part && !(part in MUTATE))
	throw new Error(`MUTATE_PART must be one of ${Object.keys(MUTATE).join(', ')}`);
const name = part ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	plugins: ['@stryker-mutator/vitest-runner'],
	vitest: { configFile: 'vitest.mutate.config.ts', related: false },
	mutate: part ? MUTATE[/** @type {keyof typeof MUTATE} */ (part)] : Object.values(MUTATE).flat(),
	coverageAnalysis: 'perTest',
	// Two cores shared with other work: one test process, generous time limits.
	concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 1),
	timeoutMS: 60_000,
	timeoutFactor: 3,
	dryRunTimeoutMinutes: 60,
	// Static code is tested too: ROUTE_RULES and the templates' text tables are where mistakes hide.
	ignoreStatic: false,
	incremental: true,
	incrementalFile: `reports/mutation/incremental-${name}.json`,
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always',
	reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
	jsonReporter: { fileName: `reports/mutation/${name}.json` },
	htmlReporter: { fileName: `reports/mutation/${name}.html` },
	clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 }
};

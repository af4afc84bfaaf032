// Mutation testing of the code (issue 20): `npm run mutate` runs every part; `MUTATE_PART=policy
// npm run mutate` runs one (policy, rules-core, rules-load, rules-tools, rules, dossier). Each part keeps its own incremental file, so a run
// that is stopped resumes where it was and an unchanged file is not re-tested. The scores go into
// the README's quality section; `npm run bench` reads reports/mutation/*.json.
const MUTATE = {
	policy: ['src/lib/server/auth/policy.ts', 'src/lib/server/workflow/transitions.ts'],
	// The engine: facts → level and trace, citations, procedure and routing, selection by date and
	// the Decree 331 transition, a component's whole-system facts, the dossier sections a result needs.
	'rules-core': [
		'src/lib/rules/{citation,compile,condition,evaluate,procedure,routing,select,transition}.ts',
		'src/lib/rules/{fact-def,sections,system-facts}.ts'
	],
	// Loading and validating YAML with located errors, golden cases, versions and the hash lock;
	// yaml-js.ts locates every loader error (positionOf) and turns alias failures into errors.
	'rules-load': [
		'src/lib/rules/{load,yaml-errors,versions,golden,overrides,fact-order,types,index}.ts',
		'src/lib/yaml-js.ts'
	],
	// Maintainer tools: diff, impact, corrections, release notes, hashes, data mutants, golden-case
	// coverage both ways, the timeline's temporal cases.
	'rules-tools': [
		'src/lib/rules/{corrections,diff,hash,hash-match,impact,mutate,release-note,suggest}.ts',
		'src/lib/rules/{coverage,timeline}.ts'
	],
	dossier: ['src/lib/dossier/model.ts', 'src/lib/dossier/templates/**/*.ts']
};
MUTATE.rules = [...MUTATE['rules-core'], ...MUTATE['rules-load'], ...MUTATE['rules-tools']];
const part = process.env.MUTATE_PART;
if (part && !(part in MUTATE))
	throw new Error(`MUTATE_PART must be one of ${Object.keys(MUTATE).join(', ')}`);
const name = part ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	plugins: ['@stryker-mutator/vitest-runner', './scripts/stryker-partial-reporter.mjs'],
	vitest: { configFile: 'vitest.mutate.config.ts', related: false },
	mutate: part
		? MUTATE[/** @type {keyof typeof MUTATE} */ (part)]
		: [...MUTATE.policy, ...MUTATE.rules, ...MUTATE.dossier],
	coverageAnalysis: 'perTest',
	// Two cores shared with other work: one test process, generous time limits.
	concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 1),
	timeoutMS: 60_000,
	timeoutFactor: 3,
	dryRunTimeoutMinutes: 60,
	// Static mutants (module-level code) rerun every test of the part. The policy's ROUTE_RULES and
	// STATUS_LABEL are static and are what matters there, so they are tested; elsewhere static code
	// is the rule-set schema and constant tables that every test loads, and is skipped for time.
	ignoreStatic: part !== 'policy',
	incremental: true,
	incrementalFile: `reports/mutation/incremental-${name}.json`,
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always',
	reporters: ['clear-text', 'progress-append-only', 'json', 'html', 'partial'],
	jsonReporter: { fileName: `reports/mutation/${name}.json` },
	htmlReporter: { fileName: `reports/mutation/${name}.html` },
	clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 }
};

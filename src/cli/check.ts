import { parseArgs } from 'node:util';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
	PUBLISHED_FILE,
	checkPublished,
	checkTiling,
	coverage,
	formatLoadError,
	parseTimeline,
	runTimeline,
	TIMELINE_FILE,
	formatLoadWarning,
	parsePublished,
	runGoldenCases,
	mutationReport,
	type LoadError,
	type PublishedEntry,
	type RuleSet
} from '../lib/rules';
import {
	DEFAULT_RULESETS_DIR,
	bundledRuleSets,
	loadRuleSetsFrom
} from '../lib/server/ruleset-files';
import { CALENDAR_FILE, readCalendar } from '../lib/server/calendar-file';
import { BODIES_FILE, readBodies } from '../lib/server/bodies-file';
import { provincesAfter } from '../lib/bodies';
import { DB_OPTIONS, registryOf, wantsDb, type DbValues } from './db-rulesets';
import { UsageError, type Io } from './main';

function targetOf(positionals: string[]): string {
	if (positionals.length > 1) throw new UsageError('expects at most one PATH');
	const path = positionals[0] ?? DEFAULT_RULESETS_DIR;
	if (!existsSync(path)) throw new UsageError(`no such file or directory: ${path}`);
	return path;
}

/**
 * The versions `root` must tile with, and its lock file. Inside the library that is the whole
 * library (errors kept to `root`); elsewhere the tree at `root` plus the bundled versions of the
 * same rule sets, with `root`'s own published.yaml.
 */
function versionScope(root: string, loaded: RuleSet[]) {
	const abs = resolve(root);
	if (abs === DEFAULT_RULESETS_DIR || abs.startsWith(DEFAULT_RULESETS_DIR + '/'))
		return {
			rulesets: bundledRuleSets().rulesets,
			lock: join(DEFAULT_RULESETS_DIR, PUBLISHED_FILE),
			library: undefined,
			keep: (e: LoadError) => resolve(e.file) === abs || resolve(e.file).startsWith(abs + '/')
		};
	const refs = new Set(loaded.map((r) => r.ref));
	const ids = new Set(loaded.map((r) => r.data.id));
	const bundled = bundledRuleSets().rulesets.filter((r) => ids.has(r.data.id) && !refs.has(r.ref));
	return {
		rulesets: [...loaded, ...bundled],
		lock: join(statSync(abs).isDirectory() ? abs : dirname(abs), PUBLISHED_FILE),
		// The bundled versions brought in stay under the library's own lock (and its corrections).
		library: {
			lock: join(DEFAULT_RULESETS_DIR, PUBLISHED_FILE),
			refs: new Set(bundled.map((r) => r.ref))
		},
		keep: () => true
	};
}

/** Tiling of dated versions and the published hash lock. */
function checkVersions(root: string, loaded: RuleSet[], loadFailed: boolean) {
	const scope = versionScope(root, loaded);
	const errors = checkTiling(scope.rulesets);
	let entries: PublishedEntry[] = [];
	if (existsSync(scope.lock)) {
		const path = relative(process.cwd(), scope.lock);
		const lock = parsePublished(
			path.startsWith('..') ? scope.lock : path,
			readFileSync(scope.lock, 'utf8')
		);
		errors.push(...lock.errors);
		entries = lock.entries;
	}
	const library = scope.library;
	if (library && existsSync(library.lock)) {
		const own = new Set(entries.map((e) => e.ref));
		const lib = parsePublished(library.lock, readFileSync(library.lock, 'utf8'));
		entries = [
			...entries,
			...lib.entries.filter((e) => library.refs.has(e.ref) && !own.has(e.ref))
		];
	}
	errors.push(...checkPublished(scope.rulesets, entries, !loadFailed));
	const published = new Map(entries.map((e) => [e.ref, e.hashes.length]));
	return { errors: errors.filter(scope.keep), published };
}

/** Validates rule sets (schema, references, golden cases, dated versions); file:line:column. */
export function checkCommand(args: string[], io: Io): number | Promise<number> {
	const { values, positionals } = parseArgs({ args, allowPositionals: true, options: DB_OPTIONS });
	if (wantsDb(values)) {
		if (positionals.length > 0)
			throw new UsageError('checks either PATH or the database (--db/--data-dir), not both');
		return checkDatabase(values, io);
	}
	const root = targetOf(positionals);
	const loaded = loadRuleSetsFrom(root);
	const versions = checkVersions(root, loaded.rulesets, loaded.errors.length > 0);
	const errors = [...loaded.errors, ...versions.errors];
	// The library check also covers the holiday calendar the procedure deadlines run on.
	const library = resolve(root) === DEFAULT_RULESETS_DIR;
	const calendar = library ? readCalendar() : undefined;
	if (calendar) errors.push(...calendar.errors);
	// …and the reorganisation data the letters are addressed by.
	const bodies = library ? readBodies() : undefined;
	if (bodies) errors.push(...bodies.errors);
	for (const e of errors) io.err(formatLoadError(e));
	for (const w of loaded.warnings) io.err(formatLoadWarning(w));
	const years = calendar?.calendar?.data.years ?? [];
	if (years.length)
		io.out(
			`ok ${relative(process.cwd(), CALENDAR_FILE)} ${years[0]!.year}–${years.at(-1)!.year}` +
				`${
					years.some((y) => !y.complete)
						? ` (provisional: ${years
								.filter((y) => !y.complete)
								.map((y) => y.year)
								.join(', ')})`
						: ''
				}`
		);
	if (bodies?.bodies)
		io.out(
			`ok ${relative(process.cwd(), BODIES_FILE)} ${bodies.bodies.data.successions.length} successions, ` +
				`${provincesAfter(bodies.bodies).length} provinces from ${bodies.bodies.data.provinces?.from ?? '—'}`
		);
	for (const r of loaded.rulesets) {
		const revisions = versions.published.get(r.ref);
		const status =
			revisions === undefined
				? `draft: not in ${PUBLISHED_FILE}`
				: revisions > 1
					? `published, revision ${revisions}`
					: 'published';
		io.out(`ok ${r.ref} sha256:${r.hash} (${status})`);
	}
	if (errors.length > 0) {
		io.err(`${errors.length} error(s)`);
		return 1;
	}
	if (loaded.warnings.length > 0) io.err(`${loaded.warnings.length} warning(s)`);
	if (loaded.rulesets.length === 0) {
		io.err('no rule set found');
		return 1;
	}
	return 0;
}

/**
 * The versions a database holds: each published (or imported) one still loads, still hashes as
 * when it was published, does not clash with a bundled version, and all versions tile in time.
 */
async function checkDatabase(values: DbValues, io: Io): Promise<number> {
	const state = await registryOf(values);
	const errors: string[] = [];
	for (const c of state.conflicts)
		errors.push(
			`${c.ref}: refused — the database version (sha256:${c.stored}) differs from the bundled ` +
				`one (sha256:${c.bundled}); publish the change as a new version`
		);
	for (const b of state.broken) {
		errors.push(...b.errors.map((e) => formatLoadError(e)));
		errors.push(`${b.ref}: published in the database but no longer loads`);
	}
	for (const c of state.changed)
		errors.push(
			`${c.ref}: published as sha256:${c.stored} but its files now hash to sha256:${c.now}`
		);
	errors.push(...checkTiling(state.rulesets).map((e) => formatLoadError(e)));
	for (const e of errors) io.err(e);
	for (const ref of state.fromDb) {
		const r = state.rulesets.find((x) => x.ref === ref)!;
		const status = r.withdrawn ? `withdrawn: ${r.withdrawn.reason}` : 'published in the database';
		io.out(`ok ${r.ref} sha256:${r.hash} (${status})`);
	}
	io.out(
		`${state.rulesets.length - state.fromDb.length} bundled, ${state.fromDb.length} from the database`
	);
	if (errors.length > 0) {
		io.err(`${errors.length} error(s)`);
		return 1;
	}
	return 0;
}

/**
 * Runs golden cases and reports each failure at its location. With --coverage, also requires every
 * criterion to have a case where it fires and a nearest miss (a case one fact away where it does
 * not): a criterion lacking either fails, at its location.
 */
export function testCommand(args: string[], io: Io): number {
	if (args.includes('--mutate'))
		return mutateCommand(
			args.filter((a) => a !== '--mutate'),
			io
		);
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			coverage: { type: 'boolean', default: false },
			json: { type: 'boolean', default: false }
		}
	});
	const { rulesets, errors } = loadRuleSetsFrom(targetOf(positionals), false);
	for (const e of errors) io.err(formatLoadError(e));
	let passed = 0;
	let failed = errors.length > 0 ? 1 : 0;
	for (const r of rulesets) {
		const report = runGoldenCases(r);
		passed += report.passed;
		failed += report.failed.length;
		for (const f of report.failed)
			io.err(`${f.file}:${f.line}:${f.column}: FAIL ${r.ref}: ${f.name}: ${f.problem}`);
		io.out(`${r.ref}: ${report.passed} passed, ${report.failed.length} failed`);
	}
	// The temporal golden cases of the tree (rulesets/timeline.yaml): dates, regimes, deadlines.
	const root = resolve(targetOf(positionals));
	const timeline = join(statSync(root).isDirectory() ? root : dirname(root), TIMELINE_FILE);
	if (existsSync(timeline)) {
		const rel = relative(process.cwd(), timeline);
		const parsed = parseTimeline(
			rel.startsWith('..') ? timeline : rel,
			readFileSync(timeline, 'utf8')
		);
		for (const e of parsed.errors) io.err(formatLoadError(e));
		const all =
			root === DEFAULT_RULESETS_DIR
				? rulesets
				: [
						...rulesets,
						...bundledRuleSets().rulesets.filter((b) => !rulesets.some((r) => r.ref === b.ref))
					];
		const t = runTimeline(all, parsed);
		for (const f of t.failed)
			io.err(
				`${f.location.file}:${f.location.line}:${f.location.column}: FAIL timeline: ${f.name}: ${f.problem}`
			);
		io.out(`timeline: ${t.passed} passed, ${t.failed.length} failed`);
		passed += t.passed;
		failed += t.failed.length + parsed.errors.length;
	}
	let uncovered = 0;
	if (values.coverage) {
		const reports = rulesets.map(coverage);
		for (const c of reports) {
			const n = c.criteria.length;
			const fires = c.criteria.filter((x) => x.fires.length > 0).length;
			const misses = c.criteria.filter((x) => x.nearest_miss).length;
			io.out(
				`${c.ruleset}: coverage ${n} criteria — fires ${fires}/${n}, nearest miss ${misses}/${n}`
			);
			for (const m of c.missing) {
				const at = m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : '';
				io.err(
					`${at}UNCOVERED ${c.ruleset}: ${m.id}: no golden case ${m.lacks
						.map((l) =>
							l === 'fires'
								? 'where it fires'
								: 'one fact away from a firing case where it does not fire'
						)
						.join(', and none ')}`
				);
			}
			uncovered += c.missing.length;
		}
		if (values.json) io.out(JSON.stringify(reports, null, 2));
	}
	io.out(`${passed} passed, ${failed + uncovered} failed`);
	return failed + uncovered > 0 ? 1 : 0;
}

/**
 * `capdo test --mutate [PATH]`: every data mutant of each rule set (thresholds ±1, lt↔lte, gt↔gte,
 * one condition dropped from all/any, criterion level ±1, citation article/clause/point, procedure
 * fields, effective dates ±1 day) against its golden, procedure and date tests; prints survivors.
 */
function mutateCommand(args: string[], io: Io): number {
	const { rulesets, errors } = loadRuleSetsFrom(targetOf(args), true);
	for (const e of errors) io.err(formatLoadError(e));
	let total = 0;
	let survived = 0;
	for (const r of rulesets) {
		const report = mutationReport(r);
		total += report.total - report.equivalent.length;
		survived += report.survivors.length;
		for (const s of report.survivors)
			io.out(
				`SURVIVED ${r.ref}: ${s.kind} ${s.path}: ${s.change}` +
					(s.witness ? `\n  fires differently on: ${JSON.stringify(s.witness)}` : '')
			);
		for (const s of report.equivalent)
			io.out(`equivalent ${r.ref}: ${s.kind} ${s.path}: ${s.change}`);
		const counted = report.total - report.equivalent.length;
		const score = counted === 0 ? 100 : (100 * report.killed) / counted;
		io.out(
			`${r.ref}: ${report.killed}/${counted} data mutants killed (${score.toFixed(1)}%), ` +
				`${report.survivors.length} survived; ${report.equivalent.length} equivalent ` +
				`(no difference on ${report.explored} valid fact sets near the golden cases)`
		);
	}
	io.out(`${total - survived}/${total} killed, ${survived} survived`);
	return errors.length > 0 || survived > 0 ? 1 : 0;
}

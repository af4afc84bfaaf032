// The server's rule-set registry (bundled rulesets/ + versions published from the maintainer
// workspace) and the checks a new version passes before it is published: it loads, its golden
// cases pass, its dates tile with the other versions of its id, and no published ref changes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import {
	checkTiling,
	diffRuleSets,
	hashMatches,
	impact,
	impactBetween,
	loadLibrary,
	parseFolder,
	parsePublished,
	PUBLISHED_FILE,
	releaseNote,
	canonicalJson,
	resolveEnds,
	runGoldenCases,
	sha256Hex,
	type GoldenReport,
	type ImpactReport,
	type LoadError,
	type Localized,
	type RuleSet,
	type RuleSetDiff,
	type SourceFile,
	type StoredClassification
} from '../rules';
import { appendAudit } from './audit/log';
import type { Principal } from './auth/policy';
import type { DB, RuleSetStatus } from './db/schema';
import { bundledRuleSets, DEFAULT_RULESETS_DIR } from './ruleset-files';

/** Uploaded files are loaded as one folder with this name; it is stripped again in messages. */
const UPLOAD_DIR = 'upload';
export const MAX_FILES = 20;
export const MAX_FILE_BYTES = 1_000_000;
/** All files of one upload together (a rule set with its tests is about 150 KB). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export interface DraftFile {
	/** A bare file name, e.g. "criteria.yaml". */
	path: string;
	text: string;
}

export interface DraftReport {
	ref?: string;
	hash?: string;
	title?: Localized;
	effective_from?: string;
	effective_to?: string;
	/** Load errors (file:line:column); uploaded files are named as uploaded. */
	errors: LoadError[];
	/** Probable mistakes that do not block publishing (e.g. an override that drops a note). */
	warnings: LoadError[];
	tests?: GoldenReport;
	tiling: LoadError[];
	/** Why this ref cannot be published whatever its content (already published). */
	conflict?: string;
	compare?: string;
	diff?: RuleSetDiff;
	/** Over every stored result, against the result as stored. */
	impact?: ImpactReport;
	/** Over the stored systems the compared version classifies, against that version. */
	impactBase?: ImpactReport;
	/** Generated from the diff; stored with the version when it is published. */
	release_note?: Localized;
	publishable: boolean;
}

const strip = (file: string) =>
	file.startsWith(UPLOAD_DIR + '/') ? file.slice(UPLOAD_DIR.length + 1) : file;
const located = (errors: LoadError[]) => errors.map((e) => ({ ...e, file: strip(e.file) }));

/** Checks names and sizes of uploaded files; returns the problems (empty when fine). */
export function fileProblems(files: DraftFile[]): string[] {
	const problems: string[] = [];
	if (files.length === 0) problems.push('Chưa có tệp YAML nào / no YAML file given.');
	if (files.length > MAX_FILES)
		problems.push(`Tối đa ${MAX_FILES} tệp / at most ${MAX_FILES} files.`);
	const seen = new Set<string>();
	for (const f of files) {
		if (!/^[\w.-]+\.ya?ml$/.test(f.path))
			problems.push(`"${f.path}": chỉ nhận tệp .yaml / only .yaml files, no folders.`);
		if (seen.has(f.path)) problems.push(`"${f.path}" có hai lần / given twice.`);
		if (f.text.length > MAX_FILE_BYTES)
			problems.push(`"${f.path}" quá lớn / too large (> ${MAX_FILE_BYTES} bytes).`);
		seen.add(f.path);
	}
	const total = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
	if (total > MAX_UPLOAD_BYTES) problems.push(uploadTooLarge(total));
	return problems;
}

const mb = (n: number) => (n / 1048576).toFixed(1);

export const uploadTooLarge = (bytes: number) =>
	`Bộ tệp tải lên quá lớn: ${mb(bytes)} MB, tối đa ${MAX_UPLOAD_BYTES / 1048576} MB / ` +
	`the upload is too large: ${mb(bytes)} MB, at most ${MAX_UPLOAD_BYTES / 1048576} MB.`;

const asSource = (files: DraftFile[], dir: string): SourceFile[] =>
	files.map((f) => ({ path: `${dir}/${f.path}`, text: f.text }));

/**
 * Everything a maintainer needs to know before publishing `files` (one version folder) into
 * `registry`. Pure apart from the inputs: `stored` feeds the impact analysis.
 */
export function checkDraft(
	files: DraftFile[],
	registry: readonly RuleSet[],
	stored: readonly StoredClassification[] = [],
	compareRef?: string
): { report: DraftReport; ruleset?: RuleSet } {
	const parsed = parseFolder(UPLOAD_DIR, asSource(files, UPLOAD_DIR));
	const ref = parsed.ref.includes('?') ? undefined : parsed.ref;
	// Golden cases run separately below, so a failing case is reported as a test, not a load error.
	const loaded = loadLibrary(asSource(files, UPLOAD_DIR), registry, false);
	const report: DraftReport = {
		ref,
		errors: located(loaded.errors),
		warnings: located(loaded.warnings),
		tiling: [],
		publishable: false
	};
	const rs = loaded.rulesets[0];
	if (!rs || report.errors.length > 0) return { report };
	Object.assign(report, {
		hash: rs.hash,
		title: rs.data.title,
		effective_from: rs.data.effective_from,
		effective_to: rs.data.effective_to
	});
	report.tests = runGoldenCases(rs);
	report.tests.failed = report.tests.failed.map((f) => ({ ...f, file: strip(f.file) }));
	const existing = registry.find((r) => r.ref === rs.ref);
	if (existing)
		report.conflict =
			existing.hash === rs.hash
				? `${rs.ref} đã được công bố với đúng nội dung này / is already published with this content.`
				: `${rs.ref} đã được công bố với nội dung khác: một phiên bản đã công bố không được sửa, hãy tạo phiên bản mới / ` +
					`is published with other content: a published version never changes, add a new version.`;
	else
		report.tiling = located(checkTiling([...registry.filter((r) => r.data.id === rs.data.id), rs]));
	const against =
		(compareRef && registry.find((r) => r.ref === compareRef)) ||
		(rs.data.extends && registry.find((r) => r.ref === rs.data.extends)) ||
		latestOf(registry, rs.data.id, rs.ref);
	if (against) {
		report.compare = against.ref;
		report.diff = diffRuleSets(against, rs);
		report.impactBase = impactBetween(against, rs, stored);
	}
	report.release_note = releaseNote(report.diff, rs);
	report.impact = impact(rs, stored);
	report.publishable =
		report.tests.failed.length === 0 && report.tiling.length === 0 && !report.conflict;
	return { report, ruleset: rs };
}

function latestOf(registry: readonly RuleSet[], id: string, except: string) {
	return registry
		.filter((r) => r.data.id === id && r.ref !== except)
		.sort((a, b) => b.data.effective_from.localeCompare(a.data.effective_from))[0];
}

/** A version published into the database whose ref the bundled library also has, with other content. */
export interface RegistryConflict {
	ref: string;
	stored: string;
	bundled: string;
}

export interface RegistryState {
	rulesets: RuleSet[];
	/** Refused database versions: same id@version as a bundled one, different content. */
	conflicts: RegistryConflict[];
	/** Published database versions that no longer load (e.g. a bundled parent changed). */
	broken: { ref: string; errors: LoadError[] }[];
	/** Published database versions whose content now hashes differently from when published. */
	changed: { ref: string; stored: string; now: string }[];
	/** The refs that come from the database (published from a web workspace or imported). */
	fromDb: string[];
}

/** What the registry is built from besides the bundled library: plain data, so a worker thread
 *  can rebuild the same registry (see check-pool.ts). */
export interface RegistrySource {
	key: string;
	rows: { ref: string; hash: string | null; files: DraftFile[] }[];
	withdrawals: { ref: string; reason: string; withdrawn_at: string }[];
}

let cache: { key: string; state: RegistryState; source: RegistrySource } | undefined;

/**
 * Bundled rule sets, then the published rows in publication order (a version may extend an
 * earlier one), withdrawn versions marked, and each version's end dated from its successor. One
 * small query per call; loading happens only when the published or withdrawn list changed.
 */
export async function ruleSetRegistryState(
	db: Kysely<DB>,
	/** Whether to report problems on stderr (the server does; `capdo check` prints its own). */
	log = true
): Promise<RegistryState> {
	return (await registryWithSource(db, log)).state;
}

/** The registry and the data it was built from (for a worker thread to rebuild it). */
export async function registryWithSource(db: Kysely<DB>, log = true) {
	// Every request asks: one round trip, and the rows are read only when the key changed. The key
	// comes from the database each time, so a version published by another process shows at once.
	const { rows: keyRows } = await sql<{ key: string | null }>`
		select concat_ws(',',
			(select string_agg(ref || ':' || coalesce(hash, ''), ',' order by published_at, ref)
				from rulesets where status = 'published'),
			(select string_agg('-' || ref, ',' order by ref) from ruleset_withdrawals)) as key`.execute(db);
	const key = keyRows[0]?.key ?? '';
	if (cache?.key === key) return cache;
	const withdrawals = await db
		.selectFrom('ruleset_withdrawals')
		.select(['ref', 'reason', 'withdrawn_at'])
		.orderBy('ref')
		.execute();
	const rows = await db
		.selectFrom('rulesets')
		.select(['ref', 'hash', 'files'])
		.where('status', '=', 'published')
		.orderBy('published_at')
		.orderBy('ref')
		.execute();
	const source: RegistrySource = {
		key,
		rows: rows.map((r) => ({ ref: r.ref, hash: r.hash, files: r.files })),
		withdrawals: withdrawals.map((w) => ({
			ref: w.ref,
			reason: w.reason,
			withdrawn_at: new Date(w.withdrawn_at).toISOString()
		}))
	};
	const state = registryFrom(source);
	if (log) logRegistryProblems(state);
	cache = { key, state, source };
	return cache;
}

/** The registry `source` describes (pure apart from reading the bundled library). */
export function registryFrom(source: RegistrySource): RegistryState {
	const bundled = bundledRuleSets().rulesets;
	const state: RegistryState = {
		rulesets: [...bundled],
		conflicts: [],
		broken: [],
		changed: [],
		fromDb: []
	};
	for (const row of source.rows) {
		const same = state.rulesets.find((r) => r.ref === row.ref);
		if (same) {
			// Never silently skipped: the bundled content wins and the clash is reported.
			if (!hashMatches(same, row.hash ?? ''))
				state.conflicts.push({ ref: row.ref, stored: row.hash ?? '', bundled: same.hash });
			continue;
		}
		const loaded = loadLibrary(asSource(row.files, `db/${row.ref}`), state.rulesets, false);
		const rs = loaded.rulesets[0];
		if (!rs) {
			state.broken.push({ ref: row.ref, errors: loaded.errors });
			continue;
		}
		if (!hashMatches(rs, row.hash ?? ''))
			state.changed.push({ ref: row.ref, stored: row.hash ?? '', now: rs.hash });
		state.rulesets.push(rs);
		state.fromDb.push(row.ref);
	}
	const withdrawn = new Map(source.withdrawals.map((w) => [w.ref, w]));
	state.rulesets = resolveEnds(
		state.rulesets.map((r) => {
			const w = withdrawn.get(r.ref);
			return w ? { ...r, withdrawn: { reason: w.reason, at: w.withdrawn_at } } : r;
		})
	);
	return state;
}

function logRegistryProblems(state: RegistryState) {
	for (const c of state.conflicts)
		console.error(
			`capdo: the database version ${c.ref} (sha256:${c.stored.slice(0, 12)}…) differs from the ` +
				`bundled one (sha256:${c.bundled.slice(0, 12)}…): the database version is refused`
		);
	for (const b of state.broken)
		console.error(`capdo: published rule set ${b.ref} no longer loads`, b.errors);
	for (const c of state.changed)
		console.error(`capdo: published rule set ${c.ref} now hashes to ${c.now}, not ${c.stored}`);
}

/** The rule sets the server classifies with (see ruleSetRegistryState). */
export async function ruleSetRegistry(db: Kysely<DB>): Promise<RuleSet[]> {
	return (await ruleSetRegistryState(db)).rulesets;
}

/** Published refs: the bundled lock file's entries, and those published into the database. */
export async function publishedRefs(db: Kysely<DB>) {
	const lock = join(DEFAULT_RULESETS_DIR, PUBLISHED_FILE);
	const bundled = existsSync(lock)
		? parsePublished(lock, readFileSync(lock, 'utf8')).entries.map((e) => e.ref)
		: [];
	const rows = await db
		.selectFrom('rulesets')
		.select('ref')
		.where('status', '=', 'published')
		.execute();
	const fromDb = new Set(rows.map((r) => r.ref));
	return { published: new Set([...bundled, ...fromDb]), fromDb };
}

export interface StoredRuleSetRow {
	ref: string;
	status: RuleSetStatus;
	hash: string | null;
	effective_from: string | null;
	effective_to: string | null;
	files: string[];
	created_at: Date;
	published_at: Date | null;
	by: string;
	submitted_by: string | null;
	approved_by: string | null;
	withdrawn: boolean;
}

/** The rows kept in the database, newest first (file names only). */
export async function listStoredRuleSets(db: Kysely<DB>): Promise<StoredRuleSetRow[]> {
	const rows = await db
		.selectFrom('rulesets')
		.innerJoin('users', 'users.id', 'rulesets.created_by')
		.leftJoin('users as sub', 'sub.id', 'rulesets.submitted_by')
		.leftJoin('users as app', 'app.id', 'rulesets.approved_by')
		.leftJoin('ruleset_withdrawals as w', 'w.ref', 'rulesets.ref')
		.select([
			'rulesets.ref',
			'status',
			'rulesets.hash',
			'effective_from',
			'effective_to',
			'files',
			'rulesets.created_at',
			'published_at',
			'users.display_name as by',
			'sub.display_name as submitted_by',
			'app.display_name as approved_by',
			'w.ref as withdrawn_ref'
		])
		.orderBy('rulesets.created_at', 'desc')
		.execute();
	return rows.map(({ withdrawn_ref, ...r }) => ({
		...r,
		files: r.files.map((f) => f.path),
		withdrawn: withdrawn_ref !== null
	}));
}

export async function storedRuleSetFiles(db: Kysely<DB>, ref: string) {
	const row = await db
		.selectFrom('rulesets')
		.select('files')
		.where('ref', '=', ref)
		.executeTakeFirst();
	return row?.files;
}

export const actorOf = (u: Principal) => ({ id: u.id, name: u.username });
export const asDraftSource = (files: DraftFile[]) => asSource(files, UPLOAD_DIR);

/** sha256 of a version's files (sorted by name): what a reviewer approves is what is published. */
export function filesHash(files: DraftFile[]): string {
	const sorted = [...files]
		.sort((a, b) => (a.path < b.path ? -1 : 1))
		.map((f) => ({ path: f.path, text: f.text }));
	return sha256Hex(canonicalJson(sorted));
}

/**
 * Keeps unfinished work as a draft (any content, as long as it names id and version). Saving
 * over a version in review or approved puts it back to draft: its review was of other content.
 */
export async function saveDraft(
	db: Kysely<DB>,
	user: Principal,
	files: DraftFile[]
): Promise<{ ok: true; ref: string } | { ok: false; problems: string[] }> {
	const problems = fileProblems(files);
	const ref = parseFolder(UPLOAD_DIR, asSource(files, UPLOAD_DIR)).ref;
	if (ref.includes('?'))
		problems.push('Bản nháp cần có "id" và "version" / a draft needs id and version.');
	if (problems.length > 0) return { ok: false, problems };
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('rulesets')
			.select(['status', 'editors'])
			.where('ref', '=', ref)
			.executeTakeFirst();
		if (existing?.status === 'published' || bundledRuleSets().rulesets.some((r) => r.ref === ref))
			return {
				ok: false as const,
				problems: [`${ref} đã được công bố / is already published.`]
			};
		const [id, version] = ref.split('@') as [string, string];
		const loaded = loadLibrary(asSource(files, UPLOAD_DIR), await ruleSetRegistry(trx), false);
		const values = {
			ruleset_id: id,
			version,
			status: 'draft' as const,
			hash: loaded.rulesets[0]?.hash ?? null,
			files: JSON.stringify(files),
			effective_from: loaded.rulesets[0]?.data.effective_from ?? null,
			effective_to: loaded.rulesets[0]?.data.effective_to ?? null,
			files_sha256: null,
			editors: [...new Set([...(existing?.editors ?? []), user.id])],
			submitted_by: null,
			submitted_at: null,
			approved_by: null,
			approved_at: null,
			created_by: user.id,
			created_at: new Date()
		};
		if (existing) await trx.updateTable('rulesets').set(values).where('ref', '=', ref).execute();
		else
			await trx
				.insertInto('rulesets')
				.values({ ref, ...values })
				.execute();
		await appendAudit(trx, actorOf(user), {
			action: 'ruleset.draft',
			entity_type: 'ruleset',
			entity_id: ref,
			before: existing ? { status: existing.status } : undefined,
			after: { ref, files: files.map((f) => ({ path: f.path, sha256: sha256Hex(f.text) })) }
		});
		return { ok: true as const, ref };
	});
}

export const emptyReport = (): DraftReport => ({
	errors: [],
	warnings: [],
	tiling: [],
	publishable: false
});

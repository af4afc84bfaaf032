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
	loadLibrary,
	parseFolder,
	parsePublished,
	PUBLISHED_FILE,
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
import type { DB } from './db/schema';
import { bundledRuleSets, DEFAULT_RULESETS_DIR } from './ruleset-files';

/** Uploaded files are loaded as one folder with this name; it is stripped again in messages. */
const UPLOAD_DIR = 'upload';
export const MAX_FILES = 20;
export const MAX_FILE_BYTES = 1_000_000;

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
	tests?: GoldenReport;
	tiling: LoadError[];
	/** Why this ref cannot be published whatever its content (already published). */
	conflict?: string;
	compare?: string;
	diff?: RuleSetDiff;
	impact?: ImpactReport;
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
	return problems;
}

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
	}
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

interface Cached {
	key: string;
	rulesets: RuleSet[];
}
let cache: Cached | undefined;

/**
 * Bundled rule sets, then the published rows in publication order (a version may extend an
 * earlier one). One small query per call; loading happens only when the published list changed.
 */
export async function ruleSetRegistry(db: Kysely<DB>): Promise<RuleSet[]> {
	const bundled = bundledRuleSets().rulesets;
	const heads = await db
		.selectFrom('rulesets')
		.select(['ref', 'hash'])
		.where('status', '=', 'published')
		.orderBy('published_at')
		.orderBy('ref')
		.execute();
	const key = heads.map((h) => `${h.ref}:${h.hash}`).join();
	if (cache?.key === key) return cache.rulesets;
	const rows = await db
		.selectFrom('rulesets')
		.select(['ref', 'hash', 'files'])
		.where('status', '=', 'published')
		.orderBy('published_at')
		.orderBy('ref')
		.execute();
	const rulesets = [...bundled];
	for (const row of rows) {
		if (rulesets.some((r) => r.ref === row.ref)) continue;
		const loaded = loadLibrary(asSource(row.files, `db/${row.ref}`), rulesets, false);
		const rs = loaded.rulesets[0];
		if (!rs) {
			console.error(`capdo: published rule set ${row.ref} no longer loads`, loaded.errors);
			continue;
		}
		if (!hashMatches(rs, row.hash ?? ''))
			console.error(
				`capdo: published rule set ${row.ref} now hashes to ${rs.hash}, not ${row.hash}`
			);
		rulesets.push(rs);
	}
	cache = { key, rulesets: resolveEnds(rulesets) };
	return cache.rulesets;
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
	status: 'draft' | 'published';
	hash: string | null;
	effective_from: string | null;
	effective_to: string | null;
	files: string[];
	created_at: Date;
	published_at: Date | null;
	by: string;
}

/** The rows kept in the database, newest first (file names only). */
export async function listStoredRuleSets(db: Kysely<DB>): Promise<StoredRuleSetRow[]> {
	const rows = await db
		.selectFrom('rulesets')
		.innerJoin('users', 'users.id', 'rulesets.created_by')
		.select([
			'ref',
			'status',
			'hash',
			'effective_from',
			'effective_to',
			'files',
			'rulesets.created_at',
			'published_at',
			'users.display_name as by'
		])
		.orderBy('rulesets.created_at', 'desc')
		.execute();
	return rows.map((r) => ({ ...r, files: r.files.map((f) => f.path) }));
}

export async function storedRuleSetFiles(db: Kysely<DB>, ref: string) {
	const row = await db
		.selectFrom('rulesets')
		.select('files')
		.where('ref', '=', ref)
		.executeTakeFirst();
	return row?.files;
}

export type PublishResult =
	{ ok: true; ref: string; hash: string } | { ok: false; report: DraftReport; problems: string[] };

const actorOf = (u: Principal) => ({ id: u.id, name: u.username });

/**
 * Publishes `files` when they load, their golden cases pass, they tile and the ref is new. The
 * checks run again inside the transaction, under a lock, against the registry as committed.
 */
export async function publishRuleSet(
	db: Kysely<DB>,
	user: Principal,
	files: DraftFile[]
): Promise<PublishResult> {
	const problems = fileProblems(files);
	if (problems.length > 0) return { ok: false, report: emptyReport(), problems };
	const result = await db.transaction().execute(async (trx) => {
		await sql`lock table rulesets in share row exclusive mode`.execute(trx);
		const { report, ruleset: rs } = checkDraft(files, await ruleSetRegistry(trx));
		if (!rs || !report.publishable) return { ok: false as const, report, problems: [] };
		await trx
			.deleteFrom('rulesets')
			.where('ref', '=', rs.ref)
			.where('status', '=', 'draft')
			.execute();
		await trx
			.insertInto('rulesets')
			.values({
				ref: rs.ref,
				ruleset_id: rs.data.id,
				version: rs.data.version,
				status: 'published',
				hash: rs.hash,
				files: JSON.stringify(files),
				effective_from: rs.data.effective_from,
				effective_to: rs.data.effective_to ?? null,
				created_by: user.id,
				published_by: user.id,
				published_at: new Date()
			})
			.execute();
		await appendAudit(trx, actorOf(user), {
			action: 'ruleset.publish',
			entity_type: 'ruleset',
			entity_id: rs.ref,
			after: {
				ref: rs.ref,
				hash: rs.hash,
				effective_from: rs.data.effective_from,
				effective_to: rs.data.effective_to,
				files: files.map((f) => ({ path: f.path, sha256: sha256Hex(f.text) }))
			}
		});
		return { ok: true as const, ref: rs.ref, hash: rs.hash };
	});
	return result;
}

/** Keeps unfinished work as a draft (any content, as long as it names id and version). */
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
			.select('status')
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
			after: { ref, files: files.map((f) => ({ path: f.path, sha256: sha256Hex(f.text) })) }
		});
		return { ok: true as const, ref };
	});
}

const emptyReport = (): DraftReport => ({ errors: [], tiling: [], publishable: false });

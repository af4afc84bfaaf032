// Rule-set packages: one version's YAML files with a manifest (id, version, dates, hash, sources,
// release note), to move a version between installations. A package is JSON, so it travels as one
// file and is read without a YAML parser; its files are checked again on arrival: they must hash as
// the manifest says, load over this installation's versions, tile with them, and not clash with a
// version installed here under the same id@version. Installing goes through the workspace like any
// draft: a second maintainer approves it before it is published.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import {
	checkTiling,
	formatLoadError,
	hashMatches,
	loadLibrary,
	type Localized,
	type RuleSet,
	type Source
} from '../rules';
import type { DB } from './db/schema';
import { asDraftSource, fileProblems, filesHash, type DraftFile } from './rulesets';

export const PACKAGE_SCHEMA = 'capdo-ruleset-package/1';
/** Suggested file name suffix, so a package is recognised when uploaded. */
export const PACKAGE_SUFFIX = '.capdo.json';

export interface PackageManifest {
	ref: string;
	id: string;
	version: string;
	extends?: string;
	title: Localized;
	effective_from: string;
	/** Informational: here the end is derived from the successor's start (not hashed). */
	effective_to?: string;
	/** The content hash (`sha256` of the merged rule set) the version was published with. */
	hash: string;
	/** sha256 over the files themselves, so an altered file is caught before anything loads. */
	files_sha256: string;
	sources: Source[];
	release_note?: Localized;
	published_at?: string;
	exported_at: string;
}

export interface RuleSetPackage {
	schema: typeof PACKAGE_SCHEMA;
	manifest: PackageManifest;
	files: DraftFile[];
}

export function makePackage(
	rs: RuleSet,
	files: DraftFile[],
	extra: { release_note?: Localized; published_at?: string; now?: Date } = {}
): RuleSetPackage {
	const d = rs.data;
	const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
	return {
		schema: PACKAGE_SCHEMA,
		manifest: {
			ref: rs.ref,
			id: d.id,
			version: d.version,
			...(d.extends ? { extends: d.extends } : {}),
			title: d.title,
			effective_from: d.effective_from,
			...(d.effective_to ? { effective_to: d.effective_to } : {}),
			hash: rs.hash,
			files_sha256: filesHash(sorted),
			sources: d.sources,
			...(extra.release_note ? { release_note: extra.release_note } : {}),
			...(extra.published_at ? { published_at: extra.published_at } : {}),
			exported_at: (extra.now ?? new Date()).toISOString()
		},
		files: sorted
	};
}

/** The files of a version: from the database if published there, else its bundled folder. */
export async function packageOf(
	ref: string,
	registry: readonly RuleSet[],
	db?: Kysely<DB>
): Promise<RuleSetPackage | undefined> {
	const rs = registry.find((r) => r.ref === ref);
	if (!rs) return undefined;
	const row = db
		? await db
				.selectFrom('rulesets')
				.select(['files', 'release_note', 'published_at'])
				.where('ref', '=', ref)
				.where('status', '=', 'published')
				.executeTakeFirst()
		: undefined;
	if (row)
		return makePackage(rs, row.files, {
			release_note: row.release_note ?? undefined,
			published_at: row.published_at ? new Date(row.published_at).toISOString() : undefined
		});
	if (!rs.dir) return undefined;
	const files = readdirSync(rs.dir)
		.filter((n) => /\.ya?ml$/.test(n))
		.map((n) => ({ path: basename(n), text: readFileSync(join(rs.dir!, n), 'utf8') }));
	return makePackage(rs, files);
}

export type Unpacked =
	| { ok: true; pkg: RuleSetPackage; ruleset: RuleSet; installed: boolean }
	| { ok: false; problems: string[]; pkg?: RuleSetPackage };

const isText = (v: unknown): v is string => typeof v === 'string';

/** Reads a package and checks it against this installation's versions (`registry`). */
export function unpack(text: string, registry: readonly RuleSet[]): Unpacked {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return {
			ok: false,
			problems: [`Không phải gói quy tắc (JSON) / not a rule-set package: ${(e as Error).message}`]
		};
	}
	const v = value as Partial<RuleSetPackage> | null;
	const m = v?.manifest;
	if (
		v?.schema !== PACKAGE_SCHEMA ||
		!m ||
		!isText(m.ref) ||
		!isText(m.hash) ||
		!isText(m.files_sha256) ||
		// Interpolated into messages below: an object there (e.g. {"toString": 1}) would throw.
		(m.extends !== undefined && !isText(m.extends)) ||
		!Array.isArray(v.files) ||
		!v.files.every((f) => isText(f?.path) && isText(f?.text))
	)
		return {
			ok: false,
			problems: [
				`Không phải gói quy tắc "${PACKAGE_SCHEMA}" (cần schema, manifest, files) / not a ` +
					`"${PACKAGE_SCHEMA}" package (schema, manifest and files are required)`
			]
		};
	const pkg = v as RuleSetPackage;
	const files = pkg.files.map((f) => ({ path: f.path, text: f.text }));
	const bad = fileProblems(files);
	if (bad.length) return { ok: false, problems: bad, pkg };
	if (filesHash(files) !== m.files_sha256)
		return {
			ok: false,
			pkg,
			problems: [
				`Các tệp của gói ${m.ref} đã bị sửa sau khi xuất (sha256 không khớp manifest) / the ` +
					`files of ${m.ref} were changed after export (their sha256 does not match the manifest)`
			]
		};
	const loaded = loadLibrary(asDraftSource(files), registry, true);
	const rs = loaded.rulesets[0];
	if (!rs || loaded.errors.length) {
		const parentMissing = m.extends && !registry.some((r) => r.ref === m.extends);
		return {
			ok: false,
			pkg,
			problems: [
				...(parentMissing
					? [
							`${m.ref} kế thừa ${m.extends}, chưa có ở đây: nhập gói của ${m.extends} trước / ` +
								`${m.ref} extends ${m.extends}, which this installation lacks: import its package first`
						]
					: []),
				...loaded.errors.map((e) => formatLoadError(e))
			]
		};
	}
	if (rs.ref !== m.ref)
		return {
			ok: false,
			pkg,
			problems: [
				`Gói ghi ${m.ref} nhưng các tệp là ${rs.ref} / the manifest says ${m.ref}, the files are ${rs.ref}`
			]
		};
	if (!hashMatches(rs, m.hash))
		return {
			ok: false,
			pkg,
			problems: [
				`${m.ref} ở đây có mã băm sha256:${rs.hash}, khác sha256:${m.hash} khi công bố (phiên bản cha ở ` +
					`đây khác?) / here ${m.ref} hashes to sha256:${rs.hash}, not sha256:${m.hash} as published ` +
					`(is its parent different here?)`
			]
		};
	const here = registry.find((r) => r.ref === rs.ref);
	if (here) {
		if (hashMatches(here, rs.hash)) return { ok: true, pkg, ruleset: rs, installed: true };
		return {
			ok: false,
			pkg,
			problems: [
				`${rs.ref} đã có ở đây với nội dung khác (sha256:${here.hash}); gói bị từ chối / ${rs.ref} ` +
					`is installed here with other content (sha256:${here.hash}): the package is refused`
			]
		};
	}
	const tiling = checkTiling([...registry.filter((r) => r.data.id === rs.data.id), rs]);
	if (tiling.length) return { ok: false, pkg, problems: tiling.map((e) => formatLoadError(e)) };
	return { ok: true, pkg, ruleset: rs, installed: false };
}

import { parseArgs } from 'node:util';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
	DIFF_SECTIONS,
	diffRuleSets,
	formatLoadError,
	loadLibrary,
	selectRuleSet,
	type Change,
	type DiffSection,
	type RuleSet,
	type RuleSetDiff
} from '../lib/rules';
import { bundledRuleSets, loadRuleSetsFrom, readYamlTree } from '../lib/server/ruleset-files';
import { DB_OPTIONS, registryOf, wantsDb } from './db-rulesets';
import { UsageError, type Io } from './main';

/** `capdo diff A B`: A and B are id@version (or id: the version in force today) or folders. */
export async function diffCommand(args: string[], io: Io): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { json: { type: 'boolean', default: false }, ...DB_OPTIONS }
	});
	if (positionals.length !== 2) throw new UsageError('expects two rule sets: A B');
	// With --db/--data-dir, versions published in that database (or imported) are known too.
	const library = wantsDb(values)
		? (await registryOf(values)).rulesets
		: bundledRuleSets().rulesets;
	const [a, b] = positionals.map((p) => resolveRuleSet(p!, io, library));
	if (!a || !b) return 1;
	const diff = diffRuleSets(a, b);
	io.out(values.json ? JSON.stringify(diff, null, 2) : formatDiff(diff));
	return 0;
}

function resolveRuleSet(spec: string, io: Io, library: readonly RuleSet[]): RuleSet | undefined {
	if (!existsSync(spec) || !statSync(spec).isDirectory()) {
		const r = selectRuleSet(library, spec);
		if (!r)
			io.err(
				`capdo diff: no rule set "${spec}"${spec.includes('@') ? '' : ' in force today'} ` +
					`(known: ${library.map((x) => x.ref).join(', ')})`
			);
		return r;
	}
	const abs = resolve(spec);
	const at = (rs: readonly RuleSet[]) =>
		rs.find((r) => r.dir !== undefined && resolve(r.dir) === abs);
	const own = loadRuleSetsFrom(spec, false);
	let found = at(own.rulesets);
	let errors = own.errors;
	if (!found) {
		// A folder outside the library may extend a sibling version: load the sibling folders too.
		const parent = dirname(abs);
		const files = readdirSync(parent)
			.map((d) => join(parent, d))
			.filter((d) => statSync(d).isDirectory())
			.flatMap((d) => readYamlTree(d).filter((f) => dirname(resolve(f.path)) === d));
		const withSiblings = loadLibrary(files, bundledRuleSets().rulesets, false);
		found = at(withSiblings.rulesets);
		errors = withSiblings.errors;
	}
	if (!found) {
		io.err(`capdo diff: ${spec} did not load:`);
		for (const e of errors) io.err(`  ${formatLoadError(e)}`);
	}
	return found;
}

const SECTION_LABEL: Record<DiffSection, string> = {
	metadata: 'Thông tin chung / Metadata',
	sources: 'Văn bản nguồn / Sources',
	facts: 'Câu hỏi (dữ kiện) / Questions (facts)',
	constraints: 'Ràng buộc / Constraints',
	criteria: 'Tiêu chí / Criteria',
	designations: 'Chỉ định / Designations',
	requirements: 'Yêu cầu / Requirements',
	procedure: 'Thủ tục / Procedure',
	appraisal: 'Nội dung thẩm định / Appraisal checklist',
	dossier: 'Hồ sơ / Dossier',
	transition: 'Chuyển tiếp / Transition',
	tests: 'Ca kiểm thử mẫu / Golden cases'
};
const KIND = { added: 'thêm/added', removed: 'bỏ/removed', changed: 'sửa/changed' } as const;
const MARK = { added: '+', removed: '-', changed: '~' } as const;
/** Values this long are printed before and after on lines of their own, in full. */
const INLINE = 60;

/** A field's value in full, on one line: Vietnamese of a {vi, en} pair, JSON otherwise. */
export function plain(v: unknown): string {
	if (v === undefined) return '(không có / none)';
	const vi = (v as { vi?: unknown } | null)?.vi;
	const en = (v as { en?: unknown } | null)?.en;
	const s =
		typeof v === 'string'
			? v
			: typeof vi === 'string'
				? typeof en === 'string'
					? `${vi} / ${en}`
					: vi
				: JSON.stringify(v);
	return s.replace(/\s+/g, ' ').trim();
}

function formatChange(c: Change): string[] {
	// Procedure keys already name their levels ("authority[1,2]").
	const levels = c.levels && !c.key.endsWith(']') ? ` [${c.levels.join(',')}]` : '';
	const refs = [c.citation, c.tcvn && `TCVN 11930:2017 mục ${c.tcvn}`].filter(Boolean);
	const cite = refs.length > 0 ? ` (${refs.join('; ')})` : '';
	const lines = [
		`  ${MARK[c.kind]} ${c.key}${levels}${cite}${c.label ? ` — ${plain(c.label)}` : ''}`
	];
	// Never cut: a long text changed in its middle must show the change.
	for (const f of c.fields ?? []) {
		const before = plain(f.before_text ?? f.before);
		const after = plain(f.after_text ?? f.after);
		if (before.length + after.length <= INLINE)
			lines.push(`      ${f.field}: ${before} → ${after}`);
		else lines.push(`      ${f.field}:`, `        - ${before}`, `        + ${after}`);
	}
	return lines;
}

/** The diff for a terminal: a bilingual summary, then each change. */
export function formatDiff(d: RuleSetDiff): string {
	const lines = [
		`So sánh / Comparing ${d.from.ref} → ${d.to.ref}`,
		`  sha256 ${d.from.hash.slice(0, 12)} → ${d.to.hash.slice(0, 12)}`,
		'',
		'Tóm tắt / Summary'
	];
	for (const s of DIFF_SECTIONS) {
		const n = d.summary[s];
		if (n.added + n.removed + n.changed === 0) continue;
		const counts = (['added', 'removed', 'changed'] as const).map((k) => `${n[k]} ${KIND[k]}`);
		lines.push(`  ${SECTION_LABEL[s]}: ${counts.join(', ')}`);
	}
	lines.push(
		`  Trích dẫn thêm, bỏ, sửa / Citations added, removed, changed: ${d.summary.citations}`
	);
	if (d.changes.length === 0) lines.push('  Không có thay đổi / No changes');
	for (const s of DIFF_SECTIONS) {
		const cs = d.changes.filter((c) => c.section === s);
		if (cs.length === 0) continue;
		lines.push('', SECTION_LABEL[s], ...cs.flatMap(formatChange));
	}
	return lines.join('\n');
}

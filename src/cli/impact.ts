import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
	impact,
	impactBetween,
	selectRuleSet,
	type ImpactReport,
	type StoredClassification
} from '../lib/rules';
import { INVENTORY_SCHEMA, type Inventory } from '../lib/model/inventory';
import { CLASSIFICATIONS_SCHEMA, storedFromInventory } from '../lib/model/stored';
import { bundledRuleSets } from '../lib/server/ruleset-files';
import { UsageError, type Io } from './main';
import { remoteGet, remoteOf } from './remote';

/** `capdo impact NEW --from EXPORT.json`: which stored classifications NEW would change. */
export async function impactCommand(args: string[], io: Io): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			from: { type: 'string' },
			base: { type: 'string' },
			db: { type: 'string' },
			'data-dir': { type: 'string' },
			url: { type: 'string' },
			token: { type: 'string' },
			json: { type: 'boolean', default: false },
			all: { type: 'boolean', default: false }
		}
	});
	if (positionals.length !== 1)
		throw new UsageError('expects the new rule set, e.g. vn-nd331@2026');
	if ([values.from, values.db, values['data-dir'], values.url].filter(Boolean).length > 1)
		throw new UsageError('give one of --from, --db, --data-dir, --url');
	const remote = remoteOf(values);
	if (remote) {
		const q = new URLSearchParams({
			ruleset: positionals[0]!,
			...(values.base && { base: values.base }),
			...(values.all && { all: '1' })
		});
		const report = await remoteGet<ImpactReport>(remote, `/api/admin/impact?${q}`);
		io.out(values.json ? JSON.stringify(report, null, 2) : formatImpact(report));
		return 0;
	}
	const library = bundledRuleSets();
	let rulesets = library.rulesets;
	let stored: StoredClassification[] = [];
	if (!values.from) {
		// The database also holds versions published from the web workspace.
		const { loadFromDatabase } = await import('../lib/server/db/stored');
		({ stored, rulesets } = await loadFromDatabase({
			url: values.db,
			dataDir: values['data-dir']
		}));
	}
	const next = selectRuleSet(rulesets, positionals[0]);
	if (!next) {
		io.err(`capdo impact: unknown rule set "${positionals[0]}"`);
		return 1;
	}
	if (values.from) {
		const r = readExport(values.from, library.rulesets);
		if ('error' in r) {
			io.err(`capdo impact: ${r.error}`);
			return 1;
		}
		stored = r.items;
		for (const s of r.skipped) io.err(`capdo impact: skipped ${s.id}: ${s.reason}`);
	}
	let report: ImpactReport;
	if (values.base) {
		// Against the version it amends: only what the amendment itself changes.
		const base = selectRuleSet(rulesets, values.base);
		if (!base) {
			io.err(`capdo impact: unknown base rule set "${values.base}"`);
			return 1;
		}
		report = impactBetween(base, next, stored, values.all);
	} else report = impact(next, stored, values.all);
	io.out(values.json ? JSON.stringify(report, null, 2) : formatImpact(report));
	return 0;
}

function readExport(path: string, rulesets: Parameters<typeof storedFromInventory>[1]) {
	let value: unknown;
	try {
		value = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		return { error: `${path}: ${(e as Error).message}` };
	}
	const v = value as { schema?: string };
	if (v?.schema === INVENTORY_SCHEMA) return storedFromInventory(value as Inventory, rulesets);
	if (v?.schema === CLASSIFICATIONS_SCHEMA)
		return { items: (value as { items: StoredClassification[] }).items, skipped: [] };
	return {
		error: `${path}: expected "schema": "${INVENTORY_SCHEMA}" or "${CLASSIFICATIONS_SCHEMA}"`
	};
}

const LABEL: Record<string, string> = {
	same: 'không đổi / unchanged',
	level_up: 'tăng cấp độ / level up',
	level_down: 'giảm cấp độ / level down',
	basis_only: 'đổi căn cứ, giữ cấp độ / same level, other basis',
	needs_answers: 'cần trả lời thêm / needs new answers',
	invalid: 'dữ liệu không hợp lệ / invalid'
};

function formatImpact(r: ImpactReport): string {
	const revision = r.ruleset.revision > 1 ? `, bản / revision ${r.ruleset.revision}` : '';
	const lines = [
		`Tác động của / impact of ${r.ruleset.ref} (sha256 ${r.ruleset.hash.slice(0, 12)}${revision}) trên ${r.total} hệ thống / systems`
	];
	if (r.base)
		lines.push(
			`So với / against ${r.base.ref}: mỗi hệ thống được tính theo cả hai phiên bản / each system ` +
				`evaluated under both; ${r.base.skipped} hệ thống ${r.base.ref} không xác định được bị bỏ qua / ` +
				`systems ${r.base.ref} cannot classify left out`
		);
	for (const c of r.corrections) {
		lines.push(
			`Đính chính / correction ${c.revision} (${c.date}, ${c.kind === 'editorial' ? 'câu chữ / editorial' : 'nội dung / substantive'}): ${c.reason.vi} / ${c.reason.en}`
		);
		for (const ch of c.changes) lines.push(`  ${ch.target}: ${ch.what.vi} / ${ch.what.en}`);
	}
	for (const [k, n] of Object.entries(r.counts)) if (n > 0) lines.push(`  ${LABEL[k]}: ${n}`);
	const changes = Object.entries(r.level_changes).sort();
	if (changes.length > 0) {
		lines.push('Thay đổi cấp độ / level changes:');
		for (const [k, n] of changes) lines.push(`  ${k}: ${n}`);
	}
	for (const row of r.rows) {
		const where = row.unit ? `${row.unit} / ${row.name}` : row.name;
		const rev = row.from.revision ? ` bản / rev. ${row.from.revision}` : '';
		const from = `${row.from.level ?? '–'} (${row.from.ruleset}${rev})`;
		if (row.change === 'needs_answers')
			lines.push(`- ${where}: ${from} → ? thiếu / missing: ${row.missing!.join(', ')}`);
		else if (row.change === 'invalid') lines.push(`- ${where}: ${row.errors!.join('; ')}`);
		else
			lines.push(
				`- ${where}: ${from} → ${row.to!.level ?? '–'} [${row.to!.basis.join(', ')}] (${LABEL[row.change]})`
			);
	}
	lines.push('Không kết quả nào đã lưu bị thay đổi / no stored result was changed.');
	return lines.join('\n');
}

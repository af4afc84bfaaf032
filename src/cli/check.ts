import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { formatLoadError, runGoldenCases } from '../lib/rules';
import { DEFAULT_RULESETS_DIR, loadRuleSetsFrom } from '../lib/server/ruleset-files';
import { UsageError, type Io } from './main';

function target(args: string[]): string {
	const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
	if (positionals.length > 1) throw new UsageError('expects at most one PATH');
	const path = positionals[0] ?? DEFAULT_RULESETS_DIR;
	if (!existsSync(path)) throw new UsageError(`no such file or directory: ${path}`);
	return path;
}

/** Validates rule sets (schema, references, golden cases); errors as file:line:column. */
export function checkCommand(args: string[], io: Io): number {
	const { rulesets, errors } = loadRuleSetsFrom(target(args));
	for (const e of errors) io.err(formatLoadError(e));
	for (const r of rulesets) io.out(`ok ${r.ref} sha256:${r.hash}`);
	if (errors.length > 0) {
		io.err(`${errors.length} error(s)`);
		return 1;
	}
	if (rulesets.length === 0) {
		io.err('no rule set found');
		return 1;
	}
	return 0;
}

/** Runs golden cases and reports each failure at its location. */
export function testCommand(args: string[], io: Io): number {
	const { rulesets, errors } = loadRuleSetsFrom(target(args), false);
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
	io.out(`${passed} passed, ${failed} failed`);
	return failed > 0 ? 1 : 0;
}

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
	evaluate,
	formatLoadError,
	procedureFor,
	resolveEnds,
	today,
	type Classification,
	type Lang
} from '../lib/rules';
import { bundledRuleSets, loadRuleSetsFrom } from '../lib/server/ruleset-files';
import { readInputFile } from './input';
import { UsageError, type Io } from './main';
import { formatClassification } from './format';
import { chooseRuleSet, fitHint, rulesetsThatFit } from './ruleset-choice';

export function classifyCommand(args: string[], io: Io): number {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			ruleset: { type: 'string' },
			rulesets: { type: 'string' },
			date: { type: 'string' },
			json: { type: 'boolean', default: false },
			lang: { type: 'string', default: 'vi' }
		}
	});
	if (positionals.length !== 1) throw new UsageError('expects exactly one FILE');
	const lang = parseLang(values.lang);
	const date = values.date ?? today();
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date must be YYYY-MM-DD');

	const library = withExtra(values.rulesets, io);
	if (!library) return 1;
	const input = readInputFile(positionals[0]!);
	if (!input.ok) {
		io.err(`capdo classify: ${input.error}`);
		return 1;
	}
	const choice = chooseRuleSet(library.rulesets, values.ruleset, input.file, date);
	if (!choice.ok) {
		io.err(`capdo classify: ${choice.message}`);
		return 1;
	}
	const { ruleset } = choice;
	if (choice.note) io.err(`capdo classify: ${choice.note}`);
	const result = evaluate(ruleset, input.file.value as Parameters<typeof evaluate>[1]);
	if (!result.ok) {
		io.err(`capdo classify: invalid input in ${input.file.path} for ${ruleset.ref}:`);
		for (const e of result.errors)
			io.err(`  ${input.file.locate(e.path)}: ${e.path}: ${e.message[lang]}`);
		const hint =
			choice.by === 'date'
				? fitHint(rulesetsThatFit(library.rulesets, ruleset, input.file.value), date, lang)
				: undefined;
		if (hint) io.err(`capdo classify: ${hint}`);
		return 1;
	}
	const c: Classification = result.value;
	if (values.json) {
		const procedure = c.level === null ? null : procedureFor(ruleset, c.level, lang);
		const source_status = ruleset.data.source_status;
		io.out(JSON.stringify({ ...c, procedure, source_status, date }, null, 2));
	} else {
		io.out(formatClassification(c, ruleset, lang));
		for (const w of c.warnings) io.err(`capdo classify: warning: ${w.path}: ${w.message[lang]}`);
	}
	return 0;
}

export function parseLang(v: string | undefined): Lang {
	if (v !== 'vi' && v !== 'en') throw new UsageError('--lang must be vi or en');
	return v;
}

/**
 * The bundled library, plus the rule sets under `dir` when given (a version not yet in the
 * library, e.g. an amendment being prepared): dates are resolved over both, so a new version ends
 * its predecessor without an edit to it.
 */
export function withExtra(dir: string | undefined, io: Io) {
	const bundled = bundledRuleSets().rulesets;
	if (dir === undefined) return { rulesets: bundled };
	if (!existsSync(dir)) throw new UsageError(`no such file or directory: ${dir}`);
	const extra = loadRuleSetsFrom(dir);
	for (const e of extra.errors) io.err(formatLoadError(e));
	if (extra.errors.length > 0) return undefined;
	const refs = new Set(extra.rulesets.map((r) => r.ref));
	return { rulesets: resolveEnds([...bundled.filter((r) => !refs.has(r.ref)), ...extra.rulesets]) };
}

// Which rule set a system file is read with: --ruleset, else the file's own `ruleset` (the web app
// pins "id@version" when a system is first classified, and exports it), else the version in force
// on --date (default today). A Decree 85 system read by date today would be checked against Decree
// 331 and refused fact by fact; when that happens, say which rule sets the facts do fit.
import { evaluate, selectRuleSet, type Lang, type RuleSet } from '../lib/rules';
import type { InputFile } from './input';

export type Choice =
	| { ok: true; ruleset: RuleSet; by: 'flag' | 'file' | 'date'; note?: string }
	| { ok: false; message: string };

export function chooseRuleSet(
	rulesets: readonly RuleSet[],
	flag: string | undefined,
	file: InputFile,
	date: string
): Choice {
	const inFile = (file.value as { ruleset?: unknown }).ruleset;
	if (inFile !== undefined && typeof inFile !== 'string')
		return {
			ok: false,
			message: `${file.locate('ruleset')}: ruleset must be "ID@VERSION" (e.g. vn-nd331@2026)`
		};
	const known = rulesets.map((r) => r.ref).join(', ');
	const spec = flag ?? inFile;
	const by = flag !== undefined ? 'flag' : inFile !== undefined ? 'file' : 'date';
	const ruleset = selectRuleSet(rulesets, spec, date);
	if (!ruleset)
		return {
			ok: false,
			message:
				spec === undefined
					? `no rule set is in force on ${date}; pass --ruleset (known: ${known})`
					: by === 'file'
						? `${file.locate('ruleset')}: unknown rule set "${spec}" (known: ${known})`
						: `unknown rule set "${spec}" (known: ${known})`
		};
	const note =
		flag !== undefined && inFile !== undefined && ruleset.ref !== inFile
			? `--ruleset ${ruleset.ref} replaces the file's ruleset ${inFile}`
			: undefined;
	return { ok: true, ruleset, by, note };
}

/** The other rule sets under which `system` is valid input (refs, newest first). */
export function rulesetsThatFit(
	rulesets: readonly RuleSet[],
	tried: RuleSet,
	system: unknown
): string[] {
	return rulesets
		.filter((r) => r.ref !== tried.ref && evaluate(r, system as Parameters<typeof evaluate>[1]).ok)
		.sort((a, b) => (a.data.effective_from < b.data.effective_from ? 1 : -1))
		.map((r) => r.ref);
}

/** One line for a file refused under the rule set chosen by date, when others would take it. */
export function fitHint(refs: string[], date: string, lang: Lang): string | undefined {
	if (refs.length === 0) return undefined;
	const first = refs[0]!;
	return lang === 'vi'
		? `gợi ý: bộ quy tắc có hiệu lực ngày ${date.split('-').reverse().join('/')} không nhận các dữ kiện này, còn ` +
				`${refs.join(', ')} nhận; chạy lại với --ruleset ${first} hoặc ghi "ruleset: ${first}" trong tệp`
		: `hint: these facts do not fit the rule set in force on ${date}; they fit ${refs.join(', ')}: ` +
				`run again with --ruleset ${first} or write "ruleset: ${first}" in the file`;
}

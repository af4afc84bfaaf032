// The `capdo` command. Each sub-command lives in its own module; this file only dispatches.
import { classifyCommand } from './classify';
import { checkCommand, testCommand } from './check';
import { impactCommand } from './impact';
import { diffCommand } from './diff';
import { packageCommand } from './package';
import { dossierCommand } from './dossier';
import { auditCommand } from './audit';
import { RemoteError } from './remote';
import { DataDirLockedError } from '../lib/server/db/lock';
import { deadlineCommand } from './deadline';

export interface Io {
	out: (s: string) => void;
	err: (s: string) => void;
}

const defaultIo: Io = {
	out: (s) => process.stdout.write(s + '\n'),
	err: (s) => process.stderr.write(s + '\n')
};

const HELP = `capdo — xác định cấp độ an toàn hệ thống thông tin / information system security levels

Usage:
  capdo classify FILE [--ruleset ID@VERSION] [--date YYYY-MM-DD] [--rulesets DIR] [--json] [--lang vi|en]
      Classify the system described in FILE (YAML or JSON):
      { name, facts: {…}, components: [{ name, facts: {…} }], ruleset?: "ID@VERSION" }
      Rule set: --ruleset, else the file's ruleset, else the one in force on --date (today)
      --rulesets DIR adds the versions under DIR (e.g. an amendment not yet in rulesets/)
  capdo check [PATH]     Validate rule sets (default: rulesets/): schema, golden cases, dated
                         versions tiling time, published hashes; errors as file:line:column
  capdo check --db URL | --data-dir DIR
      Check the versions published in (or imported into) that database: they load, keep their
      published hash, do not clash with a bundled version, and tile in time with the others
  capdo dossier FILE [--out OUT.pdf] [--docx OUT.docx] [--json OUT.json] [--final]
                [--part all|letter|dossier] [--lang vi|en] [--ruleset ID@VERSION]
      Make the cover letter(s) and the level-proposal dossier (PDF, Word, and the JSON twin) for
      the system in FILE: as for classify plus unit, explanation, proposal, plan…; or re-render a
      dossier JSON twin. Draft by default (DỰ THẢO); --final writes the signature copy
  capdo test [PATH] [--coverage [--json]]
                         Run the golden test cases; prints "N passed, N failed". --coverage also
                         requires, per criterion, a case where it fires and a nearest miss (a case
                         one fact away where it does not); a criterion lacking either fails
  capdo test --mutate [PATH]
      Make every small mistake in the law data (thresholds, operators, conditions, levels,
      citations, procedure, dates) and print each one the tests do not catch
  capdo impact NEW [--base OLD] [--from EXPORT.json | --db URL | --data-dir DIR | --url URL] [--json] [--all]
      Re-evaluate stored classifications under rule set NEW (e.g. vn-nd331@2026) and list the
      systems whose level or basis would change, with counts per level change. Read-only.
      --base OLD compares NEW with OLD (each system evaluated under both) instead of with the
      stored results, so only what NEW changes from OLD shows.
  capdo diff A B [--json] [--db URL | --data-dir DIR]
      What changes from A to B; each is ID@VERSION, ID (the version in force today) or a folder;
      with --db/--data-dir also the versions published in that database
  capdo package export ID@VERSION [--out FILE] [--db URL | --data-dir DIR]
      Write a rule-set package (JSON: the version's YAML files and a manifest with id, version,
      dates, hash, sources and release note) to move a version to another installation
  capdo package check FILE [--db URL | --data-dir DIR]
      Whether this installation accepts the package: its files match the manifest, load over the
      versions here, keep the published hash, tile in time, and clash with no installed version.
      To install it, upload it on /maintain (a second maintainer approves it)
  capdo deadline --from YYYY-MM-DD --days N [--working-days] [--json]
      The last day of a period of N days after --from (not counted) on the civil-service
      calendar (calendars/vn.yaml): working days skip weekends, holidays and swapped days; a
      calendar-day period ending on a day off moves to the next working day (Civil Code
      Art. 148(5)). A year without announced holidays makes it provisional (said on stderr).
      --json adds the days skipped, the rules applied and the sources
  capdo audit verify [--db URL | --data-dir DIR | --url URL] [--audit-key FILE]
      Check the audit log's hash chain (default: DATABASE_URL, else CAPDO_DATA_DIR or ./data)
      and its signed checkpoints with the audit key (--audit-key, else CAPDO_AUDIT_KEY_FILE,
      else audit.key in the data directory)

An embedded data directory is opened by one process at a time. While the server runs on it, run
impact and audit verify through the server: --url http://HOST:PORT with a personal access token
(--token TOKEN, or the CAPDO_TOKEN environment variable; created on the server's account page).

Exit status: 0 success (classified or undetermined), 1 invalid input or failed check, 2 usage error,
3 the data directory is in use by another process, or the server could not be reached.`;

/** The lines of HELP about one command: its usage lines and their explanations. */
export function helpFor(command: string): string | undefined {
	const lines = HELP.split('\n');
	const start = lines.findIndex(
		(l) => l.startsWith(`  capdo ${command} `) || l === `  capdo ${command}`
	);
	if (start < 0) return undefined;
	let end = start + 1;
	while (end < lines.length && lines[end]!.startsWith('    ')) end++;
	// Commands with several forms (audit, package) list them one after another.
	while (end < lines.length && lines[end]!.startsWith(`  capdo ${command}`)) {
		end++;
		while (end < lines.length && lines[end]!.startsWith('    ')) end++;
	}
	return `Usage:\n${lines.slice(start, end).join('\n')}`;
}

/** `--help` or `-h` among a command's arguments (before a `--` that ends the options). */
const asksHelp = (args: string[]) => {
	const end = args.indexOf('--');
	return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
	const [command, ...rest] = argv;
	if (command && asksHelp(rest)) {
		const help = helpFor(command);
		if (help) {
			io.out(help);
			return 0;
		}
	}
	try {
		switch (command) {
			case 'classify':
				return classifyCommand(rest, io);
			case 'dossier':
				return await dossierCommand(rest, io);
			case 'check':
				return await checkCommand(rest, io);
			case 'test':
				return testCommand(rest, io);
			case 'impact':
				return await impactCommand(rest, io);
			case 'diff':
				return await diffCommand(rest, io);
			case 'package':
				return await packageCommand(rest, io);
			case 'audit':
				return await auditCommand(rest, io);
			case 'deadline':
				return deadlineCommand(rest, io);
			case undefined:
			case '-h':
			case '--help':
			case 'help':
				io.out(HELP);
				return command === undefined ? 2 : 0;
			default:
				io.err(`capdo: unknown command "${command}"\n\n${HELP}`);
				return 2;
		}
	} catch (e) {
		if (e instanceof UsageError) {
			io.err(`capdo ${command}: ${e.message}`);
			return 2;
		}
		// node:util parseArgs: an unknown option, a missing value… is the user's mistake, not a crash.
		if (isParseArgsError(e)) {
			io.err(`capdo ${command}: ${e.message}\nRun "capdo ${command} --help" for its options.`);
			return 2;
		}
		if (e instanceof DataDirLockedError) {
			io.err(e.message);
			return 3;
		}
		if (e instanceof RemoteError) {
			io.err(`capdo ${command}: ${e.message}`);
			return 3;
		}
		throw e;
	}
}

export class UsageError extends Error {}

const isParseArgsError = (e: unknown): e is Error =>
	e instanceof Error && String((e as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS_');

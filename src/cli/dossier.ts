// `capdo dossier FILE [--out OUT.pdf] [--docx OUT.docx] [--json OUT.json] [--final]
//   [--part all|letter|dossier] [--lang vi|en] [--ruleset ID@VERSION] [--date YYYY-MM-DD]`
// FILE is a system as for `capdo classify` plus unit/explanation/proposal/plan…, or a dossier JSON
// twin (`schema: capdo-dossier/1`), which re-renders the same content with the same fingerprint.
// The default is the draft copy (DỰ THẢO, machine footer); --final writes the signature copy.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Ajv } from 'ajv';
import { hashMatches, today } from '../lib/rules';
import {
	buildDossier,
	dossierFile,
	dossierJson,
	fingerprint,
	DOSSIER_SCHEMA,
	type DossierInput,
	type DossierPart
} from '../lib/dossier';
import { PaperError } from '../lib/paper';
import schema from '../lib/dossier/dossier.schema.json' with { type: 'json' };
import { bundledRuleSets } from '../lib/server/ruleset-files';
import { vnBodies } from '../lib/server/bodies-file';
import { readInputFile, type InputFile } from './input';
import { UsageError, type Io } from './main';
import { parseLang } from './classify';
import { chooseRuleSet, fitHint, rulesetsThatFit } from './ruleset-choice';

const SYSTEM_FIELDS = [
	'name',
	'facts',
	'components',
	'description',
	'owner',
	'operator',
	'stage',
	'design_documents',
	'explanation',
	'proposal',
	'plan',
	'specialist_opinion'
] as const;

/** Top-level keys of a system file that are not the system's own. */
const OTHER_FIELDS = ['unit', 'document', 'approved', 'ruleset', 'id'] as const;

export async function dossierCommand(args: string[], io: Io): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			out: { type: 'string' },
			docx: { type: 'string' },
			json: { type: 'string' },
			final: { type: 'boolean', default: false },
			part: { type: 'string', default: 'all' },
			lang: { type: 'string', default: 'vi' },
			ruleset: { type: 'string' },
			date: { type: 'string' }
		}
	});
	if (positionals.length !== 1) throw new UsageError('expects exactly one FILE');
	if (!values.out && !values.docx && !values.json)
		throw new UsageError('give at least one of --out OUT.pdf, --docx OUT.docx, --json OUT.json');
	if (!['all', 'letter', 'dossier'].includes(values.part!))
		throw new UsageError('--part is all, letter or dossier');
	const part = values.part as DossierPart;
	const copy = values.final ? 'final' : 'draft';
	const lang = parseLang(values.lang);
	const fail = (m: string) => (io.err(`capdo dossier: ${m}`), 1);

	const input = readInputFile(positionals[0]!);
	if (!input.ok) return fail(input.error);
	const file = input.file;
	const value = file.value as Record<string, unknown>;
	const twin = value.schema === DOSSIER_SCHEMA;

	let dossierInput: DossierInput;
	let rulesetSpec = values.ruleset;
	if (twin) {
		const problems = validateTwin(file);
		if (problems.length > 0) {
			io.err(`capdo dossier: ${file.path} is not a valid ${DOSSIER_SCHEMA} file:`);
			for (const p of problems) io.err(`  ${p}`);
			return 1;
		}
		const r = value.ruleset as { id: string; version: string };
		rulesetSpec = `${r.id}@${r.version}`;
		if (values.ruleset && values.ruleset !== rulesetSpec)
			return fail(
				`${file.path} was built with ${rulesetSpec}; it cannot be rendered with ${values.ruleset}`
			);
		dossierInput = {
			unit: value.unit as DossierInput['unit'],
			system: value.system as DossierInput['system'],
			document: value.document as DossierInput['document'],
			approved: value.approved as boolean
		};
	} else {
		// A misspelt key ("descripton") would silently leave its text out of the dossier.
		const known = new Set<string>([...SYSTEM_FIELDS, ...OTHER_FIELDS]);
		for (const k of Object.keys(value))
			if (!known.has(k))
				io.err(
					`capdo dossier: warning: ${file.locate(k)}: unknown key "${k}" is ignored (known: ${[...known].join(', ')})`
				);
		const system: Record<string, unknown> = {};
		for (const k of SYSTEM_FIELDS) if (value[k] !== undefined) system[k] = value[k];
		dossierInput = {
			unit: value.unit as DossierInput['unit'],
			system: system as DossierInput['system'],
			document: value.document as DossierInput['document'],
			approved: value.approved as boolean | undefined
		};
	}

	const date = values.date ?? today();
	const library = bundledRuleSets();
	// A twin names its rule set (above); a system file may pin one in `ruleset`, as the app does.
	const choice = twin
		? chooseRuleSet(library.rulesets, rulesetSpec, { ...file, value: {} }, date)
		: chooseRuleSet(library.rulesets, values.ruleset, file, date);
	if (!choice.ok) return fail(choice.message);
	const { ruleset } = choice;
	if (choice.note) io.err(`capdo dossier: ${choice.note}`);
	if (twin && !hashMatches(ruleset, (value.ruleset as { hash: string }).hash))
		return fail(
			`${file.path}: ruleset.hash differs from ${ruleset.ref} as installed (${ruleset.hash.slice(0, 12)}): the rule set changed since the dossier was made; classify again`
		);

	const built = buildDossier(ruleset, dossierInput);
	if (!built.ok) {
		io.err(`capdo dossier: cannot make a dossier from ${file.path} with ${ruleset.ref}:`);
		for (const e of built.errors) {
			const path = twin ? e.path : e.path.replace(/^system\.?/, '');
			io.err(`  ${file.locate(path || '')}: ${path || 'system'}: ${e.message[lang]}`);
		}
		const hint =
			choice.by === 'date'
				? fitHint(rulesetsThatFit(library.rulesets, ruleset, dossierInput.system), date, lang)
				: undefined;
		if (hint) io.err(`capdo dossier: ${hint}`);
		return 1;
	}
	for (const w of built.warnings) io.err(`capdo dossier: warning: ${w.path}: ${w.message[lang]}`);
	const dossier = built.dossier;
	const fp = fingerprint(dossier);
	// The result is always recomputed from the facts; an edited one is named, never taken over.
	if (twin)
		for (const d of resultDiffs(value.result, dossier.result))
			io.err(
				`capdo dossier: warning: ${file.locate(`result.${d.path}`)}: result.${d.path} says ${d.file} but ${ruleset.ref} gives ${d.computed}: the file's result was edited; the dossier uses the computed value`
			);
	if (twin && typeof value.fingerprint === 'string' && value.fingerprint !== fp)
		io.err(
			`capdo dossier: warning: ${file.path} says fingerprint ${value.fingerprint} but its content gives ${fp}: it was edited after it was generated`
		);

	const now = new Date().toISOString();
	const opts = { lang, generatedAt: now, copy, part, bodies: vnBodies() } as const;
	const outputs: [string, Uint8Array | string][] = [];
	try {
		if (values.out) outputs.push([values.out, await dossierFile(dossier, ruleset, 'pdf', opts)]);
		if (values.docx) outputs.push([values.docx, await dossierFile(dossier, ruleset, 'docx', opts)]);
	} catch (e) {
		if (!(e instanceof PaperError)) throw e;
		// The model's fields are checked first; this names what slipped through (rule-set text).
		for (const p of e.problems)
			io.err(`capdo dossier: cannot print “${p.char}” (${p.code}) in ${p.path}`);
		return 1;
	}
	if (values.json) {
		const json = dossierJson(dossier, now);
		// What we write must pass the schema we read with, or a re-import would refuse it.
		const problems = schemaProblems(JSON.parse(json), (p) => p);
		if (problems.length > 0) {
			for (const p of problems)
				io.err(`capdo dossier: internal error: the JSON twin fails its schema: ${p}`);
			return 1;
		}
		outputs.push([values.json, json]);
	}
	writeAtomically(outputs);
	const level = `${lang === 'vi' ? 'cấp độ đề xuất' : 'proposed level'} ${dossier.result.proposed_level}`;
	for (const [file, data] of outputs)
		io.out(
			file === values.json
				? `${file}: JSON twin (${DOSSIER_SCHEMA})`
				: `${file}: ${dossier.system.name} — ${level}, ${copy === 'final' ? (lang === 'vi' ? 'bản trình ký' : 'signature copy') : lang === 'vi' ? 'dự thảo' : 'draft'}, ${Math.round(data.length / 1024)} KB, fingerprint ${fp}`
		);
	return 0;
}

/** Writes each file to a temporary name in its own folder, then renames: no partial files. */
function writeAtomically(files: [string, Uint8Array | string][]) {
	const temps: [string, string][] = [];
	try {
		for (const [target, data] of files) {
			const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
			temps.push([tmp, target]);
			writeFileSync(tmp, data);
		}
		for (const [tmp, target] of temps) renameSync(tmp, target);
	} finally {
		for (const [tmp] of temps) rmSync(tmp, { force: true });
	}
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** JSON Schema check of a dossier twin; each problem located as file:line:column. */
function validateTwin(file: InputFile): string[] {
	return schemaProblems(file.value, file.locate);
}

function schemaProblems(value: unknown, locate: (path: string) => string): string[] {
	validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
	if (validator(value)) return [];
	return (validator.errors ?? []).slice(0, 20).map((e) => {
		const path = e.instancePath
			.split('/')
			.slice(1)
			.map((k) => (/^\d+$/.test(k) ? `[${k}]` : `.${k}`))
			.join('')
			.replace(/^\./, '');
		const extra = e.keyword === 'additionalProperties' ? ` (${e.params.additionalProperty})` : '';
		return `${locate(path)}: ${path || '(root)'}: ${e.message}${extra}`;
	});
}

/** Leaves of the stored result that differ from the recomputed one, by dotted path. */
function resultDiffs(
	stored: unknown,
	computed: unknown,
	path = ''
): { path: string; file: string; computed: string }[] {
	const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';
	if (isObj(stored) && isObj(computed)) {
		const keys = new Set([...Object.keys(stored), ...Object.keys(computed)]);
		return [...keys].flatMap((k) =>
			resultDiffs(
				stored[k],
				computed[k],
				Array.isArray(stored) ? `${path}[${k}]` : path ? `${path}.${k}` : k
			)
		);
	}
	const show = (v: unknown) => (v === undefined ? '(nothing)' : JSON.stringify(v));
	return JSON.stringify(stored) === JSON.stringify(computed)
		? []
		: [{ path: path.replace(/\.\[/g, '['), file: show(stored), computed: show(computed) }];
}

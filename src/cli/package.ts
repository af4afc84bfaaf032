// `capdo package export REF` / `capdo package check FILE`: rule-set packages (a version's files with
// its manifest) to move a version between installations. Export reads the bundled library, or with
// --db/--data-dir the versions published in that database too. Check says whether this
// installation would accept the package; installing is an upload on /maintain, where a second
// maintainer approves it (the CLI never publishes into a database by itself).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bundledRuleSets } from '../lib/server/ruleset-files';
import { DB_OPTIONS, registryOf, wantsDb, type DbValues } from './db-rulesets';
import { UsageError, type Io } from './main';

export async function packageCommand(args: string[], io: Io): Promise<number> {
	const [sub, ...rest] = args;
	const { values, positionals } = parseArgs({
		args: rest,
		allowPositionals: true,
		options: { ...DB_OPTIONS, out: { type: 'string' } }
	});
	if (positionals.length !== 1 || (sub !== 'export' && sub !== 'check'))
		throw new UsageError('expects "export ID@VERSION [--out FILE]" or "check FILE"');
	return sub === 'export'
		? exportPackage(positionals[0]!, values, io)
		: checkPackage(positionals[0]!, values, io);
}

async function exportPackage(ref: string, values: DbValues & { out?: string }, io: Io) {
	const { packageOf } = await import('../lib/server/ruleset-package');
	let pkg;
	if (wantsDb(values)) {
		await registryOf(values); // validates the options
		const { openDatabase } = await import('../lib/server/db');
		const { ruleSetRegistry } = await import('../lib/server/rulesets');
		const d = await openDatabase(values.db ? { url: values.db } : { dataDir: values['data-dir'] });
		try {
			pkg = await packageOf(ref, await ruleSetRegistry(d.db), d.db);
		} finally {
			await d.close();
		}
	} else pkg = await packageOf(ref, bundledRuleSets().rulesets);
	if (!pkg) {
		io.err(`capdo package: no published rule set "${ref}"`);
		return 1;
	}
	const json = JSON.stringify(pkg, null, 2) + '\n';
	if (values.out) {
		writeFileSync(values.out, json);
		io.err(
			`${values.out}: ${pkg.manifest.ref} sha256:${pkg.manifest.hash} (${pkg.files.length} files)`
		);
	} else io.out(json.trimEnd());
	return 0;
}

async function checkPackage(file: string, values: DbValues, io: Io) {
	const { unpack } = await import('../lib/server/ruleset-package');
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (e) {
		throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
	}
	const registry = wantsDb(values)
		? (await registryOf(values)).rulesets
		: bundledRuleSets().rulesets;
	const r = unpack(text, registry);
	if (!r.ok) {
		for (const p of r.problems) io.err(`${file}: ${p}`);
		return 1;
	}
	const m = r.pkg.manifest;
	io.out(
		`ok ${m.ref} sha256:${m.hash} (${r.installed ? 'already installed here' : 'can be installed: upload it on /maintain, a second maintainer approves it'})`
	);
	return 0;
}

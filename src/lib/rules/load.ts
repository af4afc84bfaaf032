// Loads rule-set folders (YAML text in, compiled RuleSet out). No I/O: callers pass file contents.
// Every problem comes back located at file:line:column, so a maintainer can fix the YAML directly.
import { LineCounter, type Document } from 'yaml';
import { knownFields, validate as generatedValidate } from './generated/ruleset-validator.js';
import { parseYaml, positionOf, toJsLocated } from '../yaml-js';
import { inspectCondition } from './condition';
import { compileRuleSet, type Locate } from './compile';
import { checkCorrections } from './corrections';
import { goldenFailure, runProcedureCase } from './golden';
import { legacyRuleSetHash, ruleSetHash } from './hash';
import { orderFacts } from './fact-order';
import { overrideWarnings } from './overrides';
import { didYouMean } from './suggest';
import { explainYamlErrors } from './yaml-errors';
import { PUBLISHED_FILE } from './versions';
import { TIMELINE_FILE } from './timeline';
import type {
	Condition,
	FactDef,
	LoadError,
	Location,
	RuleSet,
	RuleSetData,
	Scalar
} from './types';

export { compileRuleSet };

export interface SourceFile {
	path: string;
	text: string;
}

type Path = (string | number)[];

const validateSchema = generatedValidate as unknown as ((data: unknown) => boolean) & {
	errors?: SchemaError[] | null;
};

interface ParsedFolder {
	dir: string;
	raw: Record<string, unknown>;
	ref: string;
	parent?: string;
	locate: Locate;
	errors: LoadError[];
}

interface Origin {
	file: string;
	doc: Document;
	lc: LineCounter;
}

const SECTIONS_REQUIRED = [
	'title',
	'effective_from',
	'source_status',
	'sources',
	'undetermined',
	'components_rule',
	'facts',
	'criteria',
	'procedure'
] as const;

/** Items of these lists are keyed by `id` (or `name` for tests) so a child version can override them. */
const KEYED_LISTS: Record<string, string> = {
	sources: 'id',
	criteria: 'id',
	constraints: 'id',
	designations: 'id',
	notices: 'id',
	transition: 'id',
	tests: 'name',
	procedure_tests: 'level'
};
/** Sections that are maps: a child's keys replace the parent's, one key at a time. */
const MERGED_BY_KEY = new Set([
	'facts',
	'groups',
	'procedure',
	'dossier',
	'identification',
	'appraisal'
]);

/** The published-versions lock and the temporal golden cases live beside the rule sets but are not ones. */
const isLockFile = (path: string) =>
	[PUBLISHED_FILE, TIMELINE_FILE].some((f) => path === f || path.endsWith(`/${f}`));

/** Location of the node at `path`; with `key`, of the key naming it. */
const at = (o: Origin, path: Path, key = false): Location => ({
	file: o.file,
	...positionOf(o.doc, o.lc, path, key)
});

/** Parses the YAML files of one folder and validates each against the JSON Schema. */
export function parseFolder(dir: string, files: SourceFile[]): ParsedFolder {
	const errors: LoadError[] = [];
	const raw: Record<string, unknown> = {};
	const origins = new Map<string, Origin>();
	const firstOrigin: Origin[] = [];
	for (const file of files) {
		const lc = new LineCounter();
		const doc = parseYaml(file.text, { lineCounter: lc, merge: true });
		const origin = { file: file.path, doc, lc };
		firstOrigin.push(origin);
		if (doc.errors.length > 0) {
			errors.push(...explainYamlErrors(file.path, file.text, doc.errors, lc));
			continue;
		}
		const js = toJsLocated(doc, lc, 1000);
		if (!js.ok) {
			errors.push({ file: file.path, line: js.line, column: js.column, message: js.message });
			continue;
		}
		const value = js.value;
		if (value === null) continue;
		if (typeof value !== 'object' || Array.isArray(value)) {
			errors.push({ ...at(origin, []), message: 'a rule-set file must be a mapping of sections' });
			continue;
		}
		for (const [key, v] of Object.entries(value)) {
			const prev = origins.get(key);
			if (prev) {
				errors.push({
					...at(origin, [key], true),
					field: key,
					message: `section "${key}" is already defined in ${prev.file}`
				});
				continue;
			}
			origins.set(key, origin);
			raw[key] = v;
		}
	}
	const fallback: Origin | undefined =
		origins.get('id') ?? firstOrigin.find((o) => o.file.endsWith('ruleset.yaml')) ?? firstOrigin[0];
	const locate: Locate = (path, key) => {
		const o = origins.get(String(path[0])) ?? fallback;
		if (!o) return { file: `${dir}/ruleset.yaml`, line: 1, column: 1 };
		return origins.has(String(path[0])) ? at(o, path, key) : at(o, []);
	};

	if (errors.length === 0 && !validateSchema(raw)) {
		for (const e of dedupeSchemaErrors(validateSchema.errors ?? [])) {
			const path: Path = e.instancePath
				.split('/')
				.slice(1)
				.map((s: string) =>
					/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')
				);
			// An unknown field or a badly named key is located at the key itself.
			const named = (e.params?.additionalProperty as string | undefined) ?? e.propertyName;
			const where = named !== undefined ? [...path, named] : path;
			const field = where.join('.') || undefined;
			const message = schemaMessage(e, () => getIn(raw, path));
			errors.push({ ...locate(where, named !== undefined), field, message });
		}
	}
	const id = typeof raw.id === 'string' ? raw.id : '?';
	const version = typeof raw.version === 'string' ? raw.version : '?';
	return {
		dir,
		raw,
		ref: `${id}@${version}`,
		parent: typeof raw.extends === 'string' ? raw.extends : undefined,
		locate,
		errors
	};
}

interface SchemaError {
	instancePath: string;
	schemaPath: string;
	keyword: string;
	message?: string;
	params: Record<string, unknown>;
	/** Set when the error is about a key's name (propertyNames), not its value. */
	propertyName?: string;
}

// ajv reports every branch of an anyOf, and a bad key name twice (its pattern, then "property name
// must be valid"); keep the most useful error per location. A value of none of an anyOf's types
// gets one "must be null or object"; a value of one of them that fails inside it gets only those
// failures (the other branches' "must be null" would be noise).
function dedupeSchemaErrors(errors: SchemaError[]): SchemaError[] {
	const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'propertyNames');
	const types = new Map<string, string[]>();
	for (const e of specific)
		if (e.keyword === 'type')
			types.set(e.instancePath, [...(types.get(e.instancePath) ?? []), String(e.params.type)]);
	const failsInside = (path: string) =>
		specific.some((e) =>
			e.instancePath === path ? e.keyword !== 'type' : e.instancePath.startsWith(`${path}/`)
		);
	return specific.flatMap((e) => {
		if (e.keyword !== 'type') return [e];
		// The first type error at a path says all of them; taking its list marks the path done.
		const all = types.get(e.instancePath);
		types.delete(e.instancePath);
		return all && !failsInside(e.instancePath)
			? [{ ...e, message: `must be ${all.join(' or ')}` }]
			: [];
	});
}

// ajv's instancePath names a value that exists, so every step is into an object or array.
const getIn = (value: unknown, path: Path): unknown =>
	path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);

/**
 * The fields the object that has an unknown field could have. A definition reached through $ref
 * reports its schema path relative to itself ("#/additionalProperties"), so then every closed
 * object whose fields include all of this object's known ones is a candidate.
 */
function allowedFields(e: SchemaError, object: unknown): string[] {
	const known = knownFields as Record<string, string[]>;
	const keys = Object.keys((object as object | null) ?? {}).filter(
		(k) => k !== e.params.additionalProperty
	);
	const fits = (fields: string[]) => keys.every((k) => fields.includes(k));
	const exact = known[e.schemaPath.replace(/\/additionalProperties$/, '')];
	if (exact && fits(exact)) return exact;
	return [...new Set(Object.values(known).filter(fits).flat())];
}

function schemaMessage(e: SchemaError, object: () => unknown): string {
	switch (e.keyword) {
		case 'additionalProperties': {
			const name = String(e.params.additionalProperty);
			return `unknown field "${name}"${didYouMean(name, allowedFields(e, object()))}`;
		}
		case 'required':
			return `missing field "${String(e.params.missingProperty)}"`;
		case 'enum':
			return `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`;
		case 'pattern':
			if (e.propertyName !== undefined)
				return `the name "${e.propertyName}" must match ${String(e.params.pattern)}`;
			return e.instancePath.endsWith('date') || /effective_(from|to)$/.test(e.instancePath)
				? 'must be a date written YYYY-MM-DD'
				: `must match ${String(e.params.pattern)}`;
		default:
			return e.message ?? e.keyword;
	}
}

/** Applies a child version's sections over its parent's (keyed lists merge by id, `remove` drops). */
export function mergeOver(
	parent: RuleSetData,
	child: Record<string, unknown>
): Record<string, unknown> {
	const out: Record<string, unknown> = structuredClone(parent) as Record<string, unknown>;
	// The child passed the schema: keyed lists are arrays, the sections merged by key are maps.
	// Dates belong to each version: an inherited effective_to would make an open-ended child impossible.
	delete out.extends;
	delete out.effective_from;
	delete out.effective_to;
	delete out.effective_tests;
	// So do corrections: a parent's correction record describes the parent's revisions, not the child's.
	delete out.corrections;
	for (const [key, value] of Object.entries(child)) {
		if (key === 'remove') continue;
		const idKey = KEYED_LISTS[key];
		if (idKey && Array.isArray(out[key])) {
			const merged = [...(out[key] as Record<string, unknown>[])];
			for (const item of value as Record<string, unknown>[]) {
				const i = merged.findIndex((m) => m[idKey] === item[idKey]);
				if (i >= 0) merged[i] = item;
				else merged.push(item);
			}
			out[key] = merged;
		} else if (key === 'facts') {
			out.facts = mergeFacts(
				(out.facts ?? {}) as Record<string, unknown>,
				value as Record<string, unknown>
			);
		} else if (MERGED_BY_KEY.has(key)) {
			out[key] = { ...(out[key] as object), ...(value as object) };
		} else out[key] = value;
	}
	const remove = (child.remove ?? {}) as Record<string, string[]>;
	for (const [section, names] of Object.entries(remove)) {
		if (MERGED_BY_KEY.has(section)) {
			const map = (out[section] ?? {}) as Record<string, unknown>;
			for (const n of names) delete map[n];
		} else {
			const idKey = KEYED_LISTS[section]!;
			out[section] = ((out[section] as Record<string, unknown>[]) ?? []).filter(
				(m) => !names.includes(m[idKey] as string)
			);
		}
	}
	return out;
}

/**
 * A child's facts over its parent's, in interview order: a fact that `replaces` a parent fact takes
 * that fact's place (the parent fact itself is then dropped with `remove: facts`); other new facts
 * come last.
 */
function mergeFacts(
	parent: Record<string, unknown>,
	child: Record<string, unknown>
): Record<string, unknown> {
	const replacing = new Map<string, string>();
	for (const [name, def] of Object.entries(child)) {
		const old = (def as { replaces?: { fact?: unknown } }).replaces?.fact;
		if (typeof old === 'string' && !(name in parent)) replacing.set(old, name);
	}
	const out: Record<string, unknown> = {};
	for (const [name, def] of Object.entries(parent)) {
		const r = replacing.get(name);
		if (r) out[r] = child[r];
		out[name] = def;
	}
	// The child's definitions win; its new facts come last.
	return Object.assign(out, child);
}

/** Resolves `extends`, checks meaning (not just shape), compiles, hashes and runs golden cases. */
function resolveFolder(
	/** A folder that parsed and passed the schema (loadLibrary resolves no other). */
	parsed: ParsedFolder,
	parent: RuleSet | undefined,
	runTests: boolean,
	/** The versions `extends` could have named (for "did you mean"). */
	knownRefs: readonly string[]
): { ruleset?: RuleSet; errors: LoadError[]; warnings: LoadError[] } {
	const errors: LoadError[] = [];
	const own = parsed.raw;
	const data = (parent ? mergeOver(parent.data, own) : { ...own }) as unknown as RuleSetData;

	// Inherited items are located in the parent's files, the others in this folder's; either way the
	// field path counts within the file it points at (the 3rd criterion of this file is "criteria.2",
	// not its index in the merged list).
	const locate: Locate = (path, key) => place(path, key).at;
	const place = (path: Path, key?: boolean): { path: Path; at: Location } => {
		const here = (p: Path) => ({ path: p, at: parsed.locate(p, key) });
		// A missing section is this version's to add, even when it extends another (found by the
		// fuzz suite: it was reported in the parent's file).
		if (!parent || path.length === 0) return here(path);
		const inParent = (p: Path) =>
			parent.locate ? { path: p, at: parent.locate(p, key) } : here(path);
		const [section, index] = path;
		const idKey = KEYED_LISTS[String(section)];
		if (idKey && typeof index === 'number') {
			const list = (d: unknown) =>
				(d as Record<string, Record<string, unknown>[] | undefined>)[section as string];
			const item = list(data)?.[index];
			const j = list(own)?.findIndex((m) => m[idKey] === item?.[idKey]) ?? -1;
			if (j >= 0) return here([section!, j, ...path.slice(2)]);
			// Not this version's, so inherited: the merged list is the parent's plus this version's.
			const pj = list(parent.data)!.findIndex((m) => m[idKey] === item?.[idKey]);
			return inParent([section!, pj, ...path.slice(2)]);
		}
		if (section === 'facts' && !Object.hasOwn((own.facts as object | undefined) ?? {}, path[1]!))
			return inParent(path);
		return own[section as string] !== undefined ? here(path) : inParent(path);
	};
	const fail = (path: Path, message: string, key?: boolean) => {
		const p = place(path, key);
		errors.push({ ...p.at, field: p.path.join('.') || undefined, message });
	};

	if (parsed.parent && !parent)
		fail(
			['extends'],
			`extends unknown rule set "${parsed.parent}"${didYouMean(parsed.parent, knownRefs)}`
		);
	for (const s of SECTIONS_REQUIRED)
		if ((data as unknown as Record<string, unknown>)[s] === undefined)
			fail([], `missing section "${s}"`);
	if (errors.length > 0) return { errors, warnings: [] };

	const ordered = orderFacts(data.facts, Object.keys((own.facts as object | undefined) ?? {}));
	data.facts = ordered.facts;
	for (const p of ordered.problems) fail(['facts', p.name, 'after'], p.message);
	checkRemoved(own, parent?.data, fail);

	if (data.effective_to && data.effective_to < data.effective_from)
		fail(['effective_to'], 'effective_to is before effective_from');
	if (!isRealDate(data.effective_from)) fail(['effective_from'], 'not a calendar date');
	if (data.effective_to && !isRealDate(data.effective_to))
		fail(['effective_to'], 'not a calendar date');

	const sourceIds = new Set(data.sources.map((s) => s.id));
	walkCitations(data, [], (c, path) => {
		if (!sourceIds.has(c.source))
			fail([...path, 'source'], `unknown source "${c.source}"${didYouMean(c.source, sourceIds)}`);
	});
	checkUnique(
		data.sources.map((s) => s.id),
		(i, id) => fail(['sources', i, 'id'], `duplicate source id "${id}"`)
	);

	// Facts: well-formed types, and conditions that only look at facts declared before them.
	const factNames = Object.keys(data.facts);
	factNames.forEach((name, i) => {
		checkFact(name, data.facts[name]!, (p, m) => fail(['facts', name, ...p], m));
		const cond = data.facts[name]!.applies_when;
		if (cond)
			checkCondition(
				cond,
				['facts', name, 'applies_when'],
				data.facts,
				// indexOf gives -1 for an undeclared fact: that is unknown, not "earlier".
				(n) => Object.hasOwn(data.facts, n) && factNames.indexOf(n) < i,
				fail,
				'an earlier fact'
			);
	});

	checkGroups(data, fail);
	factNames.forEach((name) => {
		const def = data.facts[name]!;
		if (def.otherwise === undefined) return;
		if (!def.applies_when)
			fail(
				['facts', name, 'otherwise'],
				'"otherwise" needs "applies_when": the fact always applies'
			);
		if (checkValueFits(def, def.otherwise, (def as { values?: string[] }).values))
			fail(['facts', name, 'otherwise'], `"${String(def.otherwise)}" is not a value of "${name}"`);
	});
	factNames.forEach((name) => {
		const r = data.facts[name]!.replaces;
		if (!r) return;
		const at = ['facts', name, 'replaces'];
		if (r.fact in data.facts)
			fail(
				[...at, 'fact'],
				`"${r.fact}" is still a fact of this version: remove it (remove: facts)`
			);
		if (factNames.some((n) => n !== name && data.facts[n]!.replaces?.fact === r.fact))
			fail([...at, 'fact'], `"${r.fact}" is replaced by two facts`);
		const def = data.facts[name]!;
		const values = (def as { values?: string[] }).values;
		for (const [from, to] of Object.entries(r.map))
			if (checkValueFits(def, to, values))
				fail([...at, 'map', from], `"${String(to)}" is not a value of "${name}"`);
	});

	checkUnique(
		data.criteria.map((c) => c.id),
		(i, id) => fail(['criteria', i, 'id'], `duplicate criterion id "${id}"`)
	);
	data.criteria.forEach((c, i) =>
		checkCondition(
			c.when,
			['criteria', i, 'when'],
			data.facts,
			(n) => Object.hasOwn(data.facts, n),
			fail
		)
	);
	const constraints = data.constraints ?? [];
	checkUnique(
		constraints.map((c) => c.id),
		(i, id) => fail(['constraints', i, 'id'], `duplicate constraint id "${id}"`)
	);
	constraints.forEach((c, i) => {
		checkCondition(
			c.when,
			['constraints', i, 'when'],
			data.facts,
			(n) => Object.hasOwn(data.facts, n),
			fail
		);
		checkCondition(
			c.require,
			['constraints', i, 'require'],
			data.facts,
			(n) => Object.hasOwn(data.facts, n),
			fail
		);
		if (!Object.hasOwn(data.facts, c.field))
			fail(
				['constraints', i, 'field'],
				`unknown fact "${c.field}"${didYouMean(c.field, Object.keys(data.facts))}`
			);
	});

	if (data.identification)
		for (const k of ['system', 'owner', 'operator', 'new_project', 'in_operation'] as const)
			if (!data.identification[k]) fail(['identification'], `missing field "${k}"`);
	const designations = data.designations ?? [];
	checkUnique(
		designations.map((d) => d.id),
		(i, id) => fail(['designations', i, 'id'], `duplicate designation id "${id}"`)
	);
	designations.forEach((d, i) =>
		checkCondition(
			d.when,
			['designations', i, 'when'],
			data.facts,
			(n) => Object.hasOwn(data.facts, n),
			fail
		)
	);
	const notices = data.notices ?? [];
	checkUnique(
		notices.map((d) => d.id),
		(i, id) => fail(['notices', i, 'id'], `duplicate notice id "${id}"`)
	);
	notices.forEach((d, i) =>
		checkCondition(d.when, ['notices', i, 'when'], data.facts, (n) => n in data.facts, fail)
	);
	for (const part of ['contents', 'explanation', 'plan'] as const)
		(data.dossier?.[part] ?? []).forEach((sec, i) =>
			(sec.fired ?? []).forEach((id, j) => {
				if (!data.criteria.some((c) => c.id === id))
					fail(['dossier', part, i, 'fired', j], `unknown criterion "${id}"`);
			})
		);
	const reqIds: string[] = [];
	const reqPaths: Path[] = [];
	(data.requirements?.groups ?? []).forEach((g, gi) => {
		reqIds.push(g.id);
		reqPaths.push(['requirements', 'groups', gi, 'id']);
		(g.items ?? []).forEach((it, ii) => {
			reqIds.push(it.id);
			reqPaths.push(['requirements', 'groups', gi, 'items', ii, 'id']);
		});
	});
	checkUnique(reqIds, (i, id) => fail(reqPaths[i]!, `duplicate requirement id "${id}"`));
	if (data.dossier)
		for (const key of ['template', 'contents'] as const)
			if (data.dossier[key] === undefined) fail(['dossier'], `dossier needs "${key}"`);
	for (const key of ['contents', 'explanation', 'plan', 'forms'] as const)
		checkUnique(
			(data.dossier?.[key] ?? []).map((x) => x.id),
			(i, id) => fail(['dossier', key, i, 'id'], `duplicate ${key} id "${id}"`)
		);
	for (const key of [
		'authority',
		'appraisal_deadline',
		'approval_deadline',
		'completeness_deadline',
		'submission'
	] as const) {
		const rules = data.procedure[key] ?? (key === 'authority' ? [] : undefined);
		if (!rules) continue;
		const seen = new Map<number, number>();
		rules.forEach((r, i) =>
			r.levels.forEach((l) => {
				if (seen.has(l))
					fail(
						['procedure', key, i, 'levels'],
						`level ${l} is already covered by entry ${seen.get(l)! + 1}`
					);
				seen.set(l, i);
			})
		);
		if (key === 'authority')
			for (const l of [1, 2, 3, 4, 5])
				if (!seen.has(l)) fail(['procedure', 'authority'], `no authority for level ${l}`);
	}
	checkRouting(data, fail);
	const checklist = data.appraisal?.checklist ?? [];
	checkUnique(
		checklist.map((c) => c.id),
		(i, id) => fail(['appraisal', 'checklist', i, 'id'], `duplicate checklist item id "${id}"`)
	);
	checklist.forEach((c, i) => {
		if (c.levels?.length === 0) fail(['appraisal', 'checklist', i, 'levels'], 'levels is empty');
	});
	checkCorrections(data, fail);
	const tests = data.tests ?? [];
	// A case may give its basis (criterion → citation) instead of the bare list of criteria.
	tests.forEach((t, i) => {
		if (!t.expect.criteria && !t.expect.basis)
			fail(['tests', i, 'expect'], 'a golden case needs "basis" (or "criteria")');
		t.expect.criteria ??= Object.keys(t.expect.basis ?? {});
	});
	checkUnique(
		tests.map((t) => t.name),
		(i, n) => fail(['tests', i, 'name'], `duplicate test name "${n}"`)
	);
	data.criteria.forEach((c, i) => {
		if (tests.length > 0 && !tests.some((t) => t.expect.criteria.includes(c.id)))
			fail(['criteria', i, 'id'], `no golden test case expects criterion "${c.id}"`);
	});
	tests.forEach((t, i) => {
		t.expect.criteria.forEach((id, j) => {
			if (!data.criteria.some((c) => c.id === id))
				fail(
					['tests', i, 'expect', 'criteria', j],
					`unknown criterion "${id}"${didYouMean(
						id,
						data.criteria.map((c) => c.id)
					)}`
				);
		});
		// The cited basis names exactly the expected criteria.
		if (t.expect.basis) {
			const cited = Object.keys(t.expect.basis);
			for (const id of cited)
				if (!t.expect.criteria.includes(id))
					fail(['tests', i, 'expect', 'basis', id], `"${id}" is cited but not in criteria`);
			for (const id of t.expect.criteria)
				if (!cited.includes(id))
					fail(['tests', i, 'expect', 'basis'], `criterion "${id}" has no expected citation`);
		}
	});
	const procedureTests = data.procedure_tests ?? [];
	checkUnique(
		procedureTests.map((p) => String(p.level)),
		(i, l) => fail(['procedure_tests', i, 'level'], `duplicate procedure test for level ${l}`)
	);
	if (procedureTests.length > 0)
		for (const l of [1, 2, 3, 4, 5])
			if (!procedureTests.some((p) => p.level === l))
				fail(['procedure_tests'], `no procedure test for level ${l}`);
	if (errors.length > 0) return { errors, warnings: [] };

	const warnings = parent
		? overrideWarnings(parent.data, own, parent.ref).map((w) => ({
				...parsed.locate(w.path),
				field: w.path.join('.'),
				message: w.message
			}))
		: [];
	const ruleset = compileRuleSet(data, ruleSetHash(data), locate, parsed.dir);
	const legacy = legacyRuleSetHash(data);
	if (legacy) ruleset.sameContentHashes = [legacy];
	if (runTests) {
		// A fact this version adds is missing from every case written before it: one message at the
		// fact, with the fix, instead of one per case.
		const added = parent
			? Object.keys(data.facts).filter((n) => !Object.hasOwn(parent.data.facts, n))
			: [];
		const lacking = new Map<string, string[]>();
		tests.forEach((t, i) => {
			const failure = goldenFailure(ruleset, t);
			if (!failure) return;
			const fresh = failure.missing.filter((n) => added.includes(n));
			if (fresh.length > 0 && fresh.length === failure.missing.length)
				for (const n of fresh) lacking.set(n, [...(lacking.get(n) ?? []), t.name]);
			else fail(['tests', i], `test "${t.name}": ${failure.problem}`);
		});
		for (const [name, cases] of lacking)
			fail(['facts', name], missingFactMessage(name, data.facts[name]!, cases), true);
		procedureTests.forEach((p, i) => {
			const failure = runProcedureCase(ruleset, p);
			if (failure) fail(['procedure_tests', i], `procedure test for level ${p.level}: ${failure}`);
		});
	}
	return errors.length > 0 ? { errors, warnings } : { ruleset, errors, warnings };
}

/**
 * Routes pick another appraiser from facts about the whole system: each fact is well formed and has
 * a default (records saved before it existed must still route), each route's condition uses only
 * routing facts, ids are unique and levels not empty.
 */
function checkRouting(data: RuleSetData, fail: (path: Path, message: string) => void) {
	const routing = data.procedure.routing;
	if (!routing) return;
	for (const [name, def] of Object.entries(routing.facts)) {
		const at = ['procedure', 'routing', 'facts', name];
		checkFact(name, def, (p, m) => fail([...at, ...p], m));
		if (def.default === undefined)
			fail(
				at,
				`routing fact "${name}" needs a default (records saved before it existed must still route)`
			);
		if (def.applies_when) fail([...at, 'applies_when'], 'a routing fact is always asked');
		if (name in data.facts) fail(at, `"${name}" is also a classification fact; use another name`);
	}
	checkUnique(
		routing.routes.map((r) => r.id),
		(i, id) => fail(['procedure', 'routing', 'routes', i, 'id'], `duplicate route id "${id}"`)
	);
	routing.routes.forEach((r, i) => {
		const at = ['procedure', 'routing', 'routes', i];
		if (r.levels.length === 0) fail([...at, 'levels'], 'levels is empty');
		checkCondition(
			r.when,
			[...at, 'when'],
			routing.facts,
			(n) => n in routing.facts,
			fail,
			'a routing fact'
		);
	});
}

function missingFactMessage(name: string, def: FactDef, cases: string[]): string {
	const example =
		def.type === 'boolean'
			? 'false'
			: def.type === 'integer'
				? String(def.min ?? 0)
				: def.type === 'set'
					? '[]'
					: (def.values?.[0] ?? '…');
	const shown = cases.slice(0, 3).map((c) => `"${c}"`);
	const more = (vi: string, en: string) =>
		cases.length > 3
			? { vi: `; và ${cases.length - 3} ${vi}`, en: `; and ${cases.length - 3} ${en}` }
			: { vi: '', en: '' };
	const m = more('ca khác', 'more');
	return (
		`${cases.length} ca kiểm thử không có dữ kiện mới "${name}" (${shown.join('; ')}${m.vi}): ` +
		`thêm "default: ${example}" vào dữ kiện — câu trả lời coi là đúng với các hệ thống đã xác định ` +
		`trước phiên bản này — hoặc thêm "${name}" vào các ca đó / ${cases.length} golden case(s) lack ` +
		`the new fact "${name}" (${shown.join('; ')}${m.en}): give the fact "default: ${example}" — the ` +
		`answer taken for systems classified before this version — or add "${name}" to those cases`
	);
}

/** `remove:` names what the parent has: a misspelt name would otherwise silently remove nothing. */
function checkRemoved(
	own: Record<string, unknown>,
	parent: RuleSetData | undefined,
	fail: (p: Path, m: string) => void
) {
	const remove = (own.remove ?? {}) as Record<string, string[]>;
	for (const [section, names] of Object.entries(remove)) {
		if (!parent) {
			fail(['remove', section], 'only a version that extends another can remove from it');
			continue;
		}
		const value = (parent as unknown as Record<string, unknown>)[section];
		const idKey = KEYED_LISTS[section];
		const known = idKey
			? ((value as Record<string, unknown>[] | undefined) ?? []).map((m) => String(m[idKey]))
			: Object.keys((value as object | undefined) ?? {});
		names.forEach((n, i) => {
			if (!known.includes(n))
				fail(
					['remove', section, i],
					`${parentRefOf(parent)} has no ${section} entry "${n}"${didYouMean(n, known)}`
				);
		});
	}
}

const parentRefOf = (d: RuleSetData) => `${d.id}@${d.version}`;

function isRealDate(s: string): boolean {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function checkUnique(values: string[], onDup: (i: number, v: string) => void) {
	const seen = new Set<string>();
	values.forEach((v, i) => {
		if (seen.has(v)) onDup(i, v);
		seen.add(v);
	});
}

function walkCitations(
	value: unknown,
	path: Path,
	visit: (c: { source: string }, path: Path) => void
) {
	if (Array.isArray(value)) value.forEach((v, i) => walkCitations(v, [...path, i], visit));
	else if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		if (typeof o.source === 'string' && typeof o.article === 'number')
			visit(o as { source: string }, path);
		// Cases hold no citation objects (a case's basis is citation text), so all is walked.
		for (const [k, v] of Object.entries(o)) walkCitations(v, [...path, k], visit);
	}
}

function checkFact(name: string, f: FactDef, fail: (p: Path, m: string) => void) {
	const hasValues = f.type === 'enum' || f.type === 'set';
	const values = (f as { values?: string[] }).values;
	if (hasValues && (!values || values.length === 0))
		fail(['values'], `${f.type} fact "${name}" needs values`);
	if (!hasValues && values) fail(['values'], `a ${f.type} fact has no values`);
	if (values) checkUnique(values, (i, v) => fail(['values', i], `duplicate value "${v}"`));
	const labels = (f as { labels?: Record<string, unknown> }).labels;
	// An integer with labels is asked as radios: one label per value from min to max.
	const options =
		f.type === 'integer' && labels
			? f.min === undefined || f.max === undefined || f.max - f.min > 20
				? (fail(['labels'], 'an integer fact with labels needs min and max (at most 21 values)'),
					undefined)
				: Array.from({ length: f.max - f.min + 1 }, (_, i) => String(f.min! + i))
			: f.type === 'boolean'
				? ['true', 'false']
				: values;
	for (const k of Object.keys(labels ?? {}))
		if (!options?.includes(k)) fail(['labels', k], `label for unknown value "${k}"`);
	// Labels, once given, name every value: a value without one would reach the interview and the
	// signed dossier as its bare id (e.g. "citizen_services").
	if (labels && options)
		for (const v of options) if (!(v in labels)) fail(['labels'], `no label for value ${v}`);
	for (const k of Object.keys(f.hints ?? {}))
		if (!options?.includes(k)) fail(['hints', k], `hint for unknown value "${k}"`);
	if (f.type !== 'integer') {
		const article = /^[aeiou]/.test(f.type) ? 'an' : 'a';
		for (const k of ['min', 'max'] as const)
			if ((f as { min?: number; max?: number })[k] !== undefined)
				fail([k], `only an integer fact has ${k}, not ${article} ${f.type} fact`);
	} else if (f.min !== undefined && f.max !== undefined && f.min > f.max)
		fail(['min'], 'min is greater than max');
	if (f.statement && f.group === undefined)
		fail(['statement'], `fact "${name}" has a "statement" but no "group" to show it in`);
	if (f.statement && f.type !== 'boolean' && f.default === undefined)
		fail(
			['group'],
			`${/^[aeiou]/.test(f.type) ? 'an' : 'a'} ${f.type} fact in a screening group needs a "default" (its value when its option is not ticked)`
		);
	if (f.default !== undefined) {
		const d: unknown = f.default;
		const ok =
			(f.type === 'boolean' && typeof d === 'boolean') ||
			(f.type === 'integer' &&
				Number.isInteger(d) &&
				(f.min === undefined || (d as number) >= f.min) &&
				(f.max === undefined || (d as number) <= f.max)) ||
			(f.type === 'enum' && values!.includes(d as string)) ||
			(f.type === 'set' && Array.isArray(d) && d.every((v) => values!.includes(v as string)));
		if (!ok) fail(['default'], `default does not fit the ${f.type} fact "${name}"`);
	}
}

/**
 * Screening groups and system-wide facts. A group's page stands where its first fact stands, so
 * its facts may only depend on facts asked before that page; a fact asked once for the whole
 * system may only depend on other such facts (a component has no page to ask it on).
 */
function checkGroups(data: RuleSetData, fail: (p: Path, m: string) => void) {
	const names = Object.keys(data.facts);
	const groups = data.groups ?? {};
	const first = new Map<string, number>();
	names.forEach((name, i) => {
		const g = data.facts[name]!.group;
		if (g === undefined) return;
		if (!(g in groups)) fail(['facts', name, 'group'], `unknown group "${g}"`);
		else if (!first.has(g)) first.set(g, i);
	});
	for (const g of Object.keys(groups)) {
		if (g in data.facts) fail(['groups', g], `group "${g}" has the name of a fact`);
		if (!first.has(g)) fail(['groups', g], `group "${g}" has no facts`);
		// A screening page (options with a statement) or questions asked together (none has one).
		const members = names.filter((n) => data.facts[n]!.group === g);
		const without = members.filter((n) => !data.facts[n]!.statement);
		if (without.length > 0 && without.length < members.length)
			for (const n of without)
				fail(
					['facts', n, 'group'],
					`fact "${n}" in screening group "${g}" needs a "statement" (its option on the group's page); a group whose facts have none asks their questions together`
				);
	}
	names.forEach((name) => {
		const def = data.facts[name]!;
		if (!def.applies_when) return;
		const start = def.group !== undefined ? first.get(def.group) : undefined;
		const { facts: used } = inspectCondition(def.applies_when, () => true);
		for (const u of used) {
			// An undeclared fact is reported once, as unknown, by the applies_when check.
			if (!Object.hasOwn(data.facts, u)) continue;
			if (start !== undefined && names.indexOf(u) >= start)
				fail(
					['facts', name, 'applies_when'],
					`"${u}" is not asked before the page of group "${def.group}"`
				);
			if (def.scope === 'system' && data.facts[u]!.scope !== 'system')
				fail(
					['facts', name, 'applies_when'],
					`"${name}" is asked once for the whole system, so it cannot depend on "${u}", which each component answers`
				);
		}
	});
}

/** True when `v` does NOT fit fact `def` (a replacement map's target value). */
function checkValueFits(def: FactDef, v: unknown, values: string[] | undefined): boolean {
	switch (def.type) {
		case 'enum':
			return !values!.includes(v as string);
		case 'boolean':
			return typeof v !== 'boolean';
		case 'integer':
			return !Number.isInteger(v);
		case 'set':
			return true; // a set answer is a list: no scalar maps to it
	}
}

/** Shape, known facts, and operands that fit each fact's type and allowed values. */
function checkCondition(
	cond: Condition,
	path: Path,
	facts: Record<string, FactDef>,
	known: (name: string) => boolean,
	fail: (p: Path, m: string) => void,
	knownWhat = 'a declared fact'
) {
	const { problems } = inspectCondition(cond, known, path);
	for (const p of problems)
		fail(
			p.path,
			p.unknown === undefined
				? p.message
				: Object.hasOwn(facts, p.unknown)
					? `"${p.unknown}" is asked later (must be ${knownWhat}): place this fact after it with "after:"`
					: `${p.message} (must be ${knownWhat})${didYouMean(p.unknown, Object.keys(facts))}`
		);
	if (problems.length > 0) return;
	const visit = (c: Condition, at: Path) => {
		if ('all' in c) return c.all.forEach((s, i) => visit(s, [...at, 'all', i]));
		if ('any' in c) return c.any.forEach((s, i) => visit(s, [...at, 'any', i]));
		if ('not' in c) return visit(c.not, [...at, 'not']);
		const def = facts[c.fact]!;
		const [op, arg] = Object.entries(c).find(([k]) => k !== 'fact')! as [string, unknown];
		const values = (def as { values?: string[] }).values;
		const operands = (Array.isArray(arg) ? arg : [arg]) as Scalar[];
		const bad = (m: string) => fail([...at, op], m);
		const numeric = ['lt', 'lte', 'gt', 'gte'].includes(op);
		const setOp = ['contains', 'contains_any', 'only'].includes(op);
		if (numeric && def.type !== 'integer')
			bad(`"${op}" needs a number fact; "${c.fact}" is ${def.type}`);
		else if (setOp && def.type !== 'set')
			bad(`"${op}" needs a set fact; "${c.fact}" is ${def.type}`);
		else if (!numeric && !setOp && def.type === 'set')
			bad(`"${op}" cannot compare the set fact "${c.fact}"; use contains, contains_any or only`);
		else if (values) {
			for (const v of operands)
				if (!values.includes(v as string))
					bad(
						`"${String(v)}" is not a value of "${c.fact}" (${values.join(', ')})${didYouMean(String(v), values)}`
					);
		} else if (def.type === 'boolean' && !numeric) {
			for (const v of operands)
				if (typeof v !== 'boolean') bad(`"${c.fact}" is true or false, not ${JSON.stringify(v)}`);
		} else if (def.type === 'integer' && !numeric) {
			for (const v of operands)
				if (!Number.isInteger(v)) bad(`"${c.fact}" is an integer, not ${JSON.stringify(v)}`);
		}
	};
	visit(cond, path);
}

/**
 * Loads every rule-set folder in `files` (grouped by directory), resolving `extends` in order.
 * Returns the rule sets that loaded and the errors of those that did not.
 */
export function loadLibrary(
	files: SourceFile[],
	/** Already-loaded rule sets a folder may extend (e.g. the bundled library). */
	external: readonly RuleSet[] = [],
	/** Run golden cases as part of loading (a failing case is a load error). */
	runTests = true
): { rulesets: RuleSet[]; errors: LoadError[]; warnings: LoadError[] } {
	const byDir = new Map<string, SourceFile[]>();
	for (const f of files) {
		if (!/\.ya?ml$/.test(f.path) || isLockFile(f.path)) continue;
		const dir = f.path.slice(0, f.path.lastIndexOf('/'));
		byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
	}
	const parsed = [...byDir.entries()]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([dir, fs]) =>
			parseFolder(
				dir,
				fs.sort((a, b) => (a.path < b.path ? -1 : 1))
			)
		);
	const errors: LoadError[] = [];
	const warnings: LoadError[] = [];
	const done = new Map<string, RuleSet>();
	const refs = new Map<string, ParsedFolder>();
	for (const p of parsed) {
		if (p.errors.length > 0) errors.push(...p.errors);
		else if (refs.has(p.ref))
			errors.push({
				...p.locate(['version']),
				field: 'version',
				message: `${p.ref} is also defined in ${refs.get(p.ref)!.dir}`
			});
		else refs.set(p.ref, p);
	}
	const visiting = new Set<string>();
	const resolveRef = (p: ParsedFolder): RuleSet | undefined => {
		if (done.has(p.ref)) return done.get(p.ref);
		if (visiting.has(p.ref)) {
			errors.push({
				...p.locate(['extends']),
				field: 'extends',
				message: `circular extends through ${p.ref}`
			});
			return undefined;
		}
		visiting.add(p.ref);
		let parent: RuleSet | undefined = p.parent
			? external.find((r) => r.ref === p.parent)
			: undefined;
		if (p.parent && refs.has(p.parent)) {
			parent = resolveRef(refs.get(p.parent)!);
			if (!parent) {
				errors.push({
					...p.locate(['extends']),
					field: 'extends',
					message: `parent ${p.parent} did not load`
				});
				visiting.delete(p.ref);
				return undefined;
			}
		}
		const r = resolveFolder(p, parent, runTests, [...refs.keys(), ...external.map((x) => x.ref)]);
		errors.push(...r.errors);
		warnings.push(...r.warnings);
		if (r.ruleset) done.set(p.ref, r.ruleset);
		visiting.delete(p.ref);
		return r.ruleset;
	};
	for (const p of refs.values()) resolveRef(p);
	return { rulesets: [...done.values()], errors: dedupeErrors(errors), warnings };
}

function dedupeErrors(errors: LoadError[]): LoadError[] {
	const seen = new Set<string>();
	return errors.filter((e) => {
		const k = `${e.file}:${e.line}:${e.column}:${e.message}`;
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
}

export function formatLoadError(e: LoadError): string {
	return `${e.file}:${e.line}:${e.column}: ${e.field ? `${e.field}: ` : ''}${e.message}`;
}

/** A warning is located like an error and says it is one (it does not fail `check`). */
export function formatLoadWarning(w: LoadError): string {
	return `${w.file}:${w.line}:${w.column}: cảnh báo / warning: ${w.field ? `${w.field}: ` : ''}${w.message}`;
}

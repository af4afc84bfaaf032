// Fixtures and rule sets for the in-process dossier tests (blocks, formatting, edge wording).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { RuleSet } from '../../src/lib/rules';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import {
	buildDossier,
	dossierBlocks,
	type Dossier,
	type DossierInput
} from '../../src/lib/dossier';
import type { Block } from '../../src/lib/paper/blocks';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/dossier');
const rulesets = bundledRuleSets().rulesets;
export const rs = (ref: string): RuleSet => rulesets.find((r) => r.ref === ref)!;
export const TT03 = 'vn-nd85@tt03-2017';
export const TT12 = 'vn-nd85@tt12-2022';
export const ND331 = 'vn-nd331@2026';
export const ND85 = 'Nghị định 85/2016/NĐ-CP';
export const D331 = 'Nghị định 331/2026/NĐ-CP';

export type Raw = Record<string, unknown>;
export const fixture = (name: string): Raw =>
	parse(readFileSync(join(FIXTURES, name), 'utf8')) as Raw;
export const input = (f: Raw, extra: Partial<DossierInput> = {}): DossierInput => {
	const { unit, document, ...system } = f;
	return { unit, document, system, ...extra } as DossierInput;
};
export function built(ref: string, f: Raw, extra: Partial<DossierInput> = {}): Dossier {
	const b = buildDossier(rs(ref), input(f, extra));
	if (!b.ok) throw new Error(JSON.stringify(b.errors, null, 1));
	return b.dossier;
}
export const edit = (f: Raw, change: (f: Raw) => void): Raw => {
	const c = structuredClone(f);
	change(c);
	return c;
};
/** A bundled rule set with its data changed (its hash kept, so the dossier still matches it). */
export const withData = (ref: string, change: (d: RuleSet['data']) => RuleSet['data']): RuleSet => {
	const base = rs(ref);
	return { ...base, data: change({ ...base.data }) } as RuleSet;
};
export interface Papers {
	letters: { id: string; blocks: Block[] }[];
	dossier: Block[];
}
export function blocksOf(
	ref: string,
	f: Raw | Dossier,
	opts: { lang?: 'vi' | 'en'; copy?: 'draft' | 'final'; ruleset?: RuleSet } = {}
): Papers {
	const d = 'result' in f ? (f as Dossier) : built(ref, f as Raw);
	return dossierBlocks(d, opts.ruleset ?? rs(ref), opts.lang ?? 'vi', opts.copy ?? 'draft');
}
/** The papers read line by line with `read` (blocks-text's linesOf, or blocks-style's styledLinesOf). */
export function readPapers(
	ref: string,
	f: Raw,
	read: (blocks: Block[]) => string[],
	opts: { lang?: 'vi' | 'en'; copy?: 'draft' | 'final' } = {}
) {
	const p = blocksOf(ref, f, opts);
	return {
		ids: p.letters.map((l) => l.id),
		letters: p.letters.map((l) => read(l.blocks)),
		letter: read(p.letters.at(-1)!.blocks),
		dossier: read(p.dossier)
	};
}
/** The lines from the one that starts with `from` up to (not including) the next that starts with `to`. */
export function between(lines: string[], from: string, to: string): string[] {
	const i = lines.findIndex((l) => l.startsWith(from));
	if (i < 0) throw new Error(`no line starting with ${from}`);
	const j = lines.findIndex((l, k) => k > i && l.startsWith(to));
	return lines.slice(i + 1, j < 0 ? undefined : j);
}

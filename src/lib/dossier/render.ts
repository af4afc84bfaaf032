// Dossier model → blocks (by the rule set's template) → papers (the letters and the dossier, each
// its own document) → PDF or DOCX through the shared paper writers; and the JSON twin.
import { procedureFor, type Lang, type RuleSet } from '../rules';
import { hashMatches } from '../rules/hash-match';
import type { Paper } from '../paper/blocks';
import type { Bodies } from '../bodies';
import { LABELS } from './labels';
import { fingerprint, type Dossier, type DossierIssue } from './model';
import { TEMPLATES, type DossierBlocks } from './templates';

/** A dossier that cannot be made; `issues` (when from validation) name each field for the wizard. */
export class DossierError extends Error {
	constructor(
		message: string,
		readonly issues: DossierIssue[] = []
	) {
		super(message);
	}
}

export type Copy = 'draft' | 'final';
/** Which documents: the letter(s), the dossier, or both in one file. */
export type DossierPart = 'letter' | 'dossier' | 'all';

export function dossierBlocks(
	dossier: Dossier,
	ruleset: RuleSet,
	lang: Lang,
	copy: Copy = 'draft',
	bodies?: Bodies
): DossierBlocks {
	if (
		!hashMatches(ruleset, dossier.ruleset.hash) ||
		`${dossier.ruleset.id}@${dossier.ruleset.version}` !== ruleset.ref
	)
		throw new DossierError(
			`the dossier was built with ${dossier.ruleset.id}@${dossier.ruleset.version} (${dossier.ruleset.hash.slice(0, 12)}), not ${ruleset.ref} (${ruleset.hash.slice(0, 12)})`
		);
	const template = TEMPLATES[dossier.template];
	if (!template)
		throw new DossierError(
			`no dossier template "${dossier.template}" (available: ${Object.keys(TEMPLATES).join(', ')})`
		);
	return template({
		dossier,
		ruleset,
		lang,
		L: LABELS[lang],
		procedure: procedureFor(ruleset, dossier.result.proposed_level, lang, dossier.system.routing),
		copy,
		bodies
	});
}

/** Vietnamese documents use Vietnam time (UTC+7), whatever the machine's zone. */
export function formatGenerated(iso: string): string {
	const t = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
	return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)} (UTC+7)`;
}

export interface RenderOptions {
	lang?: Lang;
	/** ISO time shown in the draft's footer; not part of the fingerprint. */
	generatedAt?: string;
	/** `draft` (default): watermark and machine footer; `final`: the signature copy. */
	copy?: Copy;
	part?: DossierPart;
	/** State bodies over time (bodies/vn.yaml): letters go to the body in being on their date. */
	bodies?: Bodies;
}

/** The letters and the dossier as papers, each numbered on its own, stamped as `copy` says. */
export function dossierPapers(
	dossier: Dossier,
	ruleset: RuleSet,
	opts: RenderOptions = {}
): Paper[] {
	const lang = opts.lang ?? 'vi';
	const copy = opts.copy ?? 'draft';
	const part = opts.part ?? 'all';
	const L = LABELS[lang];
	const { letters, dossier: body } = dossierBlocks(dossier, ruleset, lang, copy, opts.bodies);
	const fp = fingerprint(dossier);
	const generated = formatGenerated(opts.generatedAt ?? new Date().toISOString());
	const source = ruleset.data.source_status;
	const machine = `${L.ruleset} ${ruleset.ref} #${ruleset.hash.slice(0, 12)} · ${L.footerGenerated} ${generated} · ${L.footerFingerprint} ${fp}`;
	const paper = (title: string, blocks: Paper['blocks']): Paper => ({
		blocks,
		copy,
		title: `${title} — ${dossier.system.name}`,
		keywords: 'capdo-dossier/1',
		fingerprint: fp,
		draftLabel: L.draft,
		footer: [dossier.system.name, machine],
		// The note's first sentence on every draft page; the whole note is in the dossier itself.
		banner:
			source.status === 'unverified'
				? `${L.unverified}: ${source.note[lang].split(/(?<=\.)\s/)[0]}`
				: undefined
	});
	// The signature copy carries its fingerprint in one small line at the end of the dossier.
	const stamp: Paper['blocks'] =
		copy === 'final'
			? [
					{
						kind: 'para',
						size: 9,
						align: 'left',
						runs: [
							{
								text: `${L.ruleset} ${ruleset.ref} #${ruleset.hash.slice(0, 12)} · ${L.footerFingerprint} ${fp}`
							}
						]
					}
				]
			: [];
	const out: Paper[] = [];
	if (part !== 'dossier') for (const l of letters) out.push(paper(L.letterTitle, l.blocks));
	if (part !== 'letter') out.push(paper(L.dossierTitle, [...body, ...stamp]));
	return out;
}

/** The JSON twin: the model plus its generation time and fingerprint (excluded from the hash). */
export function dossierJson(dossier: Dossier, generatedAt: string): string {
	return (
		JSON.stringify(
			{ ...dossier, generated_at: generatedAt, fingerprint: fingerprint(dossier) },
			null,
			2
		) + '\n'
	);
}

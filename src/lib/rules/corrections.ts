// Correction records of published versions. A published version never changes silently: a
// correction is a numbered revision with its date, kind, bilingual reason and cited changes, and
// published.yaml keeps the hash of every revision, so a classification stored under an earlier
// revision is still recognised (and told what was corrected since). Pure: no I/O.
import { hashMatches } from './hash-match';
import type { Correction, CorrectionChange, Level, RuleSet, RuleSetData } from './types';

type Path = (string | number)[];
type Fail = (path: Path, message: string) => void;

/** Fields whose change can alter a level, a citation or a procedure: never editorial. */
const LOGIC_FIELDS = new Set([
	'when',
	'require',
	'applies_when',
	'replaces',
	'level',
	'levels',
	'type',
	'values',
	'min',
	'max',
	'default',
	'citation',
	'guidance',
	'days',
	'working_days',
	'effective_from',
	'effective_to',
	'fired'
]);
/** Sections whose every change is substantive (who decides, what is cited, which dates apply). */
const SUBSTANTIVE_SECTIONS = new Set(['sources', 'constraints', 'procedure', 'transition']);

/** Whether `target` ("criteria/nd85-d9-k1") names something in `data`; undefined if it may. */
function resolves(data: RuleSetData, target: string): boolean | string {
	const [section, ...rest] = target.split('/');
	const key = rest.join('/');
	const byId = (list: { id: string }[] | undefined) =>
		!key || (list ?? []).some((x) => x.id === key);
	switch (section) {
		case 'metadata':
		case 'undetermined':
		case 'components_rule':
			return true;
		case 'facts':
			return !key || Object.hasOwn(data.facts, key);
		case 'criteria':
			return byId(data.criteria);
		case 'constraints':
			return byId(data.constraints);
		case 'designations':
			return byId(data.designations);
		case 'notices':
			return byId(data.notices);
		case 'reassessment':
			return data.reassessment !== undefined;
		case 'transition':
			return byId(data.transition);
		case 'sources':
			return byId(data.sources);
		case 'procedure':
			return !key || Object.hasOwn(data.procedure, key);
		case 'identification':
			return !key || Object.hasOwn(data.identification ?? {}, key);
		case 'requirements': {
			const groups = data.requirements?.groups ?? [];
			return !key || groups.some((g) => g.id === key || (g.items ?? []).some((i) => i.id === key));
		}
		case 'appraisal': {
			// appraisal/checklist/ID, appraisal/coordination
			if (!data.appraisal) return false;
			const [part, id] = rest;
			if (!part) return true;
			if (part === 'coordination') return !!data.appraisal.coordination;
			return part === 'checklist' && (!id || data.appraisal.checklist.some((x) => x.id === id));
		}
		case 'dossier': {
			if (!data.dossier) return false;
			const [part, id] = rest;
			if (!part) return true;
			const list = (data.dossier as unknown as Record<string, unknown>)[part];
			if (list === undefined) return false;
			return !id || (Array.isArray(list) && list.some((x: { id?: string }) => x.id === id));
		}
		default:
			return `unknown section "${section}" (one of metadata, sources, facts, constraints, criteria, designations, notices, reassessment, procedure, appraisal, requirements, dossier, transition, identification, undetermined, components_rule)`;
	}
}

const isRealDate = (s: string) => {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * What a correction record must say, whatever the lock file holds: revisions 2, 3, … in order,
 * real dates that do not go back, targets that exist, and editorial corrections that touch no
 * field that could change a level.
 */
export function checkCorrections(data: RuleSetData, fail: Fail): void {
	const list = data.corrections ?? [];
	list.forEach((c, i) => {
		const at = (...p: Path) => ['corrections', i, ...p];
		if (c.revision !== i + 2)
			fail(
				at('revision'),
				`revision ${c.revision} out of order: the corrections are revisions 2, 3, … in order (this is entry ${i + 1}, so revision ${i + 2})`
			);
		if (!isRealDate(c.date)) fail(at('date'), 'not a calendar date');
		else if (i > 0 && c.date < list[i - 1]!.date)
			fail(at('date'), `dated before revision ${list[i - 1]!.revision} (${list[i - 1]!.date})`);
		c.changes.forEach((ch, j) => {
			const r = resolves(data, ch.target);
			if (typeof r === 'string') fail(at('changes', j, 'target'), r);
			else if (!r && !ch.removed)
				fail(
					at('changes', j, 'target'),
					`"${ch.target}" is not in this version (write removed: true if the correction removed it)`
				);
			else if (r && ch.removed && ch.target.includes('/'))
				fail(at('changes', j, 'removed'), `"${ch.target}" still exists in this version`);
			if (c.kind !== 'editorial') return;
			const section = ch.target.split('/')[0]!;
			if (SUBSTANTIVE_SECTIONS.has(section) || ch.removed)
				fail(
					at('changes', j, 'target'),
					`an editorial correction cannot change ${ch.removed ? 'what exists' : `"${section}"`}: make it substantive`
				);
			else if (!ch.fields?.length)
				fail(
					at('changes', j),
					'an editorial change lists its "fields", so it can be seen that no level can change'
				);
			else
				for (const f of ch.fields)
					if (LOGIC_FIELDS.has(f.split('.').at(-1)!))
						fail(
							at('changes', j, 'fields'),
							`"${f}" can change a level, a citation or a procedure: the correction is substantive`
						);
		});
	});
}

/**
 * The published revision (1-based) whose hash is `hash`, if any. The current content's hash as
 * computed while a declared end date was hashed (sameContentHashes) is the current revision.
 */
export function revisionOf(
	rs: Pick<RuleSet, 'hash' | 'revisions' | 'sameContentHashes'> & {
		data?: Pick<RuleSet['data'], 'corrections'>;
	},
	hash: string
): number | undefined {
	const list = rs.revisions ?? [rs.hash];
	const i = list.indexOf(hash);
	if (i >= 0) return i + 1;
	if (hashMatches(rs, hash)) return list.length;
	// An earlier revision's other hash, recorded by the correction that followed it.
	const c = rs.data?.corrections?.find((x) => x.previous_aliases?.includes(`sha256:${hash}`));
	return c && c.revision - 1;
}

/** The revision the rule set's current content is (1 when never corrected). */
export const currentRevision = (rs: Pick<RuleSet, 'data'>): number =>
	(rs.data.corrections?.length ?? 0) + 1;

/** The corrections made after `revision`, oldest first. */
export const correctionsSince = (rs: Pick<RuleSet, 'data'>, revision: number): Correction[] =>
	(rs.data.corrections ?? []).filter((c) => c.revision > revision);

/** Whether a change may affect the procedure (authority, deadlines, submission) of `level`. */
export const touchesProcedure = (c: CorrectionChange, level: Level | null): boolean =>
	c.target.split('/')[0] === 'procedure' &&
	(c.levels === undefined || level === null || c.levels.includes(level));

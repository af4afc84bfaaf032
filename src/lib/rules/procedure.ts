import { formatCitation } from './citation';
import { routeFor } from './routing';
import type { Lang, Level, LevelRule, RuleSet } from './types';

function forLevel<T extends LevelRule>(rules: T[] | undefined, level: Level): T | undefined {
	return rules?.find((r) => r.levels.includes(level));
}

/**
 * Who appraises and approves a level, in how many days, and where the dossier goes. `routing` is
 * the system's answers to the rule set's routing questions (`SystemRecord.routing`): a matching
 * route (e.g. Điều 12 khoản 3 điểm b Nghị định 85/2016, Điều 18 khoản 4 Nghị định 331/2026)
 * replaces the appraiser, the addressee and the recipient, and is reported as `route`.
 */
export function procedureFor(ruleset: RuleSet, level: Level, lang: Lang = 'vi', routing?: unknown) {
	const p = ruleset.data.procedure;
	const cite = (r: LevelRule | undefined) =>
		r ? formatCitation(r.citation, ruleset.data.sources, lang) : undefined;
	const authority = forLevel(p.authority, level)!;
	const route = routeFor(ruleset, level, routing);
	const appraisal = forLevel(p.appraisal_deadline, level);
	const approval = forLevel(p.approval_deadline, level);
	const completeness = forLevel(p.completeness_deadline, level);
	const submission = forLevel(p.submission, level);
	const note = route?.note ?? authority.note;
	return {
		appraiser: (route ?? authority).appraiser[lang],
		addressee: (route?.addressee ?? route?.appraiser ?? authority.addressee ?? authority.appraiser)[
			lang
		],
		approver: authority.approver[lang],
		prior_opinion: authority.prior_opinion?.[lang],
		authority_citation: cite(authority)!,
		/** The exception that applies to this system, when one does. */
		route: route && { id: route.id, citation: cite(route)! },
		authority_note: note && {
			text: note.text[lang],
			citation: formatCitation(note.citation, ruleset.data.sources, lang)
		},
		appraisal_deadline: appraisal && {
			days: appraisal.days,
			working_days: appraisal.working_days,
			citation: cite(appraisal)!
		},
		approval_deadline: approval && {
			days: approval.days,
			working_days: approval.working_days,
			citation: cite(approval)!
		},
		completeness_deadline: completeness && {
			days: completeness.days,
			working_days: completeness.working_days,
			citation: cite(completeness)!
		},
		submission: submission && {
			...submission.copies,
			recipient: (route?.recipient ?? submission.recipient)[lang],
			citation: cite(submission)!
		}
	};
}
export type ProcedureInfo = ReturnType<typeof procedureFor>;

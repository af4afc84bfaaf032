import { formatCitation } from './citation';
import type { Lang, Level, LevelRule, RuleSet } from './types';

function forLevel<T extends LevelRule>(rules: T[] | undefined, level: Level): T | undefined {
	return rules?.find((r) => r.levels.includes(level));
}

/** Who appraises and approves a level, in how many days, and where the dossier goes. */
export function procedureFor(ruleset: RuleSet, level: Level, lang: Lang = 'vi') {
	const p = ruleset.data.procedure;
	const cite = (r: LevelRule | undefined) =>
		r ? formatCitation(r.citation, ruleset.data.sources, lang) : undefined;
	const authority = forLevel(p.authority, level)!;
	const appraisal = forLevel(p.appraisal_deadline, level);
	const approval = forLevel(p.approval_deadline, level);
	const completeness = forLevel(p.completeness_deadline, level);
	const submission = forLevel(p.submission, level);
	return {
		appraiser: authority.appraiser[lang],
		addressee: (authority.addressee ?? authority.appraiser)[lang],
		approver: authority.approver[lang],
		prior_opinion: authority.prior_opinion?.[lang],
		authority_citation: cite(authority)!,
		authority_note: authority.note && {
			text: authority.note.text[lang],
			citation: formatCitation(authority.note.citation, ruleset.data.sources, lang)
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
			recipient: submission.recipient[lang],
			citation: cite(submission)!
		}
	};
}
export type ProcedureInfo = ReturnType<typeof procedureFor>;

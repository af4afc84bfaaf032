// "Về capdo": that capdo is an independent tool, and where each regime's dossiers are submitted,
// read from the procedure data of the rule sets the server applies.
import { formatDate } from '$lib/i18n/dates';
import { translatorFor } from '$lib/i18n/messages';
import { formatCitation } from '$lib/rules/citation';
import { today } from '$lib/rules/select';
import { regimeLabel } from '$lib/wizard/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const lang = locals.lang;
	const t = translatorFor(lang);
	const date = today();
	const regimes = [...locals.rulesets]
		.sort((a, b) => (a.data.effective_from < b.data.effective_from ? 1 : -1))
		.map((rs) => {
			const { effective_from: from, effective_to: to, procedure, sources } = rs.data;
			const cite = (c: Parameters<typeof formatCitation>[0]) => formatCitation(c, sources, lang);
			return {
				ref: rs.ref,
				name: regimeLabel(locals.rulesets, rs.ref, t),
				period:
					from <= date && (!to || date <= to)
						? t('about.inForce')
						: to
							? t('about.periodTo', { from: formatDate(from), to: formatDate(to) })
							: t('about.period', { from: formatDate(from) }),
				authority: procedure.authority.map((a) => ({
					levels: a.levels.join(', '),
					appraiser: a.appraiser[lang],
					approver: a.approver[lang],
					citation: cite(a.citation)
				})),
				submission: (procedure.submission ?? []).map((s) => ({
					levels: s.levels.join(', '),
					text: t('result.copies', {
						originals: s.copies.originals,
						copies: s.copies.copies,
						recipient: s.recipient[lang]
					}),
					citation: cite(s.citation)
				}))
			};
		});
	return { regimes };
};

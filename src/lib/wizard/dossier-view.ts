// Which dossier parts a level needs: explanation sections (levels 4–5) and the security-plan
// checklist (plan sections plus baseline requirement groups and items), all from the rule set.
import { sectionApplies, type Citation, type Level, type Localized, type RuleSet } from '../rules';
import type { PlanItemStatus } from '../model/inventory';

/** `fired`: the criteria the classification fired, for sections tied to criteria. */
export const explanationSections = (rs: RuleSet, level: Level, fired?: ReadonlySet<string>) =>
	(rs.data.dossier?.explanation ?? []).filter((s) => sectionApplies(s, level, fired));

export interface PlanRow {
	id: string;
	title: Localized;
	citation: Citation;
	group: 'plan' | 'requirements';
}

/** Plan sections, then requirement groups (or their items) that apply to `level`. */
export function planRows(rs: RuleSet, level: Level): PlanRow[] {
	const reqs = rs.data.requirements;
	// Cumulative requirements: a level also meets every lower level's items (Circular 03 Điều 9).
	const fits = (levels: Level[] | undefined) =>
		!levels || (reqs?.cumulative ? levels.some((l) => l <= level) : levels.includes(level));
	const rows: PlanRow[] = (rs.data.dossier?.plan ?? [])
		.filter((s) => !s.levels || s.levels.includes(level))
		.map((s) => ({ id: s.id, title: s.title, citation: s.citation, group: 'plan' }));
	for (const g of reqs?.groups ?? []) {
		if (!fits(g.levels)) continue;
		const items = (g.items ?? []).filter((it) => fits(it.levels));
		if (items.length === 0)
			rows.push({ id: g.id, title: g.title, citation: g.citation, group: 'requirements' });
		else
			for (const it of items)
				rows.push({
					id: it.id,
					title: { vi: it.text, en: it.text_en ?? it.text },
					citation: it.citation,
					group: 'requirements'
				});
	}
	return rows;
}

export type PlanDraft = { status: '' | PlanItemStatus['status']; date: string; text: string };

export const draftOf = (s: PlanItemStatus | undefined): PlanDraft => ({
	status: s?.status ?? '',
	date: s?.status === 'planned' ? s.date : '',
	text: s?.status === 'not_applicable' ? s.reason : (s?.note ?? '')
});

/** A draft row as a stored status, or which field is missing. */
export function planStatus(
	d: PlanDraft
): { ok: true; value?: PlanItemStatus } | { ok: false; field: 'date' | 'reason' } {
	const note = d.text.trim() || undefined;
	switch (d.status) {
		case '':
			return { ok: true };
		case 'in_place':
			return { ok: true, value: { status: 'in_place', note } };
		case 'planned':
			return /^\d{4}-\d{2}-\d{2}$/.test(d.date)
				? { ok: true, value: { status: 'planned', date: d.date, note } }
				: { ok: false, field: 'date' };
		case 'not_applicable':
			return note
				? { ok: true, value: { status: 'not_applicable', reason: note } }
				: { ok: false, field: 'reason' };
	}
}

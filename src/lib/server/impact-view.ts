// Maintainers may not read units' systems (policy: no system route for them), so the impact they
// see keeps each change's unit, levels and basis but not the system's name or id.
import type { ImpactReport } from '../rules';

export function withoutNames(impact: ImpactReport): ImpactReport {
	const rows = impact.rows.map((r, i) => ({ ...r, id: String(i + 1), name: `#${i + 1}` }));
	return { ...impact, rows };
}

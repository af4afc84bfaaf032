// Which dossier sections a classification needs: by level, and for sections tied to criteria
// (e.g. the 24/7 explanation of Thông tư 12/2022 Điều 8 khoản 5 điểm d, only for systems under
// Điều 10 khoản 2 or 3 Nghị định 85/2016) only when one of those criteria fired.
import type { Level, PartResult, Section } from './types';

/** Every criterion that fired in a result, its components' included (at any depth). */
export function firedIds(r: Pick<PartResult, 'basis' | 'components'>): Set<string> {
	const out = new Set<string>();
	const walk = (p: Pick<PartResult, 'basis' | 'components'>) => {
		for (const b of p.basis) out.add(b.id);
		for (const c of p.components ?? []) walk(c);
	};
	walk(r);
	return out;
}

/**
 * Whether `section` applies at `level`. Without the fired criteria (`fired` undefined) a section
 * tied to criteria is kept: asking too much is safer than leaving out what the law requires.
 */
export const sectionApplies = (
	section: Pick<Section, 'levels' | 'fired'>,
	level: Level,
	fired?: ReadonlySet<string>
): boolean =>
	(!section.levels || section.levels.includes(level)) &&
	(!section.fired || !fired || section.fired.some((id) => fired.has(id)));

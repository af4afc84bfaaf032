// The name a state body bears on a date: successions (a ministry merged, a duty moved, a
// department merged) and the 2025 province merges applied in date order, chaining. Pure.
import type { Localized } from '../rules/types';
import type { Bodies, BodiesData, NameOn, RenameStep } from './types';

/** Bodies from checked data (e.g. sent to the browser as plain data). */
export function bodiesOf(data: BodiesData): Bodies {
	return { data, sources: new Map(data.sources.map((s) => [s.id, s])) };
}

// Words compared without tone marks, case or dash style: "Hoà"/"Hòa", "Tỉnh"/"tỉnh", "–"/"-".
const wordKey = (w: string) =>
	w
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase();
// A dash between words ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu") is a word of its own; a hyphen
// inside a word ("High-Tech") is not.
const words = (s: string) =>
	s
		.replace(/\s*[–—]\s*|\s+-\s+/g, ' - ')
		.trim()
		.split(/\s+/);

/** A name's comparison key (see wordKey). */
export const nameKey = (s: string) => words(s).map(wordKey).join(' ');

/** The index in `ws` where `part` starts as whole words at the start (prefix) or end (suffix). */
function matchAt(ws: string[], part: string[], where: 'exact' | 'prefix' | 'suffix'): number {
	if (part.length > ws.length || (where === 'exact' && part.length !== ws.length)) return -1;
	const start = where === 'suffix' ? ws.length - part.length : 0;
	return part.every((p, i) => wordKey(p) === wordKey(ws[start + i]!)) ? start : -1;
}

const join = (ws: string[]) => ws.join(' ');
const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
/** 2025-07-01 → 01/07/2025. */
const dayOf = (iso: string) => iso.split('-').reverse().join('/');

/** The name `name` bears on `date` (YYYY-MM-DD), with every rename applied on the way. */
export function nameOn(bodies: Bodies, name: string, date: string): NameOn {
	const { data, sources } = bodies;
	const cite = (ids: string[]) => ids.flatMap((id) => sources.get(id) ?? []);
	const steps: RenameStep[] = [];
	let ws = words(name);
	for (const s of data.successions) {
		if (s.from > date) continue;
		for (const lang of ['vi', 'en'] as const) {
			const before = words(s.before[lang]);
			if (matchAt(ws, before, s.match) < 0) continue;
			const next = [...words(s.after[lang]), ...ws.slice(before.length)];
			steps.push({
				id: s.id,
				from: s.from,
				before: join(ws),
				after: join(next),
				reason: s.reason,
				sources: cite(s.sources)
			});
			ws = next;
			break;
		}
	}
	const pr = data.provinces;
	if (pr && pr.from <= date)
		for (const m of pr.merged) {
			const hit = m.former
				.map((f) => ({ f, at: matchAt(ws, words(f), 'suffix') }))
				.find((x) => x.at >= 0);
			if (!hit || nameKey(hit.f) === nameKey(m.name)) continue;
			const next = [...ws.slice(0, hit.at), ...words(m.name)];
			steps.push({
				id: `province:${nameKey(hit.f)}`,
				from: pr.from,
				before: join(ws),
				after: join(next),
				// A sentence of its own on the draft letter: a capital letter ("Tỉnh Bình Định …"), and
				// the date as the letter writes dates (01/07/2025), in English too.
				reason: {
					vi: `${upperFirst(hit.f)} hợp nhất vào ${m.name} từ ${dayOf(pr.from)}.`,
					en: `${upperFirst(hit.f)} merged into ${m.name} from ${dayOf(pr.from)}.`
				},
				sources: cite(pr.sources)
			});
			ws = next;
			break;
		}
	return { name: steps.length > 0 ? join(ws) : name, steps };
}

/** Both languages of a name on `date`; `steps` are the Vietnamese name's. */
export function localizedOn(
	bodies: Bodies,
	name: Localized,
	date: string
): { name: Localized; steps: RenameStep[] } {
	const vi = nameOn(bodies, name.vi, date);
	return { name: { vi: vi.name, en: nameOn(bodies, name.en, date).name }, steps: vi.steps };
}

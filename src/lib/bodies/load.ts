// Loads bodies/<id>.yaml (state bodies over time) with located errors: the schema, then every
// source cited exists, ids are unique, successions are in date order, and the provinces list adds up.
import { validate } from './generated/bodies-validator.js';
import { isRealDate, readDataFile } from '../data-file';
import type { LoadError } from '../rules/types';
import type { Bodies, BodiesData } from './types';
import { bodiesOf, nameKey } from './resolve';

export function loadBodies(file: string, text: string): { bodies?: Bodies; errors: LoadError[] } {
	const { raw, errors, fail } = readDataFile(file, text, validate, /from/);
	if (!raw) return { errors };
	const data = raw as BodiesData;
	const sources = new Map(data.sources.map((s) => [s.id, s]));
	const cites = (path: (string | number)[], ids: string[]) =>
		ids.forEach((id, i) => {
			if (!sources.has(id)) fail([...path, i], `unknown source "${id}"`);
		});
	const seen = new Set<string>();
	data.successions.forEach((s, i) => {
		const p = ['successions', i];
		if (seen.has(s.id)) fail([...p, 'id'], `succession "${s.id}" is listed twice`);
		seen.add(s.id);
		if (!isRealDate(s.from)) fail([...p, 'from'], 'not a calendar date');
		if (i > 0 && s.from < data.successions[i - 1]!.from)
			fail([...p, 'from'], 'successions must be in date order');
		if (nameKey(s.before.vi) === nameKey(s.after.vi))
			fail([...p, 'after'], 'the name after is the name before');
		cites([...p, 'sources'], s.sources);
	});
	const pr = data.provinces;
	if (pr) {
		if (!isRealDate(pr.from)) fail(['provinces', 'from'], 'not a calendar date');
		cites(['provinces', 'sources'], pr.sources);
		const names = new Map<string, string>();
		const once = (path: (string | number)[], name: string) => {
			const k = nameKey(name);
			if (names.has(k)) fail(path, `"${name}" is listed twice (also as "${names.get(k)}")`);
			names.set(k, name);
		};
		pr.unchanged.forEach((n, i) => once(['provinces', 'unchanged', i], n));
		pr.merged.forEach((m, i) =>
			m.former.forEach((n, j) => once(['provinces', 'merged', i, 'former', j], n))
		);
		pr.merged.forEach((m, i) => {
			if (!m.former.some((f) => nameKey(f) === nameKey(m.name)) && names.has(nameKey(m.name)))
				fail(
					['provinces', 'merged', i, 'name'],
					`"${m.name}" is also a former province merged elsewhere`
				);
		});
	}
	if (errors.length > 0) return { errors };
	return { bodies: bodiesOf(data), errors };
}

/** The provinces in force from `provinces.from`: unchanged ones and the merged ones' new names. */
export function provincesAfter(bodies: Bodies): string[] {
	const pr = bodies.data.provinces;
	return pr ? [...pr.unchanged, ...pr.merged.map((m) => m.name)] : [];
}

// Reads a question page's form into typed fact values, or says what is wrong and where.
import type { FactDef, FactValue, RuleSet } from '../rules';
import type { Answers } from './facts';

export type AnswerError = { key: string; params?: Record<string, string | number> };
export type Parsed = { ok: true; value: FactValue } | { ok: false; error: AnswerError };

/** Accepts "12000", "12.000", "12,000" or "12 000" (Vietnamese writes thousands with dots). */
const INTEGER = /^-?(\d{1,3}([., ]\d{3})+|\d+)$/;

export function parseAnswer(def: FactDef, raw: string[]): Parsed {
	const one = (raw[0] ?? '').trim();
	switch (def.type) {
		case 'enum':
			return def.values.includes(one)
				? { ok: true, value: one }
				: { ok: false, error: { key: 'error.choose' } };
		case 'boolean':
			return one === 'true' || one === 'false'
				? { ok: true, value: one === 'true' }
				: { ok: false, error: { key: 'error.choose' } };
		case 'set': {
			const picked = def.values.filter((v) => raw.includes(v));
			return picked.length > 0
				? { ok: true, value: picked }
				: { ok: false, error: { key: 'error.chooseSome' } };
		}
		case 'integer': {
			if (one === '') return { ok: false, error: { key: 'error.number' } };
			if (!INTEGER.test(one)) return { ok: false, error: { key: 'error.wholeNumber' } };
			const n = Number(one.replace(/[., ]/g, ''));
			if (def.min !== undefined && n < def.min)
				return { ok: false, error: { key: 'error.min', params: { min: def.min } } };
			if (def.max !== undefined && n > def.max)
				return { ok: false, error: { key: 'error.max', params: { max: def.max } } };
			return { ok: true, value: n };
		}
	}
}

/** The form values that show a stored answer again (radios, checkboxes, text). */
export function formValues(value: FactValue | undefined): string[] {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [String(value)];
}

/** The value "None of these" posts on a group's page (never a fact's name: those have no dash). */
export const NONE = '-none';

/** What a question page's form holds: the ticked options of a group (or NONE), each field's values. */
export interface PageInput {
	picked: string[];
	fields: Record<string, string[]>;
}

export type PageParsed =
	{ ok: true; values: Answers } | { ok: false; errors: { id: string; error: AnswerError }[] };

/**
 * How a page asks. `single`: one fact's own question. `screening`: a screening group's checkboxes
 * (its facts have a `statement`), "None of these" included. `questions`: a group without
 * statements, its facts' own questions together on one page (closely related answers, such as
 * two counts). A group shown with one fact only (a screening group: one yes/no fact) asks it alone.
 */
export type PageKind = 'single' | 'screening' | 'questions';

export function pageKind(rs: RuleSet, page: { group?: string; facts: string[] }, shown: string[]) {
	if (!page.group || shown.length === 0) return 'single';
	if (!isScreening(rs, page.facts)) return shown.length > 1 ? 'questions' : 'single';
	return shown.length === 1 && rs.data.facts[shown[0]!]!.type === 'boolean'
		? 'single'
		: 'screening';
}

/** A screening group's facts are options with a statement; a questions group's are not. */
export const isScreening = (rs: RuleSet, facts: string[]) =>
	facts.some((n) => rs.data.facts[n]?.statement !== undefined);

/**
 * Reads one page. A single fact's page holds that fact's field, a questions page each fact's. A
 * screening page holds the ticked options: a ticked boolean is true and an unticked one false;
 * another fact takes its `default` when unticked and its revealed field when ticked (which must
 * then say something else).
 */
export function parsePage(
	rs: RuleSet,
	page: { id: string; group?: string; facts: string[] },
	shown: string[],
	input: PageInput
): PageParsed {
	const def = (n: string) => rs.data.facts[n]!;
	const kind = pageKind(rs, page, shown);
	const values: Answers = {};
	const errors: { id: string; error: AnswerError }[] = [];
	if (kind !== 'screening') {
		for (const name of shown) {
			const r = parseAnswer(def(name), input.fields[name] ?? []);
			if (r.ok) values[name] = r.value;
			else errors.push({ id: name, error: r.error });
		}
		return errors.length ? { ok: false, errors } : { ok: true, values };
	}
	if (input.picked.length === 0)
		return { ok: false, errors: [{ id: page.id, error: { key: 'error.chooseGroup' } }] };
	for (const name of shown) {
		const d = def(name);
		const on = input.picked.includes(name);
		if (d.type === 'boolean') values[name] = on;
		else if (!on) values[name] = d.default as FactValue;
		else {
			const r = parseAnswer(d, input.fields[name] ?? []);
			if (!r.ok) errors.push({ id: name, error: r.error });
			else if (JSON.stringify(r.value) === JSON.stringify(d.default))
				errors.push({
					id: name,
					error:
						d.type === 'integer' && d.default === d.min
							? { key: 'error.min', params: { min: (d.min ?? 0) + 1 } }
							: { key: 'error.choose' }
				});
			else values[name] = r.value;
		}
	}
	return errors.length ? { ok: false, errors } : { ok: true, values };
}

/** Whether a group's option shows as ticked for the stored answers. */
export function ticked(def: FactDef, value: FactValue | undefined): boolean {
	if (value === undefined) return false;
	if (def.type === 'boolean') return value === true;
	return JSON.stringify(value) !== JSON.stringify(def.default);
}

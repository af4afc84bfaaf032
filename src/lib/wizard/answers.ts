// Reads one answer from a question page's form into a typed fact value, or says what is wrong.
import type { FactDef, FactValue } from '../rules';

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

// Parses and validates a province's reporting YAML, with file:line:column errors like rule sets.
import { toJsLocated } from '../yaml-js';
import { LineCounter, parseDocument } from 'yaml';
import { validate as generated } from './generated/reporting-validator.js';
import type { LoadError } from '../rules/types';
import type { ReportingConfig } from './types';

const validate = generated as unknown as ((d: unknown) => boolean) & {
	errors?: { instancePath: string; message?: string; params: Record<string, unknown> }[] | null;
};

export function loadReporting(
	path: string,
	text: string
): { ok: true; config: ReportingConfig } | { ok: false; errors: LoadError[] } {
	const lc = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
	const pos = (offset: number) => {
		const { line, col } = lc.linePos(offset);
		return { file: path, line, column: col };
	};
	if (doc.errors.length > 0)
		return {
			ok: false,
			errors: doc.errors.map((e) => ({ ...pos(e.pos[0]), message: e.message.split('\n')[0]! }))
		};
	const js = toJsLocated(doc, lc);
	if (!js.ok)
		return {
			ok: false,
			errors: [{ file: path, line: js.line, column: js.column, message: js.message }]
		};
	const value = js.value;
	const errors: LoadError[] = [];
	if (!validate(value)) {
		for (const e of validate.errors ?? []) {
			const keys = e.instancePath
				.split('/')
				.slice(1)
				.map((k) => (/^\d+$/.test(k) ? Number(k) : k));
			const extra = e.params.additionalProperty as string | undefined;
			const node = doc.getIn(extra ? [...keys, extra] : keys, true) as
				{ range?: number[] } | undefined;
			errors.push({
				...pos(node?.range?.[0] ?? 0),
				field: [...keys, ...(extra ? [extra] : [])].join('.') || undefined,
				message: extra ? `unknown field "${extra}"` : (e.message ?? 'invalid')
			});
		}
		return { ok: false, errors };
	}
	const config = value as ReportingConfig;
	config.reports.forEach((r, i) => {
		const ids = r.fields.map((f) => f.id);
		r.fields.forEach((f, j) => {
			if (f.max_field && !ids.includes(f.max_field)) {
				const node = doc.getIn(['reports', i, 'fields', j, 'max_field'], true) as {
					range?: number[];
				};
				errors.push({ ...pos(node?.range?.[0] ?? 0), message: `unknown field "${f.max_field}"` });
			}
		});
		const months = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 }[r.frequency];
		if (r.due.month_of_period > months) {
			const node = doc.getIn(['reports', i, 'due', 'month_of_period'], true) as {
				range?: number[];
			};
			errors.push({
				...pos(node?.range?.[0] ?? 0),
				message: `a ${r.frequency} period has only ${months} month(s)`
			});
		}
	});
	return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

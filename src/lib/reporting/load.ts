// Parses and validates a province's reporting YAML, with file:line:column errors like rule sets,
// and merges the files it includes (the national duties) into one list of reports.
import { parseYaml, toJsLocated } from '../yaml-js';
import { LineCounter } from 'yaml';
import { validate as generated } from './generated/reporting-validator.js';
import type { LoadError } from '../rules/types';
import type { ReportingConfig } from './types';

const validate = generated as unknown as ((d: unknown) => boolean) & {
	errors?: { instancePath: string; message?: string; params: Record<string, unknown> }[] | null;
};

const MONTHS = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 } as const;

export function loadReporting(
	path: string,
	text: string
): { ok: true; config: ReportingConfig } | { ok: false; errors: LoadError[] } {
	const lc = new LineCounter();
	const doc = parseYaml(text, { lineCounter: lc });
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
	const at = (keys: (string | number)[], message: string) => {
		const node = doc.getIn(keys, true) as { range?: number[] } | undefined;
		errors.push({ ...pos(node?.range?.[0] ?? 0), field: keys.join('.'), message });
	};
	const seen = new Set<string>();
	config.reports.forEach((r, i) => {
		const here = (...k: (string | number)[]) => ['reports', i, ...k];
		if (seen.has(r.id)) at(here('id'), `duplicate report id "${r.id}"`);
		seen.add(r.id);
		r.fields ??= [];
		if (r.fields.length === 0 && !r.template)
			at(here('id'), 'a report needs `fields` for the user to fill, or a `template`');
		const ids = r.fields.map((f) => f.id);
		r.fields.forEach((f, j) => {
			if (f.max_field && !ids.includes(f.max_field))
				at(here('fields', j, 'max_field'), `unknown field "${f.max_field}"`);
		});
		const due = r.due as { month_of_period?: number; month?: number };
		const months = MONTHS[r.frequency];
		if ((due.month_of_period === undefined) === (due.month === undefined))
			at(here('due'), 'give exactly one of `month_of_period` or `month`');
		else if (due.month_of_period !== undefined && due.month_of_period > months)
			at(here('due', 'month_of_period'), `a ${r.frequency} period has only ${months} month(s)`);
		else if (due.month !== undefined && r.frequency !== 'annual')
			at(here('due', 'month'), '`month` is for a yearly report; use `month_of_period`');
		if (r.window) {
			if (r.frequency !== 'annual') at(here('window'), 'a data window is for a yearly report');
			const { start, end } = r.window;
			// The window runs one year: it starts the day after the previous period's end.
			const next = new Date(2001, end.month - 1, end.day + 1);
			if (
				!start.previous_year ||
				next.getMonth() + 1 !== start.month ||
				next.getDate() !== start.day
			)
				at(
					here('window', 'start'),
					'the window must start in the previous year, the day after its end day'
				);
			for (const k of ['start', 'end'] as const) {
				const d = r.window[k];
				if (new Date(2001, d.month - 1, d.day).getDate() !== d.day)
					at(here('window', k, 'day'), `month ${d.month} has no day ${d.day}`);
			}
		}
		r.config_id ??= config.id;
	});
	config.reports.forEach((r, i) => {
		if (!r.consolidates) return;
		const from = config.reports.find((x) => x.id === r.consolidates);
		if (!from || (from.filer ?? 'unit') !== 'unit' || (r.filer ?? 'unit') !== 'body')
			at(
				['reports', i, 'consolidates'],
				`a body's report consolidates a unit report of this file; "${r.consolidates}" is not one`
			);
	});
	return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

/**
 * A province file with the duties of the files it includes: each included report keeps its own
 * file's id (submissions are stored under it), weekend rule and recipient.
 */
export function withIncludes(
	config: ReportingConfig,
	load: (id: string) => ReportingConfig,
	seen: string[] = []
): ReportingConfig {
	if (!config.include?.length) return config;
	const reports = [...config.reports];
	for (const id of config.include) {
		if (seen.includes(id) || id === config.id)
			throw new Error(`reporting/${config.id}.yaml: include cycle through "${id}"`);
		const other = withIncludes(load(id), load, [...seen, config.id]);
		for (const r of other.reports) {
			if (reports.some((x) => x.id === r.id))
				throw new Error(
					`reporting/${config.id}.yaml: report "${r.id}" of "${id}" has the id of another report`
				);
			reports.push({
				...r,
				on_weekend: r.on_weekend ?? other.on_weekend,
				recipient: r.recipient ?? other.recipient,
				note: r.note ?? other.note
			});
		}
	}
	return { ...config, reports };
}

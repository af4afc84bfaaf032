// Which province's reporting duties apply: reporting/<id>.yaml, chosen by CAPDO_REPORTING
// (default gia-lai), with the files it includes, loaded and validated once per process.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isWorkingDay } from '../../calendar';
import type { WorkingDays } from '../../reporting/calendar';
import { loadReporting, withIncludes } from '../../reporting/load';
import { vnCalendar } from '../calendar-file';
import type { ReportingConfig } from '../../reporting/types';

function findReportingDir(): string {
	for (let dir = import.meta.dirname; dirname(dir) !== dir; dir = dirname(dir))
		if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'reporting')))
			return join(dir, 'reporting');
	return resolve(import.meta.dirname, '../../../../reporting');
}

const cache = new Map<string, ReportingConfig>();

/** One file as written, validated. */
function loadFile(id: string): ReportingConfig {
	if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`capdo: bad reporting config id "${id}"`);
	const path = join(findReportingDir(), `${id}.yaml`);
	const r = loadReporting(path, readFileSync(path, 'utf8'));
	if (!r.ok)
		throw new Error(
			`capdo: ${path}: ` + r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')
		);
	return r.config;
}

/** The province's duties with those of the files it includes (e.g. the national vn-nd331). */
export function reportingConfig(id = process.env.CAPDO_REPORTING || 'gia-lai'): ReportingConfig {
	let c = cache.get(id);
	if (!c) {
		c = withIncludes(loadFile(id), loadFile);
		cache.set(id, c);
	}
	return c;
}

/** Working days for due dates: the Vietnamese civil-service holiday calendar (calendars/vn.yaml). */
export const workingDays: WorkingDays = (d) => isWorkingDay(vnCalendar(), d);

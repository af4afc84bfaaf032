// Reads the holiday calendar from disk (the I/O edge for the server and the CLI).
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadCalendar, type Calendar } from '../calendar';
import { formatLoadError } from '../rules';
import { DEFAULT_RULESETS_DIR } from './ruleset-files';

/** calendars/ beside rulesets/ at the repository root. */
export const CALENDAR_FILE = join(dirname(DEFAULT_RULESETS_DIR), 'calendars', 'vn.yaml');

/** Loads and checks a calendar file; the errors are located (file:line:column). */
export function readCalendar(path = CALENDAR_FILE) {
	const rel = relative(process.cwd(), path);
	return loadCalendar(rel.startsWith('..') ? path : rel, readFileSync(path, 'utf8'));
}

let cached: Calendar | undefined;

/** The Vietnamese civil-service calendar, loaded once per process; a broken file is an error. */
export function vnCalendar(): Calendar {
	if (cached) return cached;
	const { calendar, errors } = readCalendar();
	if (!calendar)
		throw new Error(`holiday calendar does not load:\n${errors.map(formatLoadError).join('\n')}`);
	cached = calendar;
	return cached;
}

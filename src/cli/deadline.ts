import { parseArgs } from 'node:util';
import { deadline } from '../lib/calendar';
import { vnCalendar } from '../lib/server/calendar-file';
import { UsageError, type Io } from './main';

const isDate = (s: string) =>
	/^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * `capdo deadline --from YYYY-MM-DD --days N [--working-days] [--json]`: the last day of the
 * period on the Vietnamese civil-service calendar. Prints the date; a provisional result says why
 * on stderr (and in the JSON).
 */
export function deadlineCommand(args: string[], io: Io): number {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			from: { type: 'string' },
			days: { type: 'string' },
			'working-days': { type: 'boolean', default: false },
			json: { type: 'boolean', default: false }
		}
	});
	if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
	if (!values.from || !isDate(values.from))
		throw new UsageError(
			'--from needs a date written YYYY-MM-DD (the day of the event, not counted)'
		);
	if (!values.days || !/^\d+$/.test(values.days) || Number(values.days) > 3650)
		throw new UsageError('--days needs a whole number from 0 to 3650');
	const r = deadline(vnCalendar(), {
		from: values.from,
		days: Number(values.days),
		working_days: values['working-days']
	});
	if (values.json) io.out(JSON.stringify(r, null, 2));
	else {
		io.out(r.due);
		for (const p of r.provisional_years)
			io.err(`capdo deadline: tạm tính / provisional: ${p.reason.vi} / ${p.reason.en}`);
	}
	return 0;
}

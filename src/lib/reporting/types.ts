import type { Localized } from '../rules/types';

export interface ReportField {
	id: string;
	type: 'integer' | 'text';
	label: Localized;
	optional?: boolean;
	/** This count cannot exceed that field (e.g. protected ≤ total). */
	max_field?: string;
	/** The share of `max_field` the province requires (1 = 100 %). */
	target_ratio?: number;
}

/** A month and day; `previous_year` puts it in the year before the report's year. */
export interface MonthDay {
	month: number;
	day: number;
	previous_year?: boolean;
}

/**
 * When a report is due:
 * - `month_of_period`: on `day` of the n-th month of each period (quarterly, monthly … reports);
 * - `month`: on `day` of that month of the report's year (a yearly report with its own window).
 * `before` = strictly before that day ("trước ngày 20 tháng 12").
 */
export type Due =
	| { month_of_period: number; day: number; before?: boolean }
	| { month: number; day: number; before?: boolean };

export type WeekendRule = 'none' | 'next_working_day' | 'previous_working_day';

export interface ReportSpec {
	id: string;
	title: Localized;
	frequency: 'monthly' | 'quarterly' | 'semiannual' | 'annual';
	due: Due;
	/**
	 * A yearly data window other than the calendar year (Decree 331 Điều 35 khoản 3: 15/12 of the
	 * previous year to 14/12), with the text that sets it.
	 */
	window?: { start: MonthDay; end: MonthDay; citation: Localized; quote?: string };
	/** No period ends before this day (the duty's legal basis took effect). */
	effective_from?: string;
	/** Who files it: each unit (default) or the governing body for all its units. */
	filer?: 'unit' | 'body';
	/** The body's report starts from its units' reports of this id, same period. */
	consolidates?: string;
	/** To whom; defaults to the file's `recipient`. */
	recipient?: Localized;
	/** A form capdo fills from its records (the fields the user completes live in the template). */
	template?: 'nd331-mau-08';
	form?: Localized;
	citation: Localized;
	quote?: string;
	/** Overrides the file's rule for this report. */
	on_weekend?: WeekendRule;
	fields: ReportField[];
	/** Set on load: the reporting file the duty comes from (its own id, or an included file's). */
	config_id?: string;
	/** Set on load from an included file: how far its source can be trusted. */
	note?: Localized;
}

export interface ReportingConfig {
	id: string;
	title: Localized;
	source: { number: string; date: string; issuer: string; title?: string };
	/** How far the source can be trusted, shown where the duty is shown. */
	note?: Localized;
	recipient: Localized;
	on_weekend: WeekendRule;
	/** Other reporting files whose duties also apply (e.g. the national `vn-nd331`). */
	include?: string[];
	reports: ReportSpec[];
}

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

export interface ReportSpec {
	id: string;
	title: Localized;
	frequency: 'monthly' | 'quarterly' | 'semiannual' | 'annual';
	/** Due on `day` of the `month_of_period`-th month of each period; `before` = strictly before it. */
	due: { month_of_period: number; day: number; before?: boolean };
	form?: Localized;
	citation: Localized;
	quote?: string;
	fields: ReportField[];
}

export interface ReportingConfig {
	id: string;
	title: Localized;
	source: { number: string; date: string; issuer: string; title?: string };
	recipient: Localized;
	on_weekend: 'none' | 'next_working_day' | 'previous_working_day';
	reports: ReportSpec[];
}

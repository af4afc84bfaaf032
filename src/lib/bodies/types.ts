import type { Localized } from '../rules/types';

export type Trust = 'official-gazette' | 'law-library' | 'gov-portal' | 'secondary';

export interface BodySource {
	id: string;
	title: string;
	url?: string;
	trust: Trust;
}

/** A body renamed, merged or relieved of a duty from a date. */
export interface Succession {
	id: string;
	from: string;
	/** `exact`: the whole name; `prefix`: a name that goes on with a place. */
	match: 'exact' | 'prefix';
	before: Localized;
	after: Localized;
	reason: Localized;
	sources: string[];
}

export interface BodiesData {
	id: string;
	title: Localized;
	sources: BodySource[];
	successions: Succession[];
	provinces?: {
		from: string;
		sources: string[];
		unchanged: string[];
		merged: { name: string; former: string[] }[];
	};
}

export interface Bodies {
	data: BodiesData;
	sources: Map<string, BodySource>;
}

/** One rename applied to a name: what it was, what it became, why and on what authority. */
export interface RenameStep {
	id: string;
	from: string;
	before: string;
	after: string;
	reason: Localized;
	sources: BodySource[];
}

export interface NameOn {
	/** The name in force on the date. */
	name: string;
	/** The renames applied, oldest first; empty when the name did not change. */
	steps: RenameStep[];
}

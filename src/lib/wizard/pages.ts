// The interview's pages: one fact per page (GOV.UK "one thing per page"), except the facts of a
// screening group, asked together on one "which of these apply?" page where the group's first
// fact stands. Built from the rule set alone; a component gets the pages of the facts it is asked.
import type { RuleSet } from '../rules/types';
import { applies, factNames, needsAnswer, type Answers, type Part } from './facts';

export interface Page {
	/** The fact's name, or the group's id: the last segment of the page's URL. */
	id: string;
	/** Set on a group's page. */
	group?: string;
	/** The facts asked on the page, in rule-set order (whether they apply or not). */
	facts: string[];
}

const cache = new WeakMap<RuleSet, Record<Part, Page[]>>();

export function pagesOf(rs: RuleSet, part: Part = 'system'): Page[] {
	let built = cache.get(rs);
	if (!built)
		cache.set(rs, (built = { system: build(rs, 'system'), component: build(rs, 'component') }));
	return built[part];
}

function build(rs: RuleSet, part: Part): Page[] {
	const pages: Page[] = [];
	const byGroup = new Map<string, Page>();
	for (const name of factNames(rs, part)) {
		const group = rs.data.facts[name]!.group;
		if (group === undefined) {
			pages.push({ id: name, facts: [name] });
			continue;
		}
		const page = byGroup.get(group);
		if (page) page.facts.push(name);
		else {
			const p = { id: group, group, facts: [name] };
			byGroup.set(group, p);
			pages.push(p);
		}
	}
	return pages;
}

export const pageById = (rs: RuleSet, part: Part, id: string): Page | undefined =>
	pagesOf(rs, part).find((p) => p.id === id);

/** The page that asks `fact`. */
export const pageOf = (rs: RuleSet, part: Part, fact: string): Page | undefined =>
	pagesOf(rs, part).find((p) => p.facts.includes(fact));

/** The page's facts that apply given the answers so far. */
export const shownFacts = (rs: RuleSet, facts: Answers, page: Page): string[] =>
	page.facts.filter((n) => applies(rs, facts, n));

export const pageApplies = (rs: RuleSet, facts: Answers, page: Page): boolean =>
	page.facts.some((n) => applies(rs, facts, n));

export const pageNeedsAnswer = (rs: RuleSet, facts: Answers, page: Page): boolean =>
	page.facts.some((n) => needsAnswer(rs, facts, n));

/** The pages that apply given the answers so far (later answers may add more). */
export const applicablePages = (rs: RuleSet, facts: Answers, part: Part = 'system'): Page[] =>
	pagesOf(rs, part).filter((p) => pageApplies(rs, facts, p));

/** "Question n of about m": position among the pages that apply so far. */
export function progress(
	rs: RuleSet,
	facts: Answers,
	part: Part,
	id: string
): { n: number; of: number } {
	const list = applicablePages(rs, facts, part);
	return { n: list.findIndex((p) => p.id === id) + 1, of: list.length };
}

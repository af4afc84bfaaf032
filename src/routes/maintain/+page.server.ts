// The maintainer workspace: check a rule-set version (validation, golden cases, dates, diff,
// impact on stored results), keep it as a draft, or publish it.
import { fail } from '@sveltejs/kit';
import { readStoredClassifications } from '$lib/server/db/stored';
import { withoutSystemNames } from '$lib/server/impact-view';
import {
	checkDraft,
	fileProblems,
	listStoredRuleSets,
	publishRuleSet,
	saveDraft,
	storedRuleSetFiles,
	type DraftFile,
	type DraftReport
} from '$lib/server/rulesets';
import { contextOf } from '$lib/server/workflow/route';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, rulesets } = contextOf(event);
	const open = event.url.searchParams.get('open');
	const files: DraftFile[] = (open && (await storedRuleSetFiles(db, open))) || [];
	return {
		refs: rulesets.map((r) => r.ref).sort(),
		stored: await listStoredRuleSets(db),
		files
	};
};

/** Text areas (path[i], text[i]) first; an uploaded file replaces the text area of its name. */
async function filesOf(form: FormData): Promise<DraftFile[]> {
	const paths = form.getAll('path').map(String);
	const texts = form.getAll('text').map(String);
	const files: DraftFile[] = [];
	paths.forEach((path, i) => {
		const text = texts[i] ?? '';
		if (path.trim() || text.trim()) files.push({ path: path.trim(), text });
	});
	for (const f of form.getAll('upload')) {
		if (!(f instanceof File) || f.size === 0) continue;
		const file = { path: f.name, text: await f.text() };
		const i = files.findIndex((x) => x.path === f.name);
		if (i >= 0) files[i] = file;
		else files.push(file);
	}
	return files;
}

interface Result {
	files: DraftFile[];
	report?: DraftReport;
	problems?: string[];
	published?: { ref: string; hash: string };
	draft?: string;
	compare?: string;
}

async function checked(event: RequestEvent, form: FormData, files: DraftFile[]) {
	const { db, rulesets } = contextOf(event);
	const compare = String(form.get('compare') ?? '') || undefined;
	const { report } = checkDraft(files, rulesets, await readStoredClassifications(db), compare);
	return withoutNames(report);
}

/** Maintainers do not read units' systems: the impact without system names (impact-view.ts). */
const withoutNames = (report: DraftReport): DraftReport =>
	report.impact ? { ...report, impact: withoutSystemNames(report.impact) } : report;

export const actions: Actions = {
	check: async (event) => {
		contextOf(event);
		const form = await event.request.formData();
		const files = await filesOf(form);
		const problems = fileProblems(files);
		if (problems.length) return fail(422, { files, problems } satisfies Result);
		const report = await checked(event, form, files);
		return { files, report, compare: String(form.get('compare') ?? '') } satisfies Result;
	},
	publish: async (event) => {
		const { db, user } = contextOf(event);
		const form = await event.request.formData();
		const files = await filesOf(form);
		const r = await publishRuleSet(db, user, files);
		if (!r.ok) {
			if (r.problems.length) return fail(422, { files, problems: r.problems } satisfies Result);
			return fail(422, { files, report: await checked(event, form, files) } satisfies Result);
		}
		return { files, published: { ref: r.ref, hash: r.hash } } satisfies Result;
	},
	draft: async (event) => {
		const { db, user } = contextOf(event);
		const form = await event.request.formData();
		const files = await filesOf(form);
		const r = await saveDraft(db, user, files);
		if (!r.ok) return fail(422, { files, problems: r.problems } satisfies Result);
		return { files, draft: r.ref } satisfies Result;
	}
};

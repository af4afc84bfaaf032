// The maintainer workspace: check a rule-set version (validation, golden cases, dates, diff,
// impact on stored results), keep it as a draft, or submit it for review by a second maintainer.
// Reviewing, publishing and withdrawing happen on each version's page (/maintain/v/[ref]).
import { fail } from '@sveltejs/kit';
import {
	fileProblems,
	listStoredRuleSets,
	MAX_UPLOAD_BYTES,
	uploadTooLarge,
	registryWithSource,
	saveDraft,
	storedRuleSetFiles,
	type DraftFile,
	type DraftReport
} from '$lib/server/rulesets';
import { unpack } from '$lib/server/ruleset-package';
import { warmCheckWorker } from '$lib/server/check-pool';
import { submitForReview } from '$lib/server/ruleset-review';
import type { RuleSet } from '$lib/rules';
import { contextOf } from '$lib/server/workflow/route';
import { checked, withoutSystemNames } from './checked';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, rulesets } = contextOf(event);
	const open = event.url.searchParams.get('open');
	const files: DraftFile[] = (open && (await storedRuleSetFiles(db, open))) || [];
	const { state, source } = await registryWithSource(db);
	warmCheckWorker(source);
	return {
		refs: rulesets.map((r) => r.ref).sort(),
		stored: await listStoredRuleSets(db),
		files,
		conflicts: state.conflicts,
		broken: state.broken.map((b) => b.ref)
	};
};

interface Uploaded {
	files: DraftFile[];
	/** An uploaded rule-set package, checked against this installation. */
	pkg?: { ref: string; hash: string; installed: boolean };
	problems: string[];
}

/**
 * Text areas (path[i], text[i]) first; an uploaded file replaces the text area of its name. An
 * uploaded package (.json) is checked (files as in its manifest, loads here, no clash) and its
 * files take the place of the text areas; then it is a draft like any other.
 */
async function uploaded(form: FormData, rulesets: readonly RuleSet[]): Promise<Uploaded> {
	// Refused on its size before any of it is read as text or parsed.
	const size = [...form.values()].reduce(
		(n, v) => n + (typeof v === 'string' ? Buffer.byteLength(v) : v.size),
		0
	);
	if (size > MAX_UPLOAD_BYTES) return { files: [], problems: [uploadTooLarge(size)] };
	const files = await filesOf(form);
	const packages = form
		.getAll('upload')
		.filter((f): f is File => f instanceof File && f.size > 0 && /\.json$/i.test(f.name));
	if (packages.length === 0) return { files, problems: [] };
	if (packages.length > 1) return { files, problems: ['Mỗi lần một gói / one package at a time.'] };
	const r = unpack(await packages[0]!.text(), rulesets);
	if (!r.ok) return { files, problems: r.problems };
	return {
		files: r.pkg.files,
		pkg: { ref: r.ruleset.ref, hash: r.ruleset.hash, installed: r.installed },
		problems: []
	};
}

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
		if (!(f instanceof File) || f.size === 0 || /\.json$/i.test(f.name)) continue;
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
	submitted?: string;
	draft?: string;
	compare?: string;
	comment?: string;
	pkg?: Uploaded['pkg'];
}

export const actions: Actions = {
	check: async (event) => {
		const { db, rulesets } = contextOf(event);
		const form = await event.request.formData();
		const { files, pkg, problems: refused } = await uploaded(form, rulesets);
		const problems = refused.length ? refused : fileProblems(files);
		if (problems.length) return fail(422, { files, problems } satisfies Result);
		const compare = String(form.get('compare') ?? '') || undefined;
		const report = await checked(db, rulesets, files, compare);
		return { files, report, compare: compare ?? '', pkg } satisfies Result;
	},
	submit: async (event) => {
		const { db, user, rulesets } = contextOf(event);
		const form = await event.request.formData();
		const { files, problems } = await uploaded(form, rulesets);
		if (problems.length) return fail(422, { files, problems } satisfies Result);
		const comment = String(form.get('comment') ?? '');
		const r = await submitForReview(db, user, files, comment);
		if (!r.ok)
			return fail(422, {
				files,
				comment,
				problems: r.problems.length ? r.problems : undefined,
				report: r.report && withoutSystemNames(r.report)
			} satisfies Result);
		return { files, submitted: r.ref } satisfies Result;
	},
	draft: async (event) => {
		const { db, user, rulesets } = contextOf(event);
		const form = await event.request.formData();
		const { files, problems } = await uploaded(form, rulesets);
		if (problems.length) return fail(422, { files, problems } satisfies Result);
		const r = await saveDraft(db, user, files);
		if (!r.ok) return fail(422, { files, problems: r.problems } satisfies Result);
		return { files, draft: r.ref } satisfies Result;
	}
};

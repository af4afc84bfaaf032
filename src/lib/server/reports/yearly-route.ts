// The Mẫu 08 pages' server side, shared by the unit's report (/reports/yearly/…) and the body's
// own report (/overview/reports/yearly/…): load, save, submit and download, one implementation.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { slug } from '../../dossier/names';
import { MIME } from '../../paper';
import { counts, validate } from '../../reporting/mau08/model';
import { mau08Docx, mau08Pdf } from '../../reporting/mau08/render';
import type { Mau08Paper } from '../../reporting/mau08/template';
import type { Localized } from '../../rules/types';
import { reportingConfig } from './config';
import { ReportError } from './service';
import {
	saveYearlyDraft,
	StaleDraftError,
	submitYearly,
	windowClose,
	yearlyView,
	type YearlyView
} from './yearly';

type Event = Pick<RequestEvent, 'locals' | 'params' | 'request' | 'url'>;

async function guarded<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof ReportError && !(e instanceof StaleDraftError)) error(e.status, e.message);
		throw e;
	}
}

const params = (e: Event) => ({ report: e.params.report ?? '', period: e.params.period ?? '' });

async function view(e: Event): Promise<YearlyView> {
	const { report, period } = params(e);
	return guarded(() => yearlyView(e.locals.db, e.locals.user!, reportingConfig(), report, period));
}

/** Page data: the report as the reporter sees it, with the problems left before submitting. */
export async function loadYearly(e: Event) {
	const v = await view(e);
	const { spec, period } = v;
	const recipient = spec.recipient ?? reportingConfig().recipient;
	const named = (r: Localized, name: string) => ({
		vi: `${r.vi} (${name})`,
		en: `${r.en} (${name})`
	});
	const unitsTotal =
		v.filer.kind === 'body'
			? (
					await e.locals.db
						.selectFrom('units')
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.where('body_id', '=', v.filer.body_id)
						.executeTakeFirstOrThrow()
				).n
			: 1;
	return {
		report: {
			id: spec.id,
			title: spec.title,
			citation: spec.citation,
			quote: spec.quote,
			form: spec.form,
			recipient: spec.recipient,
			note: spec.note,
			consolidates: spec.consolidates ?? null,
			window: spec.window && { citation: spec.window.citation, quote: spec.window.quote }
		},
		period,
		filer: v.filer.kind === 'unit' ? { kind: v.filer.kind, name: v.filer.name } : v.filer,
		/** To whom this filer sends it: the unit's owner by name, else the duty's recipient. */
		to: v.filer.kind === 'unit' ? named(recipient, v.filer.body_name) : recipient,
		provisional: v.provisional,
		snapshot: v.snapshot,
		values: v.values,
		counts: counts(v.snapshot, v.values),
		problems: validate(v.values, v.snapshot, v.filer.kind),
		version: v.draft?.version ?? 0,
		draft: v.draft ?? null,
		last: v.last
			? {
					id: v.last.id,
					submitted_at: v.last.submitted_at,
					late: v.last.late,
					as_of: v.last.as_of
				}
			: null,
		late: v.late,
		from_units: v.from_units,
		units_total: Number(unitsTotal)
	};
}

/** Saves the draft; "review" goes on to the check page once nothing is missing. */
export async function saveYearly(e: Event, reviewPath: string) {
	const { report, period } = params(e);
	const form = Object.fromEntries(await e.request.formData());
	const version = Number(form.version ?? 0);
	try {
		const r = await guarded(() =>
			saveYearlyDraft(e.locals.db, e.locals.user!, reportingConfig(), report, period, form, version)
		);
		if (form.intent === 'review' && r.errors.length === 0) redirect(303, reviewPath);
		return { saved: true, version: r.version, errors: form.intent === 'review' ? r.errors : [] };
	} catch (err) {
		if (err instanceof StaleDraftError) {
			// Nothing typed is lost: the page keeps it and the next save knowingly replaces the other.
			const current = await view(e);
			return fail(409, { stale: true, version: current.draft?.version ?? 0, input: form });
		}
		throw err;
	}
}

export async function submitYearlyAction(e: Event) {
	const { report, period } = params(e);
	const r = await guarded(() =>
		submitYearly(e.locals.db, e.locals.user!, reportingConfig(), report, period)
	);
	if (!r.ok) return fail(422, { errors: r.errors });
	return { submitted: true, late: r.late };
}

export function paperOf(
	v: Pick<YearlyView, 'filer' | 'snapshot' | 'values' | 'provisional'>
): Mau08Paper {
	return {
		filer:
			v.filer.kind === 'unit'
				? { name: v.filer.name, governing_body: v.filer.body_name }
				: { name: v.filer.name },
		snapshot: v.snapshot,
		values: v.values,
		counts: counts(v.snapshot, v.values),
		closed: !v.provisional
	};
}

/** ?format=pdf|docx&copy=draft|final from a link, or format-<v>, copy-<v> from the download form. */
export function fileOptions(url: URL) {
	const q = url.searchParams;
	const v = q.get('v') ?? 'current';
	const format = q.get('format') ?? q.get(`format-${v}`) ?? 'pdf';
	const copy = q.get('copy') ?? q.get(`copy-${v}`) ?? 'draft';
	if ((format !== 'pdf' && format !== 'docx') || (copy !== 'draft' && copy !== 'final'))
		error(404, 'Không tìm thấy trang.');
	return { format, copy } as const;
}

/**
 * The paper as a download: what is typed now (?v=current, default) or the last submission
 * (?v=submitted), as the draft or the signature copy, PDF or Word.
 */
export async function downloadYearly(e: Event) {
	const { format, copy } = fileOptions(e.url);
	const v = await view(e);
	let paper: Mau08Paper;
	if (e.url.searchParams.get('v') !== 'submitted') paper = paperOf(v);
	else {
		if (!v.last) error(404, 'Chưa nộp báo cáo này.');
		paper = paperOf({
			filer: v.filer,
			snapshot: v.last.snapshot,
			values: v.last.values,
			provisional: v.last.snapshot.as_of !== windowClose(v.period).toISOString()
		});
	}
	return paperResponse(paper, { format, copy, note: v.spec.note?.vi, period: v.period.id });
}

export async function paperResponse(
	paper: Mau08Paper,
	o: { format: 'pdf' | 'docx'; copy: 'draft' | 'final'; note?: string; period: string }
) {
	const render = o.format === 'pdf' ? mau08Pdf : mau08Docx;
	const bytes = await render(paper, {
		copy: o.copy,
		generatedAt: new Date().toISOString(),
		note: o.note
	});
	const name = `mau-08-${slug(paper.filer.name)}-${o.period}-${o.copy === 'final' ? 'ban-trinh-ky' : 'du-thao'}.${o.format}`;
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': MIME[o.format],
			'content-disposition': `attachment; filename="${name}"`
		}
	});
}

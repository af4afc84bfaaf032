// Every string a paper prints, with where it is; used to refuse unsupported characters before
// anything is drawn (both writers) and by tests to check that the text round-trips.
import type { Block, Paper } from './blocks';
import { codeOf, unsupportedChars, type GlyphProblem } from './text';

export function blockStrings(b: Block, where: string): { where: string; text: string }[] {
	const at = (field: string, text: string | undefined) =>
		text === undefined ? [] : [{ where: `${where}.${field}`, text }];
	const runs = (field: string, rs: { text: string }[]) => at(field, rs.map((r) => r.text).join(''));
	switch (b.kind) {
		case 'letterhead':
			return [
				...at('governing_body', b.governing_body),
				...at('issuer', b.issuer),
				...at('motto', b.motto.join(' ')),
				...at('number', b.number),
				...at('subject', b.subject),
				...at('date_line', b.date_line)
			];
		case 'title':
			return [...at('text', b.text), ...at('sub', b.sub)];
		case 'addressee':
			return [...at('label', b.label), ...b.lines.flatMap((l, i) => at(`lines[${i}]`, l))];
		case 'heading':
			return [...at('text', b.text), ...at('cite', b.cite)];
		case 'para':
			return runs('runs', b.runs);
		case 'list':
			return b.items.flatMap((item, i) => runs(`items[${i}]`, item));
		case 'quote':
			return [...at('text', b.text), ...at('cite', b.cite)];
		case 'notice':
			return [...at('title', b.title), ...at('text', b.text)];
		case 'fields':
			return b.rows.flatMap(([k, v], i) => [
				...at(`rows[${i}].label`, k),
				...at(`rows[${i}].value`, v)
			]);
		case 'table':
			return [
				...b.columns.flatMap((c, i) => at(`columns[${i}]`, c.title)),
				...b.rows.flatMap((r, i) =>
					'group' in r
						? at(`rows[${i}]`, r.group)
						: r.cells.flatMap((c, j) => runs(`rows[${i}].cells[${j}]`, c))
				)
			];
		case 'signature':
			return [
				...at('recipients_label', b.recipients_label),
				...(b.recipients ?? []).flatMap((r, i) => at(`recipients[${i}]`, r)),
				...at('authority', b.authority),
				...at('title', b.title),
				...at('note', b.note),
				...at('name', b.name)
			];
		case 'page_break':
			return [];
	}
}

/** Characters no embedded font draws, each named with the block and field it is in. */
export function paperGlyphProblems(papers: Paper[]): GlyphProblem[] {
	const out: GlyphProblem[] = [];
	papers.forEach((p, d) => {
		const strings = [
			{ where: `paper[${d}].title`, text: p.title },
			...(p.footer ?? []).map((text, i) => ({ where: `paper[${d}].footer[${i}]`, text })),
			...(p.banner ? [{ where: `paper[${d}].banner`, text: p.banner }] : []),
			...p.blocks.flatMap((b, i) => blockStrings(b, `paper[${d}].blocks[${i}](${b.kind})`))
		];
		for (const s of strings)
			for (const char of unsupportedChars(s.text))
				out.push({ path: s.where, char, code: codeOf(char) });
	});
	return out;
}

/** A paper that cannot be written as asked (an unsupported character); lists every problem. */
export class PaperError extends Error {
	constructor(readonly problems: GlyphProblem[]) {
		super(
			`cannot print ${problems.length} character(s): ` +
				problems
					.slice(0, 10)
					.map((p) => `“${p.char}” (${p.code}) in ${p.path}`)
					.join('; ')
		);
	}
}

export function assertPrintable(papers: Paper[]): void {
	const problems = paperGlyphProblems(papers);
	if (problems.length > 0) throw new PaperError(problems);
}

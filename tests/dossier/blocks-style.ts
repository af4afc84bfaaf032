// The blocks as text with their formatting, for tests that assert what a paper must look like and
// not only what it says (blocks-text.ts reads plain text). A run is written **bold**, _italic_ or
// ***bold italic***; a paragraph starts with ⇥ when its first line is indented (Decree 30/2020
// Phụ lục I: "chữ đầu dòng lùi vào"), then [right]/[center]/… for its alignment and {10pt} for its
// size; a list item with its marker ("1. ", "- "); a table's header with each column's share of the
// width in ⟨ ⟩, and its cells with their runs' formatting.
import type { Block, Run } from '../../src/lib/paper/blocks';
import { blockLines } from './blocks-text';

export const styledRun = (r: Run): string =>
	r.bold && r.italic
		? `***${r.text}***`
		: r.bold
			? `**${r.text}**`
			: r.italic
				? `_${r.text}_`
				: r.text;
/** Adjacent runs of the same style read as one ("_ (Điều 45; mốc 01/07/2027)._", not "_…__…_"). */
export const styledRuns = (runs: Run[]): string =>
	runs
		.reduce<Run[]>((out, r) => {
			const last = out.at(-1);
			if (last && !!last.bold === !!r.bold && !!last.italic === !!r.italic)
				out[out.length - 1] = { ...last, text: last.text + r.text };
			else out.push(r);
			return out;
		}, [])
		.map(styledRun)
		.join('');

const MARKER = { number: (n: number) => `${n + 1}. `, dash: () => '- ', none: () => '' };

export function styledBlockLines(b: Block): string[] {
	switch (b.kind) {
		case 'para':
			return [
				(b.indent ? '⇥' : '') +
					(b.align ? `[${b.align}]` : '') +
					(b.size ? `{${b.size}pt}` : '') +
					styledRuns(b.runs)
			];
		case 'list':
			return b.items.map((i, n) => MARKER[b.marker ?? 'none'](n) + styledRuns(i));
		case 'table':
			return [
				b.columns.map((c) => `${c.title} ⟨${c.width}⟩`).join(' | '),
				...b.rows.map((r) => ('group' in r ? `# ${r.group}` : r.cells.map(styledRuns).join(' | ')))
			];
		default:
			return blockLines(b);
	}
}

export const styledLinesOf = (blocks: Block[]): string[] => blocks.flatMap(styledBlockLines);

// Plain text of a template's blocks, one line per block (table rows and list items on their own
// lines), so in-process tests can assert what the dossier says without a PDF round trip.
import type { Block, Run } from '../../src/lib/paper/blocks';

const runs = (r: Run[]) => r.map((x) => x.text).join('');

export function blockLines(b: Block): string[] {
	switch (b.kind) {
		case 'letterhead':
			return [
				b.governing_body ?? '',
				b.issuer,
				b.motto.join(' '),
				b.number,
				b.subject ?? '',
				b.date_line
			].filter((s) => s !== '');
		case 'title':
			return [b.text, ...(b.sub ? b.sub.split('\n') : [])];
		case 'addressee':
			return [`${b.label} ${b.lines.join(' ')}`];
		case 'heading':
			return [b.cite ? `${b.text} [${b.cite}]` : b.text];
		case 'para':
			return [runs(b.runs)];
		case 'list':
			return b.items.map((i, n) => (b.marker === 'number' ? `${n + 1}. ${runs(i)}` : runs(i)));
		case 'quote':
			return [`“${b.text}” [${b.cite}]`];
		case 'notice':
			return [`${b.title}: ${b.text}`];
		case 'fields':
			return b.rows.map(([k, v]) => `${k}: ${v}`);
		case 'table':
			return [
				b.columns.map((c) => c.title).join(' | '),
				...b.rows.map((r) => ('group' in r ? `# ${r.group}` : r.cells.map(runs).join(' | ')))
			];
		case 'signature':
			return [
				`${b.recipients_label ?? ''} ${(b.recipients ?? []).join(' ')}`.trim(),
				...(b.authority ? [b.authority] : []),
				b.title,
				...(b.note ? [b.note] : []),
				b.name
			];
		case 'page_break':
			return ['---'];
	}
}

export const linesOf = (blocks: Block[]): string[] => blocks.flatMap(blockLines);

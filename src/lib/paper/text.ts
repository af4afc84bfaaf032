// Text rules every paper obeys: NFC (jsPDF does no shaping), only characters the embedded fonts
// draw (anything else is an error naming the character and where it is, never a dropped glyph),
// and unit names that never break mid-name ("GIA / LAI").
import { SYMBOLS, TEXT } from './fonts/coverage';
import { ADVANCES, UPEM } from './fonts/metrics';

export const nfc = (s: string) => s.normalize('NFC');

const inRanges = (rs: [number, number][], cp: number) => rs.some(([a, b]) => cp >= a && cp <= b);
/** Drawn by Tinos (the body font). */
export const inText = (cp: number) => inRanges(TEXT, cp);
/** Drawn by the symbol fallback (✓ ✗ ☐ ⇒ …). */
export const inSymbols = (cp: number) => inRanges(SYMBOLS, cp);
/** Line breaks and tabs are layout, not glyphs; a zero-width space is an allowed break point. */
const LAYOUT = new Set([0x0a, 0x0d, 0x09, 0x200b]);
export const supported = (cp: number) => LAYOUT.has(cp) || inText(cp) || inSymbols(cp);

export interface GlyphProblem {
	/** Where: an input path ("system.description") or a place in the paper ("block 12, table, row 3"). */
	path: string;
	char: string;
	/** "U+1F600" */
	code: string;
}

/** Characters of `text` (after NFC) the fonts cannot draw, each once. */
export function unsupportedChars(text: string): string[] {
	const bad = new Set<string>();
	for (const ch of nfc(text)) if (!supported(ch.codePointAt(0)!)) bad.add(ch);
	return [...bad];
}

export const codeOf = (ch: string) =>
	`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Walks any value (input form, model) and names each unsupported character with its path. */
export function glyphProblems(value: unknown, path = ''): GlyphProblem[] {
	if (typeof value === 'string')
		return unsupportedChars(value).map((char) => ({ path, char, code: codeOf(char) }));
	if (Array.isArray(value)) return value.flatMap((v, i) => glyphProblems(v, `${path}[${i}]`));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => glyphProblems(v, path ? `${path}.${k}` : k));
	return [];
}

export const describeGlyph = (p: GlyphProblem, lang: 'vi' | 'en' = 'vi') =>
	lang === 'vi'
		? `ký tự “${p.char}” (${p.code}) không in được bằng phông chữ của văn bản; hãy thay bằng ký tự khác`
		: `the character “${p.char}” (${p.code}) cannot be printed with the document's font; replace it`;

const NBSP = '\u00a0';
/**
 * A unit name with its place name glued: the words after an administrative level (TỈNH, THÀNH PHỐ,
 * HUYỆN, XÃ, …) up to the end are joined by no-break spaces, so a header line breaks before
 * "TỈNH GIA LAI", never inside it. A name written with its own line breaks ("\n") keeps them.
 */
export function keepNames(name: string): string {
	if (name.includes('\n')) return name;
	const words = nfc(name).trim().split(/\s+/);
	const up = words.map((w) => w.toLocaleUpperCase('vi'));
	let start = -1;
	for (let i = up.length - 2; i >= 0 && start < 0; i--) {
		const [w, next] = [up[i]!, up[i + 1]!];
		if (w === 'XÃ' && next === 'HỘI') continue; // "lao động - thương binh và xã hội"
		if (SINGLE.has(w)) start = i > 0 && PAIRS.has(`${up[i - 1]} ${w}`) ? i - 1 : i;
		else if (PAIRS.has(`${w} ${next}`) && i + 2 < up.length) start = i;
	}
	if (start < 0) return name;
	const tail = words.slice(start).join(NBSP);
	// A glued tail longer than a header line would overflow: keep the name breakable then.
	return tail.length > 30 ? name : [...words.slice(0, start), tail].join(' ');
}

const SINGLE = new Set(['TỈNH', 'HUYỆN', 'QUẬN', 'XÃ', 'PHƯỜNG']);
const PAIRS = new Set(['THÀNH PHỐ', 'THỊ XÃ', 'THỊ TRẤN', 'ĐẶC KHU']);

/**
 * Approximate printed width in mm (Times metrics): accents dropped, other letters as "n". Exact
 * for the fixed header lines it is used on (the motto), close enough to centre a short rule.
 */
export function textWidth(text: string, style: keyof typeof ADVANCES, sizePt: number): number {
	const base = nfc(text)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D');
	const adv = ADVANCES[style];
	let units = 0;
	for (const ch of base) {
		const c = ch.charCodeAt(0);
		units += c >= 32 && c <= 126 ? adv[c - 32]! : adv['n'.charCodeAt(0) - 32]!;
	}
	return (units / UPEM) * sizePt * (25.4 / 72);
}

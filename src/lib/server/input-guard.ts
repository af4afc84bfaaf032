// Checks every request body before any handler sees it: PostgreSQL cannot store U+0000 in text or
// jsonb (a NUL anywhere used to end in a 500), and nesting deeper than any real record would
// only serve to overflow a recursive walker further on.
export const MAX_DEPTH = 64;

export type JsonProblem = { kind: 'nul' | 'depth'; path: string };

const join = (path: string, key: string | number) =>
	typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** The first string or key holding U+0000, or the first value nested too deep (iterative walk). */
export function jsonProblem(value: unknown): JsonProblem | undefined {
	const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
	while (stack.length > 0) {
		const { v, path, depth } = stack.pop()!;
		if (typeof v === 'string') {
			if (v.includes('\u0000')) return { kind: 'nul', path };
			continue;
		}
		if (!v || typeof v !== 'object') continue;
		if (depth >= MAX_DEPTH) return { kind: 'depth', path };
		const entries: [string | number, unknown][] = Array.isArray(v)
			? v.map((x, i) => [i, x])
			: Object.entries(v);
		for (let i = entries.length - 1; i >= 0; i--) {
			const [k, x] = entries[i]!;
			const at = join(path, k);
			if (typeof k === 'string' && k.includes('\u0000')) return { kind: 'nul', path: at };
			stack.push({ v: x, path: at, depth: depth + 1 });
		}
	}
	return undefined;
}

export const problemMessage = (p: JsonProblem) =>
	p.kind === 'nul'
		? `Trường "${p.path || '(gốc)'}" chứa ký tự NUL (U+0000), không được chấp nhận.`
		: `Trường "${p.path}" lồng quá ${MAX_DEPTH} tầng.`;

const TEXT_FILE = /\.(ya?ml|json|csv|txt)$/i;

/** The first form field whose name, text or uploaded text file holds U+0000. */

export async function formNulField(form: FormData): Promise<string | undefined> {
	for (const [k, v] of form) {
		if (k.includes('\u0000')) return k;
		if (typeof v !== 'string' && v.name.includes('\u0000')) return k;
		// A signed PDF is binary and full of NUL bytes; only text files (rule sets, imports) are
		// read as text and stored as such.
		const text =
			typeof v === 'string'
				? v
				: TEXT_FILE.test(v.name) || v.type.startsWith('text/')
					? await v.text()
					: '';
		if (text.includes('\u0000')) return k;
	}
	return undefined;
}

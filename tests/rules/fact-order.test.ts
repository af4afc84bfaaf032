// Question order of a version's facts (fact-order.ts), in process: `after:` moves a fact right
// after its anchor; several after one anchor keep their written order; unknown anchors, a fact
// after itself and circles are reported and the fact is put last.
import { describe, expect, it } from 'vitest';
import { orderFacts } from '../../src/lib/rules/fact-order';
import type { FactDef } from '../../src/lib/rules/types';

const fact = (after?: string) => ({ type: 'boolean', ...(after ? { after } : {}) }) as FactDef;
function order(spec: Record<string, string | undefined>, placed = Object.keys(spec)) {
	const facts = Object.fromEntries(Object.entries(spec).map(([n, a]) => [n, fact(a)]));
	const r = orderFacts(facts, placed);
	return { order: Object.keys(r.facts), problems: r.problems };
}

describe('orderFacts', () => {
	it('keeps the written order without after', () => {
		expect(order({ a: undefined, b: undefined, c: undefined })).toEqual({
			order: ['a', 'b', 'c'],
			problems: []
		});
	});

	it('puts a fact right after its anchor', () => {
		expect(order({ a: undefined, b: undefined, c: 'a' }).order).toEqual(['a', 'c', 'b']);
	});

	it('keeps the written order of several facts after one anchor', () => {
		expect(order({ a: undefined, b: undefined, c: 'a', d: 'a' }).order).toEqual([
			'a',
			'c',
			'd',
			'b'
		]);
	});

	it('places a fact after one that is itself placed later in the same pass', () => {
		expect(order({ a: undefined, b: undefined, c: 'd', d: 'a' }).order).toEqual([
			'a',
			'd',
			'c',
			'b'
		]);
	});

	it('moves only the facts named as placed (the version’s own)', () => {
		expect(order({ a: undefined, b: undefined, c: 'a' }, []).order).toEqual(['a', 'b', 'c']);
		expect(order({ a: undefined, b: 'a', c: 'a' }, ['c']).order).toEqual(['a', 'c', 'b']);
	});

	it('reports an unknown anchor with a suggestion and puts the fact last', () => {
		expect(order({ alpha: undefined, b: 'alphx', c: undefined })).toEqual({
			order: ['alpha', 'c', 'b'],
			problems: [
				{ name: 'b', message: 'unknown fact "alphx"; có phải "alpha"? / did you mean "alpha"?' }
			]
		});
	});

	it('reports a fact placed after itself', () => {
		expect(order({ a: undefined, b: 'b', c: undefined })).toEqual({
			order: ['a', 'c', 'b'],
			problems: [{ name: 'b', message: 'a fact cannot be placed after itself' }]
		});
	});

	it('reports a circle of after, naming every fact in it', () => {
		expect(order({ a: undefined, b: 'c', c: 'b' })).toEqual({
			order: ['a', 'b', 'c'],
			problems: [
				{ name: 'b', message: '"after" goes round in a circle (b → c)' },
				{ name: 'c', message: '"after" goes round in a circle (b → c)' }
			]
		});
	});
});

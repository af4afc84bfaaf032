import { describe, expect, it } from 'vitest';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';
import { ruleSetHash } from '../../src/lib/rules/hash';
import { compileAll, defaultRuleSet, toPayload } from '../../src/lib/wizard/rulesets';
import { emptyInventory, localStore } from '../../src/lib/wizard/store';
import { exportInventory, importInventory } from '../../src/lib/wizard/inventory-io';
import { parseAnswer } from '../../src/lib/wizard/answers';
import { evaluate, type FactDef } from '../../src/lib/rules';

const loaded = bundledRuleSets().rulesets;
const golden = loaded[0]!.data.tests!;

/** A Map-backed Storage, as the browser's localStorage behaves. */
function memoryStorage(): Storage {
	const m = new Map<string, string>();
	return {
		get length() {
			return m.size;
		},
		clear: () => m.clear(),
		getItem: (k) => m.get(k) ?? null,
		key: (i) => [...m.keys()][i] ?? null,
		removeItem: (k) => void m.delete(k),
		setItem: (k, v) => void m.set(k, v)
	};
}

describe('rule sets sent as data', () => {
	it('compile in the client to the same hash and results as the server loader', () => {
		const client = compileAll(loaded.map((r) => toPayload(r)));
		for (const [i, rs] of client.entries()) {
			expect(rs.data.tests).toBeUndefined();
			expect(rs.hash).toBe(loaded[i]!.hash);
			// The hash the server sent is the hash of the data the client compiled.
			expect(ruleSetHash(rs.data)).toBe(rs.hash);
			// Each rule set's own golden cases: a real, valid result per regime, not an error list.
			const own = loaded[i]!.data.tests!;
			expect(own.length).toBeGreaterThan(20);
			for (const g of own) {
				const a = evaluate(rs, { facts: g.facts, components: g.components });
				const b = evaluate(loaded[i]!, { facts: g.facts, components: g.components });
				expect(a.ok, `${rs.ref}: ${g.name}`).toBe(true);
				if (!a.ok) continue;
				expect(a.value.level, `${rs.ref}: ${g.name}`).toBe(g.expect.level);
				expect(a.value.basis.map((x) => x.id).sort()).toEqual([...g.expect.criteria].sort());
				expect(a).toEqual(b);
			}
		}
	});

	it('falls back to the newest rule set when none is in force', () => {
		const far = '1900-01-01';
		const newest = [...loaded].sort((a, b) =>
			a.data.effective_from < b.data.effective_from ? 1 : -1
		)[0];
		expect(defaultRuleSet(loaded, far)).toBe(newest);
	});
});

describe('browser store', () => {
	it('starts empty, saves and reloads the inventory and single systems', async () => {
		const storage = memoryStorage();
		const s = localStore(storage);
		expect(await s.load()).toEqual(emptyInventory());
		await s.saveSystem({ id: 'a', name: 'A', facts: { x: 1 }, components: [] });
		await s.saveSystem({ id: 'b', name: 'B', facts: {}, components: [] });
		await s.saveSystem({ id: 'a', name: 'A2', facts: { x: 2 }, components: [] });
		const again = await localStore(storage).load();
		expect(again.systems.map((x) => [x.id, x.name])).toEqual([
			['a', 'A2'],
			['b', 'B']
		]);
		await s.removeSystem('a');
		expect((await s.load()).systems.map((x) => x.id)).toEqual(['b']);
	});
});

describe('import', () => {
	const rs = loaded[0]!;
	const valid = {
		...emptyInventory(),
		unit: { name: 'Sở', governing_body: 'UBND', security_unit: 'Phòng', contact: { name: 'An' } },
		systems: [
			{ id: 's1', name: 'Thư điện tử', ruleset: rs.ref, facts: golden[0]!.facts, components: [] },
			{
				id: 's2',
				name: 'Dở dang',
				facts: { [Object.keys(rs.data.facts)[0]!]: 'internal' },
				components: []
			}
		]
	};

	it('accepts an exported inventory (unfinished interviews included) unchanged', () => {
		const r = importInventory(exportInventory(valid), loaded);
		expect(r).toEqual({ ok: true, inventory: valid });
	});

	it.each([
		['not JSON', '{', /JSON/],
		['wrong schema tag', JSON.stringify({ ...valid, schema: 'x/1' }), /capdo-inventory\/1/],
		[
			'unknown rule set',
			JSON.stringify({ ...valid, systems: [{ ...valid.systems[0], ruleset: 'nope@1' }] }),
			/nope@1/
		],
		[
			'unknown fact',
			JSON.stringify({ ...valid, systems: [{ ...valid.systems[0], facts: { bogus: 1 } }] }),
			/bogus/
		],
		[
			'value not allowed',
			JSON.stringify({
				...valid,
				systems: [{ ...valid.systems[1], facts: { function: 'martian' } }]
			}),
			/martian/
		],
		['systems not a list', JSON.stringify({ ...valid, systems: {} }), /systems/],
		[
			'an Object member as a fact name',
			`{"schema":"capdo-inventory/1","unit":${JSON.stringify(valid.unit)},"systems":[{"id":"s","name":"x","facts":{"constructor":1,"__proto__":2,"toString":3},"components":[]}]}`,
			/Unknown fact "constructor".*Unknown fact "__proto__".*Unknown fact "toString"/
		],
		[
			'two components with one id (issue 16 item 8)',
			JSON.stringify({
				...valid,
				systems: [
					{
						...valid.systems[1],
						components: [
							{ id: 'lan', name: 'LAN', facts: {} },
							{ id: 'lan', name: 'App', facts: {} }
						]
					}
				]
			}),
			/components\[1\]\.id: id "lan" repeats an earlier component/
		],
		[
			'a component with the main system’s id',
			JSON.stringify({
				...valid,
				systems: [{ ...valid.systems[1], components: [{ id: 'main', name: 'x', facts: {} }] }]
			}),
			/reserved/
		],
		['missing unit', JSON.stringify({ ...valid, unit: undefined }), /unit/]
	])('rejects %s with the reason', (_n, text, why) => {
		const r = importInventory(text, loaded);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reasons.map((x) => x.en).join(' ')).toMatch(why);
	});
});

describe('answers', () => {
	const integer: FactDef = {
		type: 'integer',
		min: 0,
		max: 4,
		question: { vi: '', en: '' },
		citation: { source: 'x', article: 1 }
	};
	it('reads numbers written the Vietnamese way and enforces the range', () => {
		expect(parseAnswer({ ...integer, max: undefined }, ['25.000'])).toEqual({
			ok: true,
			value: 25000
		});
		expect(parseAnswer(integer, ['3'])).toEqual({ ok: true, value: 3 });
		expect(parseAnswer(integer, ['5'])).toMatchObject({ ok: false, error: { key: 'error.max' } });
		expect(parseAnswer(integer, ['-1'])).toMatchObject({ ok: false, error: { key: 'error.min' } });
		expect(parseAnswer(integer, ['abc'])).toMatchObject({
			ok: false,
			error: { key: 'error.wholeNumber' }
		});
		expect(parseAnswer(integer, [''])).toMatchObject({ ok: false, error: { key: 'error.number' } });
	});
});

// All of a unit's dossiers in one PDF: real fixtures, the real renderer, parsed back with
// pdftotext; a system that cannot make a dossier is reported with its reason.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { allDossierPapers, type BulkSystem } from '../../src/lib/dossier';
import { paperPdf } from '../../src/lib/paper';
import type { SystemRecord, UnitProfile } from '../../src/lib/model/inventory';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/dossier');
const rs = bundledRuleSets().rulesets.find((r) => r.ref === 'vn-nd85@tt03-2017')!;

function fixture(name: string, id: string) {
	const f = parse(readFileSync(join(FIXTURES, name), 'utf8')) as SystemRecord & {
		unit: UnitProfile;
	};
	const { unit, ...rest } = f;
	return { unit, system: { ...rest, id, components: rest.components ?? [] } as SystemRecord };
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('every system in one PDF', () => {
	it('holds each classified system with its name and level, and lists the ones it could not make', async () => {
		const l1 = fixture('level1.yaml', 'a');
		const l3 = fixture('level3.yaml', 'b');
		const l4 = fixture('level4.yaml', 'c');
		const incomplete: SystemRecord = {
			id: 'd',
			name: 'Hệ thống chưa trả lời xong',
			facts: { function: 'internal' },
			components: []
		};
		const systems: BulkSystem[] = [
			{ system: l1.system, ruleset: rs },
			{ system: incomplete, ruleset: rs },
			{ system: l3.system, ruleset: rs },
			{ system: { ...l4.system, id: 'e', ruleset: 'vn-x@0' }, ruleset: undefined },
			{ system: l4.system, ruleset: rs }
		];
		const out = allDossierPapers(l1.unit, systems, { generatedAt: '2026-11-26T03:00:00Z' });
		expect(out.included.map((i) => [i.id, i.level])).toEqual([
			['a', 1],
			['b', 3],
			['c', 4]
		]);
		expect(out.skipped.map((s) => s.id)).toEqual(['d', 'e']);
		expect(out.skipped[0]!.reasons.join(' ')).toMatch(/system\.facts|câu trả lời|Thiếu|chưa/i);
		expect(out.skipped[1]!.reasons).toEqual(['Không có bộ quy tắc vn-x@0']);

		const file = join(mkdtempSync(join(tmpdir(), 'capdo-bulk-')), 'all.pdf');
		writeFileSync(file, await paperPdf(out.papers));
		const text = flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
		let at = 0;
		// In order, each dossier names its system and its level; each is numbered on its own.
		for (const [sys, level] of [
			[l1.system.name, 1],
			[l3.system.name, 3],
			[l4.system.name, 4]
		] as const) {
			const i = text.indexOf(sys, at);
			expect(i, sys).toBeGreaterThanOrEqual(at);
			expect(text.indexOf(`Cấp độ ${level}`, i), `${sys} level ${level}`).toBeGreaterThan(i);
			at = i;
		}
		expect(text).not.toContain(incomplete.name);
		// Letter and dossier of each system: 6 documents, each numbered from its own page 1, and
		// the draft's machine footer on every page.
		expect(out.papers).toHaveLength(6);
		const pages = Number(
			/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]
		);
		expect(text.match(/Mã kiểm tra [0-9a-f]{16}/g)?.length).toBe(pages);
	});

	it('makes no file when no system can make a dossier', async () => {
		const { unit } = fixture('level1.yaml', 'a');
		const out = allDossierPapers(unit, [
			{ system: { id: 'x', name: 'X', facts: {}, components: [] }, ruleset: rs }
		]);
		expect(out.papers).toEqual([]);
		expect(out.skipped).toHaveLength(1);
	});
});

// In-process tests of the maintainer tools (issue 20, Stryker part `rules-tools`): what the tools'
// other tests reach only through the CLI, or reach without checking the result — the release
// note, the data-mutant harness's own results, correction records' targets, revisions, and the
// procedure corrections a level is told about. Real rule sets from rulesets/, exact values.
import { beforeAll, describe, expect, it } from 'vitest';
import {
	dataMutants,
	diffRuleSets,
	formatCondition,
	impact,
	impactBetween,
	impactOf,
	killed,
	mutationReport,
	normalizeFacts,
	releaseNote,
	revisionOf,
	touchesProcedure,
	type Change,
	type DataMutant,
	type Facts,
	type RuleSet,
	type RuleSetData,
	type StoredClassification
} from '../../src/lib/rules';
import { closest, didYouMean } from '../../src/lib/rules/suggest';
import { checkCorrections } from '../../src/lib/rules/corrections';
import { canonicalJson, legacyRuleSetHash, ruleSetHash } from '../../src/lib/rules/hash';
import { hashMatches } from '../../src/lib/rules/hash-match';
import { compileRuleSet } from '../../src/lib/rules/compile';
import { neighbourhood } from '../../src/lib/rules/mutate';
import { bundledRuleSets } from '../../src/lib/server/ruleset-files';

const { rulesets } = bundledRuleSets();
const get = (ref: string) => rulesets.find((r) => r.ref === ref)!;
const TT03 = get('vn-nd85@tt03-2017');
const TT12 = get('vn-nd85@tt12-2022');
const ND331 = get('vn-nd331@2026');

describe('releaseNote', () => {
	it('a first version: title, dates (dd/mm/yyyy in Vietnamese, ISO in English), no changes', () => {
		// tt03-2017: effective_from 2017-07-01, effective_to 2022-09-30 (ruleset.yaml).
		expect(releaseNote(undefined, TT03)).toEqual({
			vi:
				'vn-nd85@tt03-2017: Xác định cấp độ an toàn hệ thống thông tin theo Nghị định 85/2016/NĐ-CP và Thông tư 03/2017/TT-BTTTT. Hiệu lực từ ngày 01/07/2017 đến hết ngày 30/09/2022.\n' +
				'Phiên bản đầu tiên của bộ quy tắc này.',
			en:
				'vn-nd85@tt03-2017: Information system security levels under Decree 85/2016/NĐ-CP and Circular 03/2017/TT-BTTTT. In force from 2017-07-01 to 2022-09-30.\n' +
				'The first version of this rule set.'
		});
	});

	it('a version without an end date, against itself: no changes, and the unverified-source note', () => {
		const note = releaseNote(diffRuleSets(ND331, ND331), ND331);
		const vi = note.vi.split('\n');
		expect(vi[0]).toMatch(/^vn-nd331@2026: .+\. Hiệu lực từ ngày 19\/08\/2026\.$/);
		expect(vi.slice(1, 3)).toEqual([
			'Thay đổi so với vn-nd331@2026 (0 mục; trích dẫn thêm, bỏ, sửa: 0):',
			'- Không có thay đổi.'
		]);
		// source_status: unverified — the note's line breaks folded to single spaces.
		expect(vi[3]).toBe(
			'Lưu ý nguồn: Văn bản Nghị định 331/2026/NĐ-CP được sao chép từ bản đăng của một công ty luật (22/08/2026), CHƯA được đối chiếu với Công báo. Luật 116/2025/QH15 lấy từ Công báo số 35 ngày 21/01/2026 (chỉ trích Điều 8–12, 44–45). Đối chiếu tiêu chí, thời hạn và biểu mẫu với bản Công báo trước khi nộp hồ sơ.'
		);
		expect(vi).toHaveLength(4);
		const en = note.en.split('\n');
		expect(en[0]).toMatch(/^vn-nd331@2026: .+\. In force from 2026-08-19\.$/);
		expect(en.slice(1, 3)).toEqual([
			'Changes from vn-nd331@2026 (0 items; citations added, removed, changed: 0):',
			'- No changes.'
		]);
		expect(en[3]).toMatch(
			/^Source note: The text of Decree 331\/2026\/NĐ-CP was copied .+ before filing a dossier\.$/
		);
	});

	it('Circular 03 → 12: the new legal basis, the count, and one line per change', () => {
		const diff = diffRuleSets(TT03, TT12);
		const { vi, en } = releaseNote(diff, TT12);
		const lines = vi.split('\n');
		expect(lines.slice(0, 3)).toEqual([
			'vn-nd85@tt12-2022: Xác định cấp độ an toàn hệ thống thông tin theo Nghị định 85/2016/NĐ-CP và Thông tư 12/2022/TT-BTTTT. Hiệu lực từ ngày 01/10/2022 đến hết ngày 18/08/2026.',
			// The three sources tt12 adds (sources.yaml), by their labels.
			'Căn cứ mới: Thông tư 12/2022/TT-BTTTT; Nghị định 42/2022/NĐ-CP; Nghị định 224/2026/NĐ-CP',
			`Thay đổi so với vn-nd85@tt03-2017 (${diff.changes.length} mục; trích dẫn thêm, bỏ, sửa: ${diff.summary.citations}):`
		]);
		// One line per change, nothing else (verified sources: no source note).
		expect(lines).toHaveLength(3 + diff.changes.length);
		// A criterion: its level, citation, the fields changed (its note, and its condition now read
		// from the form of public service, Decree 42/2022), its text.
		expect(lines).toContain(
			'- Tiêu chí, sửa: nd85-d8-k2a [2] (Điều 8 khoản 2 điểm a Nghị định 85/2016/NĐ-CP): note, when — Hệ thống thông tin phục vụ người dân, doanh nghiệp: cung cấp thông tin và dịch vụ công trực tuyến từ mức độ 2 trở xuống theo quy định của pháp luật.'
		);
		// Added: levels and citation, no field list.
		expect(lines).toContain(
			'- Yêu cầu, thêm: d9-k10c [4, 5] (Điều 9 khoản 10 điểm c Thông tư 12/2022/TT-BTTTT) — Có phân vùng lưu trữ được phân tách độc lập về vật lý.'
		);
		expect(lines).toContain('- Văn bản nguồn, bỏ: tt03 — Thông tư 03/2017/TT-BTTTT');
		expect(en.split('\n')).toContain('- Sources, added: nd42 — Nghị định 42/2022/NĐ-CP');
		expect(en.split('\n')[1]).toBe(
			'New legal basis: Thông tư 12/2022/TT-BTTTT; Nghị định 42/2022/NĐ-CP; Nghị định 224/2026/NĐ-CP'
		);
	});

	it('formats each kind of line: procedure levels left out, label spaces folded, key when no label', () => {
		const change = (c: Partial<Change>): Change =>
			({ section: 'criteria', kind: 'changed', key: 'k', ...c }) as Change;
		const base = diffRuleSets(TT12, TT12);
		const note = (changes: Change[]) =>
			releaseNote({ ...base, changes }, TT12)
				.vi.split('\n')
				.slice(2);
		expect(
			note([
				change({
					section: 'procedure',
					key: 'appraisal_deadline',
					levels: [3],
					fields: [
						{ field: 'days', before: 15, after: 16 },
						{ field: 'working_days', before: false, after: true }
					]
				}),
				change({ kind: 'removed', key: 'x', levels: [1, 2], label: '  Hai\n  dòng  ' }),
				change({ kind: 'changed', key: 'y', fields: [] }),
				change({ section: 'sources', kind: 'added', key: 'src' })
			])
		).toEqual([
			'Thay đổi so với vn-nd85@tt12-2022 (4 mục; trích dẫn thêm, bỏ, sửa: 0):',
			'- Thủ tục, sửa: appraisal_deadline: days, working_days',
			'- Tiêu chí, bỏ: x [1, 2] — Hai dòng',
			'- Tiêu chí, sửa: y',
			'- Văn bản nguồn, thêm: src'
		]);
		// A new source without a label is named by its key.
		expect(
			releaseNote(
				{ ...base, changes: [change({ section: 'sources', kind: 'added', key: 'src' })] },
				TT12
			).en.split('\n')[1]
		).toBe('New legal basis: src');
	});
});

describe('the data-mutant harness, in process', () => {
	// Computed in beforeAll, not while the file is collected: Stryker activates a mutant in a
	// beforeAll of its own, so a value computed at collection never sees the mutant.
	let mutants: DataMutant[];
	beforeAll(() => void (mutants = dataMutants(TT03.data)));
	const applied = (path: string, change: string) => {
		const m = mutants.find((x) => x.path === path && x.change === change)!;
		expect(m, `${path}: ${change}`).toBeDefined();
		const d = structuredClone(TT03.data);
		m.apply(d);
		return d;
	};

	it('each procedure mutant changes exactly its field of the level rule', () => {
		// procedure.appraisal_deadline for level 3: 15 calendar days (Điều 16 khoản 2 điểm a).
		const rule = (d: RuleSetData, key: string, i: number) =>
			(d.procedure as unknown as Record<string, Record<string, unknown>[]>)[key]![i]!;
		const ix = (TT03.data.procedure.appraisal_deadline ?? []).findIndex(
			(r) => r.levels.join() === '3'
		);
		expect(
			rule(applied('procedure.appraisal_deadline[3].days', '15 → 14'), 'appraisal_deadline', ix)
				.days
		).toBe(14);
		expect(
			rule(applied('procedure.appraisal_deadline[3].days', '15 → 16'), 'appraisal_deadline', ix)
				.days
		).toBe(16);
		expect(
			rule(
				applied('procedure.appraisal_deadline[3].working_days', 'false → true'),
				'appraisal_deadline',
				ix
			).working_days
		).toBe(true);
		const authority = TT03.data.procedure.authority.findIndex((r) => r.levels.join() === '3');
		const before = rule(TT03.data, 'authority', authority).approver as { vi: string; en: string };
		expect(
			rule(applied('procedure.authority[3].approver', 'another body'), 'authority', authority)
				.approver
		).toEqual({
			vi: `${before.vi} (khác)`,
			en: `${before.en} (other)`
		});
		// The rest of the data is untouched.
		const d = applied('procedure.appraisal_deadline[3].days', '15 → 16');
		rule(d, 'appraisal_deadline', ix).days = 15;
		expect(d).toEqual(TT03.data);
	});

	it('a copies mutant adds one original or one copy (Thông tư 03 Điều 14 khoản 1, 2)', () => {
		// Levels 1–3: 01 original and 02 copies; levels 4–5: 01 original and 04 copies.
		const submission = (d: RuleSetData) =>
			(d.procedure as unknown as Record<string, { copies: object }[]>).submission!.map(
				(r) => r.copies
			);
		expect(submission(TT03.data)).toEqual([
			{ originals: 1, copies: 2 },
			{ originals: 1, copies: 4 }
		]);
		const copies = mutants.filter((m) => /\.copies\.(originals|copies)$/.test(m.path));
		expect(copies.map((m) => `${m.path}: ${m.change}`)).toEqual([
			'procedure.submission[1,2,3].copies.originals: 1 → 2',
			'procedure.submission[1,2,3].copies.copies: 2 → 3',
			'procedure.submission[4,5].copies.originals: 1 → 2',
			'procedure.submission[4,5].copies.copies: 4 → 5'
		]);
		expect(
			copies.map((m) => {
				const d = structuredClone(TT03.data);
				m.apply(d);
				return submission(d);
			})
		).toEqual([
			[
				{ originals: 2, copies: 2 },
				{ originals: 1, copies: 4 }
			],
			[
				{ originals: 1, copies: 3 },
				{ originals: 1, copies: 4 }
			],
			[
				{ originals: 1, copies: 2 },
				{ originals: 2, copies: 4 }
			],
			[
				{ originals: 1, copies: 2 },
				{ originals: 1, copies: 5 }
			]
		]);
	});

	it('killed: true for every mutant but the 14 equivalent ones, which mutationReport explains', () => {
		const report = mutationReport(TT03);
		// The 14 drop a `function = …` (or the scope) beside a fact asked only of that kind of
		// system: no valid answers tell them apart (README, "Quality: mutation testing").
		expect(report.equivalent.map((e) => e.path)).toEqual([
			'criteria[nd85-d8-k2a].when.all[0]',
			'criteria[nd85-d8-k2b].when.all[0]',
			'criteria[nd85-d8-k2c].when.all[0]',
			'criteria[nd85-d8-k3].when.all[0]',
			'criteria[nd85-d9-k2a].when.all[0]',
			'criteria[nd85-d9-k2b].when.all[0]',
			'criteria[nd85-d9-k2c].when.all[0]',
			'criteria[nd85-d9-k3].when.all[0]',
			'criteria[nd85-d9-k4].when.all[0]',
			'criteria[nd85-d10-k3].when.all[0]',
			'criteria[nd85-d10-k3].when.all[1].any[1].all[0]',
			'criteria[nd85-d10-k4].when.all[0]',
			'criteria[nd85-d11-k3].when.all[0]',
			'criteria[nd85-d11-k4].when.all[0]'
		]);
		expect(report.equivalent.every((e) => e.kind === 'drop-condition')).toBe(true);
		expect(report).toMatchObject({
			ref: 'vn-nd85@tt03-2017',
			total: mutants.length,
			killed: mutants.length - 14,
			survivors: [],
			// Fact sets one or two answers from the golden cases, every one valid.
			explored: 2781
		});
		const notKilled = mutants.filter((m) => !killed(TT03, m)).map((m) => m.path);
		expect(notKilled).toEqual(report.equivalent.map((e) => e.path));
	}, 120_000);
});

describe('the data-mutant harness on tiny rule sets: the fill, the search, the report', () => {
	// Circular 03's data with its facts, criteria, golden cases and constraints replaced, compiled
	// inside each test (its sources, procedure and procedure tests stay, so its procedure mutants
	// are still caught). A criterion's citation: Điều 7 Nghị định 85/2016/NĐ-CP.
	type FactDefs = RuleSetData['facts'];
	const D7 = { source: 'nd85', article: 7 };
	const tiny = (over: {
		facts: Record<string, object>;
		criteria?: { id: string; level: number; when: object; citation?: object }[];
		tests?: { facts: Facts; expect?: object }[];
		constraints?: object[];
		effective_tests?: RuleSetData['effective_tests'];
	}) =>
		compileRuleSet(
			{
				...structuredClone(TT03.data),
				facts: over.facts as FactDefs,
				criteria: (over.criteria ?? []).map((c) => ({ citation: D7, text: c.id, ...c })),
				designations: undefined,
				constraints: over.constraints ?? [],
				tests: over.tests?.map((t, i) => ({
					name: `case ${i + 1}`,
					expect: { level: 1, criteria: [] },
					...t
				})),
				effective_tests: over.effective_tests ?? TT03.data.effective_tests
			} as RuleSetData,
			'tiny'
		);
	const ASKED_IF_A = { applies_when: { fact: 'a', eq: true } };

	it('a fact that comes into question is filled with its first value: the minimum, else 0, else the lowest constant explored', () => {
		const rs = tiny({
			facts: {
				a: { type: 'boolean' },
				n: { type: 'integer', min: 1, ...ASKED_IF_A },
				m: { type: 'integer', ...ASKED_IF_A },
				// Only negative answers: 0 is out of range, so the first constant explored is used.
				neg: { type: 'integer', max: -1, ...ASKED_IF_A }
			},
			criteria: [{ id: 'k', level: 2, when: { fact: 'neg', lt: -10 } }],
			tests: [{ facts: { a: false } }]
		});
		// Then the one new system's neighbours: neg ±1 around the constant -10, in ascending order.
		expect(neighbourhood(rs)).toEqual([
			{ a: false },
			{ a: true, n: 1, m: 0, neg: -11 },
			{ a: true, n: 1, m: 0, neg: -10 },
			{ a: true, n: 1, m: 0, neg: -9 }
		]);
	});

	it('the fill gives up after 8 rounds: a chain of 7 facts each asked after the last is filled, not 8', () => {
		// c1 is asked when b, each next one when the one before is "no" (a boolean is filled "no").
		const chain = (k: number) =>
			tiny({
				facts: {
					b: { type: 'boolean' },
					...Object.fromEntries(
						Array.from({ length: k }, (_, i) => [
							`c${i + 1}`,
							{
								type: 'boolean',
								applies_when: i === 0 ? { fact: 'b', eq: true } : { fact: `c${i}`, eq: false }
							}
						])
					)
				},
				tests: [{ facts: { b: false } }]
			});
		const filled = (k: number) =>
			Object.fromEntries([
				['b', true],
				...Array.from({ length: k }, (_, i) => [`c${i + 1}`, false])
			]);
		expect(neighbourhood(chain(7))[1]).toEqual(filled(7));
		expect(neighbourhood(chain(8))).toEqual([{ b: false }]);
	});

	it('a set that breaks a constraint is left out, a golden case that does is no starting point', () => {
		const rs = tiny({
			facts: { x: { type: 'boolean' }, y: { type: 'boolean' } },
			constraints: [
				{
					id: 'x-needs-y',
					when: { fact: 'x', eq: true },
					require: { fact: 'y', eq: true },
					field: 'y',
					message: { vi: 'x cần y.', en: 'x needs y.' },
					citation: D7
				}
			],
			// The second case breaks the constraint: its neighbours are explored, it is not kept.
			tests: [{ facts: { x: false, y: false } }, { facts: { x: true, y: false } }]
		});
		expect(normalizeFacts(rs, { x: true, y: false }).errors.map((e) => e.code)).toEqual([
			'constraint'
		]);
		expect(neighbourhood(rs)).toEqual([
			{ x: false, y: false },
			{ x: false, y: true },
			{ x: true, y: true }
		]);
	});

	it('a rule set without golden cases has nowhere to start: nothing is explored', () => {
		// `tests` is optional in the schema.
		const rs = tiny({ facts: { a: { type: 'boolean' } } });
		expect(rs.data.tests).toBeUndefined();
		expect(neighbourhood(rs)).toEqual([]);
		// So no changed condition can be shown equivalent: each one survives, and is reported.
		const r = mutationReport(
			tiny({
				facts: { a: { type: 'boolean' }, n: { type: 'integer' } },
				criteria: [
					{
						id: 'k',
						level: 2,
						when: {
							all: [
								{ fact: 'a', eq: true },
								{ fact: 'n', gt: 3 }
							]
						}
					}
				]
			})
		);
		expect(r.equivalent).toEqual([]);
		expect(r.explored).toBe(0);
		expect(
			r.survivors
				.filter((s) => s.path.startsWith('criteria[k].when'))
				.map((s) => [s.kind, s.change])
		).toEqual([
			['drop-condition', 'dropped {"fact":"a","eq":true}'],
			['drop-condition', 'dropped {"fact":"n","gt":3}'],
			['threshold', '3 → 2'],
			['threshold', '3 → 4'],
			['operator', 'gt → gte']
		]);
	});

	it('a report with no changed condition left explores nothing (explored: 0)', () => {
		const facts = { a: { type: 'boolean' } };
		const criteria = [{ id: 'k', level: 2, when: { fact: 'a', eq: true } }];
		const tests = [
			{
				facts: { a: true },
				expect: {
					level: 2,
					criteria: ['k'],
					basis: { k: 'Điều 7 Nghị định 85/2016/NĐ-CP → cấp độ 2' }
				}
			}
		];
		// Level 2 → 1 and → 3, Điều 7 → 8, and Circular 03's procedure and dates: all caught.
		const all = mutationReport(tiny({ facts, criteria, tests }));
		expect(all).toMatchObject({ survivors: [], equivalent: [], explored: 0 });
		expect(all.killed).toBe(all.total);
		// Without the effective-date tests the four date mutants survive, with no facts to explore.
		const dates = mutationReport(tiny({ facts, criteria, tests, effective_tests: [] }));
		expect(dates.survivors.map((s) => `${s.path}: ${s.change}`)).toEqual([
			'effective_from: 2017-07-01 → 2017-06-30',
			'effective_from: 2017-07-01 → 2017-07-02',
			'effective_to: 2022-09-30 → 2022-09-29',
			'effective_to: 2022-09-30 → 2022-10-01'
		]);
		expect(dates).toMatchObject({ killed: dates.total - 4, equivalent: [], explored: 0 });
	});

	it('a citation of an appendix is not mutated (it has no article, clause or point to move)', () => {
		const data = structuredClone(TT03.data);
		data.criteria = [
			{ id: 'in-text', level: 2, text: '', when: { fact: 'a', eq: true }, citation: D7 },
			{
				id: 'in-appendix',
				level: 2,
				text: '',
				when: { fact: 'a', eq: true },
				citation: { source: 'nd85', article: 7, appendix: 'I', item: 'I.1' }
			}
		];
		expect(
			dataMutants(data)
				.filter((m) => m.path.startsWith('criteria['))
				.filter((m) => m.kind === 'citation')
				.map((m) => `${m.path}: ${m.change}`)
		).toEqual(['criteria[in-text].citation.article: Điều 7 → 8']);
	});
});

describe('correction records: targets, dates and procedure changes', () => {
	const messages = (data: RuleSetData) => {
		const out: string[] = [];
		checkCorrections(data, (path, message) => out.push(`${path.join('.')}: ${message}`));
		return out;
	};
	const withChanges = (rs: RuleSet, targets: (string | [string, boolean])[]) =>
		({
			...structuredClone(rs.data),
			corrections: [
				{
					revision: 2,
					date: '2026-12-02',
					kind: 'substantive' as const,
					reason: { vi: 'Lý do', en: 'Reason' },
					changes: targets.map((t) => {
						const [target, removed] = typeof t === 'string' ? [t, undefined] : t;
						return {
							target,
							removed,
							what: { vi: 'Sửa', en: 'Fix' },
							citation: { source: 'nd85', article: 1 }
						};
					})
				}
			]
		}) as RuleSetData;
	const notIn = (i: number, t: string) =>
		`corrections.0.changes.${i}.target: "${t}" is not in this version (write removed: true if the correction removed it)`;

	it('a target names something in the version, section by section (Circular 12)', () => {
		const ok = [
			'constraints/state-secret-needs-damage',
			'transition/tt12-d16-k1',
			'identification/owner',
			'requirements/general',
			'requirements/d9-k9a', // an item inside the cloud-hosting group
			'appraisal',
			'appraisal/coordination',
			'appraisal/checklist',
			'appraisal/checklist/a',
			'dossier',
			'dossier/contents',
			'dossier/contents/design',
			'procedure/appraisal_deadline',
			'metadata'
		];
		expect(messages(withChanges(TT12, ok))).toEqual([]);
		const missing = [
			'constraints/none',
			'designations/nd331-d16-k1', // Decree 331's, not in Decree 85
			'transition/none',
			'identification/none',
			'requirements/none',
			'appraisal/checklist/zz',
			'appraisal/other',
			'dossier/forms', // Decree 331 has forms; Circular 12 does not
			'dossier/contents/none',
			'procedure/submission' // Circular 03's, not carried into Circular 12
		];
		expect(messages(withChanges(TT12, missing))).toEqual(missing.map((t, i) => notIn(i, t)));
	});

	it('a version without appraisal or dossier has none of their parts; removed means gone', () => {
		const bare = {
			...withChanges(TT12, ['appraisal', 'dossier']),
			appraisal: undefined,
			dossier: undefined
		};
		expect(messages(bare as RuleSetData)).toEqual([notIn(0, 'appraisal'), notIn(1, 'dossier')]);
		expect(
			messages(
				withChanges(TT12, [
					['criteria/gone', true],
					['criteria/nd85-d8-k2a', true],
					['facts', true]
				])
			)
		).toEqual([
			'corrections.0.changes.1.removed: "criteria/nd85-d8-k2a" still exists in this version'
		]);
	});

	it('requirements targets: a group or an item; none in a version without requirements', () => {
		// Circular 03 lists requirement groups without items; Circular 12 adds the items.
		const group = TT03.data.requirements!.groups[0]!.id;
		expect(TT03.data.requirements!.groups.every((g) => g.items === undefined)).toBe(true);
		expect(messages(withChanges(TT03, [`requirements/${group}`, 'requirements/d9-k9a']))).toEqual([
			notIn(1, 'requirements/d9-k9a')
		]);
		const bare = { ...withChanges(TT12, ['requirements', 'requirements/general']) };
		delete bare.requirements;
		expect(messages(bare)).toEqual([notIn(1, 'requirements/general')]);
	});

	it('a later revision may not be dated before the one it follows', () => {
		const d = withChanges(TT12, ['metadata']);
		const first = d.corrections![0]!;
		d.corrections = [first, { ...first, revision: 3, date: '2026-12-01' }];
		expect(messages(d)).toEqual(['corrections.1.date: dated before revision 2 (2026-12-02)']);
	});

	it('an editorial removal is refused as changing what exists', () => {
		const d = withChanges(TT12, [['criteria/gone', true]]);
		d.corrections![0]!.kind = 'editorial';
		expect(messages(d)).toEqual([
			'corrections.0.changes.0.target: an editorial correction cannot change what exists: make it substantive'
		]);
	});

	it('touchesProcedure: procedure changes for the level, or for every level', () => {
		const c = (target: string, levels?: number[]) =>
			({
				target,
				levels,
				what: { vi: '', en: '' },
				citation: { source: 'nd85', article: 16 }
			}) as never;
		expect(touchesProcedure(c('procedure/authority', [3]), 3)).toBe(true);
		expect(touchesProcedure(c('procedure/authority', [3]), 2)).toBe(false);
		expect(touchesProcedure(c('procedure/authority'), 2)).toBe(true);
		expect(touchesProcedure(c('procedure/authority', [3]), null)).toBe(true);
		expect(touchesProcedure(c('criteria/nd85-d9-k1', [3]), 3)).toBe(false);
		expect(touchesProcedure(c('procedures/authority', [3]), 3)).toBe(false);
	});

	it('revisionOf: each published hash, the hash as once computed, an earlier alias, none', () => {
		// published.yaml lists four revisions of tt03-2017; revision 2's record names the other
		// hash revision 1 had (previous_aliases).
		const [r1, r2, r3, r4] = TT03.revisions!;
		expect([r1, r2, r3, r4].map((h) => revisionOf(TT03, h!))).toEqual([1, 2, 3, 4]);
		expect(revisionOf(TT03, TT03.sameContentHashes![0]!)).toBe(4);
		expect(
			revisionOf(TT03, '73d04f62953bcadd05670663b76a17ed6eb359dbde68a16b93b0ec9c0df568e5')
		).toBe(1);
		expect(revisionOf(TT03, '0'.repeat(64))).toBeUndefined();
		// Without data (a stored pin's rule set summary): an unknown hash is simply not a revision.
		expect(
			revisionOf({ hash: TT03.hash, revisions: TT03.revisions }, '0'.repeat(64))
		).toBeUndefined();
	});
});

describe('correction targets in the other sections (Decree 331, Circular 12)', () => {
	const messages = (data: RuleSetData) => {
		const out: string[] = [];
		checkCorrections(data, (path, message) => out.push(`${path.join('.')}: ${message}`));
		return out;
	};
	const targeting = (
		rs: RuleSet,
		targets: string[],
		kind: 'substantive' | 'editorial' = 'substantive'
	) =>
		({
			...structuredClone(rs.data),
			corrections: [
				{
					revision: 2,
					date: '2026-12-02',
					kind,
					reason: { vi: 'Lý do', en: 'Reason' },
					changes: targets.map((target) => ({
						target,
						what: { vi: 'Sửa', en: 'Fix' },
						citation: { source: 'nd331', article: 1 }
					}))
				}
			]
		}) as RuleSetData;
	it('Decree 331 has designations, notices, reassessment; Circular 12 has none of them', () => {
		const notice = ND331.data.notices![0]!.id;
		const fact = Object.keys(ND331.data.facts)[0]!;
		const group = Object.keys(ND331.data.groups ?? {})[0]!;
		const present = [
			'designations/nd331-d16-k1',
			`notices/${notice}`,
			'reassessment',
			'sources/nd331',
			`facts/${fact}`,
			'facts',
			`groups/${group}`,
			'undetermined',
			'components_rule',
			'procedure/completeness_deadline'
		];
		expect(messages(targeting(ND331, present))).toEqual([]);
		const absent = [
			'designations/nd331-d16-k1',
			`notices/${notice}`,
			'reassessment',
			'sources/nd331',
			'facts/none',
			'groups/none',
			'procedure/none'
		];
		expect(messages(targeting(TT12, absent))).toEqual(
			absent.map(
				(t, i) =>
					`corrections.0.changes.${i}.target: "${t}" is not in this version (write removed: true if the correction removed it)`
			)
		);
	});
	it('an unknown section, and an editorial change without fields, are located at the change', () => {
		expect(messages(targeting(TT12, ['rules/x']))[0]).toMatch(
			/^corrections\.0\.changes\.0\.target: unknown section "rules" \(one of metadata, /
		);
		expect(messages(targeting(TT12, ['criteria/nd85-d8-k2a'], 'editorial'))).toEqual([
			'corrections.0.changes.0: an editorial change lists its "fields", so it can be seen that no level can change'
		]);
	});
});

describe('canonicalJson and the content hash', () => {
	it('sorts object keys at every depth, keeps array order', () => {
		expect(
			canonicalJson({ e: 1, d: [{ z: 1, y: 2 }, 3], c: { b: 2, a: 1 }, b: null, a: 'x' })
		).toBe('{"a":"x","b":null,"c":{"a":1,"b":2},"d":[{"y":2,"z":1},3],"e":1}');
		const keys = 'zyxwvutsrqponmlkjihgfedcba'.split('');
		expect(canonicalJson(Object.fromEntries(keys.map((k, i) => [k, i])))).toBe(
			canonicalJson(Object.fromEntries([...keys].reverse().map((k) => [k, keys.indexOf(k)])))
		);
		expect(
			Object.keys(JSON.parse(canonicalJson(Object.fromEntries(keys.map((k) => [k, 0])))))
		).toEqual([...keys].sort());
	});
	it('the hash leaves out golden, procedure and date tests and the end date; the legacy one keeps the end', () => {
		expect(ruleSetHash(TT03.data)).toBe(TT03.hash);
		const other = {
			...TT03.data,
			tests: [],
			procedure_tests: [],
			effective_tests: [],
			effective_to: '2030-01-01'
		};
		expect(ruleSetHash(other)).toBe(TT03.hash);
		// The hash Circular 03's results were stored with while its end date was hashed.
		expect(legacyRuleSetHash(TT03.data)).toBe(TT03.sameContentHashes![0]);
		expect(legacyRuleSetHash(other)).not.toBe(TT03.sameContentHashes![0]);
		expect(legacyRuleSetHash({ ...TT03.data, tests: [] })).toBe(TT03.sameContentHashes![0]);
		// Decree 331 declares no end: both formulas agree, there is no legacy hash.
		expect(legacyRuleSetHash(ND331.data)).toBeUndefined();
		expect(ruleSetHash({ ...TT03.data, effective_from: '2017-07-02' })).not.toBe(TT03.hash);
		// A hash that is neither: a rule set without revisions is its own revision 1 only.
		expect(revisionOf({ hash: 'abc' }, 'abc')).toBe(1);
		expect(hashMatches({ hash: 'abc', sameContentHashes: ['def'] }, 'def')).toBe(true);
		expect(hashMatches({ hash: 'abc' }, 'def')).toBe(false);
	});
});

describe('closest: "did you mean" for a mistyped name', () => {
	it('one or two letters are too short to guess from', () => {
		expect(closest('IV', ['V', 'IX'])).toBeUndefined();
	});
	it('three letters: one edit', () => {
		expect(closest('lvl', ['lvx', 'level'])).toBe('lvx');
	});
	it('two neighbouring letters swapped count as one edit', () => {
		expect(closest('levle', ['levels', 'level'])).toBe('level');
		expect(closest('titel', ['title', 'type'])).toBe('title');
		expect(closest('Lveel', ['level'])).toBe('level');
		// Not neighbours, or two swaps: two edits, too many for five letters.
		expect(closest('lelev', ['level'])).toBeUndefined();
		expect(closest('elvle', ['level'])).toBeUndefined();
		// Same letters elsewhere, or a different length, are no swap.
		expect(closest('levxy', ['level'])).toBeUndefined();
		expect(closest('levlx', ['level'])).toBeUndefined();
		expect(closest('levxe', ['level'])).toBeUndefined();
		expect(closest('lev', ['elv'])).toBe('elv');
	});
	it('never the name itself', () => {
		expect(closest('level', ['level', 'levels'])).toBe('levels');
	});
	it('a name the typed one starts, or that starts it, from four letters', () => {
		expect(closest('prime_minister', ['prime_minister_designated'])).toBe(
			'prime_minister_designated'
		);
		expect(closest('prime_minister_designated_x_y', ['prime_minister'])).toBe('prime_minister');
		expect(closest('prim', ['prime_minister_designated'])).toBe('prime_minister_designated');
		expect(closest('pri', ['prime_minister_designated'])).toBeUndefined();
	});
	it('a close edit beats a mere prefix', () => {
		// "abcdef": at most 2 edits; "abcdxy" is 2 edits away, "abcdefghij" only a prefix.
		expect(closest('abcdef', ['abcdxy', 'abcdefghij'])).toBe('abcdxy');
		expect(closest('abcdef', ['abcdefghij', 'abcdxy'])).toBe('abcdxy');
		expect(didYouMean('abcdef', ['abcdxy'])).toBe('; có phải "abcdxy"? / did you mean "abcdxy"?');
		expect(didYouMean('zzz', ['abcdxy'])).toBe('');
	});
});

describe('impact on stored work (Circular 12)', () => {
	const golden = (name: string) => TT12.data.tests!.find((t) => t.name.startsWith(name))!;
	// Điều 10 khoản 3 Nghị định 85: a sector's nationwide network run 24/7 → level 4, on
	// Điều 9 khoản 3 (level 3) and Điều 10 khoản 3 (level 4).
	const net = golden('Mạng toàn quốc của một ngành vận hành 24/7');
	const stored = (over: Partial<StoredClassification>): StoredClassification => ({
		id: 's1',
		name: 'Mạng ngành',
		ruleset: TT12.ref,
		level: 4,
		basis: ['nd85-d9-k3', 'nd85-d10-k3'],
		facts: net.facts,
		...over
	});
	it('the same criteria in either order are the same result', () => {
		expect(net.expect.criteria).toEqual(['nd85-d9-k3', 'nd85-d10-k3']);
		for (const basis of [
			['nd85-d9-k3', 'nd85-d10-k3'],
			['nd85-d10-k3', 'nd85-d9-k3']
		])
			expect(impactOf(TT12, stored({ basis })).change).toBe('same');
		expect(impactOf(TT12, stored({ basis: ['nd85-d9-k3', 'nd85-d10-k4'] })).change).toBe(
			'basis_only'
		);
		// One criterion stored where two fire now, the first the same: a change of basis; and the
		// other way round, a case where one criterion fires now and two were stored.
		expect(impactOf(TT12, stored({ basis: ['nd85-d9-k3'] })).change).toBe('basis_only');
		const one = TT12.data.tests!.find((t) => t.expect.criteria?.length === 1 && t.expect.level)!;
		const [id] = one.expect.criteria!;
		const was = { facts: one.facts, level: one.expect.level, basis: [id!] };
		expect(impactOf(TT12, stored(was)).change).toBe('same');
		expect(impactOf(TT12, stored({ ...was, basis: [id!, 'nd85-d10-k3'] })).change).toBe(
			'basis_only'
		);
	});
	it('leaves out unchanged rows unless asked, and counts an undetermined level as –', () => {
		const rows = [stored({}), stored({ id: 's2', level: null, basis: [] })];
		const r = impact(TT12, rows);
		expect(r.rows.map((x) => [x.id, x.change])).toEqual([['s2', 'level_up']]);
		expect(r.counts).toMatchObject({ same: 1, level_up: 1 });
		// The total counts every stored row, the unchanged ones too.
		expect(r.total).toBe(2);
		expect(r.level_changes).toEqual({ '–→4': 1 });
		expect(impact(TT12, rows, true).rows.map((x) => x.id)).toEqual(['s1', 's2']);
		// The corrections recorded in the rule set, each as recorded.
		expect(r.corrections.map((c) => [c.revision, c.date, c.kind])).toEqual(
			TT12.data.corrections!.map((c) => [c.revision, c.date, c.kind])
		);
		const bare = { ...TT12, data: { ...TT12.data, corrections: undefined } } as RuleSet;
		expect(impact(bare, rows).corrections).toEqual([]);
	});
	it('the revision a result was computed under is read only from a hash recorded for this rule set', () => {
		// published.yaml: tt03-2017 has four revisions; a result pinned to its revision 2 says so.
		const r2 = TT03.revisions![1]!;
		const under = (over: Partial<StoredClassification>) =>
			impactOf(TT03, stored({ ruleset: TT03.ref, ...over })).from;
		expect(under({ ruleset_hash: r2 })).toEqual({
			ruleset: TT03.ref,
			level: 4,
			basis: ['nd85-d9-k3', 'nd85-d10-k3'],
			revision: 2
		});
		// The same hash recorded for another rule set names no revision of this one.
		expect(Object.keys(under({ ruleset: TT12.ref, ruleset_hash: r2 }))).toEqual([
			'ruleset',
			'level',
			'basis'
		]);
		// No hash recorded: no revision, and no revision key at all.
		expect(Object.keys(under({}))).toEqual(['ruleset', 'level', 'basis']);
	});
	it('impactBetween reads each component under the base too (Điều 5 khoản 2: the highest)', () => {
		const portal = golden('Cổng thông tin chỉ cung cấp thông tin, dịch vụ công mức 2');
		const sys = stored({
			level: 2,
			basis: [],
			facts: portal.facts,
			components: [{ name: 'Mạng', facts: net.facts }]
		});
		const r = impactBetween(TT12, TT12, [sys], true);
		expect(r.base?.skipped).toBe(0);
		expect(r.rows.map((x) => [x.from.level, x.to?.level, x.change])).toEqual([[4, 4, 'same']]);
		// Unless asked, a system whose level is the same under both is counted, not listed.
		const quiet = impactBetween(TT12, TT12, [sys]);
		expect([quiet.rows, quiet.counts.same]).toEqual([[], 1]);
	});
	it('a level that becomes undetermined goes down to –', () => {
		// Decree 331: nationwide infrastructure without the 24/7 requirement fits no criterion.
		const none = ND331.data.tests!.find((t) =>
			t.name.startsWith('Hạ tầng toàn quốc không yêu cầu 24/7')
		)!;
		expect(none.expect.level).toBeNull();
		const r = impact(ND331, [stored({ ruleset: ND331.ref, level: 3, facts: none.facts })]);
		expect([r.rows.map((x) => x.change), r.level_changes]).toEqual([['level_down'], { '3→–': 1 }]);
	});
	it('lists each missing answer once, in the interview’s order', () => {
		// An infrastructure system with only its function answered: the questions Circular 12 asks
		// of infrastructure (whether nationwide only once the scope is known; the damage question
		// only for state secrets).
		const { function: fn } = net.facts as Record<string, unknown>;
		const row = impactOf(TT12, stored({ facts: { function: fn } }));
		expect([row.change, row.missing]).toEqual([
			'needs_answers',
			[
				'information',
				'infrastructure_scope',
				'operates_24x7_no_unplanned_downtime',
				'national_egov_system',
				'national_critical_data_store',
				'prime_minister_designated'
			]
		]);
	});
});

describe('diffRuleSets on edited copies of Circular 12', () => {
	const edited = (change: (d: RuleSetData) => void) => {
		const data = structuredClone(TT12.data);
		change(data);
		return { ...TT12, ref: 'vn-nd85@edited', data } as RuleSet;
	};
	it('renders any, not and sets in a condition', () => {
		expect(
			formatCondition({
				any: [
					{ fact: 'function', eq: 'infrastructure' },
					{ not: { fact: 'information', contains_any: ['public', 'private'] } }
				]
			} as never)
		).toBe('(function = infrastructure ∨ ¬information contains any [public, private])');
	});
	it('a golden case whose expected result changed shows both as "cấp độ N [criteria]"', () => {
		const name = TT12.data.tests![0]!.name;
		const before = TT12.data.tests![0]!.expect;
		const b = edited((d) => {
			d.tests![0]!.expect = { ...d.tests![0]!.expect, level: null, criteria: [] };
		});
		const c = diffRuleSets(TT12, b).changes;
		expect(c.map((x) => [x.section, x.kind, x.key])).toEqual([['tests', 'changed', name]]);
		const f = c[0]!.fields!.find((x) => x.field === 'expect')!;
		expect([f.before_text, f.after_text]).toEqual([
			`cấp độ ${before.level} [${before.criteria.join(', ')}]`,
			'cấp độ không xác định []'
		]);
		expect(diffRuleSets(TT12, b).summary.tests).toEqual({ added: 0, removed: 0, changed: 1 });
		// A case with two criteria (Điều 8 khoản 2 điểm a and b), its level raised: both listed.
		const i = TT12.data.tests!.findIndex((t) => t.expect.criteria.length === 2);
		const two = edited((d) => void (d.tests![i]!.expect.level = 3));
		const g = diffRuleSets(TT12, two).changes[0]!.fields!.find((x) => x.field === 'expect')!;
		expect([g.before_text, g.after_text]).toEqual([
			'cấp độ 2 [nd85-d8-k2a, nd85-d8-k2b]',
			'cấp độ 3 [nd85-d8-k2a, nd85-d8-k2b]'
		]);
	});
	it('Circular 03 → 12 requirements: its groups restated, one removed, nothing else removed', () => {
		// Circular 03's groups have no items: nothing of theirs is removed but mgmt-assessment.
		const changes = diffRuleSets(TT03, TT12).changes.filter(
			(c) => c.section === 'requirements' && c.kind !== 'added'
		);
		expect(changes.map((c) => `${c.kind} ${c.key}`)).toEqual([
			'changed (requirements)',
			'changed tech-network',
			'changed tech-server',
			'changed tech-application',
			'changed tech-data',
			'changed mgmt-policy',
			'changed mgmt-organization',
			'changed mgmt-design',
			'changed mgmt-operation',
			'removed mgmt-assessment'
		]);
	});
	it('a version without requirements, dossier or golden cases: all of them removed', () => {
		const b = edited((d) => {
			delete d.requirements;
			delete d.dossier;
			delete d.tests;
		});
		const { summary } = diffRuleSets(TT12, b);
		// The section's own fields, each group and each item in it; the dossier's template and
		// parts; every golden case.
		const groups = TT12.data.requirements!.groups!;
		expect(summary.requirements).toEqual({
			added: 0,
			removed: 1 + groups.length + groups.flatMap((g) => g.items ?? []).length,
			changed: 0
		});
		const d = TT12.data.dossier!;
		expect(summary.dossier).toEqual({
			added: 0,
			removed: 1 + d.contents.length + (d.explanation ?? []).length + (d.plan ?? []).length,
			changed: 0
		});
		expect(summary.tests).toEqual({ added: 0, removed: TT12.data.tests!.length, changed: 0 });
		// And back: the same items added.
		expect(diffRuleSets(b, TT12).summary.dossier.added).toBe(summary.dossier.removed);
	});
});

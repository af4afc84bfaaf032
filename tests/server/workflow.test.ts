// Every workflow transition and every forbidden one, against the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib/server/auth/accounts';
import { verifyAudit } from '../../src/lib/server/audit/verify';
import type { Status } from '../../src/lib/server/db';
import {
	approveSystem,
	classifySystem,
	ConflictError,
	createSystem,
	getSystem,
	NotFoundError,
	returnSystem,
	reviseSystem,
	saveReview,
	saveSystem,
	startReview,
	submitSystem,
	systemHistory
} from '../../src/lib/server/workflow/service';
import type { Checklist } from '../../src/lib/server/workflow/checklist';
import { EMPTY_OPINION, type Opinion } from '../../src/lib/server/workflow/opinion';
import {
	TRANSITIONS,
	TransitionError,
	type Action
} from '../../src/lib/server/workflow/transitions';
import { freshDatabase, level2Record, seed, type Seeded } from './fixtures';

let s: Seeded;
let cleanup: () => Promise<void>;
beforeAll(async () => {
	const d = await freshDatabase();
	cleanup = d.cleanup;
	s = await seed(d);
}, 60_000);
afterAll(() => cleanup());

const allMet: Checklist = {
	a: { verdict: 'met', comment: 'Phù hợp Điều 8' },
	b: { verdict: 'met', comment: '' },
	c: { verdict: 'met', comment: '' }
};
const suitable: Opinion = { ...EMPTY_OPINION, conclusion: 'suitable' };
const today = new Date().toISOString().slice(0, 10);

/** Runs one action as the role the workflow expects for it. */
function run(action: Action, id: string) {
	const unit = s.ctx('unitA');
	const appraiser = s.ctx('appraiser');
	switch (action) {
		case 'save':
			return saveSystem(unit, id, { ...level2Record('Đổi tên'), id });
		case 'classify':
			return classifySystem(unit, id);
		case 'submit':
			return submitSystem(unit, id);
		case 'revise':
			return reviseSystem(unit, id);
		case 'start_review':
			return startReview(appraiser, id);
		case 'checklist':
			return saveReview(appraiser, id, { checklist: allMet, opinion: suitable });
		case 'return':
			return returnSystem(appraiser, id, 'Thiếu phương án vận hành');
		case 'approve':
			return approveSystem(appraiser, id, {
				number: '12/QĐ-STTTT',
				date: today,
				checklist: allMet,
				opinion: suitable
			});
	}
}

const PATH: Record<Status, Action[]> = {
	draft: [],
	classified: ['classify'],
	submitted: ['classify', 'submit'],
	under_review: ['classify', 'submit', 'start_review'],
	returned: ['classify', 'submit', 'start_review', 'return'],
	approved: ['classify', 'submit', 'start_review', 'approve']
};

async function systemIn(status: Status) {
	const sys = await createSystem(s.ctx('unitA'), level2Record());
	for (const a of PATH[status]) await run(a, sys.id);
	expect((await getSystem(s.ctx('unitA'), sys.id)).status).toBe(status);
	return sys.id;
}

const auditCount = async () =>
	Number(
		(
			await s.d.db
				.selectFrom('audit_log')
				.select((e) => e.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

describe('allowed transitions', () => {
	for (const [action, t] of Object.entries(TRANSITIONS) as [Action, (typeof TRANSITIONS)[Action]][])
		for (const from of t.from)
			it(`${action}: ${from} → ${t.to ?? from}, audited`, async () => {
				const id = await systemIn(from);
				const before = await auditCount();
				await run(action, id);
				expect((await getSystem(s.ctx('unitA'), id)).status).toBe(t.to ?? from);
				expect(await auditCount()).toBe(before + 1);
				const last = await s.d.db
					.selectFrom('audit_log')
					.selectAll()
					.orderBy('id', 'desc')
					.limit(1)
					.executeTakeFirstOrThrow();
				expect(last).toMatchObject({
					action: `system.${action}`,
					entity_id: id,
					unit_id: s.units.A
				});
				expect(last.before).toMatchObject({ status: from });
				expect(last.after).toMatchObject({ status: t.to ?? from });
			});
});

describe('forbidden transitions change nothing', () => {
	const statuses: Status[] = [
		'draft',
		'classified',
		'submitted',
		'under_review',
		'returned',
		'approved'
	];
	for (const from of statuses)
		for (const action of Object.keys(TRANSITIONS) as Action[]) {
			if (TRANSITIONS[action].from.includes(from)) continue;
			it(`${action} from ${from} is refused`, async () => {
				const id = await systemIn(from);
				const before = await getSystem(s.ctx('unitA'), id);
				const audits = await auditCount();
				// Before the first submission the appraiser cannot even see the system.
				const hidden =
					TRANSITIONS[action].by === 'appraiser' && ['draft', 'classified'].includes(from);
				await expect(run(action, id)).rejects.toBeInstanceOf(
					hidden ? NotFoundError : TransitionError
				);
				const after = await getSystem(s.ctx('unitA'), id);
				expect(after).toEqual(before);
				expect(await auditCount()).toBe(audits);
			});
		}
});

describe('the full cycle with a return, a resubmission and a re-determination', () => {
	it('keeps revisions, reasons, the approval and a diff of answers', async () => {
		const unit = s.ctx('unitA');
		const appr = s.ctx('appraiser');
		const { id } = await createSystem(unit, level2Record());
		const c = await classifySystem(unit, id);
		expect(c.classification.level).toBe(2);
		expect(c.classification.ruleset).toMatchObject({ id: 'vn-nd85', version: 'tt03-2017' });
		await submitSystem(unit, id);
		await startReview(appr, id);
		await returnSystem(appr, id, 'Bổ sung phương án bảo đảm an toàn thông tin khi vận hành.');
		const returned = await getSystem(unit, id);
		expect(returned.decision).toMatchObject({
			decision: 'returned',
			return_reasons: 'Bổ sung phương án bảo đảm an toàn thông tin khi vận hành.'
		});
		// Revise: a new revision with changed answers, classified again and resubmitted.
		await reviseSystem(unit, id);
		const changed = {
			...level2Record(),
			id,
			facts: { ...level2Record().facts, information: ['public', 'private', 'personal'] }
		};
		await saveSystem(unit, id, changed);
		await classifySystem(unit, id);
		await submitSystem(unit, id);
		await startReview(appr, id);
		await expect(
			approveSystem(appr, id, {
				number: '1/QĐ',
				date: today,
				checklist: { ...allMet, b: { verdict: 'not_met', comment: '' } },
				opinion: suitable
			})
		).rejects.toBeInstanceOf(InputError);
		// Every item met but no conclusion "phù hợp" (Mẫu số 04 Phần 5): refused too.
		await expect(
			approveSystem(appr, id, { number: '1/QĐ', date: today, checklist: allMet })
		).rejects.toThrow(/Phù hợp/);
		await approveSystem(appr, id, {
			number: '15/QĐ-UBND',
			date: today,
			checklist: allMet,
			opinion: suitable
		});
		const approved = await getSystem(unit, id);
		expect(approved.status).toBe('approved');
		expect(approved.decision).toMatchObject({
			decision: 'approved',
			approval_number: '15/QĐ-UBND',
			approved_level: 2,
			approval_date: today
		});
		// Điều 18: a re-determination after approval starts revision 3.
		await reviseSystem(unit, id);
		const h = await systemHistory(unit, id);
		expect(h.current_revision).toBe(3);
		expect(h.revisions.map((r) => [r.revision, r.review?.decision])).toEqual([
			[1, 'returned'],
			[2, 'approved']
		]);
		expect(h.revisions[1]!.changes).toEqual([
			{
				path: 'facts.information',
				before: ['public', 'private'],
				after: ['public', 'private', 'personal']
			}
		]);
		expect((await verifyAudit(s.d.db)).ok).toBe(true);
	});

	it('a resubmission after a return without edits is a new revision', async () => {
		const id = await systemIn('returned');
		await submitSystem(s.ctx('unitA'), id);
		const h = await systemHistory(s.ctx('unitA'), id);
		expect(h.revisions.map((r) => r.revision)).toEqual([1, 2]);
	});
});

describe('server-side classification', () => {
	it('ignores any level the client sends and refuses a proposal below the computed level', async () => {
		const unit = s.ctx('unitA');
		const { id } = await createSystem(unit, {
			...level2Record(),
			proposal: { level: 1, justification: 'thấp' }
		});
		await expect(classifySystem(unit, id)).rejects.toThrow(/không được thấp hơn/);
		await saveSystem(unit, id, { ...level2Record(), id, level: 5, computed_level: 5 } as never);
		const r = await classifySystem(unit, id);
		const stored = await s.d.db
			.selectFrom('classifications')
			.selectAll()
			.where('system_id', '=', id)
			.executeTakeFirstOrThrow();
		expect([r.classification.level, stored.computed_level, stored.proposed_level]).toEqual([
			2, 2, 2
		]);
		expect(stored.ruleset_hash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('a higher proposal needs a justification', async () => {
		const unit = s.ctx('unitA');
		const { id } = await createSystem(unit, {
			...level2Record(),
			proposal: { level: 3, justification: ' ' }
		});
		await expect(classifySystem(unit, id)).rejects.toThrow(/thuyết minh/);
		await saveSystem(unit, id, {
			...level2Record(),
			id,
			proposal: { level: 3, justification: 'Dữ liệu tài chính tập trung' }
		});
		expect((await classifySystem(unit, id)).system.status).toBe('classified');
	});

	it('incomplete answers are refused with the fact path', async () => {
		const unit = s.ctx('unitA');
		const { id } = await createSystem(unit, { ...level2Record(), facts: { function: 'internal' } });
		await expect(classifySystem(unit, id)).rejects.toThrow(/facts: .*information/);
	});

	it('an edit after classifying makes the classification stale: submit refused', async () => {
		const unit = s.ctx('unitA');
		const id = await systemIn('classified');
		await saveSystem(unit, id, { ...level2Record('Tên mới'), id });
		await expect(submitSystem(unit, id)).rejects.toBeInstanceOf(TransitionError);
		await s.d.db
			.updateTable('systems')
			.set({ status: 'classified' })
			.where('id', '=', id)
			.execute();
		await expect(submitSystem(unit, id)).rejects.toBeInstanceOf(ConflictError);
	});

	it('a concurrent edit with a stale version is refused', async () => {
		const unit = s.ctx('unitA');
		const { id, version } = await createSystem(unit, level2Record());
		await saveSystem(unit, id, { ...level2Record('v2'), id }, version);
		await expect(
			saveSystem(unit, id, { ...level2Record('v3'), id }, version)
		).rejects.toBeInstanceOf(ConflictError);
		expect((await getSystem(unit, id)).record?.name).toBe('v2');
	});
});

describe('access to another unit’s system', () => {
	it('unit B, another body’s appraiser, admin and maintainer get NotFound for every action', async () => {
		const id = await systemIn('under_review');
		for (const who of ['unitB', 'otherAppraiser', 'admin', 'maintainer'] as const) {
			const ctx = s.ctx(who);
			await expect(getSystem(ctx, id)).rejects.toBeInstanceOf(NotFoundError);
			await expect(systemHistory(ctx, id)).rejects.toBeInstanceOf(NotFoundError);
			await expect(saveSystem(ctx, id, { ...level2Record(), id })).rejects.toBeInstanceOf(
				NotFoundError
			);
			await expect(returnSystem(ctx, id, 'x')).rejects.toBeInstanceOf(NotFoundError);
			await expect(
				approveSystem(ctx, id, { number: '1', date: today, checklist: allMet, opinion: suitable })
			).rejects.toBeInstanceOf(NotFoundError);
		}
	});

	it('the body’s appraiser cannot see a system never submitted, nor edit a submitted one', async () => {
		const draft = await systemIn('classified');
		await expect(getSystem(s.ctx('appraiser'), draft)).rejects.toBeInstanceOf(NotFoundError);
		const sub = await systemIn('submitted');
		expect((await getSystem(s.ctx('appraiser'), sub)).record).toBeUndefined();
		await expect(
			saveSystem(s.ctx('appraiser'), sub, { ...level2Record(), id: sub })
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('a unit cannot appraise its own system', async () => {
		const id = await systemIn('submitted');
		await expect(startReview(s.ctx('unitA'), id)).rejects.toBeInstanceOf(NotFoundError);
	});
});

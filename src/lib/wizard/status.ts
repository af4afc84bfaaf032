// A system's place in the task list, and its classification when the answers are complete.
import { evaluate } from '../rules/evaluate';
import type { Classification, Level, RuleSet } from '../rules/types';
import type { SystemRecord } from '../model/inventory';
import { componentView, isComplete } from './facts';

export type Status = 'not_started' | 'in_progress' | 'classified';

export function classify(rs: RuleSet, system: SystemRecord): Classification | undefined {
	const done =
		isComplete(rs, system.facts) &&
		system.components.every((c) =>
			isComplete(rs, componentView(rs, system.facts, c.facts), 'component')
		);
	if (!done) return undefined;
	const r = evaluate(rs, {
		name: system.name,
		facts: system.facts,
		components: system.components.map((c) => ({ name: c.name, facts: c.facts }))
	});
	return r.ok ? r.value : undefined;
}

export function statusOf(
	rs: RuleSet | undefined,
	system: SystemRecord
): { status: Status; level?: Level; proposed?: boolean } {
	const started = Object.keys(system.facts).length > 0 || system.components.length > 0;
	if (!rs || !started) return { status: started ? 'in_progress' : 'not_started' };
	const c = classify(rs, system);
	if (c?.level) return { status: 'classified', level: c.level };
	// Undetermined by the rules: classified once the owner has proposed a level.
	if (c && system.proposal)
		return { status: 'classified', level: system.proposal.level, proposed: true };
	return { status: 'in_progress' };
}

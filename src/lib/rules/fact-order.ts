// Question order of a version's facts. Facts are asked in the order written, a child's new facts
// after its parent's; a fact with `after: other` is asked right after `other` instead, so an
// amendment can put its new question where it belongs (several after the same fact keep the
// order they are written in).
import { didYouMean } from './suggest';
import type { FactDef } from './types';

export interface OrderProblem {
	name: string;
	message: string;
}

/** `facts` reordered by the `after:` of the facts named in `placed` (the version's own). */
export function orderFacts(
	facts: Record<string, FactDef>,
	placed: readonly string[]
): { facts: Record<string, FactDef>; problems: OrderProblem[] } {
	const problems: OrderProblem[] = [];
	const moving = placed.filter((n) => facts[n]?.after !== undefined);
	const order = Object.keys(facts).filter((n) => !moving.includes(n));
	const lastAfter = new Map<string, string>();
	let pending = moving;
	for (;;) {
		const next: string[] = [];
		for (const name of pending) {
			const anchor = facts[name]!.after!;
			if (anchor === name || !(anchor in facts)) {
				problems.push({
					name,
					message:
						anchor === name
							? `a fact cannot be placed after itself`
							: `unknown fact "${anchor}"${didYouMean(anchor, Object.keys(facts))}`
				});
				order.push(name);
				continue;
			}
			const at = order.indexOf(lastAfter.get(anchor) ?? anchor);
			if (at < 0) {
				next.push(name); // its anchor is placed later in this same pass
				continue;
			}
			order.splice(at + 1, 0, name);
			lastAfter.set(anchor, name);
		}
		if (next.length === 0) break;
		if (next.length === pending.length) {
			for (const name of next) {
				problems.push({ name, message: `"after" goes round in a circle (${next.join(' → ')})` });
				order.push(name);
			}
			break;
		}
		pending = next;
	}
	return { facts: Object.fromEntries(order.map((n) => [n, facts[n]!])), problems };
}

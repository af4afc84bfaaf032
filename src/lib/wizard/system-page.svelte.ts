// The preamble every /systems/[id]/* page shares: its translator, the compiled rule sets, the
// system named by the URL (from the saved work) and the rule set it is classified under.
import { page } from '$app/state';
import { translator, type Messages } from '../i18n';
import type { Lang } from '../rules/types';
import { compileAll, ruleSetFor, type RuleSetPayload } from './rulesets';
import { wizard } from './state.svelte';

/** What the /systems layout load gives every page under it. */
export interface SystemPageData {
	lang: Lang;
	messages: Messages;
	rulesets: RuleSetPayload[];
}

/** Reactive: read its fields inside templates or $derived, never destructure them once. */
export function systemPage(data: () => SystemPageData) {
	const t = $derived(translator(data().lang, data().messages));
	const rulesets = $derived(compileAll(data().rulesets));
	const id = $derived(page.params.id!);
	const system = $derived(wizard.system(id));
	const rs = $derived(system && ruleSetFor(rulesets, system));
	return {
		get t() {
			return t;
		},
		get rulesets() {
			return rulesets;
		},
		get id() {
			return id;
		},
		get system() {
			return system;
		},
		get rs() {
			return rs;
		}
	};
}

// The rule sets the wizard pages compile in the browser, sent as data only to those pages: they are
// ~40 kB gzip, too much to embed in every page of the app.
import { toPayload } from '$lib/wizard/rulesets';

export const ruleSetPayloads = ({ locals }: { locals: App.Locals }) => ({
	rulesets: locals.rulesets.map((r) => toPayload(r))
});

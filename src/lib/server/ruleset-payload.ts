// The rule sets the wizard pages compile in the browser, sent as data only to those pages: they are
// ~40 kB gzip, too much to embed in every page of the app.
// The reorganisation data (bodies/vn.yaml, a few kB) goes with them: the pages that make dossiers
// address each letter to the body in being on its date.
import { toPayload } from '$lib/wizard/rulesets';
import { vnBodies } from './bodies-file';

export const ruleSetPayloads = ({ locals }: { locals: App.Locals }) => ({
	rulesets: locals.rulesets.map((r) => toPayload(r)),
	bodies: vnBodies().data
});

// The server's data names the rule sets by hash; their contents come from the browser's copy (or
// one fetch of an immutable resource), never inside the page (wizard/ruleset-source.ts).
import { resolveData } from '$lib/wizard/ruleset-source';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ data, fetch }) => resolveData(data, fetch);

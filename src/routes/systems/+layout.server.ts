import { ruleSetPayloads } from '$lib/server/ruleset-payload';

export const load = ruleSetPayloads;

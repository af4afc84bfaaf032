// The worker thread behind check-pool.ts: rebuilds the server's rule-set registry from plain data
// (once per registry change) and runs the maintainer's check on it, off the server's event loop.
import { parentPort } from 'node:worker_threads';
import { checkDraft, registryFrom, type RegistryState } from './rulesets';
import type { CheckJob } from './check-pool';

let registry: { key: string; state: RegistryState } | undefined;

parentPort!.on('message', ({ id, job }: { id: number; job: CheckJob }) => {
	try {
		if (registry?.key !== job.source.key)
			registry = { key: job.source.key, state: registryFrom(job.source) };
		if (job.files.length === 0) return void parentPort!.postMessage({ id }); // warming up
		const { report } = checkDraft(job.files, registry.state.rulesets, job.stored, job.compare);
		parentPort!.postMessage({ id, report });
	} catch (e) {
		parentPort!.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
	}
});

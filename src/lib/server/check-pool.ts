// The maintainer's check (load, golden cases, tiling, diff, impact over every stored result) takes
// from a fraction of a second to many seconds on a large upload. Run on the request path it held
// the one event loop: a 328 KB upload blocked every other request for 35 s. It runs here in one
// worker thread (node:worker_threads), started on first use and kept; checks queue on it, requests
// do not. One worker and a message id are all this needs, so no pool library is added.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StoredClassification } from '../rules';
import type { DraftFile, DraftReport, RegistrySource } from './rulesets';

export interface CheckJob {
	files: DraftFile[];
	stored: StoredClassification[];
	compare?: string;
	source: RegistrySource;
}

const ENTRY = 'src/lib/server/check-worker.mjs';

/** The worker's entry in the source tree, found upward from this file (source or a build/ chunk). */
function entry(): string | undefined {
	for (let dir = import.meta.dirname; dirname(dir) !== dir; dir = dirname(dir))
		if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, ENTRY)))
			return join(dir, ENTRY);
	return undefined;
}

type Pending = { ok: (r: DraftReport) => void; fail: (e: Error) => void };
let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let seq = 0;

function start(): Worker {
	const file = entry();
	if (!file) throw new Error(`capdo: ${ENTRY} not found`);
	const w = new Worker(file, { execArgv: [] });
	w.on('message', (m: { id: number; report?: DraftReport; error?: string }) => {
		const p = pending.get(m.id);
		pending.delete(m.id);
		if (m.error !== undefined) p?.fail(new Error(m.error));
		else p?.ok(m.report as DraftReport);
		if (pending.size === 0) w.unref();
	});
	const dead = (e: Error) => {
		if (worker === w) worker = undefined;
		for (const p of pending.values()) p.fail(e);
		pending.clear();
	};
	w.on('error', dead);
	w.on('exit', (code) => dead(new Error(`capdo: the check worker exited (${code})`)));
	w.unref();
	return w;
}

/** Runs `job` in the worker thread; rejects when the worker fails (the caller may run it inline). */
export function checkInWorker(job: CheckJob): Promise<DraftReport> {
	worker ??= start();
	const w = worker;
	const id = ++seq;
	w.ref(); // keep the process alive while a check is under way
	return new Promise((ok, fail) => {
		pending.set(id, { ok, fail });
		w.postMessage({ id, job });
	});
}

/** Starts the worker and has it build the registry, so a maintainer's first check does not wait
 *  for either (the workspace page calls this as it opens). */
export function warmCheckWorker(source: RegistrySource) {
	if (worker) return;
	try {
		checkInWorker({ files: [], stored: [], source }).catch(() => {});
	} catch {
		// checked() runs the check inline and reports why.
	}
}

/** Stops the worker (tests; the server lets it die with the process). */
export async function stopCheckWorker() {
	const w = worker;
	worker = undefined;
	await w?.terminate();
}

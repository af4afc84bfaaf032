// The store for a signed-in unit user: the unit's inventory lives on the server (/api/unit,
// /api/systems). The server assigns system ids and guards each save with the version it last
// returned, so two tabs cannot overwrite each other silently.
import type { Inventory, SystemRecord } from '../model/inventory';
import type { InventoryStore } from './store';

/** A system's state in the appraisal workflow (Nghị định 85/2016 Điều 12–18). */
export type ServerStatus =
	'draft' | 'classified' | 'submitted' | 'under_review' | 'returned' | 'approved';

export interface ServerSystem {
	status: ServerStatus;
	version: number;
	revision: number;
	classified: boolean;
}

/** With the appraiser or decided: the unit cannot edit until it starts a new revision. */
export const isLocked = (s: ServerSystem | undefined) =>
	!!s && !['draft', 'classified'].includes(s.status);

/** The server refused a save: `stale` (saved elsewhere since) or `locked` (with the appraiser). */
export class SaveConflict extends Error {
	override name = 'SaveConflict';
	constructor(
		readonly kind: 'stale' | 'locked',
		message: string
	) {
		super(message);
	}
}

/** The server answered with an error, or (status 0) could not be reached at all. */
export class ApiError extends Error {
	override name = 'ApiError';
	constructor(
		readonly status: number,
		message: string,
		readonly field?: string
	) {
		super(message);
	}
}

type Fetch = typeof fetch;

export interface ServerStore extends InventoryStore {
	/** Per-system workflow state as of the last load or save, by id. */
	readonly systems: ReadonlyMap<string, ServerSystem>;
	classify(id: string): Promise<void>;
	/** Submits; the server renders the dossier and answers where its stored PDF can be downloaded. */
	submit(id: string): Promise<{ url?: string; sha256?: string }>;
	/** After a return (or an approval, Điều 18): a new revision the unit can edit. */
	revise(id: string): Promise<void>;
}

export function serverStore(fetchFn: Fetch = (...a) => fetch(...a)): ServerStore {
	const systems = new Map<string, ServerSystem>();

	async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
		let res: Response;
		try {
			res = await fetchFn(url, {
				method,
				// Always JSON, even without a body: the server refuses other API writes (CSRF).
				headers: { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body)
			});
		} catch {
			// fetch rejects only when no answer came (offline, server down, connection cut).
			throw new ApiError(0, `${method} ${url}: no answer from the server`);
		}
		const data = (await res.json().catch(() => ({}))) as { message?: string; field?: string };
		if (!res.ok) throw new ApiError(res.status, data.message ?? res.statusText, data.field);
		return data as T;
	}

	type Saved = { id: string; status: ServerStatus; revision: number; version: number };
	const remember = (s: Saved, classified: boolean) =>
		systems.set(s.id, {
			status: s.status,
			revision: s.revision,
			version: s.version,
			classified
		});

	async function saveSystem(system: SystemRecord): Promise<SystemRecord> {
		const known = systems.get(system.id);
		if (!known) {
			// A system made in this browser: the server gives it its id.
			// eslint-disable-next-line @typescript-eslint/no-unused-vars
			const { id, ...record } = system;
			const s = await call<Saved & { record: SystemRecord }>('POST', '/api/systems', record);
			remember(s, false);
			return s.record;
		}
		if (isLocked(known))
			throw new SaveConflict('locked', `status ${known.status}: read-only for the unit`);
		try {
			const s = await call<Saved & { record: SystemRecord }>(
				'PUT',
				`/api/systems/${encodeURIComponent(system.id)}`,
				{ record: system, version: known.version }
			);
			remember(s, false);
			return s.record;
		} catch (e) {
			if (!(e instanceof ApiError) || e.status !== 409) throw e;
			// Saved from elsewhere, or submitted meanwhile: learn which from the current state.
			const now = await call<Saved>('GET', `/api/systems/${encodeURIComponent(system.id)}`);
			remember(now, now.status === 'classified');
			throw new SaveConflict(isLocked(systems.get(system.id)) ? 'locked' : 'stale', e.message);
		}
	}

	return {
		systems,
		async load() {
			const r = await call<{ inventory: Inventory; systems: (Saved & ServerSystem)[] }>(
				'GET',
				'/api/unit'
			);
			systems.clear();
			for (const s of r.systems) remember(s, s.classified);
			return r.inventory;
		},
		async save(inv) {
			await call('PUT', '/api/unit', inv.unit);
			// The server never deletes here: every system in `inv` is added or updated.
			for (const s of inv.systems) await saveSystem(s);
		},
		saveSystem,
		async removeSystem() {
			throw new ApiError(405, 'systems saved on the server cannot be removed here');
		},
		async classify(id) {
			const s = await call<Saved>('POST', `/api/systems/${encodeURIComponent(id)}/classify`);
			remember(s, true);
		},
		async submit(id) {
			const s = await call<Saved & { dossier_pdf?: { url: string; sha256: string } }>(
				'POST',
				`/api/systems/${encodeURIComponent(id)}/submit`
			);
			remember(s, true);
			return { url: s.dossier_pdf?.url, sha256: s.dossier_pdf?.sha256 };
		},
		async revise(id) {
			const s = await call<Saved>('POST', `/api/systems/${encodeURIComponent(id)}/revise`);
			remember(s, false);
		}
	};
}

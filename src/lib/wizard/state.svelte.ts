// The inventory as reactive state for the pages. Every change is saved through the store at once,
// so closing the tab never loses an answer. Anonymous work stays in this browser; a signed-in unit
// user's work is on the server (server-store.ts), with each system's workflow status.
import type { Inventory, SystemRecord, UnitProfile } from '../model/inventory';
// Only the types: the server store's code loads when a unit user is signed in.
import type { SaveConflict, ServerStatus, ServerStore, ServerSystem } from './server-store';
import { localStore, setStore, store } from './store';
import { reasonOf, type FailureReason } from './failure';

/** Who is signed in, as the layout knows it (only unit users save to the server). */
export interface SessionUser {
	username: string;
	role: string;
}

/** Why the last save (or load) did not happen; shown by the layout until the next one succeeds. */
export type SaveAlert =
	| { kind: 'stale' | 'locked'; id: string }
	/** Nothing was saved; the page keeps what was typed, so pressing its button again retries. */
	| { kind: 'unsaved'; reason: FailureReason; message: string }
	/** The saved work could not be read; the layout offers to try again. */
	| { kind: 'unloaded'; reason: FailureReason; message: string };

/** Classifies a failed store call; anything else (a bug) is rethrown, never hidden. */
function failure(e: unknown): { reason: FailureReason; message: string } {
	if (e instanceof Error && e.name === 'ApiError')
		return { reason: reasonOf((e as Error & { status: number }).status), message: e.message };
	// localStorage full (or disabled): the browser store cannot write.
	if (e instanceof DOMException) return { reason: 'storage', message: e.message };
	throw e;
}

class Wizard {
	inventory = $state.raw<Inventory | null>(null);
	/** Workflow state per system id; null when working anonymously in the browser. */
	server = $state.raw<Record<string, ServerSystem> | null>(null);
	alert = $state.raw<SaveAlert | null>(null);
	/** The account whose work is loaded ('' = anonymous), so sign-in/out reloads. */
	private owner: string | undefined;
	private remote: ServerStore | undefined;

	/** Chooses the store for this user and (re)loads when the user changed. */
	async use(user: SessionUser | null | undefined) {
		const owner = user?.role === 'unit' ? user.username : '';
		if (owner === this.owner && this.inventory) return;
		this.owner = owner;
		this.inventory = null;
		this.server = null;
		this.alert = null;
		this.remote = owner ? (await import('./server-store')).serverStore() : undefined;
		setStore(this.remote ?? localStore());
		await this.reload();
	}

	/** (Re)reads the saved work; false, with an `unloaded` alert, when it could not. */
	async reload(): Promise<boolean> {
		try {
			this.inventory = await store().load();
		} catch (e) {
			this.alert = { kind: 'unloaded', ...failure(e) };
			return false;
		}
		if (this.alert?.kind === 'unloaded') this.alert = null;
		this.syncServer();
		return true;
	}

	/** Runs one write; false, with an `unsaved` alert, when it did not happen. */
	private async write(work: () => Promise<void>): Promise<boolean> {
		try {
			await work();
		} catch (e) {
			this.alert = { kind: 'unsaved', ...failure(e) };
			return false;
		}
		if (this.alert?.kind === 'unsaved') this.alert = null;
		return true;
	}

	private syncServer() {
		this.server = this.remote ? Object.fromEntries(this.remote.systems) : null;
	}

	/** What a page without the saved work says: still loading, or (the alert says why) not loaded. */
	get loadingKey() {
		return this.alert?.kind === 'unloaded'
			? ('common.notLoaded' as const)
			: ('common.loading' as const);
	}

	system(id: string): SystemRecord | undefined {
		return this.inventory?.systems.find((s) => s.id === id);
	}

	status(id: string): ServerStatus | undefined {
		return this.server?.[id]?.status;
	}

	locked(id: string): boolean {
		const s = this.server?.[id];
		return !!s && s.status !== 'draft' && s.status !== 'classified';
	}

	// Every write below returns whether it happened. When it did not, `alert` says why and the
	// caller stays where it is (no "saved", no next page), so what was typed is not lost.

	async replace(inventory: Inventory): Promise<boolean> {
		const ok = await this.write(() => store().save(inventory));
		if (this.remote) await this.reload();
		else if (ok) this.inventory = inventory;
		return ok;
	}

	async setUnit(unit: UnitProfile): Promise<boolean> {
		const next = { ...this.inventory!, unit };
		// The server store saves every system it is given: send the profile alone.
		const ok = await this.write(() => store().save(this.remote ? { ...next, systems: [] } : next));
		if (ok) this.inventory = next;
		return ok;
	}

	/**
	 * Saves a system; returns it as stored (a server store gives a new system its id), or
	 * undefined when it was not saved: refused by the server (the inventory is reloaded) or
	 * not delivered. The alert says which.
	 */
	async putSystem(system: SystemRecord): Promise<SystemRecord | undefined> {
		let saved: SystemRecord;
		try {
			saved = await store().saveSystem({ ...system, updated_at: new Date().toISOString() });
		} catch (e) {
			if (!(e instanceof Error && e.name === 'SaveConflict')) {
				this.alert = { kind: 'unsaved', ...failure(e) };
				return undefined;
			}
			if (await this.reload()) this.alert = { kind: (e as SaveConflict).kind, id: system.id };
			return undefined;
		}
		this.alert = null;
		const systems = this.inventory!.systems;
		const i = systems.findIndex((s) => s.id === system.id);
		this.inventory = {
			...this.inventory!,
			systems: i >= 0 ? systems.map((s, j) => (j === i ? saved : s)) : [...systems, saved]
		};
		this.syncServer();
		return saved;
	}

	async removeSystem(id: string): Promise<boolean> {
		if (!(await this.write(() => store().removeSystem(id)))) return false;
		this.inventory = {
			...this.inventory!,
			systems: this.inventory!.systems.filter((s) => s.id !== id)
		};
		return true;
	}

	/** Records the level on the server (it recomputes it under the pinned rule set). */
	async classifyOnServer(id: string) {
		await this.remote!.classify(id);
		await this.reload();
	}

	async submitToServer(id: string) {
		const r = await this.remote!.submit(id);
		await this.reload();
		return r;
	}

	async reviseOnServer(id: string) {
		await this.remote!.revise(id);
		await this.reload();
	}
}

export const wizard = new Wizard();

export const newId = () => Math.random().toString(36).slice(2, 10);

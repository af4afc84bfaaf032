// The inventory as reactive state for the pages. Every change is saved through the store at once,
// so closing the tab never loses an answer. Anonymous work stays in this browser; a signed-in unit
// user's work is on the server (server-store.ts), with each system's workflow status.
import type { Inventory, SystemRecord, UnitProfile } from '../model/inventory';
// Only the types: the server store's code loads when a unit user is signed in.
import type { SaveConflict, ServerStatus, ServerStore, ServerSystem } from './server-store';
import { localStore, setStore, store } from './store';

/** Who is signed in, as the layout knows it (only unit users save to the server). */
export interface SessionUser {
	username: string;
	role: string;
}

/** Why the last save did not happen; shown by the layout until the next save succeeds. */
export type SaveAlert = { kind: 'stale' | 'locked'; id: string };

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

	async reload() {
		const inv = await store().load();
		this.inventory = inv;
		this.syncServer();
	}

	private syncServer() {
		this.server = this.remote ? Object.fromEntries(this.remote.systems) : null;
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

	async replace(inventory: Inventory) {
		await store().save(inventory);
		if (this.remote) await this.reload();
		else this.inventory = inventory;
	}

	async setUnit(unit: UnitProfile) {
		const next = { ...this.inventory!, unit };
		// The server store saves every system it is given: send the profile alone.
		await store().save(this.remote ? { ...next, systems: [] } : next);
		this.inventory = next;
	}

	/**
	 * Saves a system; returns it as stored (a server store gives a new system its id), or
	 * undefined when the server refused (the alert says why and the inventory is reloaded).
	 */
	async putSystem(system: SystemRecord): Promise<SystemRecord | undefined> {
		let saved: SystemRecord;
		try {
			saved = await store().saveSystem({ ...system, updated_at: new Date().toISOString() });
		} catch (e) {
			if (!(e instanceof Error && e.name === 'SaveConflict')) throw e;
			await this.reload();
			this.alert = { kind: (e as SaveConflict).kind, id: system.id };
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

	async removeSystem(id: string) {
		await store().removeSystem(id);
		this.inventory = {
			...this.inventory!,
			systems: this.inventory!.systems.filter((s) => s.id !== id)
		};
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
}

export const wizard = new Wizard();

export const newId = () => Math.random().toString(36).slice(2, 10);

// All persistence of the unit's work goes through this interface. The browser implementation keeps
// the inventory in localStorage; a server-backed one (signed-in users) can replace it with setStore.
import { INVENTORY_SCHEMA, type Inventory, type SystemRecord } from '../model/inventory';

export interface InventoryStore {
	load(): Promise<Inventory>;
	save(inventory: Inventory): Promise<void>;
	/**
	 * Saves one system (added or changed); the rest of the inventory is untouched. Returns the
	 * record as stored: a server store gives a new system its own id.
	 */
	saveSystem(system: SystemRecord): Promise<SystemRecord>;
	removeSystem(id: string): Promise<void>;
}

export const emptyInventory = (): Inventory => ({
	schema: INVENTORY_SCHEMA,
	unit: { name: '', governing_body: '', security_unit: '', contact: { name: '' } },
	systems: []
});

const KEY = 'capdo.inventory';

/** The browser store. `storage` is injectable for tests. */
export function localStore(storage: Storage = globalThis.localStorage): InventoryStore {
	const read = (): Inventory => {
		const text = storage.getItem(KEY);
		if (!text) return emptyInventory();
		try {
			const inv = JSON.parse(text) as Inventory;
			return inv?.schema === INVENTORY_SCHEMA ? inv : emptyInventory();
		} catch {
			return emptyInventory();
		}
	};
	const write = (inv: Inventory) => storage.setItem(KEY, JSON.stringify(inv));
	return {
		load: async () => read(),
		save: async (inv) => write(inv),
		saveSystem: async (system) => {
			const inv = read();
			const i = inv.systems.findIndex((s) => s.id === system.id);
			if (i >= 0) inv.systems[i] = system;
			else inv.systems.push(system);
			write(inv);
			return system;
		},
		removeSystem: async (id) => {
			const inv = read();
			write({ ...inv, systems: inv.systems.filter((s) => s.id !== id) });
		}
	};
}

/** True when this browser holds anonymous work (a unit name or any system). */
export const hasWork = (inv: Inventory) => inv.unit.name.trim() !== '' || inv.systems.length > 0;

let current: InventoryStore | undefined;

/** The store in use: the browser store unless another was set (e.g. after sign-in). */
export const store = (): InventoryStore => (current ??= localStore());
export const setStore = (s: InventoryStore) => {
	current = s;
};

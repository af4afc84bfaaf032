// The inventory as reactive state for the pages. Every change is saved through the store at once,
// so closing the tab never loses an answer.
import type { Inventory, SystemRecord, UnitProfile } from '../model/inventory';
import { store } from './store';

class Wizard {
	inventory = $state.raw<Inventory | null>(null);

	async load() {
		this.inventory ??= await store().load();
	}

	system(id: string): SystemRecord | undefined {
		return this.inventory?.systems.find((s) => s.id === id);
	}

	async replace(inventory: Inventory) {
		await store().save(inventory);
		this.inventory = inventory;
	}

	async setUnit(unit: UnitProfile) {
		await this.replace({ ...this.inventory!, unit });
	}

	async putSystem(system: SystemRecord) {
		const saved = { ...system, updated_at: new Date().toISOString() };
		await store().saveSystem(saved);
		const systems = this.inventory!.systems;
		const i = systems.findIndex((s) => s.id === system.id);
		this.inventory = {
			...this.inventory!,
			systems: i >= 0 ? systems.map((s, j) => (j === i ? saved : s)) : [...systems, saved]
		};
	}

	async removeSystem(id: string) {
		await store().removeSystem(id);
		this.inventory = {
			...this.inventory!,
			systems: this.inventory!.systems.filter((s) => s.id !== id)
		};
	}
}

export const wizard = new Wizard();

export const newId = () => Math.random().toString(36).slice(2, 10);

// The wizard's server store against the real built server and database: the server assigns ids,
// saves carry the version, a stale save or a save after submission is refused as a SaveConflict
// of the right kind and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, level2Record, PASSWORD, seed } from '../server/fixtures';
import { Client, ensureBuilt, startServer, type Server } from '../server/server-process';
import { SaveConflict, serverStore, type ServerStore } from '../../src/lib/wizard/server-store';

let server: Server;
let cleanup: () => Promise<void>;

beforeAll(async () => {
	await ensureBuilt();
	const d = await freshDatabase();
	cleanup = d.cleanup;
	await seed(d);
	await d.close();
	server = await startServer(d.target);
}, 300_000);
afterAll(async () => {
	await server?.stop();
	await cleanup?.();
});

/** A store whose requests carry this user's session, as the browser's would. */
async function storeFor(username: string): Promise<ServerStore> {
	const c = new Client(server.origin);
	await c.login(username, PASSWORD);
	return serverStore((url, init) => c.fetch(String(url), init));
}

describe('server store', () => {
	it('creates with a server id, saves by version, refuses stale and submitted saves', async () => {
		const tab1 = await storeFor('unita');
		expect((await tab1.load()).systems).toEqual([]);
		const created = await tab1.saveSystem({ id: 'local1', ...level2Record('Hệ thống thử') });
		expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(tab1.systems.get(created.id)).toMatchObject({ status: 'draft', version: 1 });

		// A second session loads the same work and saves first; the first one's save is stale.
		const tab2 = await storeFor('unita');
		const [other] = (await tab2.load()).systems;
		expect(other).toEqual(created);
		await tab2.saveSystem({ ...other!, description: 'từ thẻ thứ hai' });
		const stale = tab1.saveSystem({ ...created, description: 'từ thẻ thứ nhất' });
		await expect(stale).rejects.toBeInstanceOf(SaveConflict);
		await expect(stale).rejects.toMatchObject({ kind: 'stale' });
		const now = await tab1.load();
		expect(now.systems[0]!.description).toBe('từ thẻ thứ hai');

		// Reloaded, the save goes through; then record, submit, and the unit can no longer save.
		await tab1.saveSystem({ ...now.systems[0]!, description: 'đã tải lại' });
		await tab1.classify(created.id);
		expect(tab1.systems.get(created.id)!.status).toBe('classified');
		const { url } = await tab1.submit(created.id);
		expect(url).toMatch(new RegExp(`^/api/systems/${created.id}/files/[0-9a-f-]{36}$`));
		expect(tab1.systems.get(created.id)!.status).toBe('submitted');
		await expect(tab1.saveSystem(now.systems[0]!)).rejects.toMatchObject({ kind: 'locked' });
		// The other session did not know yet: the server refuses and it learns the status.
		await expect(tab2.saveSystem(other!)).rejects.toMatchObject({ kind: 'locked' });
		expect(tab2.systems.get(created.id)!.status).toBe('submitted');
		expect((await tab2.load()).systems[0]!.description).toBe('đã tải lại');

		// Another unit sees none of it.
		const b = await storeFor('unitb');
		expect((await b.load()).systems).toEqual([]);
	}, 120_000);
});

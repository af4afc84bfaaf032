import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://localhost:${PORT}`;
// Each run gets a fresh embedded database directory.
const dataDir = process.env.CAPDO_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'capdo-e2e-'));

export default defineConfig({
	testDir: 'tests/e2e',
	// Generous limits: on a loaded 2-core machine a page can take seconds to answer (issue 16,
	// "tests do not depend on machine speed"); a test that hangs still fails, just later.
	timeout: 180_000,
	expect: { timeout: 20_000 },
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		baseURL: ORIGIN,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				browserName: 'chromium',
				launchOptions: {
					executablePath: '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-dev-shm-usage',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run'
					]
				}
			}
		}
	],
	webServer: {
		command: 'npm run build && node build',
		url: ORIGIN,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN,
			CAPDO_DATA_DIR: dataDir
		}
	}
});

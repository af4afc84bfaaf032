import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => ({
	plugins: [sveltekit()],
	// Under vitest, resolve the `browser` condition so Svelte 5 runes ($effect) run in
	// component tests; such test files opt in with `// @vitest-environment happy-dom`.
	resolve: process.env.VITEST || mode === 'test' ? { conditions: ['browser'] } : undefined,
	test: {
		include: ['tests/**/*.test.ts'],
		// Many tests run the real CLI, server or PDF tools as child processes: allow for a busy CI box.
		testTimeout: 180_000,
		hookTimeout: 180_000,
		environment: 'node'
	}
}));

import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => ({
	plugins: [sveltekit()],
	// Under vitest, resolve the `browser` condition so Svelte 5 runes ($effect) run in
	// component tests; such test files opt in with `// @vitest-environment happy-dom`.
	resolve: process.env.VITEST || mode === 'test' ? { conditions: ['browser'] } : undefined,
	test: {
		include: ['tests/**/*.test.ts'],
		environment: 'node'
	}
}));

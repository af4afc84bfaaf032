import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// Static assets are compressed at build time (.br, .gz) and served as such; what the app
		// renders is compressed by the handle hook (src/lib/server/compress.ts).
		adapter: adapter({ precompress: true }),
		// The origin check is the handle hook's (src/lib/server/origin.ts), for every state-changing
		// request: SvelteKit's own compares with the configured ORIGIN only, so a user at
		// http://127.0.0.1:3000 or the server's LAN name could not sign in. Other sites stay refused.
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;

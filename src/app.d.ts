// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Kysely } from 'kysely';
import type { Principal } from '$lib/server/auth/policy';
import type { DB } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			db: Kysely<DB>;
			/** The signed-in user, or null. */
			user: Principal | null;
			lang: import('$lib/i18n').Lang;
			/** Bundled rule sets plus those published from the maintainer workspace. */
			rulesets: import('$lib/rules').RuleSet[];
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};

// A published version as a rule-set package (its files and manifest), to install on another
// capdo: upload it there on /maintain. Maintainers only (the /maintain policy).
import { error } from '@sveltejs/kit';
import { PACKAGE_SUFFIX, packageOf } from '$lib/server/ruleset-package';
import { ruleSetRegistry } from '$lib/server/rulesets';
import { contextOf } from '$lib/server/workflow/route';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { db } = contextOf(event);
	const pkg = await packageOf(event.params.ref, await ruleSetRegistry(db), db);
	if (!pkg) error(404, 'Không có phiên bản đã công bố này / no such published version.');
	const name = `${pkg.manifest.ref.replace('@', '_')}${PACKAGE_SUFFIX}`;
	return new Response(JSON.stringify(pkg, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`
		}
	});
};

// Seeds a province-sized fixture into the database the server would use (DATABASE_URL or
// CAPDO_DATA_DIR / --data-dir): node --import tsx scripts/seed-province.ts --units 300 --systems 30
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db';
import { envTarget } from '../src/lib/server/db/connect';
import { seedProvince } from '../src/lib/server/overview/seed';
import { bundledRuleSets } from '../src/lib/server/ruleset-files';

const { values } = parseArgs({
	options: {
		units: { type: 'string', default: '300' },
		systems: { type: 'string', default: '30' },
		'data-dir': { type: 'string' },
		prefix: { type: 'string', default: '' },
		ruleset: { type: 'string', default: 'vn-nd85@tt03-2017' }
	}
});
const password = process.env.CAPDO_SEED_PASSWORD;
if (!password || password.length < 12) {
	console.error('seed-province: set CAPDO_SEED_PASSWORD (12+ characters) for the seeded accounts');
	process.exit(2);
}
const ruleset = bundledRuleSets().rulesets.find((r) => r.ref === values.ruleset);
if (!ruleset) {
	console.error(`seed-province: no rule set ${values.ruleset}`);
	process.exit(2);
}
const target = values['data-dir'] ? { dataDir: values['data-dir'] } : envTarget();
const d = await openDatabase(target);
try {
	const r = await seedProvince(d.db, {
		units: Number(values.units),
		systemsPerUnit: Number(values.systems),
		ruleset,
		password,
		prefix: values.prefix,
		unitAccounts: 3
	});
	console.log(
		`seeded ${values.units} units × ${values.systems} systems into ${d.where}\n` +
			`accounts: ${r.usernames.appraiser}, ${r.usernames.admin}, ${r.usernames.units.join(', ')}`
	);
} finally {
	await d.close();
}

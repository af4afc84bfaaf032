// Impact analysis over the server's stored classifications: each system's current record with its
// latest classification (level and basis as computed, the rule set it was computed under).
import { sql, type Kysely } from 'kysely';
import type { RuleSet, StoredClassification } from '../../rules';
import { ruleSetRegistry } from '../rulesets';
import type { SystemRecord } from '../../model/inventory';
import { openDatabase } from './index';
import type { DB } from './schema';

interface Row {
	id: string;
	unit: string;
	record: SystemRecord;
	ruleset_id: string;
	ruleset_version: string;
	ruleset_hash: string;
	computed_level: number | null;
	result: { basis?: { id: string }[] };
}

/** Reads from an open database (the server's, inside a request). */
export async function readStoredClassifications(db: Kysely<DB>): Promise<StoredClassification[]> {
	// distinct on: the newest classification per system; systems never classified have none.
	const { rows } = await sql<Row>`
		select s.id, u.name as unit, s.record, c.ruleset_id, c.ruleset_version, c.ruleset_hash,
			c.computed_level, c.result
		from systems s
		join units u on u.id = s.unit_id
		join (
			select distinct on (system_id) *
			from classifications
			order by system_id, created_at desc, revision desc
		) c on c.system_id = s.id
		order by u.name, s.record->>'name', s.id`.execute(db);
	return rows.map((r) => ({
		id: r.id,
		unit: r.unit,
		name: r.record.name,
		ruleset: `${r.ruleset_id}@${r.ruleset_version}`,
		ruleset_hash: r.ruleset_hash,
		level: r.computed_level as StoredClassification['level'],
		basis: (r.result.basis ?? []).map((b) => b.id),
		facts: r.record.facts,
		components: r.record.components
	}));
}

/**
 * Opens the database at `url` (PostgreSQL) or `dataDir` (PGlite), reads, closes (the CLI). The
 * rule sets are the server's registry: bundled ones plus those published from the web workspace.
 */
export async function loadFromDatabase(opts: {
	url?: string;
	dataDir?: string;
}): Promise<{ stored: StoredClassification[]; rulesets: RuleSet[] }> {
	if (!opts.url && !opts.dataDir) throw new Error('give --db URL or --data-dir DIR');
	const d = await openDatabase({
		...(opts.url ? { url: opts.url } : { dataDir: opts.dataDir }),
		owner: { kind: 'cli', what: 'capdo impact' }
	});
	try {
		return {
			stored: await readStoredClassifications(d.db),
			rulesets: await ruleSetRegistry(d.db)
		};
	} finally {
		await d.close();
	}
}

// Impact analysis over the server's stored classifications (filled in with the database layer).
import type { StoredClassification } from '../../rules';

export async function loadStoredClassifications(opts: {
	url?: string;
	dataDir?: string;
}): Promise<StoredClassification[]> {
	throw new Error(
		`reading classifications from ${opts.url ?? opts.dataDir ?? 'the database'} is not available yet: use --from`
	);
}

// The dossier as submitted: built and rendered on the server from the stored answers under the
// pinned rule set, so the appraiser reads exactly what the answers say and the PDF's SHA-256 binds
// the approval to one file. The unit downloads the same stored bytes.
import type { Kysely } from 'kysely';
import { buildDossier, dossierFile, dossierJson, fileName } from '../../dossier';
import type { SystemRecord, UnitProfile } from '../../model/inventory';
import type { RuleSet } from '../../rules';
import type { DB } from '../db/schema';
import { InputError } from '../auth/accounts';
import { vnBodies } from '../bodies-file';

/** The unit's profile, or the minimum known from its account when it never filled one in. */
export async function unitProfile(db: Kysely<DB>, unitId: string): Promise<UnitProfile> {
	const unit = await db
		.selectFrom('units')
		.innerJoin('governing_bodies', 'governing_bodies.id', 'units.body_id')
		.select(['units.name', 'units.profile', 'governing_bodies.name as body_name'])
		.where('units.id', '=', unitId)
		.executeTakeFirstOrThrow();
	return (
		(unit.profile as UnitProfile | null) ?? {
			name: unit.name,
			governing_body: unit.body_name,
			security_unit: '',
			contact: { name: '' }
		}
	);
}

export interface RenderedDossier {
	json: unknown;
	pdf: Uint8Array;
	docx: Uint8Array;
	/** File names without extension. */
	name: { pdf: string; docx: string };
}

/** Builds and renders the dossier; a dossier that cannot be made refuses the submission. */
export async function renderSubmitted(
	rs: RuleSet,
	unit: UnitProfile,
	record: SystemRecord,
	at: Date
): Promise<RenderedDossier> {
	const built = buildDossier(rs, { unit, system: record });
	if (!built.ok)
		throw new InputError(
			'Chưa lập được hồ sơ đề xuất cấp độ: ' +
				built.errors.map((e) => `${e.path}: ${e.message.vi}`).join('; '),
			built.errors[0]?.path
		);
	const generatedAt = at.toISOString();
	const opts = { lang: 'vi' as const, generatedAt, bodies: vnBodies() };
	const name = (ext: 'pdf' | 'docx') =>
		fileName(built.dossier.system.name, { part: 'all', copy: 'draft', ext });
	return {
		json: JSON.parse(dossierJson(built.dossier, generatedAt)) as unknown,
		pdf: await dossierFile(built.dossier, rs, 'pdf', opts),
		docx: await dossierFile(built.dossier, rs, 'docx', opts),
		name: { pdf: name('pdf'), docx: name('docx') }
	};
}

// The dossier as submitted: built and rendered on the server from the stored answers under the
// pinned rule set, so the appraiser reads exactly what the answers say and the PDF's SHA-256 binds
// the approval to one file. The unit downloads the same stored bytes.
import type { Kysely } from 'kysely';
import { buildDossier, dossierJson, dossierPdf } from '../../dossier';
import type { SystemRecord, UnitProfile } from '../../model/inventory';
import type { RuleSet } from '../../rules';
import type { DB } from '../db/schema';
import { InputError } from '../auth/accounts';

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
	filename: string;
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
	const pdf = await dossierPdf(built.dossier, rs, { lang: 'vi', generatedAt });
	return {
		json: JSON.parse(dossierJson(built.dossier, generatedAt)) as unknown,
		pdf,
		filename: `ho-so-de-xuat-cap-do-${slug(record.name)}.pdf`
	};
}

/** ASCII file-name part from a Vietnamese name ("Cổng thông tin" → "cong-thong-tin"). */
export function slug(name: string): string {
	return (
		name
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/đ/g, 'd')
			.replace(/Đ/g, 'D')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 60) || 'he-thong'
	);
}

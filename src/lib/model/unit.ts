// The unit's profile: what it must hold before a dossier is complete, and the checks on its
// contact details. One place for the form, the task list and the tests.
import type { UnitProfile } from './inventory';

export type UnitField =
	| 'name'
	| 'governing_body'
	| 'security_unit'
	| 'contact'
	| 'email'
	| 'phone'
	| 'signer_name'
	| 'signer_title';

/** The fields the dossier's cover letter cannot do without. */
export const REQUIRED_UNIT_FIELDS = ['name', 'governing_body', 'security_unit', 'contact'] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** Digits with the usual separators, an optional +84; 9 to 12 digits in all. */
const PHONE = /^\+?[\d\s.()-]+$/;

export const validEmail = (v: string) => EMAIL.test(v.trim());
export function validPhone(v: string): boolean {
	const digits = v.replace(/\D/g, '').length;
	return PHONE.test(v.trim()) && digits >= 9 && digits <= 12;
}

export type UnitProblem = { field: UnitField; problem: 'required' | 'invalid' };

/** What is missing or wrong in a profile (empty optional fields are fine). */
export function unitProblems(u: UnitProfile): UnitProblem[] {
	const out: UnitProblem[] = [];
	const value: Record<(typeof REQUIRED_UNIT_FIELDS)[number], string> = {
		name: u.name,
		governing_body: u.governing_body,
		security_unit: u.security_unit,
		contact: u.contact.name
	};
	for (const f of REQUIRED_UNIT_FIELDS)
		if (!value[f]?.trim()) out.push({ field: f, problem: 'required' });
	if (u.contact.email?.trim() && !validEmail(u.contact.email))
		out.push({ field: 'email', problem: 'invalid' });
	if (u.contact.phone?.trim() && !validPhone(u.contact.phone))
		out.push({ field: 'phone', problem: 'invalid' });
	// A signer is optional (the unit head signs), but then needs both a name and a title.
	const sn = u.signer?.name.trim() ?? '';
	const st = u.signer?.title.trim() ?? '';
	if (sn && !st) out.push({ field: 'signer_title', problem: 'required' });
	if (st && !sn) out.push({ field: 'signer_name', problem: 'required' });
	return out;
}

/** The task list's status: nothing entered, started but not complete, or complete. */
export function unitStatus(u: UnitProfile): 'not_started' | 'in_progress' | 'done' {
	const any = [u.name, u.governing_body, u.security_unit, u.contact.name].some((v) => v?.trim());
	if (!any) return 'not_started';
	return unitProblems(u).length === 0 ? 'done' : 'in_progress';
}

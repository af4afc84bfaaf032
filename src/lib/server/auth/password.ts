// Password hashing with scrypt (memory-hard, in node:crypto). The parameters are stored with the
// hash so they can be raised later without breaking existing accounts.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Said } from './said';
import { MIN_SCORE, passwordStrength } from './strength';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
	new Promise<Buffer>((ok, fail) =>
		scryptCb(pw, salt, len, opts, (err, key) => (err ? fail(err) : ok(key)))
	);

// N = 2^15, r = 8, p = 1: 32 MiB per hash (OWASP's scrypt minimum is N = 2^17 with r = 8, p = 1
// at ~128 MiB; 2^15 keeps logins fast on small servers while staying memory-hard).
const DEFAULT = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LEN = 32;
export const MIN_PASSWORD_LENGTH = 12;

const maxmem = (N: number, r: number) => 256 * N * r;

export async function hashPassword(password: string, params = DEFAULT): Promise<string> {
	const salt = randomBytes(16);
	const key = await scrypt(password.normalize('NFC'), salt, KEY_LEN, {
		...params,
		maxmem: maxmem(params.N, params.r)
	});
	return [
		'scrypt',
		params.N,
		params.r,
		params.p,
		salt.toString('base64'),
		key.toString('base64')
	].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, key] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !key) return false;
	const N = Number(n);
	const R = Number(r);
	const expected = Buffer.from(key, 'base64');
	const actual = await scrypt(
		password.normalize('NFC'),
		Buffer.from(salt, 'base64'),
		expected.length,
		{
			N,
			r: R,
			p: Number(p),
			maxmem: maxmem(N, R)
		}
	);
	return timingSafeEqual(actual, expected);
}

/** A hash of nothing, verified against when the account does not exist (equal timing). */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

/** Longer input is no password anyone types, only work for scrypt. */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * Why a new password is refused, or undefined: 12–1,024 characters, not only spaces, and hard to
 * guess (strength.ts: common and sequential passwords, the user's own name and login refused).
 * By message key, so a form can answer in its reader's language.
 */
export async function passwordIssue(
	password: string,
	personal: string[] = []
): Promise<Said | undefined> {
	if (password.length < MIN_PASSWORD_LENGTH)
		return { key: 'account.password.short', params: { n: MIN_PASSWORD_LENGTH } };
	if (password.length > MAX_PASSWORD_LENGTH)
		return {
			key: 'account.password.long',
			params: {
				n: {
					vi: MAX_PASSWORD_LENGTH.toLocaleString('vi-VN'),
					en: MAX_PASSWORD_LENGTH.toLocaleString('en-GB')
				}
			}
		};
	if (!password.trim()) return { key: 'account.password.blank' };
	const s = await passwordStrength(password, personal);
	if (s.score < MIN_SCORE)
		return s.warning
			? {
					key: 'account.password.weakBecause',
					params: { warning: { vi: s.warning, en: s.warningEn } }
				}
			: { key: 'account.password.weak' };
	return undefined;
}

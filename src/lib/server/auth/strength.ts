// How guessable a password is: zxcvbn-ts (maintained TypeScript port of Dropbox's zxcvbn) matches
// it against ~40k common passwords, dictionaries, keyboard rows, sequences, repeats and dates, and
// estimates the guesses needed. Its English dictionaries know nothing of Vietnamese passwords, so
// a short list of the words Vietnamese users pick is added, with the user's own name and login.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** Scores 0–4; 3 means "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_SCORE = 3;
/** zxcvbn's cost grows with length; beyond this the prefix decides (it already is long). */
const SCORED_LENGTH = 100;

/** Words common in Vietnamese passwords (unaccented, as typed), and this application's own. */
export const VIETNAMESE_DENYLIST = [
	'matkhau',
	'matkhaumoi',
	'anhyeuem',
	'emyeuanh',
	'yeuem',
	'yeuanh',
	'iloveyou',
	'vietnam',
	'hanoi',
	'saigon',
	'hochiminh',
	'danang',
	'gialai',
	'quantri',
	'quantrivien',
	'admin',
	'administrator',
	'baomat',
	'antoan',
	'antoanthongtin',
	'thongtin',
	'hethong',
	'donvi',
	'ubnd',
	'sotttt',
	'capdo',
	'capdoantoan',
	'nguyen',
	'tran',
	'pham',
	'hoang',
	'thamdinh'
];

const WARNINGS_VI = {
	straightRow: 'một hàng phím liền nhau rất dễ đoán',
	keyPattern: 'kiểu gõ phím ngắn rất dễ đoán',
	simpleRepeat: 'ký tự lặp lại (như "aaa") rất dễ đoán',
	extendedRepeat: 'chuỗi lặp lại (như "abcabc") rất dễ đoán',
	sequences: 'dãy liên tiếp (như "abc", "1234") rất dễ đoán',
	recentYears: 'năm gần đây rất dễ đoán',
	dates: 'ngày tháng rất dễ đoán',
	topTen: 'đây là một trong những mật khẩu phổ biến nhất',
	topHundred: 'đây là mật khẩu rất phổ biến',
	common: 'đây là mật khẩu phổ biến',
	similarToCommon: 'mật khẩu này gần giống một mật khẩu phổ biến',
	wordByItself: 'một từ đơn lẻ rất dễ đoán',
	namesByThemselves: 'tên hoặc họ đứng riêng rất dễ đoán',
	commonNames: 'tên và họ phổ biến rất dễ đoán',
	userInputs: 'không dùng tên, tên đăng nhập hay từ quen thuộc (như "matkhau", "capdo")',
	pwned: 'mật khẩu này đã bị lộ trên Internet'
};

/** The same reasons for an English reader (zxcvbn is given the Vietnamese; the key links them). */
const WARNINGS_EN: Record<keyof typeof WARNINGS_VI, string> = {
	straightRow: 'a straight row of keys is easy to guess',
	keyPattern: 'a short keyboard pattern is easy to guess',
	simpleRepeat: 'repeated characters (like "aaa") are easy to guess',
	extendedRepeat: 'repeated strings (like "abcabc") are easy to guess',
	sequences: 'sequences (like "abc", "1234") are easy to guess',
	recentYears: 'recent years are easy to guess',
	dates: 'dates are easy to guess',
	topTen: 'this is one of the most common passwords',
	topHundred: 'this is a very common password',
	common: 'this is a common password',
	similarToCommon: 'this password is close to a common one',
	wordByItself: 'a single word is easy to guess',
	namesByThemselves: 'a first or last name on its own is easy to guess',
	commonNames: 'common first and last names are easy to guess',
	userInputs: 'do not use names, usernames or familiar words (like "matkhau", "capdo")',
	pwned: 'this password has been exposed on the Internet'
};

let factory: Promise<ZxcvbnFactory> | undefined;
/** Loaded on first use: the dictionaries are large and only password forms need them. */
function zxcvbn() {
	factory ??= (async () => {
		const [{ ZxcvbnFactory }, common, en] = await Promise.all([
			import('@zxcvbn-ts/core'),
			import('@zxcvbn-ts/language-common'),
			import('@zxcvbn-ts/language-en')
		]);
		return new ZxcvbnFactory({
			dictionary: { ...common.dictionary, ...en.dictionary, userInputs: VIETNAMESE_DENYLIST },
			graphs: common.adjacencyGraphs,
			translations: { ...en.translations, warnings: WARNINGS_VI }
		});
	})();
	return factory;
}

/** Removes Vietnamese diacritics ("Nguyễn Văn Đức" → "nguyen van duc"), as passwords are typed. */
const plain = (s: string) =>
	s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

export interface Strength {
	score: number;
	/** Why it is weak, in Vietnamese (empty when zxcvbn gives no single reason). */
	warning: string;
	/** The same reason in English (empty with the Vietnamese). */
	warningEn: string;
}

/** `personal`: the user's login, name and the like, which must not carry the password. */
export async function passwordStrength(
	password: string,
	personal: string[] = []
): Promise<Strength> {
	const words = personal
		.flatMap((p) => [p, plain(p).replace(/[^a-z0-9]/g, ''), ...plain(p).split(/[^a-z0-9]+/)])
		.filter((w) => w.length >= 3);
	const z = await zxcvbn();
	// Scored as typed and without diacritics: "mậtkhẩu2026" is "matkhau2026" to a guesser.
	const [a, b] = [password, plain(password)].map((p) => z.check(p.slice(0, SCORED_LENGTH), words));
	const r = b!.score < a!.score ? b! : a!;
	const warning = r.feedback.warning ?? '';
	const key = (Object.keys(WARNINGS_VI) as (keyof typeof WARNINGS_VI)[]).find(
		(k) => WARNINGS_VI[k] === warning
	);
	return { score: r.score, warning, warningEn: key ? WARNINGS_EN[key] : warning };
}

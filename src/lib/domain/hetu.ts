/**
 * Finnish personal identity code (henkilötunnus): DDMMYYCZZZQ.
 * Century signs: '+' 1800s; '-', 'Y', 'X', 'W', 'V', 'U' 1900s; 'A'–'F' 2000s (the
 * extra signs exist since 2023). Q is (DDMMYYZZZ mod 31) in "0123456789ABCDEFHJKLMNPRSTUVWXY".
 */

const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY: Record<string, number> = {
	'+': 1800,
	'-': 1900,
	Y: 1900,
	X: 1900,
	W: 1900,
	V: 1900,
	U: 1900,
	A: 2000,
	B: 2000,
	C: 2000,
	D: 2000,
	E: 2000,
	F: 2000
};
const PATTERN = /^(\d{2})(\d{2})(\d{2})([-+YXWVUABCDEF])(\d{3})([0-9A-Y])$/;

export type HetuProblem = 'format' | 'date' | 'individual_number' | 'checksum';
export type HetuResult =
	{ valid: true; normalized: string; birthDate: string } | { valid: false; problem: HetuProblem };

export function checkChar(ddmmyyzzz: string): string {
	return CHECK_CHARS[Number(ddmmyyzzz) % 31]!;
}

export function parseHetu(input: string): HetuResult {
	const code = input.trim().toUpperCase();
	const m = PATTERN.exec(code);
	if (!m) return { valid: false, problem: 'format' };
	// Every group is required by the pattern: the defaults only satisfy the type.
	const [, dd = '', mm = '', yy = '', sign = '', zzz = '', check = ''] = m;
	const year = CENTURY[sign]! + Number(yy);
	const month = Number(mm);
	const day = Number(dd);
	const date = new Date(Date.UTC(year, month - 1, day));
	if (
		date.getUTCFullYear() !== year ||
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day
	) {
		return { valid: false, problem: 'date' };
	}
	// 000 and 001 are never issued.
	if (Number(zzz) < 2) return { valid: false, problem: 'individual_number' };
	if (checkChar(dd + mm + yy + zzz) !== check) return { valid: false, problem: 'checksum' };
	return { valid: true, normalized: code, birthDate: date.toISOString().slice(0, 10) };
}

/** Shown by default: birth date part and century sign only. */
export function maskHetu(code: string): string {
	return code.slice(0, 7) + '****';
}

/** Builds a valid code (demo data and tests). */
export function makeHetu(birthDate: string, individual: number, sign?: string): string {
	const [y = '', mo = '', d = ''] = birthDate.split('-');
	const year = Number(y);
	const s = sign ?? (year >= 2000 ? 'A' : year >= 1900 ? '-' : '+');
	const zzz = String(individual).padStart(3, '0');
	const body = d + mo + y.slice(2);
	return body + s + zzz + checkChar(body + zzz);
}

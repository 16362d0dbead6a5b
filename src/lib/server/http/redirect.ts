/** The only base used to resolve a target; only the path part of the result is kept. */
const BASE = 'http://app.invalid';
// C0 and C1 control characters, DEL and the backslash: browsers drop or rewrite them, which
// turns '/\t/evil.example' into '//evil.example'. A real path of this app has none of them.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;
const MAX_LENGTH = 2000;

/**
 * The one helper that decides every redirect target taken from a request (`next`,
 * `redirectTo`, a notification's link): a path on this site or the fallback. Parsed with
 * `new URL(value, origin)`; it must stay on that origin, start with exactly one `/`, and
 * hold no control characters or backslashes. Never throws.
 */
export function safeNext(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return fallback;
	if (FORBIDDEN.test(value)) return fallback;
	if (!value.startsWith('/') || value.startsWith('//')) return fallback;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	const target = url.pathname + url.search + url.hash;
	// What the browser will resolve must itself be a single-slash path (e.g. '/%2F…' is fine,
	// a pathname normalised to '//x' is not).
	if (!target.startsWith('/') || target.startsWith('//') || FORBIDDEN.test(target)) return fallback;
	return target;
}

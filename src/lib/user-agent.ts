/**
 * "Firefox, Windows": enough to tell one's own sessions apart. Not a fingerprint, not a
 * security decision; an unknown string says so.
 */
export function describeUserAgent(ua: string | null | undefined): string | null {
	if (!ua) return null;
	const browser = /Edg\//.test(ua)
		? 'Edge'
		: /Firefox\//.test(ua)
			? 'Firefox'
			: /Chrome\/|Chromium\//.test(ua)
				? 'Chrome'
				: /Safari\//.test(ua)
					? 'Safari'
					: null;
	const system = /Android/.test(ua)
		? 'Android'
		: /iPhone|iPad|iOS/.test(ua)
			? 'iOS'
			: /Windows/.test(ua)
				? 'Windows'
				: /Mac OS X|Macintosh/.test(ua)
					? 'macOS'
					: /Linux/.test(ua)
						? 'Linux'
						: null;
	if (!browser && !system) return null;
	return [browser, system].filter(Boolean).join(', ');
}

// Plain JavaScript: read by the server hook and by scripts/server.js, which serves the
// built app's static files before any hook runs (so they get the same headers).

/** Browser features the app never uses, refused for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
	'accelerometer=()',
	'camera=()',
	'display-capture=()',
	'geolocation=()',
	'gyroscope=()',
	'magnetometer=()',
	'microphone=()',
	'payment=()',
	'usb=()'
].join(', ');

/**
 * Headers every response carries, pages and static files alike.
 * @param {string | undefined} origin the public URL (ORIGIN); https turns on HSTS
 * @returns {Record<string, string>}
 */
export function baseSecurityHeaders(origin) {
	/** @type {Record<string, string>} */
	const headers = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'same-origin',
		'x-frame-options': 'DENY',
		'permissions-policy': PERMISSIONS_POLICY
	};
	if (origin?.startsWith('https://')) {
		// Two years, as hstspreload.org asks; only ever sent over https.
		headers['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
	}
	return headers;
}

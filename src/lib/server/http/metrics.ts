import { readEnv } from '../env';

// The registry lives in the Kit-free core (the worker records its runs there too); this
// adapter decides who may read it.
export { observeRequest, registry } from '../metrics';

/**
 * Who may read the metrics: the addresses in METRICS_ALLOW (comma-separated), e.g. the
 * monitoring server's. Unset: nobody, and /metrics answers 404 like a page that is not there.
 */
export function metricsAllowed(address: string, allow = readEnv().METRICS_ALLOW ?? ''): boolean {
	const list = allow
		.split(',')
		.map((a) => a.trim())
		.filter(Boolean);
	// An IPv4 address may arrive in its IPv6 form (::ffff:10.0.0.5).
	const plain = address.replace(/^::ffff:/, '');
	return list.includes(address) || list.includes(plain);
}

import { describe, expect, it } from 'vitest';
import { loopbackRedirect } from './loopback.js';

const page = (host: string, url = '/login', method = 'GET') => ({
	method,
	url,
	headers: { host, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }
});

describe('loopbackRedirect', () => {
	const to = loopbackRedirect('http://localhost:3000');

	it('sends a page opened at 127.0.0.1 or [::1] to the same path on localhost', () => {
		expect(to(page('127.0.0.1:3000', '/children?page=2'))).toBe(
			'http://localhost:3000/children?page=2'
		);
		expect(to(page('[::1]:3000'))).toBe('http://localhost:3000/login');
		expect(to(page('127.0.0.1:3000', '/', 'HEAD'))).toBe('http://localhost:3000/');
	});

	it('keeps a path that looks like another host on localhost', () => {
		expect(to(page('127.0.0.1:3000', '//evil.example/x'))).toBe(
			'http://localhost:3000//evil.example/x'
		);
	});

	it('serves localhost itself, other ports, probes and form posts', () => {
		expect(to(page('localhost:3000'))).toBeNull();
		expect(to(page('127.0.0.1:3001'))).toBeNull();
		expect(to({ method: 'GET', url: '/readyz', headers: { host: '127.0.0.1:3000' } })).toBeNull();
		expect(
			to({ ...page('127.0.0.1:3000'), headers: { host: '127.0.0.1:3000', accept: '*/*' } })
		).toBeNull();
		expect(to(page('127.0.0.1:3000', '/login?/login', 'POST'))).toBeNull();
	});

	it('sends nobody anywhere where the origin is not localhost or is not set', () => {
		expect(loopbackRedirect('https://yhteisarvio.example.fi')(page('127.0.0.1:443'))).toBeNull();
		expect(loopbackRedirect(undefined)(page('127.0.0.1:3000'))).toBeNull();
	});

	it('knows the default port is left out of the Host header', () => {
		expect(loopbackRedirect('http://localhost')(page('127.0.0.1'))).toBe('http://localhost/login');
	});
});

import { describe, expect, it } from 'vitest';
import { mailDir, readEnv, serverConfigProblems } from './env';

describe('environment', () => {
	it('defaults to the embedded database in ./.data', () => {
		const env = readEnv({});
		expect(env.DATABASE_URL).toBeUndefined();
		expect(env.DATA_DIR).toBe('./.data');
		expect(env.SEED_DEMO).toBe(false);
	});

	it('names a bad variable without echoing its value', () => {
		expect(() => readEnv({ ORIGIN: 'not a url with secret' })).toThrow(/ORIGIN/);
		expect(() => readEnv({ ORIGIN: 'not a url with secret' })).not.toThrow(/secret/);
	});

	it('reads SEED_DEMO as a flag', () => {
		expect(readEnv({ SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
		expect(readEnv({ SEED_DEMO: '0' }).SEED_DEMO).toBe(false);
	});

	it('takes a 32-byte encryption key as base64 or hex, and names a bad one without its value', () => {
		const b64 = Buffer.alloc(32, 7).toString('base64');
		expect(readEnv({ ENCRYPTION_KEY: b64 }).ENCRYPTION_KEY).toBe(b64);
		expect(readEnv({ ENCRYPTION_KEY: 'ab'.repeat(32) }).ENCRYPTION_KEY).toBe('ab'.repeat(32));
		expect(() => readEnv({ ENCRYPTION_KEY: 'too-short-secret' })).toThrow(/ENCRYPTION_KEY/);
		expect(() => readEnv({ ENCRYPTION_KEY: 'too-short-secret' })).not.toThrow(/too-short/);
	});

	it('requires the encryption key with a real database', () => {
		expect(() => readEnv({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(/ENCRYPTION_KEY/);
		const key = Buffer.alloc(32, 1).toString('base64');
		expect(
			readEnv({ DATABASE_URL: 'postgres://x@localhost/db', ENCRYPTION_KEY: key }).ENCRYPTION_KEY
		).toBe(key);
	});

	it('serves a deployment only with a mail server: never a set-password link in the log', () => {
		const key = Buffer.alloc(32, 1).toString('base64');
		const db = { DATABASE_URL: 'postgres://x@localhost/db', ENCRYPTION_KEY: key };
		const problems = (e: Record<string, string>) => serverConfigProblems(readEnv(e)).join();
		// The scripts (migrate, seed, user:create) still run on such a database …
		expect(readEnv(db).DATABASE_URL).toBeTruthy();
		// … but the web server refuses it without a mail server.
		expect(problems(db)).toMatch(/SMTP_URL/);
		const proxy = { ORIGIN: 'https://y.example', ADDRESS_HEADER: 'x-forwarded-for' };
		expect(problems(proxy)).toMatch(/SMTP_URL/);
		expect(problems({ ...proxy, MAIL_DIR: '/var/mail/x' })).toMatch(/SMTP_URL/);
		expect(problems({ ...db, MAIL_DIR: '/tmp/m' })).toBe('');
		expect(problems({ ...db, SMTP_URL: 'smtp://mail.example:587' })).toBe('');
		expect(problems({ ...proxy, SMTP_URL: 'smtp://mail.example:587' })).toBe('');
		// A local run on the embedded database needs neither, and writes to its own folder.
		expect(problems({ ORIGIN: 'http://localhost:3000' })).toBe('');
		expect(mailDir(readEnv({ DATA_DIR: '/srv/data' }))).toBe('/srv/data/mail');
		expect(mailDir(readEnv({ ORIGIN: 'http://localhost:3000' }))).toBe('.data/mail');
	});

	it('refuses to serve https (behind a proxy) without the header that carries the client address', () => {
		const https = { ORIGIN: 'https://y.example', SMTP_URL: 'smtp://mail.example:587' };
		expect(serverConfigProblems(readEnv(https)).join()).toMatch(/ADDRESS_HEADER/);
		expect(serverConfigProblems(readEnv({ ...https, ADDRESS_HEADER: 'x-forwarded-for' }))).toEqual(
			[]
		);
	});

	it('checks again only when a variable it reads changes', () => {
		const first = readEnv({ ORIGIN: 'http://localhost:3000', UNRELATED: 'x' });
		// The same variables (others may differ): the same checked result, not a new parse.
		expect(readEnv({ ORIGIN: 'http://localhost:3000', UNRELATED: 'y' })).toBe(first);
		// One of them changed: checked again, and a bad value is still refused.
		expect(readEnv({ ORIGIN: 'http://localhost:4000' }).ORIGIN).toBe('http://localhost:4000');
		expect(() => readEnv({ ORIGIN: 'not a url' })).toThrow(/ORIGIN/);
		expect(readEnv({ ORIGIN: 'http://localhost:3000', UNRELATED: 'x' })).not.toBe(first);
	});
});

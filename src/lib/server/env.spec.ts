import { describe, expect, it } from 'vitest';
import { mailDir, readEnv } from './env';

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
		const smtp = 'smtp://mail.example:587';
		expect(
			readEnv({ DATABASE_URL: 'postgres://x@localhost/db', ENCRYPTION_KEY: key, SMTP_URL: smtp })
				.ENCRYPTION_KEY
		).toBe(key);
	});

	it('requires a mail server for a deployment: never a set-password link in the log', () => {
		const key = Buffer.alloc(32, 1).toString('base64');
		const db = { DATABASE_URL: 'postgres://x@localhost/db', ENCRYPTION_KEY: key };
		expect(() => readEnv(db)).toThrow(/SMTP_URL/);
		expect(() => readEnv({ ORIGIN: 'https://yhteisarvio.example' })).toThrow(/SMTP_URL/);
		expect(() =>
			readEnv({ ORIGIN: 'https://yhteisarvio.example', MAIL_DIR: '/var/mail/x' })
		).toThrow(/SMTP_URL/);
		expect(readEnv({ ...db, MAIL_DIR: '/tmp/m' }).MAIL_DIR).toBe('/tmp/m');
		expect(
			readEnv({
				ORIGIN: 'https://y.example',
				SMTP_URL: 'smtp://mail.example:587',
				ADDRESS_HEADER: 'x-forwarded-for'
			}).SMTP_URL
		).toBeTruthy();
		// A local run on the embedded database writes to its own folder.
		expect(mailDir(readEnv({ DATA_DIR: '/srv/data' }))).toBe('/srv/data/mail');
		expect(mailDir(readEnv({ ORIGIN: 'http://localhost:3000' }))).toBe('.data/mail');
	});

	it('refuses https (behind a proxy) without the header that carries the client address', () => {
		const https = { ORIGIN: 'https://y.example', SMTP_URL: 'smtp://mail.example:587' };
		expect(() => readEnv(https)).toThrow(/ADDRESS_HEADER/);
		expect(readEnv({ ...https, ADDRESS_HEADER: 'x-forwarded-for' }).ADDRESS_HEADER).toBe(
			'x-forwarded-for'
		);
		// A local http run needs neither.
		expect(readEnv({ ORIGIN: 'http://localhost:3000' }).ADDRESS_HEADER).toBeUndefined();
	});
});

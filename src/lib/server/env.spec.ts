import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

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
});

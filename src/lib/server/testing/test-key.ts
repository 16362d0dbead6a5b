/**
 * The encryption key of test runs only (unit tests and the end-to-end server share one, so
 * authenticator keys sealed by one can be opened by the other on a shared test database).
 * Never used outside tests: production must set its own ENCRYPTION_KEY.
 */
export const TEST_ENCRYPTION_KEY = 'ZTJlIHRlc3Qga2V5LCBub3QgZm9yIHByb2R1Y3Rpb24=';

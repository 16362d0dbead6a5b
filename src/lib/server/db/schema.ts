/**
 * Every table, for drizzle-kit and the queries: each feature's tables live in their own
 * file under `tables/` (ADR 037); this file only gathers them.
 */
export * from './tables/enums';
export * from './tables/identity';
export * from './tables/access-log';
export * from './tables/children';
export * from './tables/grants';
export * from './tables/assessments';
export * from './tables/status';
export * from './tables/flags';
export * from './tables/intensive';
export * from './tables/consultations';
export * from './tables/notifications';
export * from './tables/path';
export * from './tables/meetings';
export * from './tables/family';
export * from './tables/submissions';

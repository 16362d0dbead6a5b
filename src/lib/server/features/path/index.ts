// The child's path (docs/domain.md §10–§11): its public module; routes import only this.
export * from './caseload';
export * from './contacts';
export * from './family';
export * from './phases';
export * from './summary';
export * from './view';
export * from './receipts';
export * from './placements';
export * from './client-plans';
export * from './births';

// The notifications feature's public module: routes import only this (lint-enforced).
export * from './notifications';
export * from './overdue';

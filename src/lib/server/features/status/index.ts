// The status feature's public module: routes import only this (lint-enforced).
export * from './override';
export * from './overview';
export * from './status-view';
export * from './status';

// The children feature's public module: routes import only this (lint-enforced).
export * from './access-log-export';
export * from './children';

// The flags feature's public module: routes import only this (lint-enforced).
export * from './flags';

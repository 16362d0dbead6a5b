// The admin feature's public module: routes import only this (lint-enforced).
export * from './admin';

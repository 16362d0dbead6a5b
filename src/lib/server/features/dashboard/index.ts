// The dashboard feature's public module: routes import only this (lint-enforced).
export * from './dashboard';

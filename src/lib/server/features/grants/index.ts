// The grants feature's public module: routes import only this (lint-enforced).
export * from './grants';
export * from './answers';

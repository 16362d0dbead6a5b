/** The weekly systemic team meeting (docs/domain.md §7). */
export * from './agenda-facts';
export * from './meetings';
export * from './record';
export * from './measures';
export * from './history';

import type { Db } from '../db';

/** Counts the statements a feature sends: each select, insert, update or execute is one. */
export function counting(d: Db) {
	const seen = { statements: 0 };
	const spy = <T extends object>(target: T): T =>
		new Proxy(target, {
			get(t, k, r) {
				const v = Reflect.get(t, k, r) as unknown;
				if (k === 'transaction')
					return (fn: (tx: unknown) => Promise<unknown>) =>
						(t as Db).transaction((tx) => fn(spy(tx)));
				if (
					typeof v === 'function' &&
					['select', 'insert', 'update', 'execute'].includes(String(k))
				)
					return (...args: unknown[]) => {
						seen.statements++;
						return (v as (...a: unknown[]) => unknown).apply(t, args);
					};
				return v;
			}
		});
	return { db: spy(d), seen };
}

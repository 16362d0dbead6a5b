/**
 * Whether `value` is one of `list`'s members, narrowed to them: for a value typed wider than
 * a constant list (a stored kind, a posted choice, any role), in place of widening the list
 * with a cast to ask `includes`.
 */
export function isOneOf<const T extends string>(list: readonly T[], value: string): value is T {
	return list.some((member) => member === value);
}

/** `value` as one of `list`'s members, where anything else would be a bug: said at once. */
export function asOneOf<const T extends string>(list: readonly T[], value: string): T {
	if (!isOneOf(list, value)) throw new RangeError('Not one of the expected values');
	return value;
}

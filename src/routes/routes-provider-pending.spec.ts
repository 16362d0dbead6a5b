import { walkRoutesAs } from '$lib/server/testing/route-walk-visitor';

// The route walk as a first sign-in through the provider, no membership yet: nothing but its own things (DOMAIN §12): every load, action and endpoint found on disk.
walkRoutesAs('providerPending');

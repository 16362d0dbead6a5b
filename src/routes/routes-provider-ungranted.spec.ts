import { walkRoutesAs } from '$lib/server/testing/route-walk-visitor';

// The route walk as a partner signed in through the organisation's provider, with no grant: the same as its password twin (DOMAIN §12): every load, action and endpoint found on disk.
walkRoutesAs('providerUngranted');

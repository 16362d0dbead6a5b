import { walkRoutesAs } from '$lib/server/testing/route-walk-visitor';

// The route walk as ungranted: every load, action and endpoint found on disk. One file per
// visitor, so that the three run side by side.
walkRoutesAs('ungranted');

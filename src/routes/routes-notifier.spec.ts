import { walkRoutesAs } from '$lib/server/testing/route-walk-visitor';

// The route walk as the organisation that filed a notification on the world's child: its
// receipt opens, every route of the child's record answers 404 or 403 and changes nothing
// (§3: a notification gives no access). One file per visitor, so that they run side by side.
walkRoutesAs('notifier');

import { walkRoutesAs } from '$lib/server/testing/route-walk-visitor';

// The route walk as a family member signed in with Suomi.fi (DOMAIN §11–12, ADR 041):
// the family's own pages open, every staff page is refused and changes nothing.
walkRoutesAs('guardian');

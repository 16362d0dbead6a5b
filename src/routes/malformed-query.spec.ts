import { walkMalformedQueries } from '$lib/server/testing/malformed-query';

// Every load and GET endpoint gets 40 malformed query strings: see walkMalformedQueries.
walkMalformedQueries();

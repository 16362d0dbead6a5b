import { walkMalformedBodies } from '$lib/server/testing/malformed';

// Every form action gets 200 malformed bodies: see walkMalformedBodies. Two files, so the
// walk runs on two test workers at once.
walkMalformedBodies(1, 2);

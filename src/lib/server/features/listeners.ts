/**
 * The features that listen to other features' events (ADR 038). A listener registers when
 * its feature is loaded, so every entry that may raise an event loads this first: the
 * server's start (startup.ts), the demo data (seed/) and the test setup. A status change
 * with no listener loaded throws rather than raise no flags.
 */
import './flags';

// Starts the built app. Without ORIGIN, adapter-node assumes https and would refuse every
// form post on http://localhost as cross-site; a local default keeps `npm start` working.
// It listens on this machine only unless HOST says otherwise: the demo's accounts and keys
// are published in the README, so a laptop's demo must not answer the network.
process.env.PORT ??= '3000';
process.env.HOST ??= '127.0.0.1';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
console.info(`Starting on ${process.env.ORIGIN} (listening on ${process.env.HOST})`);
await import('./server.js');

// Starts the built app. Without ORIGIN, adapter-node assumes https and would refuse every
// form post on http://localhost as cross-site; a local default keeps `npm start` working.
process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
console.info(`Starting on ${process.env.ORIGIN}`);
await import('./server.js');

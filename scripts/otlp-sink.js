// A stand-in OpenTelemetry collector for the deploy check: listens on a free port on this
// machine, prints the port, and appends each request (method, path, body) to the file named.
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: node scripts/otlp-sink.js <file>');
const server = createServer((req, res) => {
	const chunks = [];
	req.on('data', (c) => chunks.push(c));
	req.on('end', () => {
		appendFileSync(file, `${req.method} ${req.url} ${Buffer.concat(chunks).toString('utf8')}\n`);
		res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
	});
});
server.listen(0, '127.0.0.1', () => console.info(server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

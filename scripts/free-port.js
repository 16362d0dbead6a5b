// A free TCP port on the loopback, chosen by the kernel, so that two runs on one machine
// (two clones, two CI runs) never reach for the same port. `node scripts/free-port.js`
// prints one; Playwright's config, which cannot await, takes one through `freePortSync`.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** @returns {Promise<number>} */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** @returns {number} */
export function freePortSync() {
	return Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url)]).toString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	process.stdout.write(String(await freePort()));
}

// A local SMTP server for the end-to-end run: every mail the app sends is appended to a
// file as one JSON line, so a test can read, for example, a set-password link.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SMTPServer } from 'smtp-server';

const file = process.env.MAIL_SINK_FILE ?? '.mail-e2e/mails.jsonl';
const port = Number(process.env.MAIL_SINK_PORT ?? 2525);
mkdirSync(dirname(file), { recursive: true });

const server = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	onData(stream, session, callback) {
		let raw = '';
		stream.on('data', (c) => (raw += c.toString('utf8')));
		stream.on('end', () => {
			const to = session.envelope.rcptTo.map((r) => r.address);
			appendFileSync(file, JSON.stringify({ to, raw }) + '\n');
			callback();
		});
	}
});
server.listen(port, '127.0.0.1');

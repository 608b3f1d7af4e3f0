'use strict';
/**
 * Records everything n8n's logger prints, so tests can prove secrets never reach the logs. n8n's winston
 * console transport writes to console._stdout/_stderr when they exist and otherwise to console.log/warn/error
 * bound when the logger is created, so this must be required before the first workflow run of a test file.
 */
const { append } = require('../evidence');

const lines = [];
function capture(text) {
	lines.push(text);
	append('logs', text);
}
for (const stream of [console._stdout, console._stderr]) {
	if (!stream || typeof stream.write !== 'function') continue;
	const write = stream.write.bind(stream);
	stream.write = (chunk, ...rest) => {
		capture(String(chunk));
		return write(chunk, ...rest);
	};
}
for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
	const original = console[method].bind(console);
	console[method] = (...args) => {
		capture(args.map(String).join(' '));
		original(...args);
	};
}

/**
 * Waits for the logger's asynchronous writes, then returns all text logged so far. Given `expected`, it keeps
 * waiting (up to 5 s) until the text matches, so a busy machine's late log line is not mistaken for a missing one.
 */
async function loggedText(expected) {
	const deadline = Date.now() + 5000;
	do {
		await new Promise((resolve) => setTimeout(resolve, 50));
	} while (expected && !expected.test(lines.join('\n')) && Date.now() < deadline);
	return lines.join('\n');
}

module.exports = { loggedText };

'use strict';
/**
 * n8n's logger in the engine tests: an explicit recording Logger, registered where n8n asks for one — in
 * n8n-core's dependency-injection container (node contexts call Container.get(Logger) from
 * @n8n/backend-common) and as n8n-workflow's LoggerProxy (what the execution engine logs through). It keeps
 * every line of every level, with its metadata, for the suite-wide secret scan (test/scan) and for tests
 * that check what was logged. test/setup-env.js registers it before a test file loads n8n.
 */
const path = require('node:path');
const { LoggerProxy } = require('n8n-workflow');
const { append } = require('../evidence');

// n8n-core has its own copies of these packages: the container it reads is the one to register in.
const n8nCoreDir = path.dirname(require.resolve('n8n-core'));
const fromN8nCore = (name) => require(require.resolve(name, { paths: [n8nCoreDir] }));

const lines = [];

/** Metadata as text, errors with everything they carry (the scan must see what a log line could show). */
function metadataText(metadata) {
	if (metadata === undefined || Object.keys(metadata).length === 0) return '';
	const seen = new WeakSet();
	return ` ${JSON.stringify(metadata, (_key, value) => {
		if (typeof value === 'object' && value !== null) {
			if (seen.has(value)) return '[Circular]';
			seen.add(value);
		}
		if (value instanceof Error)
			return {
				...value,
				name: value.name,
				message: value.message,
				stack: value.stack,
				cause: value.cause,
			};
		return typeof value === 'bigint' ? String(value) : value;
	})}`;
}

class RecordingLogger {
	constructor(scopes = []) {
		this.scopes = scopes;
	}

	record(level, message, metadata) {
		const scope = this.scopes.length > 0 ? ` [${this.scopes.join(',')}]` : '';
		const text = `${level}${scope} ${message}${metadataText(metadata)}`;
		lines.push(text);
		append('logs', text);
	}

	error(message, metadata) {
		this.record('error', message, metadata);
	}

	warn(message, metadata) {
		this.record('warn', message, metadata);
	}

	info(message, metadata) {
		this.record('info', message, metadata);
	}

	debug(message, metadata) {
		this.record('debug', message, metadata);
	}

	scoped(scopes) {
		return new RecordingLogger([...this.scopes, ...[].concat(scopes)]);
	}
}

/** Makes the recording logger n8n's logger (idempotent per test file). */
function registerRecordingLogger() {
	const logger = new RecordingLogger();
	fromN8nCore('@n8n/di').Container.set(fromN8nCore('@n8n/backend-common').Logger, logger);
	LoggerProxy.init(logger);
	return logger;
}

/** All text logged so far in this test file. Recording is synchronous, so nothing is still on its way. */
function loggedText() {
	return lines.join('\n');
}

module.exports = { RecordingLogger, registerRecordingLogger, loggedText };

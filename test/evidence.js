'use strict';
/**
 * Evidence for the suite-wide secret scan: every workflow run's output and error, every Sign the
 * simulator received and every log line are appended to files under test-artifacts/evidence/, which
 * test/scan/secretScan.test.js reads after the main suite (see `npm test`).
 */
const fs = require('node:fs');
const path = require('node:path');

const EVIDENCE_DIR = path.resolve(__dirname, '../test-artifacts/evidence');

function append(kind, text) {
	fs.mkdirSync(EVIDENCE_DIR, { recursive: true });
	fs.appendFileSync(path.join(EVIDENCE_DIR, `${kind}-${process.pid}.txt`), `${text}\n`);
}

/** Everything of a run a user, an AI agent or a log could see, as one text. */
function visibleRunText(result) {
	const error = result.error;
	return JSON.stringify({
		items: result.items,
		errorItems: result.errorItems,
		error: error && {
			message: error.message,
			description: error.description,
			context: error.context,
			errorResponse: error.errorResponse,
			messages: error.messages,
			cause: error.cause && JSON.stringify(error.cause),
			stack: error.stack,
		},
	});
}

function recordRun(result) {
	append('runs', visibleRunText(result));
}

module.exports = { EVIDENCE_DIR, append, recordRun, visibleRunText };

'use strict';
/**
 * Runs after the main suite (`npm test` = build, jest, then this): every output, error (message,
 * description, context, cause, stack) and log line the suite produced is searched for the test secrets
 * and for every Sign the simulator received. Zero hits allowed.
 */
const fs = require('node:fs');
const path = require('node:path');
const { EVIDENCE_DIR, TEST_SECRETS } = require('../helpers');

function readAll(kind) {
	if (!fs.existsSync(EVIDENCE_DIR)) return [];
	return fs
		.readdirSync(EVIDENCE_DIR)
		.filter((name) => name.startsWith(`${kind}-`))
		.flatMap((name) => fs.readFileSync(path.join(EVIDENCE_DIR, name), 'utf8').split('\n'))
		.filter((line) => line !== '');
}

test('the whole suite left no secret and no Sign in any output, error or log', () => {
	const runs = readAll('runs');
	const logs = readAll('logs');
	const signs = [...new Set(readAll('signs'))];
	// The main suite must have run first and produced evidence of every kind.
	expect(runs.length).toBeGreaterThan(100);
	expect(logs.length).toBeGreaterThan(50);
	expect(signs.length).toBeGreaterThan(20);

	const haystack = [...runs, ...logs].join('\n');
	const hits = [...TEST_SECRETS, ...signs].filter((needle) => haystack.includes(needle));
	expect(hits).toEqual([]);
	console.log(
		`secret scan: ${runs.length} runs, ${logs.length} log lines, ${signs.length} Signs, ${TEST_SECRETS.length} secrets: 0 hits`,
	);
});

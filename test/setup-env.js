'use strict';
// n8n-core keeps instance settings (an encryption key) in the user folder; tests get a throw-away one.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

if (!process.env.N8N_USER_FOLDER_FOR_TESTS) {
	process.env.N8N_USER_FOLDER_FOR_TESTS = mkdtempSync(path.join(tmpdir(), 'itniotech-n8n-'));
}
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER_FOR_TESTS;
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY || 'test-only-encryption-key';

// Evidence for the suite-wide secret scan (test/scan): everything n8n logs (through the recording logger
// given to n8n as its logger), and every Sign the simulator receives (through its observer hook).
const { registerRecordingLogger } = require('./harness/recordingLogger');
const { append } = require('./evidence');
const { ItniotechSimulator } = require('../simulator/server');

registerRecordingLogger();
ItniotechSimulator.observe(({ headers }) => {
	if (typeof headers.sign === 'string' && headers.sign) append('signs', headers.sign);
});

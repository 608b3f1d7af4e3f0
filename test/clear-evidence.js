'use strict';
// jest globalSetup: start the suite with no evidence from an earlier run.
const fs = require('node:fs');
const { EVIDENCE_DIR } = require('./evidence');

module.exports = async () => {
	fs.rmSync(EVIDENCE_DIR, { recursive: true, force: true });
	fs.mkdirSync(EVIDENCE_DIR, { recursive: true });
};

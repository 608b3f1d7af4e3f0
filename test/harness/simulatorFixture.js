'use strict';
/**
 * The per-file simulator setup the engine tests share: one simulator for the file, knowing the test
 * account, reset (faults, logs, clock, learned clock offsets) before every test.
 */
const { ItniotechSimulator } = require('../../simulator/server');
const { ACCOUNT } = require('../fixtures');
const { HOST_CLOCK } = require('../../dist/nodes/Itniotech/api/transport/clock.js');

/** Registers the jest hooks; the returned object's `sim` and `credentials` are filled in by beforeAll. */
function useSimulator(options = {}) {
	const handle = { sim: undefined, credentials: undefined };
	beforeAll(async () => {
		handle.sim = new ItniotechSimulator({
			accounts: { [ACCOUNT.apiKey]: ACCOUNT.apiSecret },
			...options,
		});
		handle.credentials = { ...ACCOUNT, baseUrl: await handle.sim.start() };
	});
	afterAll(async () => handle.sim.stop());
	beforeEach(() => {
		handle.sim.reset();
		handle.sim.now = () => Date.now();
		HOST_CLOCK.reset();
	});
	return handle;
}

module.exports = { useSimulator };

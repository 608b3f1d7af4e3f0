'use strict';
/**
 * The simulator setup the suites share: a simulator that knows the test account, and for the engine tests
 * one per file, reset (faults, logs, clock, learned clock offsets) before every test.
 */
const { ItniotechSimulator } = require('../../simulator/server');
const { ACCOUNT } = require('../fixtures');
const { HOST_CLOCK } = require('../../dist/nodes/Itniotech/api/transport/clock.js');

function simulatorKnowingTheAccount(options) {
	return new ItniotechSimulator({ accounts: { [ACCOUNT.apiKey]: ACCOUNT.apiSecret }, ...options });
}

/** A started simulator that knows the test account (`options` as ItniotechSimulator takes them); stop it when done. */
async function startSimulator(options = {}) {
	const sim = simulatorKnowingTheAccount(options);
	await sim.start();
	return sim;
}

/**
 * Registers the jest hooks for one simulator per file and returns it with the credential data that reaches
 * it: `const { sim, credentials } = useSimulator();`. `credentials` adds fields of the file's own (sends read
 * the App ID from the credential, for instance); the rest of `options` is the simulator's. Both objects are the
 * same for the whole file; `credentials.baseUrl` is filled in once the simulator listens (beforeAll), so read
 * them inside hooks and tests.
 */
function useSimulator({ credentials: credentialFields = {}, ...options } = {}) {
	const sim = simulatorKnowingTheAccount(options);
	const credentials = { ...ACCOUNT, ...credentialFields };
	beforeAll(async () => {
		credentials.baseUrl = await sim.start();
	});
	afterAll(async () => sim.stop());
	beforeEach(() => {
		sim.reset();
		sim.now = () => Date.now();
		HOST_CLOCK.reset();
	});
	return { sim, credentials };
}

module.exports = { startSimulator, useSimulator };

'use strict';
/** The credential's Test button, through n8n-core's RoutingNode, against the simulator. */
const { useSimulator } = require('../harness/simulatorFixture');
const { testCredential } = require('../harness/credentialTest');
const { ACCOUNT } = require('../fixtures');

let sim;
let credentials;
const fixture = useSimulator();
beforeAll(() => ({ sim, credentials } = fixture));

test('good key and secret: connection successful, via a signed balance call', async () => {
	await expect(testCredential(credentials)).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
	expect(sim.requests).toHaveLength(1);
	expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/sms/getBalance', signValid: true });
});

test('the four account problems get four different, actionable messages', async () => {
	const messages = {};

	messages['-1'] = await testCredential({ ...credentials, apiSecret: 'not-the-secret' });
	sim.blockedKeys.add(ACCOUNT.apiKey);
	messages['-2'] = await testCredential(credentials);
	sim.blockedKeys.clear();
	sim.lockedKeys.add(ACCOUNT.apiKey);
	messages['-13'] = await testCredential(credentials);
	sim.lockedKeys.clear();
	sim.now = () => Date.now() + 45 * 60 * 1000;
	messages['-16'] = await testCredential(credentials);

	expect(sim.requests.map((r) => r.answeredStatus)).toEqual(['-1', '-2', '-13', '-16']);
	for (const result of Object.values(messages)) expect(result.status).toBe('Error');
	expect(messages['-1'].message).toMatch(/API key or API secret is wrong/);
	expect(messages['-2'].message).toMatch(/IP address is not on the account's IP allow-list/);
	expect(messages['-13'].message).toMatch(/account is locked/);
	expect(messages['-16'].message).toMatch(/clock is off/);
	expect(new Set(Object.values(messages).map((m) => m.message)).size).toBe(4);
	for (const { message } of Object.values(messages)) expect(message).not.toContain(ACCOUNT.apiSecret);
});

test('a temporary vendor error is not reported as success', async () => {
	sim.inject({ kind: 'status', status: '-18' });
	const result = await testCredential(credentials);
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/temporary system error/);
});

test('a Base URL that is not http(s) is named in the message', async () => {
	const result = await testCredential({ ...credentials, baseUrl: 'api.itniotech.com' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/Base URL "api.itniotech.com" .* must start with https:\/\//);
	expect(sim.requests).toHaveLength(0);
});

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
	expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/sms/getBalance', signValid: true, layout: 'itniotech' });
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

describe('only a genuine Itniotech success answer passes', () => {
	const json = (body) => ({ kind: 'http', httpStatus: 200, body: JSON.stringify(body), contentType: 'application/json', path: '/sms/getBalance' });

	test.each([
		['an ordinary web page (HTTP 200, HTML)', { kind: 'html', httpStatus: 200, path: '/sms/getBalance' }, /^This address answered with a web page, not the Itniotech API/],
		['a web page after a line break', { kind: 'http', httpStatus: 200, body: '\r\n<!DOCTYPE html><html></html>', contentType: 'text/html', path: '/sms/getBalance' }, /answered with a web page/],
		['plain text', { kind: 'http', httpStatus: 200, body: 'OK', contentType: 'text/plain', path: '/sms/getBalance' }, /not as the Itniotech API does \(its answer has no status\)/],
		['an empty answer', { kind: 'http', httpStatus: 200, body: '', contentType: 'application/json', path: '/sms/getBalance' }, /no status/],
		['{"hello":"world"}', json({ hello: 'world' }), /not as the Itniotech API does \(its answer has no status\)/],
		['status -22 as a string', json({ status: '-22', reason: 'parameter error' }), /^Itniotech rejected a parameter \(Itniotech status -22\)\. .*wrong path/],
		['status -22 as a number', json({ status: -22, reason: 'parameter error' }), /^Itniotech rejected a parameter \(Itniotech status -22\)/],
		['an unknown status', json({ status: '-99', reason: 'what' }), /did not confirm these credentials: its answer has no balance/],
		['status 0 without a balance', json({ status: '0', reason: 'success' }), /no balance/],
		['status 0 with a null balance', json({ status: 0, balance: null }), /no balance/],
		['HTTP 404', { kind: 'http', httpStatus: 404, body: 'Not Found', path: '/sms/getBalance' }, /no Itniotech balance endpoint \(HTTP 404 Not Found\)\. Check the Platform/],
		['HTTP 503', { kind: 'http', httpStatus: 503, body: '', path: '/sms/getBalance' }, /failed \(HTTP 503\)/],
	])('%s fails and says what was wrong', async (_label, fault, message) => {
		sim.inject(fault);
		const result = await testCredential(credentials);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expect(sim.requests.map((r) => r.path)).toEqual(['/sms/getBalance']);
	});

	test.each([
		['status "0" with the balance fields', { status: '0', reason: 'success', balance: '120.450000', gift: '0.00000', credit: '0' }],
		['status 0 as a number', { status: 0, reason: 'success', balance: '1', gift: '0', credit: '0' }],
	])('%s passes', async (_label, body) => {
		sim.inject(json(body));
		await expect(testCredential(credentials)).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
	});
});

describe('the test follows the platform layout', () => {
	test.each([
		['Onbuka', '/v3/getBalance', (url) => ({ platform: 'onbuka', baseUrl: `${url}/v3` })],
		['Other Brand, Itniotech layout', '/sms/getBalance', (url) => ({ platform: 'other', baseUrl: url, pathLayout: 'itniotech' })],
		['Other Brand, Onbuka layout', '/v3/getBalance', (url) => ({ platform: 'other', baseUrl: `${url}/v3`, pathLayout: 'onbuka' })],
	])('%s: success via %s', async (_label, path, fields) => {
		await expect(testCredential({ ...credentials, ...fields(credentials.baseUrl) })).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(sim.requests.map((r) => [r.path, r.answeredStatus, r.signValid])).toEqual([[path, '0', true]]);
	});

	test('an Onbuka address with Platform Itniotech (the old README advice) fails and says to check the Platform', async () => {
		const result = await testCredential({ ...credentials, platform: 'itniotech', baseUrl: `${credentials.baseUrl}/v3` });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/HTTP 404 .*Check the Platform/) });
		expect(sim.requests.map((r) => r.path)).toEqual(['/v3/sms/getBalance']);
	});
});

'use strict';
/**
 * The credential's Test button as n8n itself runs it: the packed package installed into real n8n 2.41.1, and
 * POST /rest/credentials/test (what the editor's Test button calls), against the simulator. n8n's tester says
 * "Connection successful" unless one of the credential's rules matches, so this proves the rules catch what
 * is not a genuine Itniotech success answer, and that the test request follows the platform's path layout.
 * Run it alone, under the machine's real-n8n lock:
 *   flock /tmp/real-n8n.lock npx jest --maxWorkers=1 test/n8n/credentialTest.test.js
 */
const { useSimulator, useRealN8n, useRedirectTarget, append, ACCOUNT } = require('../helpers');

jest.setTimeout(300_000);

const CREDENTIAL_ID = 'ItnioCredTest001';
const CREDENTIAL_NAME = 'Itniotech (credential test)';
const WRONG_SECRET = 'wrong-secret-value';

const { sim } = useSimulator();
const { server, session } = useRealN8n('itniotech-credential-test-', {
	// n8n tests only credentials that exist; the data posted with each test replaces what is stored.
	imports: () => ({
		credentials: [
			{
				id: CREDENTIAL_ID,
				name: CREDENTIAL_NAME,
				type: 'itniotechApi',
				data: { ...ACCOUNT, baseUrl: sim.baseUrl },
			},
		],
	}),
});

/** What the editor's Test button gets back for this credential data. */
async function testCredential(data) {
	const response = await fetch(`${server.baseUrl}/rest/credentials/test`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', cookie: session.cookie },
		body: JSON.stringify({
			credentials: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'itniotechApi', data },
		}),
	});
	expect(response.status).toBe(200);
	const result = (await response.json()).data;
	append('runs', JSON.stringify({ credentialTest: result })); // for the suite-wide secret scan
	return result;
}

// A test server is Other Brand: n8n keeps a Base URL for that platform only.
const itniotech = () => ({
	...ACCOUNT,
	platform: 'other',
	pathLayout: 'itniotech',
	baseUrl: sim.baseUrl,
});
const SUCCESS = { status: 'OK', message: 'Connection successful!' };
const balanceAnswer = (body) => ({
	kind: 'http',
	httpStatus: 200,
	body: JSON.stringify(body),
	contentType: 'application/json;charset=UTF-8',
	path: '/sms/getBalance',
});

test("the simulator's good account: success, through a signed GET /sms/getBalance", async () => {
	await expect(testCredential(itniotech())).resolves.toEqual(SUCCESS);
	expect(sim.requests.map((r) => [r.method, r.path, r.signValid, r.answeredStatus])).toEqual([
		['GET', '/sms/getBalance', true, '0'],
	]);
});

test('a Base URL that serves an ordinary web page (HTTP 200, HTML) fails with a web-page message', async () => {
	sim.inject({ kind: 'html', httpStatus: 200, path: '/sms/getBalance' });
	const result = await testCredential(itniotech());
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/^This address answered with a web page, not the Itniotech API\. Check the Platform and the Base URL/,
	);
	expect(sim.requests).toHaveLength(1);
});

test('an answer of {"hello":"world"} fails: it is not the Itniotech API', async () => {
	sim.inject(balanceAnswer({ hello: 'world' }));
	const result = await testCredential(itniotech());
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/^This address answered, but not as the Itniotech API does \(its answer has no status\)/,
	);
});

test.each([
	['a string', '-22'],
	['a number', -22],
])('status -22 as %s fails, naming the status and its meaning', async (_label, status) => {
	sim.inject(balanceAnswer({ status, reason: 'parameter error' }));
	const result = await testCredential(itniotech());
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/^Itniotech rejected a parameter \(Itniotech status -22\)\. .*wrong path/,
	);
});

test('status 0 without a balance is not a success answer', async () => {
	sim.inject(balanceAnswer({ status: '0', reason: 'success' }));
	const result = await testCredential(itniotech());
	expect(result).toEqual({
		status: 'Error',
		message: expect.stringMatching(/did not confirm these credentials: its answer has no balance/),
	});
});

test('a wrong secret gets the -1 message, without the secret in it', async () => {
	const result = await testCredential({ ...itniotech(), apiSecret: WRONG_SECRET });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/^Authentication failed: the API key or API secret is wrong \(Itniotech status -1\)\. Open the Itniotech credential/,
	);
	expect(result.message).not.toContain(WRONG_SECRET);
	expect(sim.requests.map((r) => r.answeredStatus)).toEqual(['-1']);
});

test('an account with an IP allow-list without this host gets the -2 message', async () => {
	sim.blockedKeys.add(ACCOUNT.apiKey);
	const result = await testCredential(itniotech());
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/^This n8n server's IP address is not on the account's IP allow-list \(Itniotech status -2\)/,
	);
});

test('a locked account, a clock 45 minutes off and a temporary vendor error each fail with their own message', async () => {
	sim.lockedKeys.add(ACCOUNT.apiKey);
	const locked = await testCredential(itniotech());
	sim.lockedKeys.clear();
	sim.now = () => Date.now() + 45 * 60 * 1000;
	const clock = await testCredential(itniotech());
	sim.now = () => Date.now();
	sim.inject({ kind: 'status', status: '-18', path: '/sms/getBalance' });
	const temporary = await testCredential(itniotech());
	expect(sim.requests.map((r) => r.answeredStatus)).toEqual(['-13', '-16', '-18']);
	expect(locked).toEqual({
		status: 'Error',
		message: expect.stringMatching(/account is locked \(Itniotech status -13\)/),
	});
	expect(clock).toEqual({
		status: 'Error',
		message: expect.stringMatching(/clock is off \(Itniotech status -16\)/),
	});
	expect(temporary).toEqual({
		status: 'Error',
		message: expect.stringMatching(/temporary system error \(Itniotech status -18\)/),
	});
});

test.each([
	[
		'a web page after a line break',
		{
			kind: 'http',
			httpStatus: 200,
			body: '\r\n<!DOCTYPE html><html></html>',
			contentType: 'text/html',
			path: '/sms/getBalance',
		},
		/answered with a web page/,
	],
	[
		'plain text',
		{
			kind: 'http',
			httpStatus: 200,
			body: 'OK',
			contentType: 'text/plain',
			path: '/sms/getBalance',
		},
		/not as the Itniotech API does \(its answer has no status\)/,
	],
	[
		'an empty answer',
		{
			kind: 'http',
			httpStatus: 200,
			body: '',
			contentType: 'application/json',
			path: '/sms/getBalance',
		},
		/no status/,
	],
	[
		'an unknown status',
		balanceAnswer({ status: '-99', reason: 'what' }),
		/did not confirm these credentials: its answer has no balance/,
	],
	['status 0 with a null balance', balanceAnswer({ status: 0, balance: null }), /no balance/],
	[
		'HTTP 503',
		{ kind: 'http', httpStatus: 503, body: '', path: '/sms/getBalance' },
		/failed \(HTTP 503\)/,
	],
])('%s fails and says what was wrong', async (_label, fault, message) => {
	sim.inject(fault);
	const result = await testCredential(itniotech());
	expect(result).toEqual({ status: 'Error', message: expect.stringMatching(message) });
	expect(sim.requests.map((r) => r.path)).toEqual(['/sms/getBalance']);
});

test('status 0 as a number with a balance passes', async () => {
	sim.inject(balanceAnswer({ status: 0, reason: 'success', balance: '1', gift: '0', credit: '0' }));
	await expect(testCredential(itniotech())).resolves.toEqual(SUCCESS);
});

test.each([
	[
		'Other Brand with the Onbuka layout',
		() => ({ platform: 'other', pathLayout: 'onbuka', baseUrl: `${sim.baseUrl}/v3/` }),
		'/v3/getBalance',
	],
	[
		'Other Brand with the Itniotech layout',
		() => ({ platform: 'other', pathLayout: 'itniotech', baseUrl: sim.baseUrl }),
		'/sms/getBalance',
	],
])('%s: success, and the test request follows the layout', async (_label, fields, balancePath) => {
	await expect(testCredential({ ...ACCOUNT, ...fields() })).resolves.toEqual(SUCCESS);
	expect(sim.requests.map((r) => [r.path, r.signValid, r.answeredStatus])).toEqual([
		[balancePath, true, '0'],
	]);
});

test('an Onbuka-style address with the Itniotech path layout fails with HTTP 404 and says to check the Platform', async () => {
	const result = await testCredential({
		...ACCOUNT,
		platform: 'other',
		pathLayout: 'itniotech',
		baseUrl: `${sim.baseUrl}/v3`,
	});
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(
		/^This address has no Itniotech balance endpoint \(HTTP 404 Not Found\)\. Check the Platform/,
	);
	expect(sim.requests.map((r) => r.path)).toEqual(['/v3/sms/getBalance']);
});

test('an unusable address is named before anything is sent: no http(s), or Other Brand left empty', async () => {
	const typo = await testCredential({
		...ACCOUNT,
		platform: 'other',
		baseUrl: 'api.itniotech.com',
	});
	expect(typo.status).toBe('Error');
	expect(typo.message).toMatch(
		/Base URL "api.itniotech.com" in the Itniotech credential is not valid: it must start with https:\/\//,
	);
	const empty = await testCredential({
		...ACCOUNT,
		platform: 'other',
		pathLayout: 'onbuka',
		baseUrl: '',
	});
	expect(empty.status).toBe('Error');
	expect(empty.message).toMatch(
		/Base URL in the Itniotech credential is empty: with Platform "Other Brand" enter the API address/,
	);
	expect(sim.requests).toHaveLength(0);
});

describe('the signature reaches no other host', () => {
	const collector = useRedirectTarget(
		'{"status":"0","reason":"success","balance":"1","gift":"0","credit":"0"}',
	);

	test.each([301, 302, 307, 308])(
		'a redirect (HTTP %i) is not followed: the test fails, the other host receives nothing',
		async (status) => {
			sim.inject({
				kind: 'redirect',
				httpStatus: status,
				location: `${collector.origin}/sms/getBalance`,
				path: '/sms/getBalance',
			});
			const result = await testCredential(itniotech());
			expect(result).toEqual({
				status: 'Error',
				message: expect.stringMatching(
					new RegExp(`^This address redirects to another one \\(HTTP ${status}\\)`),
				),
			});
			expect(sim.requests).toHaveLength(1);
			expect(collector.received).toEqual([]);
		},
	);

	test.each([
		[
			'http://api.itniotech.com',
			/must start with https:\/\/ \(plain http:\/\/ is allowed only for this machine/,
		],
		['https://user:pw@api.itniotech.com', /must not contain a user name or password/],
		['https://api.itniotech.com/?a=1', /must not contain \? or #/],
	])(
		'the Base URL %s is refused before anything is sent, naming the field',
		async (baseUrl, why) => {
			const result = await testCredential({ ...ACCOUNT, platform: 'other', baseUrl });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/The Base URL (".*" )?in the Itniotech credential/);
			expect(result.message).toMatch(why);
			expect(result.message).not.toContain('pw@');
			expect(sim.requests).toHaveLength(0);
		},
	);

	test('an API key pasted with an invisible character is refused by name, before anything is sent', async () => {
		const result = await testCredential({ ...itniotech(), apiKey: `${ACCOUNT.apiKey}\u200b` });
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(
				/^The API Key in the Itniotech credential contains a space, line break or invisible character/,
			),
		});
		expect(sim.requests).toHaveLength(0);
	});
});

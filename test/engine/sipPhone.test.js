'use strict';
/**
 * Itniotech Voice → SIP Phone (Get Many, Create, Reset Password) and Call → Send From SIP Phone inside n8n's
 * real execution engine against the simulator, on both path layouts: passwords only when asked for, the
 * Caller ID rule of each brand, a call's voiceId read back by SIP Call Record → Get, and the send rules of
 * every call (one request, nothing lost when the answer is).
 */
const { taskState } = require('../../simulator/tasks');
const { runNode, useSimulator } = require('../helpers');

const { sim, credentials } = useSimulator({ credentials: { voiceAppId: 'voice-app' } });

const BRANDS = [
	['Itniotech', (url) => ({ platform: 'itniotech', baseUrl: url }), ''],
	['Onbuka', (url) => ({ platform: 'onbuka', baseUrl: `${url}/v3` }), '/v3'],
];

const createPhones = (fields = {}) => ({
	resource: 'sipPhone',
	operation: 'create',
	groupName: 'Front desk',
	phoneName: 'desk',
	quantity: 2,
	displayNum: '4477009001',
	options: {},
	...fields,
});
const getPhones = (options = {}) => ({
	resource: 'sipPhone',
	operation: 'getAll',
	returnAll: true,
	options,
});
const phone = (account) => ({ __rl: true, mode: 'list', value: account });
const callFrom = (account, fields = {}) => ({
	resource: 'call',
	operation: 'sendSip',
	account: phone(account),
	callee: '={{ $json.phone }}',
	additionalFields: {},
	options: {},
	...fields,
});

const bodyOf = (path) => JSON.parse(sim.requests.find((r) => r.path.endsWith(path)).body);

describe.each(BRANDS)('%s', (_name, fields, prefix) => {
	let brand;
	beforeEach(() => {
		brand = { ...credentials, ...fields(credentials.baseUrl) };
	});
	const run = async (parameters, extra = {}) =>
		await runNode({ parameters, credentials: brand, ...extra });

	test(`Create posts ${prefix}/voice/sipAdd once and outputs the new phones, without passwords`, async () => {
		const created = await run(createPhones());
		expect(created.error).toBeUndefined();
		expect(sim.requests.map((r) => [r.method, r.path])).toEqual([
			['POST', `${prefix}/voice/sipAdd`],
			['POST', `${prefix}/voice/sipQuery`],
		]);
		expect(bodyOf('/sipAdd')).toEqual({
			groupName: 'Front desk',
			phoneName: 'desk',
			quantity: 2,
			displayNum: '4477009001',
			appId: 'voice-app',
		});
		const accounts = taskState(sim).sip.phones.map((p) => p.account);
		expect(created.items.map((i) => i.json)).toEqual([
			{
				sipAccount: accounts[0],
				phoneName: 'desk-1',
				sipGroupName: 'Front desk',
				displayNum: '4477009001',
			},
			{
				sipAccount: accounts[1],
				phoneName: 'desk-2',
				sipGroupName: 'Front desk',
				displayNum: '4477009001',
			},
		]);
	});

	test(`Get Many reads ${prefix}/voice/sipQuery: passwords left out, unless Include Passwords is on`, async () => {
		await run(createPhones());
		const hidden = await run(getPhones());
		expect(hidden.error).toBeUndefined();
		expect(sim.requests.at(-1).path).toBe(`${prefix}/voice/sipQuery`);
		expect(hidden.items).toHaveLength(2);
		for (const item of hidden.items) expect(item.json).not.toHaveProperty('password');
		expect(JSON.stringify(hidden.items)).not.toContain(taskState(sim).sip.phones[0].password);

		const shown = await run(getPhones({ includePasswords: true }));
		expect(shown.items.map((i) => i.json.password)).toEqual(
			taskState(sim).sip.phones.map((p) => p.password),
		);
	});

	test(`Reset Password posts ${prefix}/voice/sipReset once and outputs the new password`, async () => {
		await run(createPhones({ quantity: 1 }));
		const [{ account, password: old }] = taskState(sim).sip.phones;
		const reset = await run({
			resource: 'sipPhone',
			operation: 'resetPassword',
			account: phone(account),
			options: {},
		});
		expect(reset.error).toBeUndefined();
		expect(sim.requests.at(-1).path).toBe(`${prefix}/voice/sipReset`);
		const now = taskState(sim).sip.phones[0].password;
		expect(now).not.toBe(old);
		expect(reset.items[0].json).toEqual({ sipAccount: account, password: now });
	});

	test(`Send From SIP Phone posts ${prefix}/voice/sendSip; SIP Call Record → Get reads its voiceId`, async () => {
		await run(createPhones({ quantity: 1 }));
		const [{ account }] = taskState(sim).sip.phones;
		const called = await run(
			callFrom(account, { additionalFields: { calledInfo: 'order-1042' } }),
			{ items: [{ json: { phone: '447700900123' } }] },
		);
		expect(called.error).toBeUndefined();
		expect(bodyOf('/sendSip')).toEqual({
			callee: '447700900123',
			account,
			displayNum: null,
			appId: 'voice-app',
			calledInfo: 'order-1042',
		});
		const { voiceId } = called.items[0].json;
		expect(called.items[0].json).toEqual({
			voiceId: sim.sent.find((s) => s.kind === 'sendSip').voiceId,
			number: '447700900123',
			sipAccount: account,
		});
		const record = await run(
			{ resource: 'sipRecord', operation: 'get', options: {} },
			{ items: called.items },
		);
		expect(record.error).toBeUndefined();
		expect(sim.requests.at(-1).path).toBe(`${prefix}/voice/recordSip/${voiceId}`);
		expect(record.items[0].json).toMatchObject({
			voiceId,
			number: '447700900123',
			sipGroupName: 'Front desk',
			phoneName: 'desk',
		});
	});
});

describe('rules', () => {
	const run = async (parameters, extra = {}) =>
		await runNode({ parameters, credentials, ...extra });
	const onbuka = () => ({
		...credentials,
		platform: 'onbuka',
		baseUrl: `${credentials.baseUrl}/v3`,
	});

	test('Create without a Caller ID: refused before any request on Itniotech, sent without on Onbuka', async () => {
		const itniotech = await run(createPhones({ displayNum: '' }));
		expect(itniotech.error.message).toBe(
			'The Caller ID in item 0 is required for SIP phones on this platform',
		);
		expect(sim.requests).toEqual([]);
		const other = await runNode({
			parameters: createPhones({ displayNum: '' }),
			credentials: onbuka(),
		});
		expect(other.error).toBeUndefined();
		expect(bodyOf('/sipAdd')).not.toHaveProperty('displayNum');
	});

	test.each([
		['a group name of 3 characters', { groupName: 'abc' }, /Group Name in item 0/],
		['a quantity of 51', { quantity: 51 }, /Quantity in item 0/],
		[
			'a Caller ID of 6 digits',
			{ displayNum: '123456' },
			/Caller ID in item 0 must be 7 to 13 digits/,
		],
	])('Create with %s is refused before any request', async (_name, fields, message) => {
		const result = await run(createPhones(fields));
		expect(result.error.message).toMatch(message);
		expect(sim.requests).toEqual([]);
	});

	test('a group name already used (-20) is refused, and sipAdd is not sent again', async () => {
		await run(createPhones());
		sim.requests = [];
		const again = await run(createPhones());
		expect(again.error.message).toMatch(/Itniotech error -20/);
		expect(sim.requests.map((r) => r.path)).toEqual(['/voice/sipAdd']);
	});

	test('the phones were created but listing them failed: the error says so', async () => {
		sim.inject({ kind: 'status', status: '-1', path: '/voice/sipQuery' });
		const result = await run(createPhones());
		expect(result.error.message).toBe(
			'The SIP phones of group "Front desk" were created, but listing them failed',
		);
		expect(result.error.description).toMatch(/Do not create the group again/);
		expect(taskState(sim).sip.phones).toHaveLength(2);
	});

	test('Send From SIP Phone: accepted, then the connection dropped; one request, the call reported unknown', async () => {
		await run(createPhones({ quantity: 1 }));
		const [{ account }] = taskState(sim).sip.phones;
		sim.requests = [];
		sim.inject({ kind: 'dropAnswer', path: '/voice/sendSip' });
		const result = await run(callFrom(account), { items: [{ json: { phone: '447700900123' } }] });
		expect(result.error.message).toMatch(/may have reached Itniotech/);
		expect(sim.requests.map((r) => r.path)).toEqual(['/voice/sendSip']);
		expect(result.error.context.calls.unknown).toEqual([
			{ item: 0, number: '447700900123', reason: result.error.message },
		]);
		expect(result.error.description).toMatch(/SIP Call Record → Get Many/);
	});

	test('Send From SIP Phone: every item is checked before the first call; Retry On Fail refused', async () => {
		await run(createPhones({ quantity: 1 }));
		const [{ account }] = taskState(sim).sip.phones;
		sim.requests = [];
		const bad = await run(callFrom(account), {
			items: [{ json: { phone: '447700900123' } }, { json: { phone: '12' } }],
		});
		expect(bad.error.message).toMatch(/Phone Number in item 1/);
		expect(sim.requests).toEqual([]);
		const retry = await run(callFrom(account), {
			items: [{ json: { phone: '447700900123' } }],
			settings: { retryOnFail: true },
		});
		expect(retry.error.message).toMatch(/Retry On Fail/);
		expect(sim.requests).toEqual([]);
	});

	test('an unknown SIP phone (-22) and a refused number (-26) fail with their advice', async () => {
		const unknown = await run(callFrom('999999'), { items: [{ json: { phone: '447700900123' } }] });
		expect(unknown.error.message).toMatch(/Itniotech error -22/);
		await run(createPhones({ quantity: 1 }));
		const [{ account }] = taskState(sim).sip.phones;
		sim.refusedCallees.add('447700900999');
		const refused = await run(callFrom(account), { items: [{ json: { phone: '447700900999' } }] });
		expect(refused.error.message).toMatch(/Itniotech error -26/);
		expect(refused.error.context.calls.notPlaced).toEqual([
			{ item: 0, number: '447700900999', reason: expect.stringMatching(/-26/) },
		]);
	});

	test('Reset Password is sent once: busy (-18) is not tried again', async () => {
		await run(createPhones({ quantity: 1 }));
		const [{ account }] = taskState(sim).sip.phones;
		sim.requests = [];
		sim.inject({ kind: 'status', status: '-18', path: '/voice/sipReset' });
		const result = await run({
			resource: 'sipPhone',
			operation: 'resetPassword',
			account: phone(account),
			options: {},
		});
		expect(result.error.message).toMatch(/-18/);
		expect(sim.requests.map((r) => r.path)).toEqual(['/voice/sipReset']);
	});

	test('Get Many is a read: busy (-18) is tried again; Limit stops at that many phones', async () => {
		await run(createPhones({ quantity: 5 }));
		sim.requests = [];
		sim.inject({ kind: 'status', status: '-18', path: '/voice/sipQuery' });
		const result = await run({ ...getPhones(), returnAll: false, limit: 3 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(sim.requests.map((r) => r.path)).toEqual(['/voice/sipQuery', '/voice/sipQuery']);
	});

	test('the SIP Phone list search offers the phones by name, group and account, no passwords', async () => {
		await run(createPhones());
		const { loadOptionsContext, ItniotechVoice } = require('../helpers');
		const context = loadOptionsContext({
			parameters: callFrom(''),
			credentials,
			propertyName: 'account',
		});
		const found = await new ItniotechVoice().methods.listSearch.searchSipPhones.call(
			context,
			'desk-2',
		);
		const [, second] = taskState(sim).sip.phones;
		expect(found.results).toEqual([
			{ name: `desk-2 (Front desk, ${second.account})`, value: second.account },
		]);
		expect(JSON.stringify(found)).not.toContain(second.password);
	});
});

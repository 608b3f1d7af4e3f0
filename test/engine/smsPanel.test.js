'use strict';
/**
 * Itniotech SMS as a no-code user sets it up, in n8n's real execution engine against the simulator: the SMS App
 * ID from the credential (or Options → App ID, per item), Account → Get Balance in the SMS node, and Limit
 * keeping the newest N of both searches, output oldest first.
 */
const { smsState } = require('../../simulator/sms');
const { runNode, useSimulator, ItniotechSms, DAY, vendorTime } = require('../helpers');

const { sim, credentials } = useSimulator();

/** `smsAppId: null` runs with a credential that has none. */
async function sms(parameters, { smsAppId = 'cred-app', ...extra } = {}) {
	const account = smsAppId === null ? credentials : { ...credentials, smsAppId };
	return await runNode({
		parameters: { resource: 'message', options: {}, ...parameters },
		credentials: account,
		nodeType: new ItniotechSms(),
		...extra,
	});
}

const bodyOf = (request) => JSON.parse(request.body);
const sendTo = (numbers, options = {}) => ({
	operation: 'send',
	numbers,
	content: 'Hi',
	additionalFields: {},
	options,
});

describe('App ID', () => {
	test("every operation takes the credential's SMS App ID", async () => {
		const sent = await sms(sendTo('6281234567001'));
		expect(sent.error).toBeUndefined();
		expect(bodyOf(sim.requests[0]).appId).toBe('cred-app');
		// The message was sent under the credential's app, so a report asked without any App ID field finds it.
		const report = await sms(
			{ operation: 'getReport', msgIds: '={{ $json.msgId }}' },
			{ items: sent.items },
		);
		expect(report.items.map((i) => i.json.status)).toEqual(['delivered']);
	});

	test("Options → App ID overrides the credential's", async () => {
		const sent = await sms(sendTo('6281234567001', { appId: 'other-app' }));
		expect(sent.error).toBeUndefined();
		expect(bodyOf(sim.requests[0]).appId).toBe('other-app');
		expect(sim.sent.map((s) => s.appId)).toEqual(['other-app']);
		const underCredential = await sms(
			{ operation: 'getReport', msgIds: '={{ $json.msgId }}' },
			{ items: sent.items },
		);
		expect(underCredential.items.map((i) => i.json.status)).toEqual(['notFound']);
		const underOverride = await sms(
			{ operation: 'getReport', msgIds: '={{ $json.msgId }}', options: { appId: 'other-app' } },
			{ items: sent.items },
		);
		expect(underOverride.items.map((i) => i.json.status)).toEqual(['delivered']);
	});

	const now = Date.now();
	const range = {
		from: new Date(now - DAY).toISOString(),
		to: new Date(now).toISOString(),
		returnAll: true,
	};
	test.each([
		['Send', sendTo('6281234567001')],
		[
			'Send Personalized',
			{ operation: 'sendBatch', numbers: '6281234567001', content: 'Hi', additionalFields: {} },
		],
		['Get Delivery Report', { operation: 'getReport', msgIds: '2405131020451000017' }],
		['Get Many Sent', { operation: 'searchSent', ...range }],
		['Get Many Received', { operation: 'searchInbound', ...range }],
	])(
		'%s without any App ID: a clear error naming where to set it, before any request',
		async (_name, parameters) => {
			const result = await sms(parameters, { smsAppId: null });
			expect(result.error.message).toBe('No SMS App ID is set');
			expect(result.error.description).toMatch(
				/Enter your SMS App ID in the Itniotech credential .*, or set Options → App ID in this node\./,
			);
			expect(sim.requests).toHaveLength(0);
		},
	);

	test('an App ID of only spaces in the credential counts as missing', async () => {
		const result = await sms(sendTo('6281234567001'), { smsAppId: '   ' });
		expect(result.error.message).toBe('No SMS App ID is set');
		expect(sim.requests).toHaveLength(0);
	});

	test('Send Personalized reads the App ID per item: each app gets its own requests, each item its own rows', async () => {
		const items = [
			{ json: { phone: '6281234567001', app: 'app-a' } },
			{ json: { phone: '6281234567002', app: 'app-b' } },
			{ json: { phone: '6281234567003' } },
		];
		const result = await sms(
			{
				operation: 'sendBatch',
				numbers: '={{ $json.phone }}',
				content: 'Hi',
				additionalFields: {},
				options: { appId: '={{ $json.app }}' },
			},
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(sim.sent.map((s) => [s.appId, s.numbers])).toEqual([
			['app-a', ['6281234567001']],
			['app-b', ['6281234567002']],
			['cred-app', ['6281234567003']],
		]);
		expect(result.items.map((i) => [i.pairedItem.item, i.json.number, i.json.submitted])).toEqual([
			[0, '6281234567001', true],
			[1, '6281234567002', true],
			[2, '6281234567003', true],
		]);
	});

	test('Get Delivery Report reads the App ID per item: the IDs of each app are asked under that app', async () => {
		const a = await sms(sendTo('6281234567001', { appId: 'app-a' }));
		const b = await sms(sendTo('6281234567002'));
		sim.requests = [];
		const items = [
			{ json: { msgId: a.items[0].json.msgId, app: 'app-a' } },
			{ json: { msgId: b.items[0].json.msgId } },
		];
		const result = await sms(
			{
				operation: 'getReport',
				msgIds: '={{ $json.msgId }}',
				options: { appId: '={{ $json.app }}' },
			},
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.pairedItem.item, i.json.msgId, i.json.status])).toEqual([
			[0, items[0].json.msgId, 'delivered'],
			[1, items[1].json.msgId, 'delivered'],
		]);
		expect(sim.requests.map((r) => r.msgIds)).toEqual([
			[items[0].json.msgId],
			[items[1].json.msgId],
		]);
	});
});

test('Account → Get Balance in the SMS node: the balance as numbers, no App ID needed', async () => {
	const result = await sms({ resource: 'account', operation: 'getBalance' }, { smsAppId: null });
	expect(result.error).toBeUndefined();
	expect(result.items.map((i) => i.json)).toEqual([{ balance: 125.5, gift: 0, credit: 10 }]);
	expect(sim.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/sms/getBalance']]);
});

describe('Get Many Sent: Limit keeps the newest N by reportTime, output oldest first', () => {
	/** Sent messages at the given send times, stored (and so listed by the simulator) in the given order. */
	const addSent = (times) => {
		const state = smsState(sim);
		for (const at of times) {
			state.nextMsgId += 1n;
			const msgId = String(state.nextMsgId);
			state.messages.set(msgId, {
				msgId,
				number: '6281234567001',
				appId: 'cred-app',
				content: 'x',
				submitTime: at,
			});
		}
	};
	const range = () => ({
		from: new Date(Date.now() - 40 * DAY).toISOString(),
		to: new Date(Date.now()).toISOString(),
	});
	const times = (result) => result.items.map((i) => Date.parse(i.json.reportTime));
	// The simulator reports each message 5 s after its send time, and lists it in the order stored.
	const reported = (sendTimes) =>
		sendTimes.map((t) => Math.floor((t + 5000) / 1000) * 1000).sort((x, y) => x - y);

	let older;
	let newer;
	beforeEach(() => {
		const now = Date.now();
		older = Array.from({ length: 10 }, (_, i) => now - 35 * DAY + i * 60_000);
		newer = Array.from({ length: 10 }, (_, i) => now - DAY + i * 60_000);
		// Newest first and shuffled within each window: the vendor's order within a window is not documented.
		addSent([...newer].reverse());
		addSent([
			older[3],
			older[9],
			older[0],
			older[7],
			older[1],
			older[8],
			older[2],
			older[6],
			older[4],
			older[5],
		]);
	});

	test('Limit 5: the 5 newest, from the newest window alone, oldest first', async () => {
		const result = await sms({ operation: 'searchSent', ...range(), returnAll: false, limit: 5 });
		expect(result.error).toBeUndefined();
		expect(times(result)).toEqual(reported(newer).slice(5));
		expect(sim.requests).toHaveLength(1);
	});

	test('Limit 13: all of the newest window and the 3 newest of the older one, oldest first; newest window asked first', async () => {
		const result = await sms({ operation: 'searchSent', ...range(), returnAll: false, limit: 13 });
		expect(result.error).toBeUndefined();
		expect(times(result)).toEqual([...reported(older).slice(7), ...reported(newer)]);
		expect(sim.requests).toHaveLength(2);
		const [first, second] = sim.requests.map((r) => Date.parse(r.window[0]));
		expect(first).toBeGreaterThan(second);
	});

	test('Return All: every message, oldest first', async () => {
		const result = await sms({ operation: 'searchSent', ...range(), returnAll: true });
		expect(times(result)).toEqual([...reported(older), ...reported(newer)]);
	});
});

describe('Get Many Received: Limit keeps the N received last, output oldest first', () => {
	// A fixed past range: three month windows (+08:00) Jan 10 – Feb 1, Feb 1 – Mar 1, Mar 1 – Mar 20.
	const range = { from: '2025-01-10T00:00:00+08:00', to: '2025-03-20T00:00:00+08:00' };
	const at = (day) => Date.parse(`${day}T12:00:00+08:00`);
	const march = Array.from({ length: 8 }, (_, i) =>
		at(`2025-03-${String(10 - i).padStart(2, '0')}`),
	); // newest first
	const february = Array.from({ length: 8 }, (_, i) =>
		at(`2025-02-${String(i + 2).padStart(2, '0')}`),
	);
	const january = [at('2025-01-20'), at('2025-01-12'), at('2025-01-25')];
	const times = (result) => result.items.map((i) => Date.parse(i.json.receiveTime));
	const ascending = (list) => [...list].sort((a, b) => a - b);

	beforeEach(() => {
		smsState(sim).inbound = [
			...february.slice(4),
			...march,
			...january,
			...february.slice(0, 4),
		].map((t, i) => ({
			number: `62812000${i}`,
			sendId: '6281100000001',
			receiveTime: vendorTime(t),
			content: `reply ${i}`,
		}));
	});

	test('Limit 5: the 5 received last, from the newest month alone, oldest first', async () => {
		const result = await sms({ operation: 'searchInbound', ...range, returnAll: false, limit: 5 });
		expect(result.error).toBeUndefined();
		expect(times(result)).toEqual(ascending(march).slice(3));
		expect(sim.requests).toHaveLength(1);
		expect(Date.parse(bodyOf(sim.requests[0]).params.strTime)).toBe(
			Date.parse('2025-03-01T00:00:00+08:00'),
		);
	});

	test('Limit 12: all of March and the 4 newest of February, oldest first; January is not asked', async () => {
		const result = await sms({ operation: 'searchInbound', ...range, returnAll: false, limit: 12 });
		expect(result.error).toBeUndefined();
		expect(times(result)).toEqual([...ascending(february).slice(4), ...ascending(march)]);
		expect(sim.requests.map((r) => Date.parse(bodyOf(r).params.strTime))).toEqual([
			Date.parse('2025-03-01T00:00:00+08:00'),
			Date.parse('2025-02-01T00:00:00+08:00'),
		]);
	});

	test('Return All: every message, oldest first', async () => {
		const result = await sms({ operation: 'searchInbound', ...range, returnAll: true });
		expect(times(result)).toEqual(ascending([...january, ...february, ...march]));
	});
});

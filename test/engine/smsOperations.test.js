'use strict';
/**
 * Itniotech SMS inside n8n's real execution engine against the simulator: every operation on both brands'
 * path layouts, the vendor's limits kept (1000 numbers per POST, 200 msgIds per getReport, ≤31-day / month
 * windows, retention), validation before any request, typed output with pairedItem.
 */
const { smsState } = require('../../simulator/sms');
const { runNode, useSimulator, ItniotechSms, DAY, vendorTime } = require('../helpers');

const { sim, credentials } = useSimulator();

const numbers = (n, prefix = '6281234') =>
	Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);

/** The test account with an SMS App ID in the credential, where every SMS operation takes it from. */
const withSmsApp = (account) => ({ ...account, smsAppId: 'sms-app' });

async function sms(parameters, extra = {}) {
	return await runNode({
		parameters: { resource: 'message', options: {}, ...parameters },
		credentials: withSmsApp(credentials),
		nodeType: new ItniotechSms(),
		...extra,
	});
}

const send = (fields, additionalFields = {}) => ({
	operation: 'send',
	content: 'Your code is 482913',
	additionalFields,
	...fields,
});

const BRANDS = [
	['Itniotech', (url) => ({ platform: 'itniotech', baseUrl: url }), '/sms'],
	['Onbuka', (url) => ({ platform: 'onbuka', baseUrl: `${url}/v3` }), '/v3'],
	[
		'another brand, Onbuka layout',
		(url) => ({ platform: 'other', baseUrl: `${url}/v3`, pathLayout: 'onbuka' }),
		'/v3',
	],
];

describe.each(BRANDS)('%s', (_name, fields, prefix) => {
	let brand;
	beforeEach(() => {
		brand = { ...withSmsApp(credentials), ...fields(credentials.baseUrl) };
	});
	const run = async (parameters, extra = {}) =>
		await sms(parameters, { credentials: brand, ...extra });

	test(`Send posts to ${prefix}/sendSms; Get Delivery Report reads ${prefix}/getReport`, async () => {
		const sent = await run(
			send(
				{ numbers: '6281234567001, +62 812-3456-7002' },
				{ senderId: 'ACME', orderIds: 'o1,o2' },
			),
		);
		expect(sent.error).toBeUndefined();
		expect(sent.items.map((i) => i.json)).toEqual([
			{
				msgId: expect.any(String),
				number: '6281234567001',
				orderId: 'o1',
				submitted: true,
				reason: null,
			},
			{
				msgId: expect.any(String),
				number: '6281234567002',
				orderId: 'o2',
				submitted: true,
				reason: null,
			},
		]);
		expect(JSON.parse(sim.requests[0].body)).toEqual({
			appId: 'sms-app',
			numbers: '6281234567001,6281234567002',
			orderId: 'o1,o2',
			content: 'Your code is 482913',
			senderId: 'ACME',
		});
		const report = await run(
			{ operation: 'getReport', msgIds: '={{ $json.msgId }}' },
			{ items: sent.items },
		);
		expect(report.error).toBeUndefined();
		expect(report.items.map((i) => i.json.status)).toEqual(['delivered', 'delivered']);
		expect(sim.requests.map((r) => [r.method, r.path])).toEqual([
			['POST', `${prefix}/sendSms`],
			['GET', `${prefix}/getReport`],
		]);
	});

	test(`Send Personalized posts every item's text to ${prefix}/sendSms/batch in one request`, async () => {
		const items = [
			{ json: { phone: '6281234567001', name: 'Ana' } },
			{ json: { phone: '6281234567002,6281234567003', name: 'Budi' } },
		];
		const result = await run(
			{
				operation: 'sendBatch',
				numbers: '={{ $json.phone }}',
				content: '=Hi {{ $json.name }}',
				additionalFields: {},
			},
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(sim.requests.map((r) => r.path)).toEqual([`${prefix}/sendSms/batch`]);
		expect(JSON.parse(sim.requests[0].body).array).toEqual([
			{ numbers: '6281234567001', content: 'Hi Ana', senderId: '' },
			{ numbers: '6281234567002,6281234567003', content: 'Hi Budi', senderId: '' },
		]);
		expect(result.items.map((i) => [i.json.number, i.json.submitted, i.pairedItem.item])).toEqual([
			['6281234567001', true, 0],
			['6281234567002', true, 1],
			['6281234567003', true, 1],
		]);
		expect([...smsState(sim).messages.values()].map((m) => m.content)).toEqual([
			'Hi Ana',
			'Hi Budi',
			'Hi Budi',
		]);
	});

	test(`Get Many Sent reads ${prefix}/getSentRcd; Get Many Received ${prefix}/recordMo`, async () => {
		const now = Date.now();
		await run(send({ numbers: '6281234567001' }));
		smsState(sim).inbound = [
			{
				number: '6281234567001',
				sendId: '6281100000001',
				receiveTime: vendorTime(now - DAY),
				content: 'STOP',
				mcc: 510,
				mnc: 10,
				operator: 'Indonesia',
				pricedetail: { pay: '0.01', chargeCnt: 1, currency: 'USD', price: '0.01' },
			},
		];
		const range = {
			from: new Date(now - 2 * DAY).toISOString(),
			to: new Date(now + DAY).toISOString(),
			returnAll: true,
		};
		const sent = await run({ operation: 'searchSent', ...range });
		const inbound = await run({ operation: 'searchInbound', ...range });
		expect(sent.error).toBeUndefined();
		expect(inbound.error).toBeUndefined();
		expect(sent.items.map((i) => [i.json.number, i.json.status])).toEqual([
			['6281234567001', 'delivered'],
		]);
		expect(inbound.items.map((i) => i.json)).toEqual([
			{
				number: '6281234567001',
				sendId: '6281100000001',
				receiveTime: new Date(Math.floor((now - DAY) / 1000) * 1000).toISOString(),
				content: 'STOP',
				mcc: '510',
				mnc: '10',
				operator: 'Indonesia',
				price: 0.01,
				chargeCnt: 1,
				pay: 0.01,
				currency: 'USD',
			},
		]);
		expect(sim.requests.slice(1).map((r) => r.path)).toEqual(
			expect.arrayContaining([`${prefix}/getSentRcd`, `${prefix}/recordMo`]),
		);
	});
});

describe('Send', () => {
	test('2,500 numbers (one listed twice) go out in chunks of 1000, each number once, one item per number', async () => {
		const list = numbers(2500);
		const result = await sms(send({ numbers: [...list, list[7]].join(',') }));
		expect(result.error).toBeUndefined();
		expect(sim.sent.map((s) => s.numbers.length)).toEqual([1000, 1000, 500]);
		expect(sim.sent.flatMap((s) => s.numbers)).toEqual(list);
		expect(result.items.map((i) => i.json.number)).toEqual(list);
		expect(new Set(result.items.map((i) => i.json.msgId)).size).toBe(2500);
	});

	test('numbers the vendor did not accept are found by comparing its answer with the input, and say why', async () => {
		sim.reset();
		const result = await sms(send({ numbers: '6281234567001,6281234567002,6281234567003' }));
		expect(result.error).toBeUndefined();
		smsState(sim).rejectNumbers.add('6281234567002');
		const partial = await sms(send({ numbers: '6281234567001,6281234567002,6281234567003' }));
		expect(partial.items.map((i) => [i.json.number, i.json.submitted])).toEqual([
			['6281234567001', true],
			['6281234567002', false],
			['6281234567003', true],
		]);
		expect(partial.items[1].json.msgId).toBeNull();
		expect(partial.items[1].json.reason).toMatch(/not accepted by Itniotech/);
	});

	test.each([
		[
			'a message over 1024 characters',
			{ content: 'x'.repeat(1025) },
			/Message in item 0 must be text of 1 to 1024 characters/,
		],
		['an empty message', { content: '  ' }, /Message in item 0 is empty/],
		['no phone numbers', { numbers: ' , ' }, /Phone Numbers in item 0 are empty/],
		[
			'a bad number',
			{ numbers: '6281234567001,12ab' },
			/Phone Numbers in item 0 must be a phone number/,
		],
		[
			'a sender ID over 32 characters',
			{ numbers: '6281234567001', additionalFields: { senderId: 'S'.repeat(33) } },
			/Sender ID in item 0/,
		],
		[
			'order IDs that do not match the numbers',
			{ numbers: '6281234567001,6281234567002', additionalFields: { orderIds: 'a' } },
			/exactly one ID per number/,
		],
	])('%s: refused before any request', async (_name, fields, message) => {
		const result = await sms(
			send({ numbers: '6281234567001', ...fields }, fields.additionalFields),
		);
		expect(result.error.message).toMatch(message);
		expect(sim.requests).toHaveLength(0);
	});

	test('Retry On Fail is refused: it would send every message again', async () => {
		const result = await sms(send({ numbers: '6281234567001' }), {
			settings: { retryOnFail: true },
		});
		expect(result.error.message).toMatch(/Turn off Retry On Fail/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Send Personalized', () => {
	test('1,500 numbers over three items take two requests; a number in two items goes in separate requests', async () => {
		const list = numbers(1500);
		const items = [list.slice(0, 700), list.slice(700, 1400), [...list.slice(1400), list[0]]].map(
			(phones, i) => ({
				json: { phones: phones.join(','), text: `text ${i}` },
			}),
		);
		const result = await sms(
			{
				operation: 'sendBatch',
				numbers: '={{ $json.phones }}',
				content: '={{ $json.text }}',
				additionalFields: {},
			},
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(sim.sent.map((s) => s.numbers.length)).toEqual([1000, 501]);
		expect(result.items).toHaveLength(1501);
		expect(result.items.filter((i) => i.pairedItem.item === 2).map((i) => i.json.number)).toEqual([
			...list.slice(1400),
			list[0],
		]);
		const byMsgId = new Map([...smsState(sim).messages.values()].map((m) => [m.msgId, m.content]));
		for (const item of result.items)
			expect(byMsgId.get(item.json.msgId)).toBe(`text ${item.pairedItem.item}`);
	});

	test('a bad item stops the node before any request; under continue-on-fail only that item is an error', async () => {
		const items = [
			{ json: { p: '6281234567001' } },
			{ json: { p: 'nope' } },
			{ json: { p: '6281234567003' } },
		];
		const parameters = {
			operation: 'sendBatch',
			numbers: '={{ $json.p }}',
			content: 'hi',
			additionalFields: {},
		};
		const stopped = await sms(parameters, { items });
		expect(stopped.error.message).toMatch(/Phone Numbers in item 1/);
		expect(sim.requests).toHaveLength(0);
		const continued = await sms(parameters, { items, continueOnFail: true });
		expect(continued.items.map((i) => [i.pairedItem.item, i.json.number ?? i.json.error])).toEqual([
			[0, '6281234567001'],
			[1, expect.stringMatching(/Phone Numbers in item 1/)],
			[2, '6281234567003'],
		]);
		expect(sim.sent).toHaveLength(1);
	});
});

describe('Get Delivery Report', () => {
	test('1,000 items take 5 requests of 200 IDs; each item gets its own report with pairedItem intact', async () => {
		const sent = await sms(send({ numbers: numbers(1000).join(',') }));
		const statuses = ['0', '-1', '1', undefined];
		const statusOf = new Map(
			[...smsState(sim).messages.keys()].map((id, i) => [id, statuses[i % 4]]),
		);
		smsState(sim).reportStatus = (message) => statusOf.get(message.msgId);
		sim.requests = [];
		const items = sent.items.map((i) => ({ json: { msgId: i.json.msgId } }));
		const result = await sms({ operation: 'getReport', msgIds: '={{ $json.msgId }}' }, { items });
		expect(result.error).toBeUndefined();
		expect(sim.requests.map((r) => r.msgIds.length)).toEqual([200, 200, 200, 200, 200]);
		expect(result.items).toHaveLength(1000);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.msgId).toBe(items[i].json.msgId);
			expect(item.json.status).toBe(['delivered', 'sending', 'failed', 'notFound'][i % 4]);
		});
		expect(result.items[0].json.reportTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
		expect(result.items[3].json).toEqual({
			msgId: items[3].json.msgId,
			number: null,
			status: 'notFound',
			statusCode: null,
			reportTime: null,
		});
	});

	test('an item may list several IDs, an ID in several items is asked once', async () => {
		const sent = await sms(send({ numbers: '6281234567001,6281234567002' }));
		const [a, b] = sent.items.map((i) => i.json.msgId);
		sim.requests = [];
		const result = await sms(
			{ operation: 'getReport', msgIds: '={{ $json.ids }}' },
			{ items: [{ json: { ids: `${a},${b}` } }, { json: { ids: a } }] },
		);
		expect(sim.requests.map((r) => r.msgIds)).toEqual([[a, b]]);
		expect(result.items.map((i) => [i.pairedItem.item, i.json.msgId])).toEqual([
			[0, a],
			[0, b],
			[1, a],
		]);
	});

	test('an empty or malformed Message ID is refused before any request, naming the item', async () => {
		const result = await sms(
			{ operation: 'getReport', msgIds: '={{ $json.msgId }}' },
			{ items: [{ json: { msgId: '1' } }, { json: {} }] },
		);
		expect(result.error.message).toMatch(/Message IDs in item 1 are empty/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Get Many Sent', () => {
	const addSent = (count, at) => {
		const state = smsState(sim);
		for (let i = 0; i < count; i++) {
			state.nextMsgId += 1n;
			const msgId = String(state.nextMsgId);
			state.messages.set(msgId, {
				msgId,
				number: `62812${String(i).padStart(7, '0')}`,
				appId: 'sms-app',
				content: 'x',
				submitTime: at + i,
			});
		}
	};

	test('a 40-day range is split into two ≤31-day windows; a full page of 50,000 is followed by the next startIndex', async () => {
		const now = Date.now();
		addSent(50_001, now - 2 * DAY);
		addSent(3, now - 35 * DAY);
		const result = await sms({
			operation: 'searchSent',
			from: new Date(now - 40 * DAY).toISOString(),
			to: new Date(now).toISOString(),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(50_004);
		expect(sim.requests.map((r) => r.startIndex)).toEqual([0, 0, 50_000]);
		const spans = sim.requests.map((r) => Date.parse(r.window[1]) - Date.parse(r.window[0]));
		for (const span of spans) expect(span).toBeLessThanOrEqual(31 * DAY);
	});

	test('Limit stops reading once enough records came back', async () => {
		const now = Date.now();
		addSent(10, now - 35 * DAY);
		addSent(10, now - DAY);
		const result = await sms({
			operation: 'searchSent',
			from: new Date(now - 40 * DAY).toISOString(),
			to: new Date(now).toISOString(),
			returnAll: false,
			limit: 5,
		});
		expect(result.items).toHaveLength(5);
		expect(sim.requests).toHaveLength(1);
	});

	test('a From older than 90 days is refused with the earliest usable date, before any request', async () => {
		const now = Date.now();
		const result = await sms({
			operation: 'searchSent',
			from: new Date(now - 100 * DAY).toISOString(),
			to: new Date(now).toISOString(),
			returnAll: true,
		});
		expect(result.error.message).toMatch(
			/From date in item 0 is earlier than Itniotech keeps these messages/,
		);
		expect(result.error.description).toMatch(
			/last 90 days\. The earliest usable From is \d{4}-\d\d-\d\dT/,
		);
		const earliest = Date.parse(/usable From is (\S+);/.exec(result.error.description)[1]);
		expect(Math.abs(earliest - (now - 90 * DAY))).toBeLessThan(60_000);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Get Many Received', () => {
	test('windows never span more than one month; pages are read by current/size', async () => {
		const now = Date.now();
		smsState(sim).inbound = Array.from({ length: 250 }, (_, i) => ({
			number: `62812${i}`,
			sendId: '1',
			receiveTime: vendorTime(now - DAY - i * 1000),
			content: `reply ${i}`,
		}));
		smsState(sim).inbound.push({
			number: '628999',
			sendId: '1',
			receiveTime: vendorTime(now - 50 * DAY),
			content: 'old',
		});
		const result = await sms({
			operation: 'searchInbound',
			from: new Date(now - 70 * DAY).toISOString(),
			to: new Date(now).toISOString(),
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(251);
		const bodies = sim.requests.map((r) => JSON.parse(r.body));
		for (const body of bodies) {
			expect(body.appId).toBe('sms-app');
			const from = new Date(Date.parse(body.params.strTime) + 8 * 3600 * 1000);
			const to = new Date(Date.parse(body.params.endTime) + 8 * 3600 * 1000 - 1);
			expect([to.getUTCFullYear(), to.getUTCMonth()]).toEqual([
				from.getUTCFullYear(),
				from.getUTCMonth(),
			]);
		}
		expect(bodies.filter((b) => b.current > 1).length).toBeGreaterThanOrEqual(2);
	});

	test('a From before 1 July 2022 is refused with that date', async () => {
		const result = await sms({
			operation: 'searchInbound',
			from: '2022-06-15T00:00:00+08:00',
			to: '2022-07-15T00:00:00+08:00',
			returnAll: true,
		});
		expect(result.error.description).toMatch(/earliest usable From is 2022-06-30T16:00:00.000Z/);
		expect(sim.requests).toHaveLength(0);
	});
});

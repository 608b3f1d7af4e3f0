'use strict';
/**
 * The SMS Trigger's events (issue #17): delivery reports (pushSmsReport) and inbound messages
 * (pushMoSmsReport), pushed over real HTTP into its webhook() in n8n-core's WebhookContext.
 * Pushes are the vendor's samples (docs: /work/shared/itniotech-sms-api.md sections 6 and 7).
 */
const { useTriggers, postPush } = require('../helpers');

const startTrigger = useTriggers();

/** The Onbuka sample's shape: "orderId " with a trailing space, pricedetail money as strings. */
const DELIVERED = {
	appId: '7xQp2LmA',
	msgid: '2405131020451000017',
	mobile: '6281234567001',
	status: 0,
	reason: '0',
	timestamp: 1715566867000,
	'orderId ': 'ord-1001',
	mcc: '510',
	mnc: '05',
	pricedetail: { pay: '0.02', currency: 'USD', chargeCnt: 2, price: '0.01' },
};
const FAILED = {
	...DELIVERED,
	msgid: '2405131020451000018',
	mobile: '6281234567002',
	status: 404,
	reason: 'UNDELIV',
	'orderId ': 'ord-1002',
	pricedetail: { pay: '0', currency: 'EUR', chargeCnt: '1', price: '0.01' },
};
/** The Itniotech sample's shape: `mcn` instead of `mnc`, numbers for mcc/mnc, reply_time without a zone. */
const INBOUND = {
	msgid: '2405131025401000044',
	mobile: '6281234567001',
	reply_time: '2024-05-13 10:25:40',
	content: 'STOP',
	sendid: '6281100000001',
	mcc: 510,
	mcn: 10,
	operator: 'Indonesia',
	pricedetail: { pay: '0.01', currency: 'USD', chargeCnt: 1, price: '0.01' },
};
const VOICE_REPORT = {
	voiceId: '2203031113381000002',
	type: 1,
	callee: '91856321412',
	submitTime: 1642488160000,
};

const TOKEN = 'k3Q9-a-long-random-push-token';
let trigger;
const post = (url, body, contentType = 'application/json;charset=UTF-8') =>
	postPush(url, body, contentType);

const delivery = (extra = {}) => ({
	event: 'smsDelivery',
	authentication: 'none',
	...extra,
});
const inbound = (extra = {}) => ({
	event: 'smsInbound',
	authentication: 'none',
	...extra,
});

describe('delivery reports', () => {
	test('the vendor sample, one object: one item, typed; answered 200 at once', async () => {
		trigger = await startTrigger(delivery());
		expect(trigger.baseUrl).toMatch(/\/itniotech-sms-delivery$/);
		const response = await post(trigger.baseUrl, DELIVERED);
		expect(response).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
		expect(trigger.starts).toHaveLength(1);
		expect(trigger.starts[0].map((item) => item.json)).toEqual([
			{
				msgId: '2405131020451000017',
				number: '6281234567001',
				status: 'delivered',
				statusCode: '0',
				reportTime: '2024-05-13T02:21:07.000Z',
				reason: '0',
				orderId: 'ord-1001',
				appId: '7xQp2LmA',
				mcc: '510',
				mnc: '05',
				price: 0.01,
				chargeCnt: 2,
				pay: 0.02,
				currency: 'USD',
				dedupeKey: 'smsDelivery:2405131020451000017:0:2024-05-13T02:21:07.000Z',
			},
		]);
	});

	test('a failed delivery keeps its code; unknown fields pass through with trimmed keys', async () => {
		trigger = await startTrigger(delivery());
		await post(trigger.baseUrl, { ...FAILED, ' extra ': 'x' });
		expect(trigger.starts[0][0].json).toMatchObject({
			msgId: '2405131020451000018',
			status: 'failed',
			statusCode: '404',
			reason: 'UNDELIV',
			orderId: 'ord-1002',
			chargeCnt: 1,
			pay: 0,
			currency: 'EUR',
			extra: 'x',
		});
		expect(Object.keys(trigger.starts[0][0].json)).not.toContain('orderId ');
	});

	test.each([
		['a bare array', (reports) => reports],
		['{"array": […]}', (reports) => ({ array: reports })],
	])('%s: one start, one item per report, in order', async (_name, wrap) => {
		trigger = await startTrigger(delivery());
		const response = await post(trigger.baseUrl, wrap([DELIVERED, FAILED]));
		expect(response).toEqual({ status: 200, body: { received: 2, accepted: 2 } });
		expect(trigger.starts).toHaveLength(1);
		expect(trigger.starts[0].map((i) => [i.json.msgId, i.json.status])).toEqual([
			['2405131020451000017', 'delivered'],
			['2405131020451000018', 'failed'],
		]);
	});

	test.each([
		['failed', ['2405131020451000018', '2405131020451000019']],
		['delivered', ['2405131020451000017']],
		['all', ['2405131020451000017', '2405131020451000018', '2405131020451000019']],
	])('Delivery Status %s', async (deliveryStatus, expected) => {
		trigger = await startTrigger(delivery({ deliveryStatus }));
		// The status as a string, as an untyped sender might write it, reads the same.
		const third = { ...FAILED, msgid: '2405131020451000019', status: '-1' };
		const response = await post(trigger.baseUrl, [DELIVERED, FAILED, third]);
		expect(response).toEqual({ status: 200, body: { received: 3, accepted: expected.length } });
		expect(trigger.starts[0].map((i) => i.json.msgId)).toEqual(expected);
	});

	test('Only Failed Deliveries and only delivered reports: 200, nothing started', async () => {
		trigger = await startTrigger(delivery({ deliveryStatus: 'failed' }));
		const response = await post(trigger.baseUrl, {
			array: [DELIVERED, { ...DELIVERED, status: '0' }],
		});
		expect(response).toEqual({ status: 200, body: { received: 2, accepted: 0 } });
		expect(trigger.starts).toHaveLength(0);
	});
});

describe('inbound messages', () => {
	test('the vendor sample (mcn, reply_time without zone): one item, typed', async () => {
		trigger = await startTrigger(inbound());
		expect(trigger.baseUrl).toMatch(/\/itniotech-sms-inbound$/);
		const response = await post(trigger.baseUrl, INBOUND);
		expect(response).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
		expect(trigger.starts[0].map((item) => item.json)).toEqual([
			{
				number: '6281234567001',
				sendId: '6281100000001',
				receiveTime: '2024-05-13T02:25:40.000Z',
				content: 'STOP',
				mcc: '510',
				mnc: '10',
				operator: 'Indonesia',
				price: 0.01,
				chargeCnt: 1,
				pay: 0.01,
				currency: 'USD',
				msgId: '2405131025401000044',
				dedupeKey: expect.stringMatching(
					/^smsInbound:2405131025401000044:6281234567001:2024-05-13T10:25:40\+08:00:[0-9a-f]{16}$/,
				),
			},
		]);
	});

	test.each([
		['one object', (m) => m[0], 1],
		['a bare array', (m) => m, 2],
		['{"array": […]}', (m) => ({ array: m }), 2],
	])('%s', async (_name, wrap, count) => {
		trigger = await startTrigger(inbound());
		const { mcn: _mcn, ...withMnc } = INBOUND;
		const second = { ...withMnc, msgid: '2405131025401000045', content: ' Yes, call me ', mnc: 11 };
		const body = wrap([INBOUND, second]);
		const response = await post(trigger.baseUrl, body);
		expect(response).toEqual({ status: 200, body: { received: count, accepted: count } });
		const items = trigger.starts[0].map((i) => i.json);
		expect(items.map((i) => i.msgId)).toEqual(
			['2405131025401000044', '2405131025401000045'].slice(0, count),
		);
		if (count === 2) expect(items[1]).toMatchObject({ content: ' Yes, call me ', mnc: '11' });
	});
});

describe('protection, as for call status reports', () => {
	test.each([
		['delivery', delivery, DELIVERED],
		['inbound', inbound, INBOUND],
	])(
		'%s, token in the query: right → 200, wrong or missing → 401 and no start',
		async (_name, params, push) => {
			trigger = await startTrigger(params({ authentication: 'queryToken', token: TOKEN }));
			expect(await post(`${trigger.baseUrl}?token=wrong`, push)).toEqual({
				status: 401,
				body: { error: 'Missing or wrong token' },
			});
			expect((await post(trigger.baseUrl, push)).status).toBe(401);
			expect(trigger.starts).toHaveLength(0);
			expect((await post(`${trigger.baseUrl}?token=${TOKEN}`, push)).status).toBe(200);
			expect(trigger.starts).toHaveLength(1);
		},
	);

	test.each([
		['delivery', delivery, DELIVERED],
		['inbound', inbound, INBOUND],
	])('%s, token in the path: right → 200, wrong → 401', async (_name, params, push) => {
		trigger = await startTrigger(params({ authentication: 'pathToken', token: TOKEN }));
		expect((await post(`${trigger.baseUrl}/nope`, push)).status).toBe(401);
		expect((await post(`${trigger.baseUrl}/${TOKEN}`, push)).status).toBe(200);
		expect(trigger.starts).toHaveLength(1);
	});

	test.each([
		['delivery', delivery, DELIVERED],
		['inbound', inbound, INBOUND],
	])(
		'%s, source IP allow-list: outside → 403 and no start; inside → 200',
		async (_name, params, push) => {
			trigger = await startTrigger(params({ options: { allowedIps: '203.0.113.10' } }));
			expect(await post(trigger.baseUrl, push)).toEqual({
				status: 403,
				body: { error: 'This source IP address is not allowed' },
			});
			expect(trigger.starts).toHaveLength(0);
			await trigger.stop();
			trigger = await startTrigger(params({ options: { allowedIps: '127.0.0.0/8' } }));
			expect((await post(trigger.baseUrl, push)).status).toBe(200);
		},
	);
});

describe('pushes refused: 400 with a reason, nothing started', () => {
	test.each([
		[
			'delivery: an inbound message',
			delivery,
			INBOUND,
			/Report 0 is not a delivery report \(an object with a msgid and a status\)/,
		],
		['delivery: a call status report', delivery, VOICE_REPORT, /Report 0 is not a delivery report/],
		[
			'delivery: a bad report in a list',
			delivery,
			[DELIVERED, { msgid: '1' }],
			/Report 1 is not a delivery report/,
		],
		['delivery: an empty list', delivery, [], /empty list of delivery reports/],
		['delivery: an empty array wrapper', delivery, { array: [] }, /empty list of delivery reports/],
		[
			'delivery: too many',
			delivery,
			Array.from({ length: 1001 }, () => DELIVERED),
			/more than 1000 delivery reports/,
		],
		['delivery: an empty body', delivery, '', /The push is empty: send a delivery report/],
		[
			'inbound: a delivery report',
			inbound,
			DELIVERED,
			/Message 0 is not an inbound message \(an object with a mobile and a content\)/,
		],
		[
			'inbound: a bad message in a wrapper',
			inbound,
			{ array: [INBOUND, 'x'] },
			/Message 1 is not an inbound message/,
		],
		['inbound: an empty list', inbound, [], /empty list of messages/],
	])('%s', async (_name, params, body, reason) => {
		trigger = await startTrigger(params());
		const response = await post(trigger.baseUrl, body);
		expect(response.status).toBe(400);
		expect(response.body.error).toMatch(reason);
		expect(trigger.starts).toHaveLength(0);
	});

	test('not sent as application/json: refused like a voice push', async () => {
		trigger = await startTrigger(inbound());
		const response = await post(trigger.baseUrl, JSON.stringify(INBOUND), 'text/plain');
		expect(response).toEqual({
			status: 400,
			body: { error: 'The push must be JSON, sent with Content-Type: application/json' },
		});
	});

	test("a sample's single-quoted value is not JSON: n8n answers 422 before the node runs", async () => {
		trigger = await startTrigger(delivery());
		const response = await post(
			trigger.baseUrl,
			`{"msgid":"1","mobile":"6281234567001","status":'404'}`,
		);
		expect(response.status).toBe(422);
		expect(response.body).toMatchObject({ code: 422, message: 'Failed to parse request body' });
		expect(trigger.starts).toHaveLength(0);
	});
});

test('call status reports also come in an {"array": […]} wrapper', async () => {
	trigger = await startTrigger({
		authentication: 'none',
		reportTypes: [],
		answered: 'all',
	});
	const response = await post(trigger.baseUrl, {
		array: [VOICE_REPORT, { ...VOICE_REPORT, voiceId: '2203031113381000003' }],
	});
	expect(response).toEqual({ status: 200, body: { received: 2, accepted: 2 } });
	expect(trigger.starts[0].map((i) => i.json.voiceId)).toEqual([
		'2203031113381000002',
		'2203031113381000003',
	]);
});

test('examples/sms-delivery-failures-to-slack.json: its trigger, token in the query, passes on only the failed report', async () => {
	const example = require('../../examples/sms-delivery-failures-to-slack.json');
	const node = example.nodes.find((n) => n.type === 'n8n-nodes-itniotech.itniotechSmsTrigger');
	trigger = await startTrigger(node.parameters);
	expect(trigger.baseUrl).toMatch(/\/itniotech-sms-delivery$/);
	const url = `${trigger.baseUrl}?token=${node.parameters.token}`;
	expect(await post(url, [DELIVERED, FAILED])).toEqual({
		status: 200,
		body: { received: 2, accepted: 1 },
	});
	expect(trigger.starts[0].map((i) => i.json.msgId)).toEqual([FAILED.msgid]);
	// The Slack message refers to fields the typed report has.
	const text = example.nodes.find((n) => n.type === 'n8n-nodes-base.slack').parameters.text;
	const fields = [...text.matchAll(/\$json\.(\w+)/g)].map((m) => m[1]);
	expect(fields.length).toBeGreaterThan(0);
	for (const field of fields) expect(trigger.starts[0][0].json).toHaveProperty(field);
});

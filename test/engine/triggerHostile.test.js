'use strict';
/**
 * Hostile and malformed pushes into the trigger's webhook() (n8n-core's WebhookContext, real HTTP, bodies parsed as
 * n8n parses them): each is answered 400 with the item, the field and what is allowed, starts nothing, and the next
 * valid push still starts exactly one workflow. Also what passes: prototype keys dropped, dedupeKey stable.
 */
const { useTriggers, postPush } = require('../helpers');

const startTrigger = useTriggers();

const TOKEN = 'k3Q9-a-long-random-push-token';
const VOICE_ID = '2203031113381000002';
const REPORT = {
	voiceId: VOICE_ID,
	type: 1,
	callee: '91856321412',
	submitTime: 1642488160000,
	hangupTime: 1642488175000,
	callDuration: 5,
};
const DELIVERY = {
	msgid: '2405131020451000017',
	mobile: '6281234567001',
	status: 404,
	reason: 'UNDELIV',
	timestamp: 1715566867000,
};
const INBOUND = {
	msgid: '2405131025401000044',
	mobile: '6281234567001',
	reply_time: '2024-05-13 10:25:40',
	content: 'STOP',
};

const calls = { authentication: 'queryToken', token: TOKEN };
const deliveries = { event: 'smsDelivery', authentication: 'queryToken', token: TOKEN };
const replies = { event: 'smsInbound', authentication: 'queryToken', token: TOKEN };
const VALID = { callStatus: REPORT, smsDelivery: DELIVERY, smsInbound: INBOUND };

let trigger;
const post = (body, contentType = 'application/json;charset=UTF-8') =>
	postPush(`${trigger.baseUrl}?token=${TOKEN}`, body, contentType);

/** JSON text nested `depth` levels deep: [[[…]]]. */
const nestedList = (depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const manyFields = (count) =>
	Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i]));
const withFields = (push, fields) => JSON.stringify({ ...push, ...fields });

/** Refused with `reason`, nothing started; then the event's valid push starts exactly one workflow. */
async function expectRefusedThenOneStart(parameters, body, reason, contentType) {
	trigger = await startTrigger(parameters);
	const refused = await post(body, contentType);
	expect(refused.status).toBe(400);
	if (typeof reason === 'string') expect(refused.body).toEqual({ error: reason });
	else expect(refused.body.error).toMatch(reason);
	expect(trigger.starts).toHaveLength(0);
	expect(await post(VALID[parameters.event ?? 'callStatus'])).toEqual({
		status: 200,
		body: { received: 1, accepted: 1 },
	});
	expect(trigger.starts).toHaveLength(1);
}

describe('call status reports: refused with the item, the field and what is allowed', () => {
	const ID_RULE = 'allowed: a string of 1 to 64 digits (0-9)';
	test.each([
		[
			'a voiceId of null',
			withFields(REPORT, { voiceId: null }),
			`Report 0: field "voiceId" is missing; ${ID_RULE}`,
		],
		[
			'a voiceId of {}',
			withFields(REPORT, { voiceId: {} }),
			`Report 0: field "voiceId" is an object; ${ID_RULE}`,
		],
		[
			'a voiceId of 10 MB',
			withFields(REPORT, { voiceId: '1'.repeat(10 * 1024 * 1024) }),
			`Report 0: field "voiceId" is text of 10485760 characters; ${ID_RULE}`,
		],
		[
			'a voiceId that is not digits',
			withFields(REPORT, { voiceId: '../x' }),
			`Report 0: field "voiceId" is not digits only; ${ID_RULE}`,
		],
		[
			'an object where text belongs',
			withFields(REPORT, { callee: { number: '1' } }),
			'Report 0: field "callee" is an object; allowed: text (up to 8192 characters), a number or null',
		],
		[
			'a list where a number belongs',
			withFields(REPORT, { cost: [2] }),
			/^Report 0: field "cost" is a list; allowed: text/,
		],
		[
			'a bad report in a batch (the whole push is refused)',
			JSON.stringify([REPORT, { ...REPORT, voiceId: { id: 1 } }]),
			/^Report 1: field "voiceId" is an object/,
		],
		[
			'an unknown field nested 100,000 levels deep',
			`{"voiceId":"${VOICE_ID}","deep":${nestedList(100_000)}}`,
			/^Report 0: field "deep" nests objects or lists more than 5 levels deep/,
		],
		[
			'200,000 unknown fields',
			withFields(REPORT, manyFields(200_000)),
			/^Report 0: field "k\d+" is field 101 of the item; an item may have at most 100 fields$/,
		],
		[
			'51 unknown fields',
			withFields(REPORT, manyFields(51)),
			'Report 0: field "k50" is field 51 the reference does not name; an item passes on at most 50 of them',
		],
		[
			'an unknown field over 8 KB',
			withFields(REPORT, { blob: { text: 'x'.repeat(8200) } }),
			/^Report 0: field "blob" is larger than 8 KB as JSON/,
		],
	])('%s', async (_name, body, reason) => {
		await expectRefusedThenOneStart(calls, body, reason);
	});

	test('invalid UTF-8 (n8n would pass it on with U+FFFD in place of the bytes) is refused', async () => {
		const body = Buffer.concat([
			Buffer.from(`{"voiceId":"${VOICE_ID}","calledInfo":"`),
			Buffer.from([0xc3, 0x28]),
			Buffer.from('"}'),
		]);
		await expectRefusedThenOneStart(
			calls,
			body,
			'The push is not valid UTF-8: send JSON text encoded as UTF-8',
		);
	});

	test('a charset other than UTF-8 is refused', async () => {
		await expectRefusedThenOneStart(
			calls,
			JSON.stringify(REPORT),
			/^The push must be UTF-8 JSON/,
			'application/json; charset=latin1',
		);
	});
});

test('a voiceId sent as a JSON number above 2^53 keeps every digit (read from the raw body) or is refused, never rounded', async () => {
	trigger = await startTrigger(calls);
	const response = await post(`{"voiceId": ${VOICE_ID}, "type": 1}`);
	// JSON.parse gives the source text from Node.js 21 on (n8n 2 runs on 24); without it the number is refused.
	let source;
	JSON.parse('1', (_key, value, context) => ((source = context?.source), value));
	if (source === '1') {
		expect(response).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
		expect(trigger.starts[0][0].json.voiceId).toBe(VOICE_ID);
	} else {
		expect(response.status).toBe(400);
		expect(response.body.error).toMatch(
			/^Report 0: field "voiceId" is a number above 9007199254740991, so its last digits were lost/,
		);
		expect(trigger.starts).toHaveLength(0);
	}
});

test('prototype keys are dropped at every depth; nothing is polluted', async () => {
	trigger = await startTrigger(calls);
	const body = `{"voiceId":"${VOICE_ID}","__proto__":{"admin":true},"extra":{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}},"list":[{"__proto__":1,"ok":1}]}}`;
	expect(await post(body)).toEqual({ status: 200, body: { received: 1, accepted: 1 } });
	const [item] = trigger.starts[0];
	expect(item.json.extra).toEqual({ list: [{ ok: 1 }] });
	expect(Object.getOwnPropertyNames(item.json.extra)).toEqual(['list']);
	expect(Object.getOwnPropertyNames(item.json.extra.list[0])).toEqual(['ok']);
	expect(Object.prototype.hasOwnProperty.call(item.json, '__proto__')).toBe(false);
	expect({}.admin).toBeUndefined();
});

describe('dedupeKey: the same report pushed twice starts twice, with one key to drop the repeat by', () => {
	test.each([
		[
			'callStatus',
			calls,
			REPORT,
			`callStatus:${VOICE_ID}:2022-01-18T06:42:55.000Z`,
			{ hangupTime: 1642488176000 },
		],
		[
			'smsDelivery',
			deliveries,
			DELIVERY,
			'smsDelivery:2405131020451000017:404:2024-05-13T02:21:07.000Z',
			{ status: 0 },
		],
		[
			'smsInbound',
			replies,
			INBOUND,
			/^smsInbound:2405131025401000044:6281234567001:2024-05-13T10:25:40\+08:00:[0-9a-f]{16}$/,
			{ content: 'START' },
		],
	])('%s', async (_event, parameters, push, expectedKey, change) => {
		trigger = await startTrigger(parameters);
		await post(push);
		await post([push]);
		await post({ ...push, ...change });
		const keys = trigger.starts.map((items) => items[0].json.dedupeKey);
		expect(keys).toHaveLength(3);
		if (typeof expectedKey === 'string') expect(keys[0]).toBe(expectedKey);
		else expect(keys[0]).toMatch(expectedKey);
		expect(keys[1]).toBe(keys[0]);
		expect(keys[2]).not.toBe(keys[0]);
	});
});

describe('SMS pushes: refused with the item, the field and what is allowed', () => {
	test('a delivery status of {} is refused, not counted as failed (it passed Only Failed Deliveries)', async () => {
		const parameters = { ...deliveries, deliveryStatus: 'failed' };
		const reason =
			'Report 0: field "status" is an object; allowed: a status code (a number, or a short text such as "0")';
		await expectRefusedThenOneStart(parameters, withFields(DELIVERY, { status: {} }), reason);
		expect(trigger.starts[0][0].json).toMatchObject({ status: 'failed', statusCode: '404' });
	});

	test.each([
		[
			'a msgid of {}',
			withFields(DELIVERY, { msgid: {} }),
			'Report 0: field "msgid" is an object; allowed: a string of 1 to 64 digits (0-9)',
		],
		[
			'a msgid of letters',
			withFields(DELIVERY, { msgid: 'abc' }),
			/^Report 0: field "msgid" is not digits only/,
		],
		[
			'a price detail that is a list',
			withFields(DELIVERY, { pricedetail: [] }),
			/^Report 0: field "pricedetail" is a list; allowed: an object/,
		],
		[
			'an object in the price detail',
			withFields(DELIVERY, { pricedetail: { pay: {} } }),
			/^Report 0: field "pricedetail.pay" is an object/,
		],
		[
			'200,000 fields',
			withFields(DELIVERY, manyFields(200_000)),
			/^Report 0: field "k\d+" is field 101 of the item; an item may have at most 100 fields$/,
		],
	])('delivery: %s', async (_name, body, reason) => {
		await expectRefusedThenOneStart(deliveries, body, reason);
	});

	test.each([
		[
			'a content nested 100,000 lists deep (it made the node throw and n8n answer 500)',
			`{"mobile":"6281234567001","content":${nestedList(100_000)}}`,
			'Message 0: field "content" is a list; allowed: text (up to 8192 characters)',
		],
		[
			'a content that is an object',
			withFields(INBOUND, { content: { text: 'STOP' } }),
			'Message 0: field "content" is an object; allowed: text (up to 8192 characters)',
		],
		[
			'a sender that is an object',
			withFields(INBOUND, { mobile: { n: 1 } }),
			/^Message 0: field "mobile" is an object/,
		],
	])('inbound: %s', async (_name, body, reason) => {
		await expectRefusedThenOneStart(replies, body, reason);
	});
});

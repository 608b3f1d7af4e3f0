'use strict';
/** Typing of the SMS pushes (api/records/smsPush.ts): every spelling the vendor's samples use, one output shape, every field checked. */
const {
	isDeliveryReport,
	isInboundMessage,
	typeSmsDeliveryReport,
	typeSmsInboundMessage,
} = require('../../dist/nodes/Itniotech/api/records/smsPush');
const { pushRefusal: refusal } = require('../helpers');

// The fields Get Delivery Report and Get Many Received share come first, in their order (test/unit/sms.test.js).
const DELIVERY_KEYS = [
	'msgId',
	'number',
	'status',
	'statusCode',
	'reportTime',
	'reason',
	'orderId',
	'appId',
	'mcc',
	'mnc',
	'price',
	'chargeCnt',
	'pay',
	'currency',
	'dedupeKey',
];
const INBOUND_KEYS = [
	'number',
	'sendId',
	'receiveTime',
	'content',
	'mcc',
	'mnc',
	'operator',
	'price',
	'chargeCnt',
	'pay',
	'currency',
	'msgId',
	'dedupeKey',
];
const MSG_ID = '2405131020451000017';
const delivery = (fields) => typeSmsDeliveryReport({ msgid: MSG_ID, status: 0, ...fields });
const inbound = (fields) =>
	typeSmsInboundMessage({ mobile: '6281234567001', content: 'STOP', ...fields });

test('every typed field is always present, in one order, null when the push left it out', () => {
	const { dedupeKey, ...typed } = typeSmsDeliveryReport({ msgid: MSG_ID, status: null });
	expect(typed).toEqual({
		...Object.fromEntries(DELIVERY_KEYS.slice(0, -1).map((k) => [k, null])),
		msgId: MSG_ID,
	});
	expect(dedupeKey).toBe(`smsDelivery:${MSG_ID}::`);
	expect(Object.keys(typeSmsDeliveryReport({ status: 1, msgid: '1' }))).toEqual(DELIVERY_KEYS);
	expect(Object.keys(typeSmsInboundMessage({}))).toEqual(INBOUND_KEYS);
	expect(typeSmsInboundMessage({})).toMatchObject(
		Object.fromEntries(INBOUND_KEYS.slice(0, -1).map((k) => [k, null])),
	);
});

test.each([
	[0, 'delivered', '0'],
	['0', 'delivered', '0'],
	[' 0 ', 'delivered', '0'],
	[1, 'failed', '1'],
	['-1', 'failed', '-1'],
	['DELIVRD?', 'failed', 'DELIVRD?'],
	['', null, null],
	[null, null, null],
])('delivery status %p → %p (code %p)', (status, typed, code) => {
	expect(delivery({ status })).toMatchObject({ status: typed, statusCode: code });
});

test.each([
	[{}, 'an object'],
	[[0], 'a list'],
	[true, 'true/false'],
	['x'.repeat(65), 'text'],
])('a delivery status that is no code (%p) is refused, not counted as failed', (status, kind) => {
	expect(refusal(() => delivery({ status }))).toEqual({
		field: 'status',
		message: `field "status" is ${kind}; allowed: a status code (a number, or a short text such as "0")`,
	});
});

test('key spellings: trimmed, any case, _ ignored; mcn read as mnc; the first non-blank value wins', () => {
	const report = typeSmsDeliveryReport({
		' MsgId ': '7',
		'orderId ': '',
		orderId: 'o-1',
		mcn: '01',
		Status: 0,
		PriceDetail: { ' pay': '1.5' },
	});
	expect(report).toMatchObject({
		msgId: '7',
		orderId: 'o-1',
		mnc: '01',
		status: 'delivered',
		pay: 1.5,
	});
	expect(Object.keys(report)).toEqual(DELIVERY_KEYS);
	const message = typeSmsInboundMessage({
		mobile: '1',
		content: 'hi',
		replyTime: '2024-05-13 10:25:40',
		mnc: 7,
		mcn: 8,
	});
	expect(message).toMatchObject({ receiveTime: '2024-05-13T02:25:40.000Z', mnc: '7' });
});

test('times in UTC: epoch ms and s; a zone-less reply time read as +08:00; any offset; 0 is no time; no time kept as sent', () => {
	expect(delivery({ timestamp: 1715566867000 }).reportTime).toBe('2024-05-13T02:21:07.000Z');
	expect(delivery({ timestamp: '1715566867' }).reportTime).toBe('2024-05-13T02:21:07.000Z');
	expect(delivery({ timestamp: '2024-05-13T10:21:07+08:00' }).reportTime).toBe(
		'2024-05-13T02:21:07.000Z',
	);
	expect(delivery({ timestamp: 0 }).reportTime).toBeNull();
	expect(delivery({ timestamp: 'soon' }).reportTime).toBe('soon');
	expect(typeSmsInboundMessage({ reply_time: '2024-05-13 10:25:40' }).receiveTime).toBe(
		'2024-05-13T02:25:40.000Z',
	);
	expect(typeSmsInboundMessage({ reply_time: '2024-05-13T10:25:40-03:00' }).receiveTime).toBe(
		'2024-05-13T13:25:40.000Z',
	);
});

test('price detail: money as numbers, chargeCnt an integer, text that is no number → null; flat fields read too', () => {
	expect(
		typeSmsInboundMessage({
			pricedetail: { pay: '0.02', chargeCnt: '2', currency: 'USD', price: '0.01' },
		}),
	).toMatchObject({
		pay: 0.02,
		chargeCnt: 2,
		currency: 'USD',
		price: 0.01,
	});
	expect(typeSmsInboundMessage({ pricedetail: { pay: 'n/a', chargeCnt: 1.5 } })).toMatchObject({
		pay: null,
		chargeCnt: null,
	});
	expect(delivery({ pay: '0.3', chargeCnt: 3 })).toMatchObject({ pay: 0.3, chargeCnt: 3 });
});

test('a price detail that is no object, or holds an object where a value belongs, is refused naming the field', () => {
	expect(refusal(() => delivery({ pricedetail: 'USD 0.02' })).field).toBe('pricedetail');
	expect(refusal(() => delivery({ pricedetail: [{ pay: '0.02' }] })).message).toMatch(
		/^field "pricedetail" is a list; allowed: an object such as/,
	);
	expect(refusal(() => delivery({ pricedetail: { pay: { amount: 1 } } }))).toEqual({
		field: 'pricedetail.pay',
		message:
			'field "pricedetail.pay" is an object; allowed: text (up to 8192 characters), a number or null',
	});
});

test('the delivery msgid must be digits: missing, an object, a list or letters are refused', () => {
	for (const msgid of [null, '', {}, [MSG_ID], 'abc', '12 34', '１２３', 'x'.repeat(10_000_000)]) {
		expect(refusal(() => typeSmsDeliveryReport({ msgid, status: 0 })).field).toBe('msgid');
	}
	expect(refusal(() => typeSmsDeliveryReport({ msgid: {}, status: 0 })).message).toBe(
		'field "msgid" is an object; allowed: a string of 1 to 64 digits (0-9)',
	);
	expect(delivery({ msgid: ` ${MSG_ID} ` }).msgId).toBe(MSG_ID);
	expect(delivery({ msgid: 42 }).msgId).toBe('42');
});

test('a msgid sent as a number above 2^53 lost its last digits: refused, not rounded', () => {
	const rounded = JSON.parse('{"msgid": 2405131020451000017, "status": 0}');
	expect(refusal(() => typeSmsDeliveryReport(rounded)).message).toMatch(
		/^field "msgid" is a number above 9007199254740991, so its last digits were lost .*send it as a JSON string$/,
	);
	expect(refusal(() => delivery({ orderId: 2 ** 60 })).field).toBe('orderId');
});

test('objects or lists where text belongs are refused, never turned into "[object Object]"', () => {
	expect(refusal(() => delivery({ mobile: { a: 1 } })).field).toBe('mobile');
	expect(refusal(() => delivery({ reason: ['UNDELIV'] })).field).toBe('reason');
	expect(refusal(() => inbound({ sendid: {} })).field).toBe('sendid');
	expect(refusal(() => inbound({ operator: 'x'.repeat(8193) })).message).toBe(
		'field "operator" is text of 8193 characters; allowed: text (up to 8192 characters), a number or null',
	);
});

test('inbound content must be text: a deeply nested list is refused (and nothing is stringified)', () => {
	let deep = [];
	for (let i = 0; i < 100_000; i++) deep = [deep];
	expect(refusal(() => inbound({ content: deep }))).toEqual({
		field: 'content',
		message: 'field "content" is a list; allowed: text (up to 8192 characters)',
	});
	expect(refusal(() => inbound({ content: 1234 })).field).toBe('content');
	expect(inbound({ content: ' Yes, call me ' }).content).toBe(' Yes, call me ');
});

test('fields the reference does not know pass through after the typed ones, keys trimmed; read ones do not', () => {
	const typed = typeSmsInboundMessage({ mobile: '1', content: 'x', ' carrier ': 'T', mcn: 1 });
	expect(Object.keys(typed)).toEqual([...INBOUND_KEYS, 'carrier']);
	expect(typed.carrier).toBe('T');
});

test('pass-through is limited: 50 fields (100 in all), 5 levels, 50 entries, 8 KB each; prototype keys are dropped at every depth', () => {
	const many = (count) =>
		Object.fromEntries(Array.from({ length: count }, (_, i) => [`extra${i}`, i]));
	expect(Object.keys(delivery(many(50)))).toHaveLength(DELIVERY_KEYS.length + 50);
	expect(refusal(() => delivery(many(51))).message).toBe(
		'field "extra50" is field 51 the reference does not name; an item passes on at most 50 of them',
	);
	expect(refusal(() => delivery(many(200_000))).message).toBe(
		'field "extra98" is field 101 of the item; an item may have at most 100 fields',
	);
	expect(refusal(() => delivery({ pricedetail: many(101) })).field).toBe('extra100');
	expect(delivery({ nested: { a: { b: { c: { d: { e: 1 } } } } } }).nested.a.b.c.d.e).toBe(1);
	expect(
		refusal(() => delivery({ nested: { a: { b: { c: { d: { e: { f: 1 } } } } } } })).message,
	).toMatch(/^field "nested" nests objects or lists more than 5 levels deep/);
	expect(refusal(() => delivery({ wide: Array.from({ length: 51 }, () => 0) })).message).toMatch(
		/^field "wide" holds an object or list of 51 entries; at most 50/,
	);
	expect(refusal(() => delivery({ big: 'x'.repeat(8191) })).message).toMatch(
		/^field "big" is larger than 8 KB as JSON/,
	);
	expect(delivery({ big: 'x'.repeat(8000) }).big).toHaveLength(8000);

	const hostile = JSON.parse(
		'{"msgid":"1","status":0,"__proto__":{"polluted":1},"constructor":1,"x":{"__proto__":{"polluted":1},"prototype":2,"y":[{"constructor":{"a":1},"z":3}]}}',
	);
	const typed = typeSmsDeliveryReport(hostile);
	expect(Object.keys(typed)).toEqual([...DELIVERY_KEYS, 'x']);
	expect(typed.x).toEqual({ y: [{ z: 3 }] });
	expect(Object.prototype.hasOwnProperty.call(typed.x, '__proto__')).toBe(false);
	expect(Object.getPrototypeOf(typed.x)).toBe(Object.prototype);
	expect({}.polluted).toBeUndefined();
});

test('dedupeKey: the same report gives the same key, whatever the spelling; another status or time, another key', () => {
	const first = delivery({ status: 404, timestamp: 1715566867000 });
	expect(first.dedupeKey).toBe(`smsDelivery:${MSG_ID}:404:2024-05-13T02:21:07.000Z`);
	expect(
		typeSmsDeliveryReport({ msgId: MSG_ID, Status: '404', timestamp: '1715566867000' }).dedupeKey,
	).toBe(first.dedupeKey);
	expect(delivery({ status: 0, timestamp: 1715566867000 }).dedupeKey).not.toBe(first.dedupeKey);
	expect(delivery({ status: 404, timestamp: 1715566868000 }).dedupeKey).not.toBe(first.dedupeKey);
	// The key holds the vendor's time as it always did, also where the output's reportTime is its UTC form.
	expect(delivery({ status: '0', timestamp: '2024-05-13 10:21:07' })).toMatchObject({
		reportTime: '2024-05-13T02:21:07.000Z',
		dedupeKey: `smsDelivery:${MSG_ID}:0:2024-05-13T10:21:07+08:00`,
	});

	const reply = inbound({ msgid: '2405131025401000044', reply_time: '2024-05-13 10:25:40' });
	expect(reply.dedupeKey).toMatch(
		/^smsInbound:2405131025401000044:6281234567001:2024-05-13T10:25:40\+08:00:[0-9a-f]{16}$/,
	);
	expect(
		inbound({ msgid: '2405131025401000044', replyTime: '2024-05-13 10:25:40' }).dedupeKey,
	).toBe(reply.dedupeKey);
	expect(
		inbound({ msgid: '2405131025401000044', reply_time: '2024-05-13 10:25:40', content: 'YES' })
			.dedupeKey,
	).not.toBe(reply.dedupeKey);
});

test('which objects are which push', () => {
	expect(isDeliveryReport({ msgid: '1', status: 0 })).toBe(true);
	expect(isDeliveryReport({ 'msgId ': '1', status: null })).toBe(true);
	expect(isDeliveryReport({ msgid: '1', mobile: '1', content: 'x' })).toBe(false);
	expect(isDeliveryReport([{ msgid: '1', status: 0 }])).toBe(false);
	expect(isInboundMessage({ mobile: '1', content: '' })).toBe(true);
	expect(isInboundMessage({ msgid: '1', mobile: '1', status: 0 })).toBe(false);
	expect(isInboundMessage(null)).toBe(false);
});

test('the shape check reads at most 100 keys: a larger object counts as the push, and its typing refuses it', () => {
	const huge = {
		msgid: MSG_ID,
		status: 0,
		...Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i])),
	};
	expect(isDeliveryReport(huge)).toBe(true);
	expect(isInboundMessage(huge)).toBe(true);
	expect(refusal(() => typeSmsInboundMessage(huge)).message).toBe(
		'field "k98" is field 101 of the item; an item may have at most 100 fields',
	);
	expect(
		isDeliveryReport(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]))),
	).toBe(false);
});

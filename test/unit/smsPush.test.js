'use strict';
/** Typing of the SMS pushes (api/records/smsPush.ts): every spelling the vendor's samples use, one output shape. */
const {
	isDeliveryReport,
	isInboundMessage,
	typeSmsDeliveryReport,
	typeSmsInboundMessage,
} = require('../../dist/nodes/Itniotech/api/records/smsPush');

const DELIVERY_KEYS = ['msgId', 'number', 'status', 'statusCode', 'reason', 'timestamp', 'orderId', 'appId', 'mcc', 'mnc', 'price', 'chargeCnt', 'pay', 'currency'];
const INBOUND_KEYS = ['msgId', 'number', 'sendId', 'receiveTime', 'content', 'mcc', 'mnc', 'operator', 'price', 'chargeCnt', 'pay', 'currency'];

test('every typed field is always present, in one order, null when the push left it out', () => {
	expect(typeSmsDeliveryReport({})).toEqual(Object.fromEntries(DELIVERY_KEYS.map((k) => [k, null])));
	expect(Object.keys(typeSmsDeliveryReport({ status: 1, msgid: '1' }))).toEqual(DELIVERY_KEYS);
	expect(typeSmsInboundMessage({})).toEqual(Object.fromEntries(INBOUND_KEYS.map((k) => [k, null])));
});

test.each([
	[0, 'delivered', 0],
	['0', 'delivered', 0],
	[' 0 ', 'delivered', 0],
	[1, 'failed', 1],
	['-1', 'failed', -1],
	['DELIVRD?', 'failed', 'DELIVRD?'],
	['', null, null],
	[null, null, null],
])('delivery status %p → %p (code %p)', (status, typed, code) => {
	expect(typeSmsDeliveryReport({ msgid: '1', status })).toMatchObject({ status: typed, statusCode: code });
});

test('key spellings: trimmed, any case, _ ignored; mcn read as mnc; the first non-blank value wins', () => {
	const report = typeSmsDeliveryReport({ ' MsgId ': 'a', 'orderId ': '', orderId: 'o-1', mcn: '01', Status: 0, PriceDetail: { ' pay': '1.5' } });
	expect(report).toMatchObject({ msgId: 'a', orderId: 'o-1', mnc: '01', status: 'delivered', pay: 1.5 });
	expect(Object.keys(report)).toEqual(DELIVERY_KEYS);
	const message = typeSmsInboundMessage({ mobile: '1', content: 'hi', replyTime: '2024-05-13 10:25:40', mnc: 7, mcn: 8 });
	expect(message).toMatchObject({ receiveTime: '2024-05-13T10:25:40+08:00', mnc: '7' });
});

test('times: epoch ms and s → UTC; a zone-less reply time is +08:00; one with an offset keeps it; 0 is no time', () => {
	expect(typeSmsDeliveryReport({ timestamp: 1715566867000 }).timestamp).toBe('2024-05-13T02:21:07.000Z');
	expect(typeSmsDeliveryReport({ timestamp: '1715566867' }).timestamp).toBe('2024-05-13T02:21:07.000Z');
	expect(typeSmsDeliveryReport({ timestamp: 0 }).timestamp).toBeNull();
	expect(typeSmsInboundMessage({ reply_time: '2024-05-13 10:25:40' }).receiveTime).toBe('2024-05-13T10:25:40+08:00');
	expect(typeSmsInboundMessage({ reply_time: '2024-05-13T10:25:40Z' }).receiveTime).toBe('2024-05-13T10:25:40Z');
});

test('price detail: money as numbers, chargeCnt an integer, text that is no number → null; flat fields read too', () => {
	expect(typeSmsInboundMessage({ pricedetail: { pay: '0.02', chargeCnt: '2', currency: 'USD', price: '0.01' } })).toMatchObject({
		pay: 0.02,
		chargeCnt: 2,
		currency: 'USD',
		price: 0.01,
	});
	expect(typeSmsInboundMessage({ pricedetail: { pay: 'n/a', chargeCnt: 1.5 } })).toMatchObject({ pay: null, chargeCnt: null });
	expect(typeSmsDeliveryReport({ pay: '0.3', chargeCnt: 3 })).toMatchObject({ pay: 0.3, chargeCnt: 3 });
});

test('fields the reference does not know pass through after the typed ones, keys trimmed; read ones do not', () => {
	const typed = typeSmsInboundMessage({ mobile: '1', content: 'x', ' carrier ': 'T', mcn: 1 });
	expect(Object.keys(typed)).toEqual([...INBOUND_KEYS, 'carrier']);
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

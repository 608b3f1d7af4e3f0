'use strict';
/**
 * Pushed and fetched SMS records fill the same sheet columns: the same message reaches a workflow through
 * the trigger (pushed over real HTTP into its webhook) and through the SMS node (run in n8n's engine
 * against the simulator), and the fields both carry have one name, one type and one value, in one order.
 */
const { useSimulator } = require('../harness/simulatorFixture');
const { runNode } = require('../harness/engine');
const { startTrigger } = require('../harness/webhook');
const { ItniotechSms } = require('../../dist/nodes/Itniotech/Sms/ItniotechSms.node.js');
const { smsState, vendorTime } = require('../../simulator/sms');

/** What Get Delivery Report outputs, all of it shared with the delivery push (docs/records.md). */
const DELIVERY_FIELDS = ['msgId', 'number', 'status', 'statusCode', 'reportTime'];
/** What Get Many Received outputs, all of it shared with the inbound push. */
const INBOUND_FIELDS = [
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
];
const UTC_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const DAY = 24 * 3600 * 1000;

let sim;
let credentials;
let trigger;
const fixture = useSimulator();
beforeAll(() => ({ sim, credentials } = fixture));
afterEach(async () => {
	await trigger?.stop();
	trigger = undefined;
});

async function sms(parameters, extra = {}) {
	const result = await runNode({
		parameters: { resource: 'message', options: {}, ...parameters },
		credentials: { ...credentials, smsAppId: 'sms-app' },
		nodeType: new ItniotechSms(),
		...extra,
	});
	expect(result.error).toBeUndefined();
	return result.items.map((item) => item.json);
}

/** Pushes `body` to a trigger started for `event`; the one item it started. */
async function pushed(event, body) {
	trigger = await startTrigger({ event, authentication: 'none', allowedIps: '' });
	const response = await fetch(trigger.baseUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json;charset=UTF-8' },
		body: JSON.stringify(body),
	});
	expect(response.status).toBe(200);
	expect(trigger.starts).toHaveLength(1);
	expect(trigger.starts[0]).toHaveLength(1);
	return trigger.starts[0][0].json;
}

/** The fetched record has exactly `fields`; the pushed one starts with them; both hold the same values. */
function expectSameColumns(fetched, push, fields) {
	expect(Object.keys(fetched)).toEqual(fields);
	expect(Object.keys(push).slice(0, fields.length)).toEqual(fields);
	for (const field of fields) {
		expect({ field, type: typeof push[field] }).toEqual({ field, type: typeof fetched[field] });
	}
	expect(Object.fromEntries(fields.map((field) => [field, push[field]]))).toEqual(fetched);
}

test.each([
	['delivered', '0', 0],
	['failed', '1', 1],
])(
	'a %s message: Get Delivery Report and the delivery push give the same fields, types and values',
	async (status, vendorStatus, pushedStatus) => {
		smsState(sim).reportStatus = () => vendorStatus;
		const [sent] = await sms({
			operation: 'send',
			numbers: '6281234567001',
			content: 'Your code is 482913',
			additionalFields: { orderIds: 'ord-1001' },
		});
		const [report] = await sms(
			{ operation: 'getReport', msgIds: '={{ $json.msgId }}' },
			{ items: [{ json: sent }] },
		);
		// The vendor's answer gives the time at +08:00 to the second, the push as epoch milliseconds.
		const { submitTime } = smsState(sim).messages.get(sent.msgId);
		const reportMs = Date.parse(vendorTime(submitTime + 5000));
		const push = await pushed('smsDelivery', {
			appId: 'sms-app',
			msgid: sent.msgId,
			mobile: sent.number,
			status: pushedStatus,
			reason: status === 'failed' ? 'UNDELIV' : '0',
			timestamp: reportMs,
			'orderId ': 'ord-1001',
			mcc: '510',
			mnc: '05',
			pricedetail: { pay: '0.02', currency: 'USD', chargeCnt: 2, price: '0.01' },
		});

		expectSameColumns(report, push, DELIVERY_FIELDS);
		expect(report).toEqual({
			msgId: expect.stringMatching(/^\d+$/),
			number: '6281234567001',
			status,
			statusCode: vendorStatus,
			reportTime: new Date(reportMs).toISOString(),
		});
		expect(report.reportTime).toMatch(UTC_TIME);
	},
);

test('a received message: Get Many Received and the inbound push give the same fields, types and values', async () => {
	const receivedMs = Math.floor((Date.now() - DAY) / 1000) * 1000;
	const wallTime = vendorTime(receivedMs).slice(0, 19).replace('T', ' ');
	smsState(sim).inbound = [
		{
			number: '6281234567001',
			sendId: '6281100000001',
			receiveTime: vendorTime(receivedMs),
			content: 'STOP',
			mcc: 510,
			mnc: 10,
			operator: 'Indonesia',
			pricedetail: { pay: '0.01', chargeCnt: 1, currency: 'USD', price: '0.01' },
		},
	];
	const [fetched] = await sms({
		operation: 'searchInbound',
		from: new Date(receivedMs - DAY).toISOString(),
		to: new Date(receivedMs + DAY).toISOString(),
		returnAll: true,
	});
	// The Itniotech sample's spellings: mobile, sendid, reply_time without a zone, mcn for mnc.
	const push = await pushed('smsInbound', {
		msgid: '2405131025401000044',
		mobile: '6281234567001',
		reply_time: wallTime,
		content: 'STOP',
		sendid: '6281100000001',
		mcc: 510,
		mcn: 10,
		operator: 'Indonesia',
		pricedetail: { pay: '0.01', currency: 'USD', chargeCnt: 1, price: '0.01' },
	});

	expectSameColumns(fetched, push, INBOUND_FIELDS);
	expect(fetched).toMatchObject({
		receiveTime: new Date(receivedMs).toISOString(),
		mcc: '510',
		mnc: '10',
		price: 0.01,
		chargeCnt: 1,
		pay: 0.01,
	});
	expect(fetched.receiveTime).toMatch(UTC_TIME);
	expect(Object.keys(push).slice(INBOUND_FIELDS.length)).toEqual(['msgId', 'dedupeKey']);
});

'use strict';
// The SMS node's checks and typing without a server: recipients, content and sender ID, the answer diff,
// the delivery status mapping, inbound typing, month windows, status codes and the unknown-outcome wording.
const { NodeApiError } = require('n8n-workflow');
const fields = require('../../dist/nodes/Itniotech/Sms/helpers/smsFields.js');
const records = require('../../dist/nodes/Itniotech/api/records/sms.js');
const {
	monthWindows,
} = require('../../dist/nodes/Itniotech/Sms/actions/message/searchInbound.operation.js');
const { VENDOR_STATUS } = require('../../dist/nodes/Itniotech/api/statusCodes.js');
const { networkFailure } = require('../../dist/nodes/Itniotech/api/transport/networkFailure.js');
const { httpFailure } = require('../../dist/nodes/Itniotech/api/transport/answerFailures.js');
const {
	MESSAGE_UNKNOWN_OUTCOME,
	withMessages,
	describeMessages,
	messagesOfRows,
} = require('../../dist/nodes/Itniotech/Sms/helpers/messageReport.js');
const { CALL_UNKNOWN_OUTCOME } = require('../../dist/nodes/Itniotech/Voice/helpers/callReport.js');
const { ItniotechSms } = require('../../dist/nodes/Itniotech/Sms/ItniotechSms.node.js');
const { fakeContext, smsNodeStub: node } = require('../helpers');

const ctx = fakeContext({ node });

describe('recipients', () => {
	test('numbers are cleaned, duplicates sent once with their first order ID', () => {
		expect(
			fields.readRecipients(node, '+62 812-3456-7001, 6281234567002;6281234567001', 'a,b,c', 0),
		).toEqual([
			{ number: '6281234567001', orderId: 'a' },
			{ number: '6281234567002', orderId: 'b' },
		]);
		expect(fields.readRecipients(node, ['6281234567001', 6281234567002], '', 0)).toEqual([
			{ number: '6281234567001' },
			{ number: '6281234567002' },
		]);
	});

	test('a list of order IDs (from an expression) is split at separators like text, so no ID sent carries a comma', () => {
		// fast-check found [","] accepted as one order ID: joined with commas for the vendor, it shifted the IDs.
		expect(fields.readRecipients(node, ['6281234567001', '6281234567002'], ['a,b'], 0)).toEqual([
			{ number: '6281234567001', orderId: 'a' },
			{ number: '6281234567002', orderId: 'b' },
		]);
		expect(fields.readRecipients(node, 6281234567001, [','], 0)).toEqual([
			{ number: '6281234567001' },
		]);
		expect(() => fields.readRecipients(node, ['6281234567001'], ['a;b'], 0)).toThrow(
			/exactly one ID per number/,
		);
		// fast-check also found an object whose toString is broken: refused by name, not a TypeError.
		expect(() => fields.readRecipients(node, 6281234567001, { toString: {} }, 0)).toThrow(
			/An Order ID in item 0 is not text/,
		);
	});

	test.each([
		['', '', /Phone Numbers in item 3 are empty/],
		['6281234567001,abc', '', /Phone Numbers in item 3 must be a phone number of 7 to 15 digits/],
		[
			'6281234567001,6281234567002',
			'only-one',
			/Order IDs in item 3 must give exactly one ID per number/,
		],
		['6281234567001', 'x'.repeat(65), /Order ID in item 3 is longer than 64 characters/],
	])('refused: numbers %j, order IDs %j', (numbers, orderIds, message) => {
		expect(() => fields.readRecipients(node, numbers, orderIds, 3)).toThrow(message);
	});

	test('message: 1 to 1024 characters, kept as written; sender ID at most 32', () => {
		expect(fields.readContent(node, ' hi ', 0)).toBe(' hi ');
		expect(fields.readContent(node, 'x'.repeat(1024), 0)).toHaveLength(1024);
		expect(() => fields.readContent(node, 'x'.repeat(1025), 0)).toThrow(/1 to 1024 characters/);
		expect(() => fields.readContent(node, '   ', 0)).toThrow(/Message in item 0 is empty/);
		expect(fields.readSenderId(node, '', 0)).toBeUndefined();
		expect(fields.readSenderId(node, 'ACME', 0)).toBe('ACME');
		expect(() => fields.readSenderId(node, 'S'.repeat(33), 0)).toThrow(
			/Sender ID in item 0 must be text of 1 to 32/,
		);
	});
});

test('the answer diff: one row per recipient, refused numbers say why, extra answer entries kept', () => {
	const recipients = [
		{ number: '6281234567001', orderId: 'a' },
		{ number: '6281234567002', orderId: 'b' },
	];
	const accepted = records.acceptedMessages({
		array: [
			{ msgId: '1', number: '+6281234567001', orderId: 'a' },
			{ msgId: '9', number: '6289999999999' },
			'junk',
		],
	});
	expect(fields.rowsOfAnswer(recipients, accepted)).toEqual([
		{ msgId: '1', number: '6281234567001', orderId: 'a', submitted: true, reason: null },
		{
			msgId: null,
			number: '6281234567002',
			orderId: 'b',
			submitted: false,
			reason: fields.NOT_ACCEPTED,
		},
		{ msgId: '9', number: '6289999999999', orderId: null, submitted: true, reason: null },
	]);
});

describe('typing', () => {
	test.each([
		['0', 'delivered'],
		[0, 'delivered'],
		['-1', 'sending'],
		['1', 'failed'],
		['2', 'failed'],
		[undefined, 'failed'],
	])('vendor status %j → %s', (status, typed) => {
		expect(records.deliveryStatusOf(status)).toBe(typed);
	});

	test("a report entry: typed status, the vendor's code as text, its time as reportTime in UTC", () => {
		expect(
			records.typeDeliveryReport({
				msgId: '17',
				number: '628',
				receiveTime: '2024-05-13 10:21:07',
				status: '1',
			}),
		).toEqual({
			msgId: '17',
			number: '628',
			status: 'failed',
			statusCode: '1',
			reportTime: '2024-05-13T02:21:07.000Z',
		});
		expect(records.typeDeliveryReport({ status: -1, receiveTime: 'n/a' })).toMatchObject({
			status: 'sending',
			statusCode: '-1',
			reportTime: 'n/a',
		});
	});

	test('an inbound record: mcc/mnc as text, money as numbers, counts as integers, time in UTC', () => {
		expect(
			records.typeInboundMessage({
				number: '628',
				sendId: '62811',
				receiveTime: '2024-05-13T10:25:40+08:00',
				content: 'STOP',
				mcc: '510',
				mnc: 10,
				operator: 'Indonesia',
				pricedetail: { pay: '0.0100', chargeCnt: '2', currency: 'USD', price: '0.005' },
			}),
		).toEqual({
			number: '628',
			sendId: '62811',
			receiveTime: '2024-05-13T02:25:40.000Z',
			content: 'STOP',
			mcc: '510',
			mnc: '10',
			operator: 'Indonesia',
			price: 0.005,
			chargeCnt: 2,
			pay: 0.01,
			currency: 'USD',
		});
		expect(records.typeInboundMessage({}).pay).toBeNull();
	});
});

test('month windows stay inside one calendar month (+08:00) and cover the range', () => {
	const from = new Date('2026-01-20T00:00:00+08:00');
	const to = new Date('2026-03-05T12:00:00+08:00');
	const windows = monthWindows({ from, to });
	expect(windows.map((w) => [w.from.toISOString(), w.to.toISOString()])).toEqual([
		['2026-01-19T16:00:00.000Z', '2026-01-31T16:00:00.000Z'],
		['2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
		['2026-02-28T16:00:00.000Z', '2026-03-05T04:00:00.000Z'],
	]);
});

test('every SMS status -3 … -32 has a meaning and what to do; the voice wording stays', () => {
	for (let code = -3; code >= -32; code--) {
		const info = VENDOR_STATUS[String(code)];
		expect(info.meaning.length).toBeGreaterThan(10);
		expect(info.action.length).toBeGreaterThan(10);
	}
	expect(VENDOR_STATUS['-16'].meaning).toBe("Timestamp expired: this machine's clock is off");
	expect(VENDOR_STATUS['-5'].action).toMatch(/1024/);
	expect(VENDOR_STATUS['-15'].transient).toBe(true);
});

describe('unknown outcome wording comes from the request', () => {
	const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
	test.each([
		[
			'SMS',
			MESSAGE_UNKNOWN_OUTCOME,
			/whether the messages were sent: .*Message → Get Many Sent/,
			/call/,
		],
		[
			'Voice',
			CALL_UNKNOWN_OUTCOME,
			/whether the call was placed: .*Call Record → Get Many/,
			/message/,
		],
		[
			'neutral',
			undefined,
			/whether Itniotech acted on the request: .*Itniotech console/,
			/call|message/i,
		],
	])('%s', (_name, unknownOutcome, wording, absent) => {
		const request = { path: '/x', itemIndex: 0, isSend: true, unknownOutcome };
		const network = networkFailure(ctx, request, 30, reset).error.description;
		expect(network).toMatch(wording);
		expect(network).not.toMatch(absent);
		expect(network.match(/unknown whether/g)).toHaveLength(1); // one instruction, not the same advice twice
		expect(httpFailure(ctx, request, 500, false, undefined).error.description).not.toMatch(absent);
	});
});

test('the message report names what was sent, what is unknown and what to send again', () => {
	const error = new NodeApiError(node, { kind: 'test' }, { message: 'timeout' });
	error.context.sendOutcome = 'unknown';
	withMessages(error, 2, [{ msgId: '17', number: '6281', submitted: true }], ['6282'], ['6283']);
	const rows = messagesOfRows(0, [
		{ msgId: null, number: '6280', submitted: false, reason: 'not accepted' },
	]);
	expect(rows.refused).toEqual([{ item: 0, number: '6280', reason: 'not accepted' }]);
	const text = describeMessages(
		{
			sent: [{ item: 2, number: '6281', msgId: '17' }],
			unknown: [{ item: 2, number: '6282' }],
			refused: [],
			notSent: [{ item: 2, number: '6283' }],
		},
		2,
	);
	expect(text).toBe(
		'Sent — do not send these again: item 2: 6281 → 17. Outcome unknown — check these with Message → Get Many Sent (or the Itniotech console) before sending them again: item 2: 6282. Not sent — send only these again: item 2: 6283 (not sent).',
	);
});

test('the node: itniotechSms, usable as a tool, the shared credential; Message and Account, no App ID field of its own', () => {
	const { description } = new ItniotechSms();
	expect(description.name).toBe('itniotechSms');
	expect(description.usableAsTool).toBe(true);
	expect(description.credentials).toEqual([{ name: 'itniotechApi', required: true }]);
	const resource = description.properties.find((p) => p.name === 'resource');
	expect(resource.options).toEqual([
		{ name: 'Account', value: 'account' },
		{ name: 'Message', value: 'message' },
	]);
	expect(resource.default).toBe('message');
	const menu = (value) =>
		description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions.show.resource[0] === value,
		);
	expect(menu('message').options.map((o) => [o.value, o.name, o.action])).toEqual([
		['send', 'Send', 'Send a message'],
		['sendBatch', 'Send Personalized', 'Send personalized messages'],
		['getReport', 'Get Delivery Report', 'Get delivery reports of messages'],
		['searchSent', 'Get Many Sent', 'Get many sent messages'],
		['searchInbound', 'Get Many Received', 'Get many received messages'],
	]);
	expect(menu('message').options.find((o) => o.value === 'sendBatch').description).toMatch(
		/Each input item gets its own text/,
	);
	expect(menu('account').options.map((o) => [o.value, o.name])).toEqual([
		['getBalance', 'Get Balance'],
	]);
	// The App ID lives in the credential; each operation may override it under Options → App ID.
	expect(description.properties.filter((p) => p.name === 'appId')).toEqual([]);
	const optionsOf = (operation) =>
		description.properties.find(
			(p) => p.name === 'options' && p.displayOptions.show.operation[0] === operation,
		);
	for (const { value } of menu('message').options) {
		expect(optionsOf(value).options.find((o) => o.name === 'appId')).toMatchObject({
			displayName: 'App ID',
			type: 'string',
			default: '',
		});
	}
});

describe('hostile input: allowed form or a NodeOperationError naming the field, nothing else', () => {
	const fc = require('fast-check');
	const { NodeOperationError } = require('n8n-workflow');
	const anything = fc.oneof(
		fc.string(),
		fc.fullUnicodeString({ maxLength: 2000 }),
		fc.integer(),
		fc.double(),
		fc.constant(null),
		fc.array(fc.string()),
		fc.object(),
	);
	const refusedNaming = (fn, field) => {
		try {
			return fn();
		} catch (error) {
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain(field);
			return undefined;
		}
	};
	test('Numbers and Order IDs', () => {
		fc.assert(
			fc.property(anything, anything, (numbers, orderIds) => {
				const recipients = refusedNaming(
					() => fields.readRecipients(node, numbers, orderIds, 0),
					'item 0',
				);
				if (recipients === undefined) return;
				expect(recipients.length).toBeGreaterThan(0);
				for (const r of recipients) {
					expect(r.number).toMatch(/^\d{7,15}$/);
					if (r.orderId !== undefined) expect(r.orderId).not.toMatch(/[,;\n\r]/);
				}
				expect(new Set(recipients.map((r) => r.number)).size).toBe(recipients.length);
			}),
		);
	});
	test('Message and Sender ID', () => {
		fc.assert(
			fc.property(anything, (value) => {
				const content = refusedNaming(() => fields.readContent(node, value, 0), 'Message');
				if (content !== undefined) expect(content.length).toBeGreaterThan(0);
				if (content !== undefined) expect(content.length).toBeLessThanOrEqual(1024);
				const sender = refusedNaming(() => fields.readSenderId(node, value, 0), 'Sender ID');
				if (sender !== undefined) expect(sender.length).toBeLessThanOrEqual(32);
			}),
		);
	});
});

'use strict';
/**
 * The reliability matrix for Itniotech SMS: every fault class against every send (never repeated, at most one
 * accepted request, every accepted msgId in the output or the error, also when the answer is dropped after
 * the vendor accepted) and against the reads (temporary failures retried, a clear error otherwise).
 */
const { smsState } = require('../../simulator/sms');
const { runNode, useSimulator, ItniotechSms, visibleRunText, ACCOUNT, DAY } = require('../helpers');

const { sim, credentials } = useSimulator();

const seen = [];
async function sms(parameters, extra = {}) {
	const result = await runNode({
		parameters: {
			resource: 'message',
			...parameters,
			options: { timeoutSeconds: 1, ...parameters.options },
		},
		credentials: { ...credentials, smsAppId: 'sms-app' },
		nodeType: new ItniotechSms(),
		...extra,
	});
	seen.push(result);
	return result;
}

const numbers = (n) => Array.from({ length: n }, (_, i) => `6281234${String(i).padStart(6, '0')}`);

const FAULTS = {
	'vendor -18': { kind: 'status', status: '-18' },
	'vendor -10 (balance)': { kind: 'status', status: '-10' },
	'HTTP 500': { kind: 'http', httpStatus: 500, body: 'Internal Server Error' },
	'HTTP 429': { kind: 'http', httpStatus: 429, body: 'slow down' },
	'HTML page': { kind: 'html' },
	'invalid JSON': { kind: 'malformed' },
	'truncated JSON': { kind: 'truncated' },
	'reset after the request was read': { kind: 'reset' },
	'reset before the request was read': { kind: 'resetBeforeRead' },
	'answer dropped after the vendor accepted': { kind: 'dropAnswer' },
	hang: { kind: 'hang' },
};

const SENDS = {
	Send: {
		operation: 'send',
		numbers: '6281234567001,6281234567002',
		content: 'hi',
		additionalFields: {},
	},
	'Send Personalized': {
		operation: 'sendBatch',
		numbers: '6281234567001,6281234567002',
		content: 'hi',
		additionalFields: {},
	},
};

describe('sends are never repeated, and an unknown outcome is named', () => {
	const cases = [];
	for (const [sendName, send] of Object.entries(SENDS)) {
		for (const [faultName, fault] of Object.entries(FAULTS))
			cases.push([sendName, faultName, send, fault]);
	}
	test.each(cases)(
		'%s under %s: one request, a clear error listing both numbers',
		async (_s, _f, send, fault) => {
			sim.inject({ ...fault });
			const result = await sms(send);
			expect(sim.requests).toHaveLength(1);
			expect(sim.sent).toHaveLength(fault.kind === 'dropAnswer' ? 1 : 0);
			expect(result.error).toBeDefined();
			const { messages } = result.error.context;
			const outcomeUnknown = fault.kind !== 'status' && fault.kind !== 'resetBeforeRead';
			const listed = (outcomeUnknown ? messages.unknown : messages.refused).map(
				(entry) => entry.number,
			);
			// resetBeforeRead: the request may or may not have gone out from the client's view; either list is honest.
			if (fault.kind === 'resetBeforeRead') {
				expect([...messages.unknown, ...messages.refused].map((e) => e.number)).toEqual([
					'6281234567001',
					'6281234567002',
				]);
			} else {
				expect(listed).toEqual(['6281234567001', '6281234567002']);
			}
			if (outcomeUnknown) {
				expect(result.error.description).toMatch(
					/check with Message → Get Many Sent \(or the Itniotech console\) before sending again, so nobody gets the message twice/,
				);
				expect(result.error.description).not.toMatch(/call/i);
			}
		},
	);
});

describe('no accepted msgId is lost', () => {
	test("Send, 2,500 numbers: the second chunk's answer is dropped; the first chunk's 1000 msgIds are in the error, the third is not sent", async () => {
		const list = numbers(2500);
		sim.inject({ kind: 'dropAnswer', path: '/sms/sendSms', after: 1 });
		const result = await sms({
			operation: 'send',
			numbers: list.join(','),
			content: 'hi',
			additionalFields: {},
		});
		expect(sim.sent.map((s) => s.numbers.length)).toEqual([1000, 1000]);
		const { messages } = result.error.context;
		const accepted = sim.sent[0].msgIds;
		expect(messages.sent.map((e) => e.msgId)).toEqual(accepted);
		expect(messages.unknown.map((e) => e.number)).toEqual(list.slice(1000, 2000));
		expect(messages.notSent.map((e) => e.number)).toEqual(list.slice(2000));
		expect(result.error.description).toMatch(
			/^.*Sent — do not send these again: item 0: 6281234000000 → /,
		);
		expect(result.error.description).toMatch(
			/Not sent — send only these again: item 0: 6281234002000, /,
		);
	});

	test("Send under continue-on-fail: the first chunk's rows are output, then the error item with the rest", async () => {
		const list = numbers(1500);
		sim.inject({ kind: 'dropAnswer', path: '/sms/sendSms', after: 1 });
		const result = await sms(
			{ operation: 'send', numbers: list.join(','), content: 'hi', additionalFields: {} },
			{ continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1001);
		expect(result.items.slice(0, 1000).map((i) => i.json.msgId)).toEqual(sim.sent[0].msgIds);
		expect(result.items[1000].json.messages.unknown.map((e) => e.number)).toEqual(list.slice(1000));
	});

	test("Send, three items, the second fails: the first item's msgIds are in the error, the third is not sent", async () => {
		sim.inject({ kind: 'dropAnswer', path: '/sms/sendSms', bodyContains: '6281234567002' });
		const items = ['6281234567001', '6281234567002', '6281234567003'].map((phone) => ({
			json: { phone },
		}));
		const result = await sms(
			{
				operation: 'send',
				numbers: '={{ $json.phone }}',
				content: 'hi',
				additionalFields: {},
				options: { concurrency: 1 },
			},
			{ items },
		);
		const { messages } = result.error.context;
		expect(messages.sent.map((e) => [e.item, e.msgId])).toEqual([[0, sim.sent[0].msgIds[0]]]);
		expect(messages.unknown.map((e) => [e.item, e.number])).toEqual([[1, '6281234567002']]);
		expect(sim.sent.flatMap((s) => s.numbers)).not.toContain('6281234567003');
	});

	test("Send Personalized, 1,500 numbers: the second request's answer is dropped; the first request's msgIds are in the error", async () => {
		const list = numbers(1500);
		const items = [list.slice(0, 900), list.slice(900)].map((phones) => ({
			json: { phones: phones.join(',') },
		}));
		sim.inject({ kind: 'dropAnswer', path: '/sms/sendSms/batch', after: 1 });
		const result = await sms(
			{
				operation: 'sendBatch',
				numbers: '={{ $json.phones }}',
				content: 'hi',
				additionalFields: {},
			},
			{ items },
		);
		expect(sim.sent.map((s) => s.numbers.length)).toEqual([1000, 500]);
		const { messages } = result.error.context;
		expect(messages.sent.map((e) => e.msgId)).toEqual(sim.sent[0].msgIds);
		expect(messages.unknown.map((e) => e.number)).toEqual(list.slice(1000));
		expect(new Set(messages.sent.map((e) => e.item))).toEqual(new Set([0, 1]));
		expect(result.error.description).toMatch(
			/Outcome unknown — check these with Message → Get Many Sent/,
		);
	});

	test('a partly refused send (fail > 0) is not an error: the refused numbers say so, the accepted ones have msgIds', async () => {
		smsState(sim).rejectNumbers.add('6281234567002');
		const result = await sms(SENDS['Send']);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.submitted)).toEqual([true, false]);
		expect(sim.requests).toHaveLength(1);
	});
});

describe('reads', () => {
	const sentIds = async () => {
		const sent = await sms(SENDS['Send']);
		sim.requests = [];
		return sent.items.map((i) => ({ json: { msgId: i.json.msgId } }));
	};
	const getReport = { operation: 'getReport', msgIds: '={{ $json.msgId }}' };

	test.each([
		['vendor -18', { kind: 'status', status: '-18' }],
		['HTTP 503', { kind: 'http', httpStatus: 503, body: '' }],
		['reset', { kind: 'reset' }],
		['answer dropped', { kind: 'dropAnswer' }],
	])(
		'Get Delivery Report retries a temporary failure (%s) and still pairs every item',
		async (_name, fault) => {
			const items = await sentIds();
			sim.inject({ ...fault, path: '/sms/getReport' });
			const result = await sms({ ...getReport, options: { maxAttempts: 2 } }, { items });
			expect(result.error).toBeUndefined();
			expect(sim.requests).toHaveLength(2);
			expect(result.items.map((i) => [i.pairedItem.item, i.json.status])).toEqual([
				[0, 'delivered'],
				[1, 'delivered'],
			]);
		},
	);

	test('Get Delivery Report: a lasting failure of one request makes error items only for the items in it (continue-on-fail)', async () => {
		const sent = await sms({
			operation: 'send',
			numbers: numbers(300).join(','),
			content: 'hi',
			additionalFields: {},
		});
		sim.requests = [];
		const items = sent.items.map((i) => ({ json: { msgId: i.json.msgId } }));
		sim.inject({ kind: 'status', status: '-18', path: '/sms/getReport', after: 1, times: 5 });
		const result = await sms(
			{ ...getReport, options: { maxAttempts: 2 } },
			{ items, continueOnFail: true },
		);
		expect(result.items).toHaveLength(300);
		expect(result.items.slice(0, 200).every((i) => i.json.status === 'delivered')).toBe(true);
		expect(result.items.slice(200).every((i) => /Itniotech error -18/.test(i.json.error))).toBe(
			true,
		);
		expect(result.items.map((i) => i.pairedItem.item)).toEqual([...Array(300).keys()]);
	});

	test("Get Delivery Report without continue-on-fail stops with the vendor's meaning and advice", async () => {
		const items = await sentIds();
		sim.inject({ kind: 'status', status: '-14', path: '/sms/getReport' });
		const result = await sms(getReport, { items });
		expect(result.error.message).toBe(
			'Itniotech error -14: A field is empty or a message ID is not valid',
		);
		expect(result.error.description).toMatch(
			/use the msgId values Send or Send Personalized returned/,
		);
		expect(sim.requests).toHaveLength(1);
	});

	test.each([
		['Get Many Sent', 'searchSent', '/sms/getSentRcd'],
		['Get Many Received', 'searchInbound', '/sms/recordMo'],
	])('%s retries a temporary failure', async (_name, operation, path) => {
		sim.inject({ kind: 'http', httpStatus: 502, body: 'bad gateway', path });
		const now = Date.now();
		const result = await sms({
			operation,
			from: new Date(now - 3 * DAY).toISOString(),
			to: new Date(now).toISOString(),
			returnAll: true,
			options: { maxAttempts: 2 },
		});
		expect(result.error).toBeUndefined();
		// The failed request is sent once more; a range across a month end (+08:00) adds a window of its own.
		expect(sim.requests[0].fault).toBe('http');
		const windows = sim.requests.slice(1).map((r) => JSON.stringify(r.window));
		expect(new Set(windows).size).toBe(windows.length);
		expect(sim.requests.slice(1).every((r) => r.path === path && r.answeredStatus === '0')).toBe(
			true,
		);
	});
});

describe('every fault class against every read', () => {
	const now = Date.now();
	const range = {
		from: new Date(now - 2 * 3600 * 1000).toISOString(),
		to: new Date(now).toISOString(),
		returnAll: true,
	};
	const READS = {
		'Get Delivery Report': {
			parameters: { operation: 'getReport', msgIds: '2405131020451000017' },
			path: '/sms/getReport',
		},
		'Get Many Sent': { parameters: { operation: 'searchSent', ...range }, path: '/sms/getSentRcd' },
		'Get Many Received': {
			parameters: { operation: 'searchInbound', ...range },
			path: '/sms/recordMo',
		},
	};
	const cases = [];
	for (const [readName, read] of Object.entries(READS)) {
		for (const [faultName, fault] of Object.entries(FAULTS))
			cases.push([readName, faultName, read, fault]);
	}
	test.each(cases)(
		"%s under %s: retried when temporary, otherwise one request and the vendor's advice",
		async (_r, _f, read, fault) => {
			sim.inject({ ...fault, path: read.path });
			const result = await sms({ ...read.parameters, options: { maxAttempts: 2 } });
			const temporary = !(fault.kind === 'status' && fault.status === '-10');
			if (temporary) {
				expect(result.error).toBeUndefined();
				expect(sim.requests[0].fault).toBe(fault.kind);
				expect(sim.requests.filter((r) => r.fault)).toHaveLength(1);
			} else {
				expect(result.error.message).toBe('Itniotech error -10: The account balance is too low');
				expect(sim.requests).toHaveLength(1);
			}
		},
	);
});

test('nothing a user sees contains the API secret or a Sign', () => {
	for (const result of seen) {
		const text = visibleRunText(result);
		expect(text).not.toContain(ACCOUNT.apiSecret);
	}
});

'use strict';
/**
 * The simulator's SMS endpoints checked directly, as the vendor would answer a hand-made request: signature,
 * both path layouts, and every documented limit with its status (so the node's tests run against a faithful
 * stand-in, including the cases the node itself never sends because it validates first).
 */
const { smsState } = require('../../simulator/sms');
const { useSimulator, signedHeaders, DAY, vendorTime: vendorIso } = require('../helpers');

const { sim } = useSimulator();

async function call(method, path, params, secret) {
	const url = new URL(`${sim.baseUrl}${path}`);
	if (method === 'GET')
		for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
	const response = await fetch(url, {
		method,
		headers: signedHeaders({ apiSecret: secret }),
		body: method === 'GET' ? undefined : JSON.stringify(params),
	});
	if (response.status !== 200) return { httpStatus: response.status };
	return await response.json();
}

const nums = (n) =>
	Array.from({ length: n }, (_, i) => `6281234${String(i).padStart(6, '0')}`).join(',');

test.each([
	['/sms/sendSms', 200],
	['/v3/sendSms', 200],
	['/sendSms', 404],
	['/v3/sms/sendSms', 404],
])('%s → HTTP %s', async (path, expected) => {
	const answer = await call('POST', path, { appId: 'a', numbers: '6281234567001', content: 'hi' });
	expect(answer.httpStatus ?? 200).toBe(expected);
	if (expected === 200) expect(answer).toMatchObject({ status: '0', success: '1', fail: '0' });
});

test.each([
	['a wrong Sign', 'POST', { appId: 'a', numbers: '6281234567001', content: 'hi' }, '-1', 'wrong'],
	['empty content', 'POST', { appId: 'a', numbers: '6281234567001', content: '' }, '-4', undefined],
	[
		'content over 1024',
		'POST',
		{ appId: 'a', numbers: '6281234567001', content: 'x'.repeat(1025) },
		'-5',
		undefined,
	],
	['no numbers', 'POST', { appId: 'a', numbers: '', content: 'hi' }, '-8', undefined],
	['only bad numbers', 'POST', { appId: 'a', numbers: '12,abc', content: 'hi' }, '-9', undefined],
	[
		'1001 numbers by POST',
		'POST',
		{ appId: 'a', numbers: nums(1001), content: 'hi' },
		'-7',
		undefined,
	],
	['101 numbers by GET', 'GET', { appId: 'a', numbers: nums(101), content: 'hi' }, '-7', undefined],
	[
		'an orderId count that differs',
		'POST',
		{ appId: 'a', numbers: nums(2), content: 'hi', orderId: 'x' },
		'-22',
		undefined,
	],
])('sendSms with %s → %s', async (_name, method, params, status, secret) => {
	const answer = await call(method, '/sms/sendSms', params, secret);
	expect(answer.status).toBe(status);
	expect(sim.sent).toHaveLength(0);
});

test('100 numbers by GET and 1000 by POST are accepted', async () => {
	expect(
		(await call('GET', '/v3/sendSms', { appId: 'a', numbers: nums(100), content: 'hi' })).success,
	).toBe('100');
	expect(
		(await call('POST', '/sms/sendSms', { appId: 'a', numbers: nums(1000), content: 'hi' }))
			.success,
	).toBe('1000');
});

test('partial acceptance: fail > 0 and the rejected numbers missing from array', async () => {
	smsState(sim).rejectNumbers.add('6281234000001');
	const answer = await call('POST', '/sms/sendSms', {
		appId: 'a',
		numbers: `${nums(3)},12`,
		content: 'hi',
		orderId: 'a,b,c,d',
	});
	expect(answer).toMatchObject({ status: '0', success: '2', fail: '2' });
	expect(answer.array.map((e) => [e.number, e.orderId])).toEqual([
		['6281234000000', 'a'],
		['6281234000002', 'c'],
	]);
});

test('sendSms/batch: POST only, per-element checks, 1000 numbers per request', async () => {
	const ok = await call('POST', '/v3/sendSms/batch', {
		appId: 'a',
		array: [
			{ numbers: nums(2), content: 'one' },
			{ numbers: '6281299999999', content: 'two' },
		],
	});
	expect(ok.array.map((e) => e.number)).toEqual([
		'6281234000000',
		'6281234000001',
		'6281299999999',
	]);
	expect(
		(
			await call('POST', '/sms/sendSms/batch', {
				appId: 'a',
				array: [
					{ numbers: nums(600), content: 'x' },
					{ numbers: nums(401), content: 'y' },
				],
			})
		).status,
	).toBe('-7');
	expect(
		(
			await call('POST', '/sms/sendSms/batch', {
				appId: 'a',
				array: [{ numbers: nums(1), content: '' }],
			})
		).status,
	).toBe('-4');
	expect((await call('GET', '/sms/sendSms/batch', {})).httpStatus).toBe(405);
});

test('getReport: ≤200 IDs, unknown and queued IDs counted in nofound, counters as strings', async () => {
	const sent = await call('POST', '/sms/sendSms', { appId: 'a', numbers: nums(3), content: 'hi' });
	const [a, b, c] = sent.array.map((e) => e.msgId);
	const statuses = { [a]: '0', [b]: '1', [c]: undefined };
	smsState(sim).reportStatus = (m) => statuses[m.msgId];
	const answer = await call('GET', '/sms/getReport', { appId: 'a', msgIds: `${a},${b},${c},999` });
	expect(answer).toMatchObject({
		status: '0',
		success: '1',
		fail: '1',
		sending: '0',
		nofound: '2',
	});
	expect(answer.array.map((e) => [e.msgId, e.status])).toEqual([
		[a, '0'],
		[b, '1'],
	]);
	expect(
		(
			await call('GET', '/sms/getReport', {
				appId: 'a',
				msgIds: Array.from({ length: 201 }, (_, i) => i + 1).join(','),
			})
		).status,
	).toBe('-22');
	expect((await call('GET', '/sms/getReport', { appId: 'a', msgIds: '' })).status).toBe('-14');
});

test('getSentRcd and recordMo: time windows and retention', async () => {
	const now = Date.now();
	const sent = (from, to) =>
		call('GET', '/sms/getSentRcd', {
			appId: 'a',
			startTime: vendorIso(from),
			endTime: vendorIso(to),
		});
	const mo = (from, to) =>
		call('POST', '/v3/recordMo', {
			appId: 'a',
			current: 1,
			size: 100,
			params: { strTime: vendorIso(from), endTime: vendorIso(to) },
		});
	expect((await sent(now - DAY, now)).status).toBe('0');
	expect((await sent(now - 40 * DAY, now)).status).toBe('-25');
	expect((await sent(now - 95 * DAY, now - 80 * DAY)).status).toBe('-25');
	expect(
		(await call('GET', '/sms/getSentRcd', { appId: 'a', startTime: 'soon', endTime: 'later' }))
			.status,
	).toBe('-11');
	expect((await mo(now - DAY, now)).data).toMatchObject({ total: 0, current: 1, size: 100 });
	expect((await mo(now - 40 * DAY, now)).status).toBe('-25');
	expect(
		(await mo(Date.parse('2022-06-20T00:00:00+08:00'), Date.parse('2022-07-10T00:00:00+08:00')))
			.status,
	).toBe('-25');
	expect(
		(
			await call('POST', '/sms/recordMo', {
				appId: 'a',
				current: 1,
				size: 101,
				params: { strTime: vendorIso(now - DAY), endTime: vendorIso(now) },
			})
		).status,
	).toBe('-22');
});

'use strict';
/**
 * The simulator's group-call task (campaign) and SIP phone endpoints checked directly, as the vendor would
 * answer a hand-made request: the `{code, msg, data}` envelope (errors included), both path layouts, both
 * numbers fields, the documented limits, unique names, every reading the reference leaves open, task progress
 * that advances with the progress clock, and SIP calls whose records recordSip returns.
 */
const { taskState, parseLocalTime, localTime } = require('../../simulator/tasks');
const { useSimulator, signedHeaders } = require('../helpers');

const { sim } = useSimulator();

async function call(method, path, body) {
	const response = await fetch(`${sim.baseUrl}${path}`, {
		method,
		headers: signedHeaders(),
		body: method === 'GET' ? undefined : JSON.stringify(body),
	});
	if (response.status !== 200) return { httpStatus: response.status };
	return await response.json();
}

const numbers = (n) => Array.from({ length: n }, (_, i) => `4477009${String(i).padStart(5, '0')}`);

const task = (fields = {}) => ({
	appId: 'voice-app',
	taskName: 'Spring sale',
	numberList: numbers(3),
	source: 3,
	text: 'Hello',
	lan: 'EN',
	loopCount: 1,
	maxCalls: 60,
	...fields,
});

describe.each([
	['Itniotech', ''],
	['Onbuka', '/v3'],
])('%s layout', (_name, prefix) => {
	test('create answers {code, msg, data} with the jobId; detail and the list know the task', async () => {
		const created = await call('POST', `${prefix}/voice/group/call/send`, task());
		expect(created).toEqual({ code: '0', msg: 'success', data: expect.any(Number) });
		const detail = await call('GET', `${prefix}/voice/group/call/detail/${created.data}`);
		expect(detail.data).toMatchObject({ jobId: created.data, taskName: 'Spring sale', numCnt: 3 });
		const list = await call('POST', `${prefix}/voice/group/call/query`, {
			current: 1,
			size: 10,
			params: { strTime: '2020-01-01 00:00:00', endTime: '2099-01-01 00:00:00' },
		});
		expect(list.data.records).toEqual([
			expect.objectContaining({ jobId: created.data, taskName: 'Spring sale', numCnt: 3 }),
		]);
	});

	test('SIP phones: add, list (with passwords, as the vendor sends them), reset, call', async () => {
		const added = await call('POST', `${prefix}/voice/sipAdd`, {
			appId: 'voice-app',
			groupName: 'Front desk',
			phoneName: 'desk',
			quantity: 2,
			displayNum: '4477009001',
		});
		expect(added).toEqual({ status: '0', reason: 'success', data: null });
		const list = await call('POST', `${prefix}/voice/sipQuery`, {
			current: 1,
			size: 25,
			params: { appId: 'voice-app' },
		});
		expect(list.data.records).toHaveLength(2);
		const [phone] = list.data.records;
		expect(phone).toMatchObject({ groupName: 'Front desk', phoneName: 'desk-1' });
		const reset = await call('POST', `${prefix}/voice/sipReset`, {
			appId: 'voice-app',
			account: phone.account,
		});
		expect(reset.data).toEqual({ account: phone.account, password: expect.any(String) });
		expect(reset.data.password).not.toBe(phone.password);
		const sent = await call('POST', `${prefix}/voice/sendSip`, {
			appId: 'voice-app',
			account: phone.account,
			callee: '447700900123',
		});
		expect(sent.data).toMatch(/^\d+$/);
		const record = await call('GET', `${prefix}/voice/recordSip/${sent.data}`);
		expect(record.data).toMatchObject({
			voiceId: sent.data,
			callee: '447700900123',
			sipGroupName: 'Front desk',
			phoneName: 'desk-1',
		});
	});
});

test('numberInfoList with text1…text10 (cut at 30 characters) and numberList are both accepted; never both', async () => {
	const info = await call(
		'POST',
		'/voice/group/call/send',
		task({
			numberList: undefined,
			numberInfoList: [{ calleeNumber: '447700900001', text1: 'x'.repeat(40), text2: 'Ann' }],
		}),
	);
	expect(info.code).toBe('0');
	expect(taskState(sim).list[0].numbers[0].texts).toEqual({ text1: 'x'.repeat(30), text2: 'Ann' });
	const both = await call(
		'POST',
		'/voice/group/call/send',
		task({ taskName: 'Both', numberInfoList: [{ calleeNumber: '447700900001' }] }),
	);
	expect(both.code).toBe('-22');
});

test.each([
	['a server that knows only numberList', 'numberList', 'numberInfoList'],
	['a server that knows only numberInfoList', 'numberInfoList', 'numberList'],
])('%s refuses the other field with -22', async (_name, known, unknown) => {
	taskState(sim).readings.numbersField = known;
	const field =
		unknown === 'numberList'
			? { numberList: ['447700900001'] }
			: { numberList: undefined, numberInfoList: [{ calleeNumber: '447700900001' }] };
	expect((await call('POST', '/voice/group/call/send', task(field))).code).toBe('-22');
});

test.each([
	['no appId', { appId: '' }, '-22'],
	['a task name of 1 character', { taskName: 'x' }, '-22'],
	['a task name of 65 characters', { taskName: 'x'.repeat(65) }, '-22'],
	['a bad number', { numberList: ['12'] }, '-22'],
	['200,001 numbers', { numberList: numbers(200_001) }, '-22'],
	['loopCount 10', { loopCount: 10 }, '-22'],
	['maxCalls 1000', { maxCalls: 1000 }, '-22'],
	['an unknown language', { lan: 'XX' }, '-22'],
	['TTS text over 1000 characters', { text: 'x'.repeat(1001) }, '-22'],
	['an audio file the account does not have', { source: 1, voiceFileId: 'nope.mp3' }, '-22'],
	['a sendTime with a zone', { sendTime: '2026-01-01T10:00:00+08:00' }, '-22'],
	['a hang-up SMS without outcomes', { hangUpSms: 1, smsAppId: 's', smsContent: 'Hi' }, '-22'],
	['a hang-up SMS without smsAppId', { hangUpSms: 1, smsContent: 'Hi', failedPush: 1 }, '-22'],
])('create with %s is refused, nothing started', async (_name, fields, code) => {
	const answer = await call('POST', '/voice/group/call/send', task(fields));
	expect(answer).toEqual({ code, msg: expect.any(String) });
	expect(sim.sent).toEqual([]);
});

test('100,001 entries in numberInfoList are refused, 200,000 plain numbers are taken', async () => {
	const infos = numbers(100_001).map((calleeNumber) => ({ calleeNumber }));
	const many = await call(
		'POST',
		'/voice/group/call/send',
		task({ numberList: undefined, numberInfoList: infos }),
	);
	expect(many.code).toBe('-22');
	const plain = await call(
		'POST',
		'/voice/group/call/send',
		task({ numberList: numbers(200_000) }),
	);
	expect(plain.code).toBe('0');
});

test('a task name already used is refused with -20', async () => {
	expect((await call('POST', '/voice/group/call/send', task())).code).toBe('0');
	expect((await call('POST', '/voice/group/call/send', task())).code).toBe('-20');
	expect(sim.sent).toHaveLength(1);
});

test.each([
	['number', 880001],
	['string', '880001'],
	['empty', null],
])('the create answer as a %s (a reading the reference leaves open)', async (reading, data) => {
	taskState(sim).readings.createAnswer = reading;
	expect(await call('POST', '/voice/group/call/send', task())).toEqual({
		code: '0',
		msg: 'success',
		data,
	});
});

test('code as a number, errors too; the list names its id taskId in that reading', async () => {
	Object.assign(taskState(sim).readings, { codeAsNumber: true, listId: 'taskId' });
	const created = await call('POST', '/voice/group/call/send', task());
	expect(created.code).toBe(0);
	expect((await call('GET', '/voice/group/call/detail/99')).code).toBe(-54);
	const list = await call('POST', '/voice/group/call/query', {
		current: 1,
		size: 10,
		params: { strTime: '2020-01-01 00:00:00', endTime: '2099-01-01 00:00:00' },
	});
	expect(list.data.records[0]).toMatchObject({ taskId: created.data });
});

test.each(['-54', '-24', '-22'])('an unknown task id answers %s (each reading)', async (status) => {
	taskState(sim).readings.unknownTask = status;
	expect((await call('GET', '/voice/group/call/detail/12345')).code).toBe(status);
	expect((await call('POST', '/voice/group/call/provisional', { jobIdList: [12345] })).code).toBe(
		status,
	);
});

test('an injected status on a task path comes in the task envelope', async () => {
	sim.inject({ kind: 'status', status: '-18', path: '/voice/group/call/' });
	expect(await call('POST', '/voice/group/call/send', task())).toEqual({
		code: '-18',
		msg: 'system error',
	});
});

describe('with progress on', () => {
	let clock;
	beforeEach(() => {
		clock = Date.now();
		sim.setProgress({ now: () => clock, taskDialIntervalMs: 1000 });
	});

	const detailOf = async (id) => (await call('GET', `/voice/group/call/detail/${id}`)).data;

	test('a task dials its numbers one after another; counts and status advance with the clock', async () => {
		const { data: id } = await call('POST', '/voice/group/call/send', task());
		expect(await detailOf(id)).toMatchObject({ status: 1, callNum: 0, success: 0, fail: 0 });
		clock += 8_000; // the first call has ended (answered)
		expect(await detailOf(id)).toMatchObject({ status: 1, callNum: 1, success: 1 });
		clock += 10_000; // all three ended: the third is unanswered (progress.js' default rule)
		expect(await detailOf(id)).toMatchObject({
			status: 2,
			numCnt: 3,
			callNum: 3,
			success: 2,
			fail: 1,
			rate: '100',
			finishTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
		});
	});

	test("a task's calls are group-call records, found by recordGroup", async () => {
		const { data: id } = await call('POST', '/voice/group/call/send', task());
		clock += 20_000;
		const { voiceIds } = sim.sent.find((s) => s.kind === 'task' && s.jobId === id);
		const record = await call('GET', `/voice/recordGroup/${voiceIds[2]}`);
		expect(record.data).toMatchObject({ callee: numbers(3)[2], terminationReason: 'no answer' });
	});

	test('a scheduled task waits (status 0) until its UTC+8 start time', async () => {
		const sendTime = localTime(clock + 3_600_000);
		const { data: id } = await call('POST', '/voice/group/call/send', task({ sendTime }));
		expect(parseLocalTime(sendTime)).toBe(Math.floor((clock + 3_600_000) / 1000) * 1000);
		expect((await detailOf(id)).status).toBe(0);
		clock += 3_600_000 + 20_000;
		expect((await detailOf(id)).status).toBe(2);
	});

	test('suspend stops a running task (status 5); a finished one answers -54', async () => {
		const { data: id } = await call('POST', '/voice/group/call/send', task());
		clock += 8_000;
		expect(await call('POST', '/voice/group/call/provisional', { jobIdList: [id] })).toEqual({
			code: '0',
			msg: 'success',
			data: null,
		});
		clock += 60_000;
		expect(await detailOf(id)).toMatchObject({ status: 5, callNum: 1 });
		const { data: done } = await call('POST', '/voice/group/call/send', task({ taskName: 'Two' }));
		clock += 60_000;
		expect((await call('POST', '/voice/group/call/provisional', { jobIdList: [done] })).code).toBe(
			'-54',
		);
	});

	test('resend: only the failed numbers (1) or all (0), as a new task; a running task answers -54', async () => {
		const { data: id } = await call('POST', '/voice/group/call/send', task());
		const again = (fields) =>
			call('POST', '/voice/group/call/resend', {
				...task(fields),
				keyId: id,
				numberList: undefined,
			});
		expect((await again({ taskName: 'Early', resendType: 1 })).code).toBe('-54');
		clock += 20_000;
		const failed = await again({ taskName: 'Failed again', resendType: 1 });
		expect(failed.code).toBe('0');
		expect(sim.sent.at(-1)).toMatchObject({ kind: 'task', callees: [numbers(3)[2]] });
		const all = await again({ taskName: 'All again', resendType: 0 });
		expect(sim.sent.at(-1)).toMatchObject({ kind: 'task', jobId: all.data, callees: numbers(3) });
	});
});

test('resendType is required on the Itniotech layout, optional on Onbuka', async () => {
	const { data: id } = await call('POST', '/voice/group/call/send', task());
	const body = { ...task({ taskName: 'Again' }), keyId: id, numberList: undefined };
	expect((await call('POST', '/voice/group/call/resend', body)).code).toBe('-22');
	expect((await call('POST', '/v3/voice/group/call/resend', body)).code).toBe('0');
});

test.each([
	['a group name of 3 characters', { groupName: 'abc' }, '-22'],
	['quantity 51', { quantity: 51 }, '-22'],
	['no displayNum on the Itniotech layout', { displayNum: undefined }, '-22'],
])('sipAdd with %s is refused', async (_name, fields, status) => {
	const body = {
		appId: 'voice-app',
		groupName: 'Front desk',
		phoneName: 'desk',
		quantity: 1,
		displayNum: '4477009001',
		...fields,
	};
	expect((await call('POST', '/voice/sipAdd', body)).status).toBe(status);
});

test('sipAdd: a group name is unique per app (-20), at most 200 phones per app (-23)', async () => {
	const add = (groupName, quantity) =>
		call('POST', '/voice/sipAdd', {
			appId: 'voice-app',
			groupName,
			phoneName: 'desk',
			quantity,
			displayNum: '4477009001',
		});
	for (let i = 0; i < 4; i++) expect((await add(`Group ${i}`, 50)).status).toBe('0');
	expect((await add('Group 0', 1)).status).toBe('-20');
	expect((await add('Group 9', 1)).status).toBe('-23');
});

test('sipReset and sendSip refuse an unknown phone (-22); sendSip a refused number (-26)', async () => {
	expect(
		(await call('POST', '/voice/sipReset', { appId: 'voice-app', account: '999999' })).status,
	).toBe('-22');
	expect(
		(
			await call('POST', '/voice/sendSip', {
				appId: 'voice-app',
				account: '999999',
				callee: '447700900123',
			})
		).status,
	).toBe('-22');
	await call('POST', '/voice/sipAdd', {
		appId: 'voice-app',
		groupName: 'Front desk',
		phoneName: 'desk',
		quantity: 1,
		displayNum: '4477009001',
	});
	sim.refusedCallees.add('447700900999');
	const { account } = taskState(sim).sip.phones[0];
	expect(
		(await call('POST', '/voice/sendSip', { appId: 'voice-app', account, callee: '447700900999' }))
			.status,
	).toBe('-26');
});

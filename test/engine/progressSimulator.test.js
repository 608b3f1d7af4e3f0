'use strict';
/**
 * The simulator's calls and messages that move on over time (simulator/progress.js), asked directly as the
 * vendor would be: submitted → ringing → ended answered / not answered / failed, a recall rewriting the
 * record, a call not listed until it ended, and messages queued → sending → delivered / failed. A clock of
 * the test's own moves time, so nothing waits. Without progress, placed calls keep their old behaviour.
 */
const { useSimulator, signedHeaders } = require('../helpers');

const { sim } = useSimulator();

async function call(method, path, params) {
	const url = new URL(`${sim.baseUrl}${path}`);
	if (method === 'GET')
		for (const [k, v] of Object.entries(params ?? {})) url.searchParams.set(k, String(v));
	const response = await fetch(url, {
		method,
		headers: signedHeaders(),
		body: method === 'GET' ? undefined : JSON.stringify(params),
	});
	return await response.json();
}

const clock = { ms: 0 };
const startClock = () => {
	clock.ms = Date.now();
	return () => clock.ms;
};

async function placeTts(callee, extra = {}) {
	const answer = await call('POST', '/voice/sendCode', {
		callee,
		text: 'hi',
		language: 'EN',
		appId: 'app',
		...extra,
	});
	expect(answer.status).toBe('0');
	return answer.data;
}

const getRecord = async (voiceId) => await call('GET', `/voice/recordGroup/${voiceId}`);

test('a call is submitted, rings, is answered and then ends, its record filled in step by step', async () => {
	sim.setProgress({ now: startClock(), callOutcome: () => 'answered' });
	const voiceId = await placeTts('447700900001');
	const placedAt = clock.ms;
	const steps = [];
	for (const ms of [0, 2_000, 4_000, 8_000]) {
		clock.ms = placedAt + ms;
		const { data } = await getRecord(voiceId);
		steps.push({
			ringing: data.ringingTime !== '',
			answered: data.answerTime !== '',
			ended: data.hangupTime !== '',
			duration: data.callDuration,
		});
	}
	expect(steps).toEqual([
		{ ringing: false, answered: false, ended: false, duration: '0' },
		{ ringing: true, answered: false, ended: false, duration: '0' },
		{ ringing: true, answered: true, ended: false, duration: '0' },
		{ ringing: true, answered: true, ended: true, duration: '4' },
	]);
});

test.each([
	['notAnswered', { ringing: true, answerTime: '', code: '480' }],
	['failed', { ringing: false, answerTime: '', code: '503' }],
])('a %s call ends without an answer', async (outcome, expected) => {
	sim.setProgress({ now: startClock(), callOutcome: () => outcome });
	const voiceId = await placeTts('447700900002');
	clock.ms += 60_000;
	const { data } = await getRecord(voiceId);
	expect({
		ringing: data.ringingTime !== '',
		answerTime: data.answerTime,
		code: data.terminationCode,
	}).toEqual(expected);
	expect(data.hangupTime).not.toBe('');
	expect(data.callDuration).toBe('0');
});

test('a call with one recall: the same record is rewritten by the second attempt, which is answered', async () => {
	sim.setProgress({
		now: startClock(),
		callOutcome: ({ attempt }) => (attempt === 0 ? 'notAnswered' : 'answered'),
	});
	const voiceId = await placeTts('447700900003', { recallCount: 1, recallInterval: 1 });
	clock.ms += 9_000;
	const first = (await getRecord(voiceId)).data;
	expect([first.answerTime, first.terminationCode]).toEqual(['', '480']);
	clock.ms += 60_000 + 9_000;
	const second = (await getRecord(voiceId)).data;
	expect(second.answerTime).not.toBe('');
	expect(second.terminationCode).toBe('200');
	expect(second.callTime > first.callTime).toBe(true);
	expect(second.submitTime).toBe(first.submitTime);
});

test('with listRunningCalls off, Get answers -24 and the search leaves a call out until it ended', async () => {
	sim.setProgress({ now: startClock(), listRunningCalls: false, callOutcome: () => 'answered' });
	const voiceId = await placeTts('447700900004');
	const search = async () =>
		await call('POST', '/voice/recordGroupQuery', {
			current: 1,
			size: 100,
			params: {
				strTime: new Date(clock.ms - 3_600_000).toISOString(),
				endTime: new Date(clock.ms + 3_600_000).toISOString(),
			},
		});
	expect((await getRecord(voiceId)).status).toBe('-24');
	expect((await search()).data.records).toEqual([]);
	clock.ms += 8_000;
	expect((await getRecord(voiceId)).data.voiceId).toBe(voiceId);
	expect((await search()).data.records.map((r) => r.voiceId)).toEqual([voiceId]);
});

test('an audio file call to many numbers: each callee its own outcome, all found by one search', async () => {
	const outcomes = ['answered', 'notAnswered', 'failed', 'never'];
	sim.setProgress({ now: startClock(), callOutcome: ({ index }) => outcomes[index % 4] });
	const callees = ['447700900010', '447700900011', '447700900012', '447700900013'];
	const answer = await call('POST', '/voice/sendGroup', {
		callee: callees.join(','),
		fileId: 'f.mp3',
		appId: 'app',
		displayNum: null,
	});
	clock.ms += 600_000;
	const page = await call('POST', '/voice/recordGroupQuery', {
		current: 1,
		size: 100,
		params: {
			strTime: new Date(clock.ms - 3_600_000).toISOString(),
			endTime: new Date(clock.ms).toISOString(),
		},
	});
	const byId = new Map(page.data.records.map((r) => [r.voiceId, r]));
	const codes = answer.data.map((placed) => byId.get(placed.voiceId).terminationCode);
	expect(codes).toEqual(['200', '480', '503', '']);
});

test('messages are queued, then sending, then delivered or failed; the report time is the delivery', async () => {
	sim.setProgress({
		now: startClock(),
		messageOutcome: ({ number }) => (number.endsWith('2') ? 'failed' : 'delivered'),
	});
	const sent = await call('POST', '/sms/sendSms', {
		appId: 'sms',
		numbers: '6281234567001,6281234567002',
		content: 'hi',
	});
	const ids = sent.array.map((entry) => entry.msgId).join(',');
	const report = async () => await call('GET', '/sms/getReport', { appId: 'sms', msgIds: ids });
	expect((await report()).nofound).toBe('2');
	clock.ms += 1_000;
	expect((await report()).array.map((e) => e.status)).toEqual(['-1', '-1']);
	clock.ms += 2_000;
	const done = await report();
	expect(done.array.map((e) => e.status)).toEqual(['0', '1']);
	expect(done.array.every((e) => e.receiveTime.endsWith('+08:00'))).toBe(true);
});

test('without progress, placed calls and messages behave as before (synthetic record, delivered at once)', async () => {
	const voiceId = await placeTts('447700900005');
	expect((await getRecord(voiceId)).data.hangupTime).not.toBe('');
	const sent = await call('POST', '/sms/sendSms', {
		appId: 'sms',
		numbers: '6281234567001',
		content: 'hi',
	});
	const report = await call('GET', '/sms/getReport', { appId: 'sms', msgIds: sent.array[0].msgId });
	expect(report.array[0].status).toBe('0');
});

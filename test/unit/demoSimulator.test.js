'use strict';
// npm start's demo account (ItniotechSimulator.demo): one record per Voice ID, so every call a search finds is
// what Get returns for its ID; the demo numbers answer, do not answer, or are refused; the tests' default
// simulator keeps answering Get as before.
const { ItniotechSimulator } = require('../../simulator/server');
const { DEMO, EXAMPLE_RECORD, syntheticRecord } = require('../../simulator/records');
const { signedHeaders, DAY } = require('../helpers');

function client(sim, { apiKey, apiSecret }) {
	return async (method, path, body) => {
		const response = await fetch(`${sim.baseUrl}${path}`, {
			method,
			headers: signedHeaders({ apiKey, apiSecret }),
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return response.json();
	};
}

/** Every record the search returns from `fromMs` to now, in ≤31-day queries, all pages. */
async function searchAll(call, fromMs, toMs) {
	const found = [];
	for (let start = fromMs; start < toMs; start += 30 * DAY) {
		const end = Math.min(start + 30 * DAY, toMs);
		for (let current = 1; ; current++) {
			const answer = await call('POST', '/voice/recordGroupQuery', {
				current,
				size: 100,
				params: { strTime: new Date(start).toISOString(), endTime: new Date(end).toISOString() },
			});
			expect(answer.status).toBe('0');
			found.push(...answer.data.records);
			if (current >= answer.data.pages) break;
		}
	}
	return found;
}

describe('the demo simulator', () => {
	let sim;
	let call;
	beforeAll(async () => {
		sim = ItniotechSimulator.demo();
		await sim.start();
		call = client(sim, DEMO.account);
	});
	afterAll(() => sim.stop());

	test('every call the search finds is what Get returns for its Voice ID, one record per ID', async () => {
		const now = Date.now();
		const found = await searchAll(call, now - 56 * DAY, now + 60_000);
		expect(found).toHaveLength(sim.groupHistory.length);
		expect(new Set(found.map((r) => r.voiceId)).size).toBe(found.length);
		for (const record of found) {
			const got = await call('GET', `/voice/recordGroup/${record.voiceId}`);
			expect(got).toMatchObject({ status: '0' });
			expect(got.data).toEqual(record);
		}
		// The Voice ID the README's first version showed as "yesterday in search, 2022 in Get".
		const id = '5000000000000000321';
		expect(found.find((r) => r.voiceId === id)).toBeDefined();
		expect((await call('GET', `/voice/recordGroup/${id}`)).data.submitTime).not.toMatch(/^2022-/);
	});

	test('the seed example record stays reachable for the demo workflow', async () => {
		expect((await call('GET', `/voice/recordGroup/${EXAMPLE_RECORD.voiceId}`)).data).toEqual(
			EXAMPLE_RECORD,
		);
	});

	test('a call to the answering number is answered, to the no-answer number not; the refused number gets -26', async () => {
		const tts = (callee) =>
			call('POST', '/voice/sendCode', {
				appId: DEMO.voiceAppId,
				callee,
				text: 'Hello',
				language: 'en-US',
			});
		const answered = await tts(DEMO.numbers.answers);
		const missed = await tts(DEMO.numbers.noAnswer);
		expect((await call('GET', `/voice/recordGroup/${answered.data}`)).data.answerTime).not.toBe('');
		expect((await call('GET', `/voice/recordGroup/${missed.data}`)).data.answerTime).toBe('');
		expect((await tts(DEMO.numbers.refused)).status).toBe('-26');
		const group = await call('POST', '/voice/sendGroup', {
			appId: DEMO.voiceAppId,
			fileId: 'f.wav',
			callee: [DEMO.numbers.answers, DEMO.numbers.noAnswer, DEMO.numbers.refused].join(','),
		});
		expect(group.data.map((d) => [d.callee, d.terminationCode])).toEqual([
			[DEMO.numbers.answers, '0'],
			[DEMO.numbers.noAnswer, '0'],
			[DEMO.numbers.refused, '-26'],
		]);
		// Placed calls are searchable and Get agrees with the search for them too.
		const now = Date.now();
		const found = await searchAll(call, now - 60_000, now + 60_000);
		for (const { voiceId } of group.data.filter((d) => d.voiceId)) {
			expect((await call('GET', `/voice/recordGroup/${voiceId}`)).data).toEqual(
				found.find((r) => r.voiceId === voiceId),
			);
		}
	});

	test('two SIP phones to call from; a call from one to the answering number is answered', async () => {
		const phones = await call('POST', '/voice/sipQuery', {
			current: 1,
			size: 100,
			params: { appId: DEMO.voiceAppId },
		});
		expect(phones.data.records.map((p) => [p.groupName, p.phoneName])).toEqual([
			['Front desk', 'Reception-1'],
			['Front desk', 'Reception-2'],
		]);
		const placed = await call('POST', '/voice/sendSip', {
			appId: DEMO.voiceAppId,
			account: phones.data.records[0].account,
			callee: DEMO.numbers.answers,
		});
		expect(placed.status).toBe('0');
		const record = await call('GET', `/voice/recordSip/${placed.data}`);
		expect(record.data).toMatchObject({ phoneName: 'Reception-1', callee: DEMO.numbers.answers });
	});

	test('a campaign to the demo numbers is over at once: the answering number answered, the other not', async () => {
		const created = await call('POST', '/voice/group/call/send', {
			appId: DEMO.voiceAppId,
			taskName: 'Demo campaign',
			numberList: [DEMO.numbers.answers, DEMO.numbers.noAnswer],
			source: 3,
			text: 'Hello',
			lan: 'EN',
			loopCount: 1,
			maxCalls: 60,
		});
		expect(created.code).toBe('0');
		const detail = await call('GET', `/voice/group/call/detail/${created.data}`);
		expect(detail.data).toMatchObject({ status: 2, success: 1, fail: 1 });
	});

	test('SMS: the refused number is not accepted, the no-answer number is reported failed', async () => {
		const sent = await call('POST', '/sms/sendSms', {
			appId: DEMO.smsAppId,
			numbers: [DEMO.numbers.answers, DEMO.numbers.noAnswer, DEMO.numbers.refused].join(','),
			content: 'Hello',
		});
		expect(sent.array.map((a) => a.number)).toEqual([DEMO.numbers.answers, DEMO.numbers.noAnswer]);
		const ids = sent.array.map((a) => a.msgId).join(',');
		const report = await call('GET', `/sms/getReport?appId=${DEMO.smsAppId}&msgIds=${ids}`);
		expect(report.array.map((r) => [r.number, r.status])).toEqual([
			[DEMO.numbers.answers, '0'],
			[DEMO.numbers.noAnswer, '1'],
		]);
	});
});

test("the tests' default simulator still answers Get from its records or a synthetic record", async () => {
	const sim = new ItniotechSimulator({ accounts: { k: 's' } });
	sim.groupHistory = [
		{ ...EXAMPLE_RECORD, voiceId: '5000000000000000321', submitTime: new Date().toISOString() },
	];
	await sim.start();
	try {
		const answer = await client(sim, { apiKey: 'k', apiSecret: 's' })(
			'GET',
			'/voice/recordGroup/5000000000000000321',
		);
		expect(answer.data).toEqual(syntheticRecord('5000000000000000321'));
	} finally {
		await sim.stop();
	}
});

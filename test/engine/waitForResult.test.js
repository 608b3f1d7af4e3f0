'use strict';
/**
 * Options → Wait for Result on the four sends, inside n8n's real execution engine against the simulator,
 * whose calls and messages move on over time (simulator/progress.js). Time is the test's own: the host
 * clock's `now` and `sleep` (what the wait reads through the run) move a clock the simulator follows too,
 * so a 5-minute wait takes milliseconds and no assertion depends on real time.
 */
const { runNode, useSimulator, ItniotechSms } = require('../helpers');
const { HOST_CLOCK } = require('../../dist/nodes/Itniotech/api/transport/clock.js');

const { sim, credentials } = useSimulator({
	credentials: { voiceAppId: 'voice-app', smsAppId: 'sms-app' },
});

/** The test's clock: every sleep of the wait moves it on (unless the execution was stopped). */
const clock = { ms: 0, sleeps: [], onSleep: undefined };
beforeEach(() => {
	clock.ms = Date.now();
	clock.sleeps = [];
	clock.onSleep = undefined;
	HOST_CLOCK.now = () => clock.ms;
	HOST_CLOCK.sleep = async (ms, signal) => {
		clock.sleeps.push(ms);
		clock.onSleep?.();
		if (!signal?.aborted) clock.ms += ms;
		await new Promise((resolve) => setImmediate(resolve));
	};
});
afterEach(() => {
	// The instance's own methods shadowed the class's; removing them restores the real clock.
	delete HOST_CLOCK.now;
	delete HOST_CLOCK.sleep;
});

const progress = (options) => sim.setProgress({ now: () => clock.ms, ...options });
const WAIT = { waitForResult: true, maxWaitMinutes: 5 };

const tts = (options = WAIT, additionalFields = {}) => ({
	resource: 'call',
	operation: 'sendTts',
	callee: '={{ $json.phone }}',
	language: 'EN',
	text: 'Your parcel arrives today',
	additionalFields,
	options,
});
const group = (callees, options = WAIT) => ({
	resource: 'call',
	operation: 'sendGroup',
	callees,
	fileId: 'greeting.mp3',
	additionalFields: {},
	options,
});
const people = (...phones) => phones.map((phone) => ({ json: { phone } }));
const numbers = (n, prefix = '4477009') =>
	Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`);

const requestsTo = (part) => sim.requests.filter((r) => r.path.includes(part)).length;
const reads = () => requestsTo('/voice/recordGroup');

async function voice(parameters, items = people('447700900001'), extra = {}) {
	return await runNode({ parameters, items, credentials, ...extra });
}

describe('calls', () => {
	test.each([
		['answered', 'answered', true, 'success'],
		['notAnswered', 'notAnswered', false, 'no answer'],
		['failed', 'failed', false, 'service unavailable'],
	])(
		'a call that ends %s: one item with the send output, the final record and outcome %s',
		async (simulated, outcome, answered, terminationReason) => {
			progress({ callOutcome: () => simulated });
			const { items, error } = await voice(tts());
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			const [{ json, pairedItem }] = items;
			expect(pairedItem).toEqual({ item: 0 });
			expect(json).toMatchObject({
				voiceId: sim.sent[0].voiceId,
				number: '447700900001',
				outcome,
				answered,
				terminationReason,
				callDuration: answered ? 4 : 0,
			});
			expect(typeof json.hangupTime).toBe('string');
			expect(typeof json.cost).toBe('number');
			// One call: single Gets, no search; sent once.
			expect(requestsTo('/voice/recordGroupQuery')).toBe(0);
			expect(sim.sent).toHaveLength(1);
		},
	);

	test('Max Wait bounds the wait: a call still ringing is output as stillRunning with its voiceId', async () => {
		progress({ callOutcome: () => 'never' });
		const { items } = await voice(tts({ waitForResult: true, maxWaitMinutes: 1 }));
		expect(items[0].json).toMatchObject({
			voiceId: sim.sent[0].voiceId,
			outcome: 'stillRunning',
			hangupTime: null,
		});
		// The pauses grow from 5 s and the last one ends exactly at Max Wait.
		expect(clock.sleeps).toEqual([5_000, 10_000, 20_000, 25_000]);
		expect(reads()).toBe(4);
	});

	test('the pauses grow from 5 s to 30 s', async () => {
		progress({ callOutcome: () => 'never' });
		await voice(tts({ waitForResult: true, maxWaitMinutes: 3 }));
		expect(clock.sleeps).toEqual([5_000, 10_000, 20_000, 30_000, 30_000, 30_000, 30_000, 25_000]);
	});

	test('stopping the execution stops the wait at once: no request after the stop', async () => {
		progress({ callOutcome: () => 'never' });
		let atStop;
		let stoppedSleeps;
		const { run } = await voice(tts({ waitForResult: true, maxWaitMinutes: 30 }), undefined, {
			onExecution: (execution) => {
				clock.onSleep = () => {
					if (clock.sleeps.length === 3) {
						atStop = sim.requests.length;
						stoppedSleeps = clock.sleeps.length;
						execution.cancel();
					}
				};
			},
		});
		expect(run.status).toBe('canceled');
		// Let the node's wait run to its end, whatever it still does.
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(sim.requests.length).toBe(atStop);
		expect(clock.sleeps.length).toBe(stoppedSleeps);
		expect(sim.sent).toHaveLength(1);
	});

	test('a call with recalls is over after its last attempt: unanswered, then answered on the recall', async () => {
		progress({ callOutcome: ({ attempt }) => (attempt === 0 ? 'notAnswered' : 'answered') });
		const { items } = await voice(tts(WAIT, { recallCount: 1, recallInterval: 1 }));
		expect(items[0].json).toMatchObject({ outcome: 'answered', answered: true });
		expect(sim.sent).toHaveLength(1);
	});

	test('a call with recalls that is never answered is notAnswered once every attempt ended', async () => {
		progress({ callOutcome: () => 'notAnswered' });
		const { items } = await voice(tts(WAIT, { recallCount: 2, recallInterval: 1 }));
		expect(items[0].json).toMatchObject({ outcome: 'notAnswered', answered: false });
	});

	test('with recalls pending at Max Wait, an unanswered attempt is not taken for the outcome', async () => {
		progress({ callOutcome: () => 'notAnswered' });
		const { items } = await voice(
			tts({ waitForResult: true, maxWaitMinutes: 2 }, { recallCount: 3, recallInterval: 5 }),
		);
		expect(items[0].json).toMatchObject({
			outcome: 'stillRunning',
			terminationReason: 'no answer',
		});
	});

	test('a vendor that lists a call only once it ended (Get answers -24 until then)', async () => {
		progress({ listRunningCalls: false, callOutcome: () => 'answered' });
		const { items } = await voice(tts());
		expect(items[0].json.outcome).toBe('answered');
	});

	test('1,000 audio file calls waited for 5 minutes take a few dozen requests, not thousands', async () => {
		const callees = numbers(1000);
		const never = new Set([callees[10], callees[500]]);
		progress({
			callOutcome: ({ callee, index }) =>
				never.has(callee) ? 'never' : ['answered', 'notAnswered', 'failed'][index % 3],
		});
		const { items } = await voice(group(callees.join(',')), [{ json: {} }]);
		expect(items).toHaveLength(1000);
		const counts = {};
		for (const { json } of items) counts[json.outcome] = (counts[json.outcome] ?? 0) + 1;
		// Placed in callee order: 334 answered, 333 not, 333 failed, less the two that never end.
		expect(counts).toEqual({ answered: 334, notAnswered: 332, failed: 332, stillRunning: 2 });
		expect(requestsTo('/voice/sendGroup')).toBe(5);
		expect(sim.placedCalls().size).toBe(1000);
		// 12 polls in 5 minutes (5, 10, 20, then 30 s): the first two search 10 pages each (all calls
		// open, then all ended), the other ten Get the two that never end.
		const polls = clock.sleeps.length;
		expect({ polls, reads: reads() }).toEqual({ polls: 12, reads: 2 * 10 + 10 * 2 });
		expect(reads()).toBeLessThan(polls * 1000);
		expect(
			items.filter((i) => i.json.outcome === 'stillRunning').map((i) => i.json.number),
		).toEqual([...never]);
	});

	test('a number Itniotech refused is output with outcome failed; the placed ones are waited for', async () => {
		sim.refusedCallees.add('447700900002');
		progress({ callOutcome: () => 'answered' });
		const { items } = await voice(group('447700900001,447700900002'), [{ json: {} }]);
		expect(items.map((i) => [i.json.number, i.json.submitted, i.json.outcome])).toEqual([
			['447700900001', true, 'answered'],
			['447700900002', false, 'failed'],
		]);
		sim.refusedCallees.clear();
	});

	test('continue-on-fail: the calls placed before and after a failed item are still waited for', async () => {
		progress({ callOutcome: () => 'answered' });
		sim.inject({ kind: 'status', status: '-26', path: '/voice/sendCode', bodyContains: '900002' });
		const { items } = await voice(tts(), people('447700900001', '447700900002', '447700900003'), {
			continueOnFail: true,
		});
		expect(items.map((i) => i.json.outcome ?? `error: ${i.json.error}`)).toEqual([
			'answered',
			expect.stringMatching(/^error: /),
			'answered',
		]);
		expect(sim.sent).toHaveLength(2);
	});

	test('a look-up that fails ends the wait: open calls say so, nothing is lost or sent again', async () => {
		progress({ callOutcome: () => 'never' });
		sim.inject({ kind: 'status', status: '-1', path: '/voice/recordGroup/', after: 1 });
		const { items, error } = await voice(tts());
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ voiceId: sim.sent[0].voiceId, outcome: 'stillRunning' });
		expect(items[0].json.waitError).toMatch(/^The wait stopped: /);
		expect(sim.sent).toHaveLength(1);
	});

	test('Wait for Result off: the output is as before and nothing is looked up', async () => {
		progress({ callOutcome: () => 'answered' });
		const { items } = await voice(tts({}));
		expect(Object.keys(items[0].json)).toEqual(['voiceId', 'number']);
		expect(reads()).toBe(0);
		expect(clock.sleeps).toEqual([]);
	});

	test('a Max Wait over 30 minutes stops the node before anything is sent', async () => {
		const { error } = await voice(tts({ waitForResult: true, maxWaitMinutes: 31 }));
		expect(error.message).toMatch(/Max Wait/);
		expect(sim.sent).toHaveLength(0);
	});
});

describe('messages', () => {
	async function sms(parameters, items = [{ json: {} }], extra = {}) {
		return await runNode({
			parameters: { resource: 'message', ...parameters },
			items,
			credentials,
			nodeType: new ItniotechSms(),
			...extra,
		});
	}
	const send = (numbersText, options = WAIT) => ({
		operation: 'send',
		numbers: numbersText,
		content: 'Your parcel arrives today',
		additionalFields: {},
		options,
	});

	test('Send: each number gets its delivery report and outcome delivered or failed', async () => {
		progress({ messageOutcome: ({ number }) => (number.endsWith('2') ? 'failed' : 'delivered') });
		const { items } = await sms(send('6281234567001, 6281234567002'));
		expect(items.map((i) => i.json)).toEqual([
			expect.objectContaining({
				number: '6281234567001',
				submitted: true,
				status: 'delivered',
				statusCode: '0',
				outcome: 'delivered',
			}),
			expect.objectContaining({ number: '6281234567002', status: 'failed', outcome: 'failed' }),
		]);
		expect(items[0].json.reportTime).toMatch(/Z$/);
		expect(requestsTo('/sms/sendSms')).toBe(1);
	});

	test('a message still sending at Max Wait is stillSending, with its msgId', async () => {
		progress({ messageOutcome: () => 'never' });
		const { items } = await sms(send('6281234567001', { waitForResult: true, maxWaitMinutes: 1 }));
		expect(items[0].json).toMatchObject({ outcome: 'stillSending', status: 'sending' });
		expect(items[0].json.msgId).toBe(sim.sent[0].msgIds[0]);
	});

	test('450 messages: up to 200 IDs per delivery report request, only open ones asked again', async () => {
		progress({ messageOutcome: () => 'delivered' });
		const { items } = await sms(send(numbers(450, '62812').join(',')));
		expect(items.every((i) => i.json.outcome === 'delivered')).toBe(true);
		const asked = sim.requests
			.filter((r) => r.path.includes('/sms/getReport'))
			.map((r) => r.msgIds.length);
		expect(asked).toEqual([200, 200, 50]);
	});

	test('Send Personalized: every item its own message, each waited for', async () => {
		progress({ messageOutcome: () => 'delivered' });
		const { items } = await sms(
			{
				operation: 'sendBatch',
				numbers: '={{ $json.phone }}',
				content: '=Hi {{ $json.name }}',
				additionalFields: {},
				options: WAIT,
			},
			[
				{ json: { phone: '6281234567001', name: 'Ana' } },
				{ json: { phone: '6281234567002', name: 'Bo' } },
			],
		);
		expect(items.map((i) => [i.pairedItem.item, i.json.outcome])).toEqual([
			[0, 'delivered'],
			[1, 'delivered'],
		]);
		expect(sim.sent).toHaveLength(1);
	});
});

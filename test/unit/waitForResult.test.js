'use strict';
/**
 * The pure rules of Wait for Result (common/waitForResult): when a typed call record is over and how, when a
 * delivery report is final, the growing pause, and that the poll loop ends at Max Wait or at a stop.
 */
const { callOutcomeOf } = require('../../dist/nodes/Itniotech/common/waitForResult/calls');
const { messageOutcomeOf } = require('../../dist/nodes/Itniotech/common/waitForResult/messages');
const {
	pollInterval,
	pollUntilDone,
} = require('../../dist/nodes/Itniotech/common/waitForResult/schedule');
const { typeCallRecord } = require('../../dist/nodes/Itniotech/api/records/record');

const T = (s) => `2026-12-03T10:00:${String(s).padStart(2, '0')}+08:00`;
const record = (fields) =>
	typeCallRecord({ voiceId: '1', submitTime: T(0), callDuration: '0', ...fields });

describe('when a call is over, from its record', () => {
	test.each([
		['no record yet', undefined, undefined],
		['submitted only', record({}), undefined],
		['ringing', record({ callTime: T(1), ringingTime: T(2) }), undefined],
		[
			'answered, still talking (no hang-up time)',
			record({ ringingTime: T(2), answerTime: T(4) }),
			undefined,
		],
		[
			'a hang-up time that is no time',
			record({ ringingTime: T(2), hangupTime: 'soon' }),
			undefined,
		],
		['the zero date as hang-up time', record({ hangupTime: '0000-00-00 00:00:00' }), undefined],
		[
			'answered and hung up',
			record({ ringingTime: T(2), answerTime: T(4), hangupTime: T(9), callDuration: '5' }),
			'answered',
		],
		[
			'talk time without an answer time',
			record({ hangupTime: T(9), callDuration: '5' }),
			'answered',
		],
		['rang, nobody answered', record({ ringingTime: T(2), hangupTime: T(30) }), 'notAnswered'],
		['never rang', record({ callTime: T(1), hangupTime: T(2) }), 'failed'],
	])('%s', (_, typed, expected) => {
		expect(callOutcomeOf(typed, 0, typed && typed.hangupTime ? 1 : 0)).toBe(expected);
	});

	test('with recalls, an unanswered attempt is final only once every attempt was seen ending', () => {
		const unanswered = record({ ringingTime: T(2), hangupTime: T(30) });
		expect(callOutcomeOf(unanswered, 2, 1)).toBeUndefined();
		expect(callOutcomeOf(unanswered, 2, 2)).toBeUndefined();
		expect(callOutcomeOf(unanswered, 2, 3)).toBe('notAnswered');
		const answered = record({ answerTime: T(4), hangupTime: T(9), callDuration: '5' });
		expect(callOutcomeOf(answered, 2, 0)).toBe('answered');
	});
});

test.each([
	[{ status: 'delivered' }, 'delivered'],
	[{ status: 'failed' }, 'failed'],
	[{ status: 'sending' }, undefined],
	[{ status: 'notFound' }, undefined],
	[undefined, undefined],
])('delivery report %j → %s', (report, expected) => {
	expect(messageOutcomeOf(report)).toBe(expected);
});

test('the pause grows 5 s, 10 s, 20 s, then stays at 30 s', () => {
	expect([0, 1, 2, 3, 4, 10].map(pollInterval)).toEqual([5e3, 10e3, 20e3, 30e3, 30e3, 30e3]);
});

function fakeClock() {
	const clock = { ms: 0, sleeps: [] };
	clock.now = () => clock.ms;
	clock.sleep = async (ms) => {
		clock.sleeps.push(ms);
		clock.ms += ms;
	};
	return clock;
}

test('the loop polls until done', async () => {
	const clock = fakeClock();
	let polls = 0;
	const waited = await pollUntilDone(clock, 60_000, undefined, async () => ++polls === 2);
	expect(waited).toEqual({ end: 'done' });
	expect(clock.sleeps).toEqual([5_000, 10_000]);
});

test('the loop ends at Max Wait, its last pause cut to end there', async () => {
	const clock = fakeClock();
	const waited = await pollUntilDone(clock, 40_000, undefined, async () => false);
	expect(waited).toEqual({ end: 'maxWait' });
	expect(clock.sleeps).toEqual([5_000, 10_000, 20_000, 5_000]);
});

test('a stop ends the loop before the next poll', async () => {
	const clock = fakeClock();
	const stop = new AbortController();
	let polls = 0;
	const waited = await pollUntilDone(clock, 600_000, stop.signal, async () => {
		polls += 1;
		stop.abort();
		return false;
	});
	expect(waited).toEqual({ end: 'stopped' });
	expect(polls).toBe(1);
});

test('a poll that throws ends the loop as failed, with the error', async () => {
	const clock = fakeClock();
	const failure = new Error('no');
	const waited = await pollUntilDone(clock, 600_000, undefined, async () => {
		throw failure;
	});
	expect(waited).toEqual({ end: 'failed', error: failure });
});

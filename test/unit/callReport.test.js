'use strict';
// How a send's calls are classified and spelled out; the engine tests (test/engine/sendOutcomes.test.js)
// prove the same against the simulator, these pin the wording and the cases the simulator cannot time.
const { NodeApiError } = require('n8n-workflow');
const {
	callsOfFailure,
	describeCalls,
	emptyCallReport,
	withCalls,
} = require('../../dist/nodes/Itniotech/Voice/helpers/callReport.js');
const { SendsStoppedError } = require('../../dist/nodes/Itniotech/api/transport/requestLimiter.js');
const { voiceNodeStub: node } = require('../helpers');

function apiError(message, unknown) {
	const error = new NodeApiError(node, { kind: 'test' }, { message });
	if (unknown) error.context.sendOutcome = 'unknown';
	return error;
}

const row = (number, voiceId, submitted = true, reason = null) => ({
	number,
	voiceId,
	submitted,
	reason,
});

test('a chunk not sent because the run stopped is listed as not sent, next to what was placed before it', () => {
	const error = withCalls(new SendsStoppedError(), 4, [row('111', 'v1')], ['222', '333'], ['444']);
	const report = callsOfFailure(4, error, '');
	expect(report).toEqual({
		placed: [{ item: 4, number: '111', voiceId: 'v1' }],
		unknown: [],
		notPlaced: [],
		notSent: [
			{ item: 4, number: '222' },
			{ item: 4, number: '333' },
			{ item: 4, number: '444' },
		],
	});
	expect(describeCalls(report, 4)).toBe(
		'Placed — do not send these again: item 4: 111 → v1. Not placed — send only these again: item 4: 222, 333, 444 (not sent).',
	);
});

test("unknown outcome and refusal come from the transport's error; callees the vendor refused one by one are not placed", () => {
	const unknown = callsOfFailure(
		0,
		withCalls(apiError('timeout', true), 0, [], ['111'], []),
		'timeout',
	);
	expect(unknown.unknown).toEqual([{ item: 0, number: '111', reason: 'timeout' }]);
	const refused = callsOfFailure(
		0,
		withCalls(
			apiError('Itniotech error -18', false),
			0,
			[row('9', 'v9', false, 'blacklisted')],
			['111'],
			[],
		),
		'',
	);
	expect(refused.notPlaced).toEqual([
		{ item: 0, number: '9', reason: 'refused by Itniotech: blacklisted' },
		{ item: 0, number: '111', reason: 'Itniotech error -18' },
	]);
});

test('an item refused before sending (no number read) is not placed; alone it adds nothing to its own error', () => {
	const report = callsOfFailure(
		2,
		new Error('bad input'),
		'The Phone Number in item 2 must be a phone number',
	);
	expect(report.notPlaced).toEqual([
		{ item: 2, number: null, reason: 'The Phone Number in item 2 must be a phone number' },
	]);
	expect(describeCalls(report, 2)).toBe('');
});

test('runs of items never read collapse to a range; one instruction per list', () => {
	const report = emptyCallReport();
	report.placed.push(
		{ item: 0, number: '100', voiceId: 'v0' },
		{ item: 1, number: '101', voiceId: 'v1' },
	);
	report.unknown.push({ item: 2, number: '102', reason: 'timeout' });
	report.notPlaced.push({ item: 3, number: '103', reason: 'Itniotech error -26' });
	for (const item of [4, 5, 6, 8]) report.notSent.push({ item, number: null });
	expect(describeCalls(report, 3)).toBe(
		'Placed — do not send these again: item 0: 100 → v0; item 1: 101 → v1. ' +
			'Outcome unknown — check these with Call Record → Get Many (or the Itniotech console) before sending them again: item 2: 102. ' +
			'Not placed — send only these again: item 3: 103 (Itniotech error -26); items 4–6 (not sent); item 8 (not sent).',
	);
});

'use strict';
const { EXAMPLE_RECORD } = require('../simulator/records');
/** Shared test data: the account the simulator knows, and the typed form of the reference's example record. */

const ACCOUNT = Object.freeze({ apiKey: 'testKey', apiSecret: 'sup3r-Secret-value' });

/**
 * What Call Record → Get must output for the reference's example record: the same fields with money as
 * numbers (its times already are ISO 8601 with an offset, its durations already integers, the rest text),
 * `callee` output as `number`, and answered (it has an answer time).
 */
const { callee: exampleNumber, ...exampleRest } = EXAMPLE_RECORD;
const TYPED_EXAMPLE_RECORD = Object.freeze({
	voiceId: EXAMPLE_RECORD.voiceId,
	number: exampleNumber,
	...exampleRest,
	cost: 2,
	rate: 1.2,
	baseCost: 1,
	settleRate: 1.2793,
	quoteExchange: 0.938,
	settlePay: 1.2793,
	answered: true,
});

/** Every secret a test hands to the node, for the suite-wide scan (test/scan). */
const TEST_SECRETS = Object.freeze([ACCOUNT.apiSecret, 'wrong-secret-value', 'not-the-secret']);

function getRecordParameters(voiceId, options = {}) {
	return { resource: 'callRecord', operation: 'getGroupRecord', voiceId, options };
}

/** Call → Send Text to Speech to one number, nothing optional set. */
const TTS_PARAMETERS = {
	resource: 'call',
	operation: 'sendTts',
	callee: '6281234567890',
	language: 'EN',
	text: 'Hi',
	additionalFields: {},
};

/** Call Record → Get Many from `from` to `to`, all records unless `extra` says otherwise. */
function searchRecordsParameters(from, to, extra = {}) {
	return {
		resource: 'callRecord',
		operation: 'searchGroupRecords',
		from,
		to,
		returnAll: true,
		options: {},
		...extra,
	};
}

module.exports = {
	ACCOUNT,
	TEST_SECRETS,
	TYPED_EXAMPLE_RECORD,
	getRecordParameters,
	searchRecordsParameters,
	TTS_PARAMETERS,
};

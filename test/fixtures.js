'use strict';
/** Shared test data: the account the simulator knows, and the typed form of the reference's example record. */

const ACCOUNT = Object.freeze({ apiKey: 'testKey', apiSecret: 'sup3r-Secret-value' });

/** What Get Group Call Record must output for the reference's example record. */
const TYPED_EXAMPLE_RECORD = Object.freeze({
	voiceId: '2203031113381000002',
	callee: '91856321412',
	displayNum: '1008122211',
	code: 'Afghanistan(Kandahar)',
	submitTime: '2022-01-18T14:42:40+08:00',
	callTime: '2022-01-18T14:42:45+08:00',
	ringingTime: '2022-01-18T14:42:47+08:00',
	answerTime: '2022-01-18T14:42:50+08:00',
	hangupTime: '2022-01-18T14:42:55+08:00',
	callDuration: 5,
	chargedDuration: 5,
	terminationCode: '1000',
	terminationReason: 'success',
	cost: 2,
	billPeriod: '20+20',
	rate: 1.2,
	baseCost: 1,
	voiceFileId: '12022022570cc2484c59d4f8b9745d34226285b1e.mp3',
	feedbackValue: '1',
	calledInfo: 'calledInfo',
	settleRate: 1.2793,
	quoteExchange: 0.938,
	currency: 'EUR',
	settlePay: 1.2793,
});

/** Every secret a test hands to the node, for the suite-wide scan (test/scan). */
const TEST_SECRETS = Object.freeze([ACCOUNT.apiSecret, 'wrong-secret-value', 'not-the-secret']);

function getRecordParameters(voiceId, options = {}) {
	return { resource: 'callRecord', operation: 'getGroupRecord', voiceId, options };
}

module.exports = { ACCOUNT, TEST_SECRETS, TYPED_EXAMPLE_RECORD, getRecordParameters };

'use strict';
// Call records the simulator serves. The first is the vendor's own example from the API reference.

const EXAMPLE_RECORD = Object.freeze({
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
	cost: '2',
	billPeriod: '20+20',
	rate: '1.2',
	baseCost: '1',
	voiceFileId: '12022022570cc2484c59d4f8b9745d34226285b1e.mp3',
	feedbackValue: '1',
	calledInfo: 'calledInfo',
	settleRate: '1.2793',
	quoteExchange: '0.938',
	currency: 'EUR',
	settlePay: '1.2793',
});

/** A USD call that was never answered: empty times, no settlement fields, strings for numbers. */
const UNANSWERED_RECORD = Object.freeze({
	voiceId: '2203031113381000003',
	callee: '6281234567890',
	displayNum: '',
	code: 'Indonesia(Telkomsel)',
	submitTime: '2022-01-18T15:00:00+08:00',
	callTime: '2022-01-18T15:00:02+08:00',
	ringingTime: '2022-01-18T15:00:04+08:00',
	answerTime: '',
	hangupTime: '2022-01-18T15:01:04+08:00',
	callDuration: '0',
	chargedDuration: '0',
	terminationCode: '480',
	terminationReason: 'no answer',
	cost: '0',
	billPeriod: '60+60',
	rate: '0.05',
	baseCost: '0',
	voiceFileId: '',
	feedbackValue: '-1',
	calledInfo: '',
});

/** A deterministic record for any other voice ID, so many-item tests can check each answer is its own. */
function syntheticRecord(voiceId) {
	const n = Number(BigInt(voiceId) % 1000n);
	const second = String(n % 60).padStart(2, '0');
	return {
		...EXAMPLE_RECORD,
		voiceId,
		callee: `4477009${String(n).padStart(5, '0')}`,
		callDuration: n % 120,
		chargedDuration: (n % 120) + 1,
		cost: (n / 100).toFixed(2),
		hangupTime: `2022-01-18T14:43:${second}+08:00`,
	};
}

/** The vendor's time format in its own zone (+08:00), e.g. 2022-01-18T14:42:40+08:00. */
function vendorTime(ms) {
	return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/**
 * A placed call as the vendor would later report it: submitted at `atMs`; every third call unanswered (no
 * answer time, no duration), the others answered for up to two minutes. `answered` (true/false) overrides
 * that rule (the demo's numbers that always answer or never do).
 */
function placedCallRecord(
	voiceId,
	callee,
	atMs,
	n = Number(BigInt(voiceId) % 1000n),
	answered = n % 3 !== 0,
) {
	const duration = answered ? 5 + (n % 115) : 0;
	return {
		...EXAMPLE_RECORD,
		voiceId,
		callee,
		submitTime: vendorTime(atMs),
		callTime: vendorTime(atMs + 5_000),
		ringingTime: vendorTime(atMs + 7_000),
		answerTime: answered ? vendorTime(atMs + 10_000) : '',
		hangupTime: vendorTime(atMs + 10_000 + duration * 1000),
		callDuration: duration,
		chargedDuration: duration,
		terminationCode: answered ? '200' : '480',
		terminationReason: answered ? 'success' : 'no answer',
		cost: (duration / 50).toFixed(2),
	};
}

/**
 * npm start's demo account: its key and secret, the App IDs its credential carries, and phone numbers to try.
 * A call to `answers` is always answered, one to `noAnswer` never (an SMS to it fails to be delivered), and
 * `refused` is a well-formed number the demo refuses (no rate / no channel for it), so a send shows what a
 * refusal looks like. Every other number follows placedCallRecord's rule (every third call unanswered).
 */
const DEMO = Object.freeze({
	account: Object.freeze({ apiKey: 'demoKey', apiSecret: 'demoSecret' }),
	voiceAppId: 'demoVoiceApp01',
	smsAppId: 'demoSmsApp01',
	otpAppId: 'demoOtpApp01',
	numbers: Object.freeze({
		answers: '447700900901',
		noAnswer: '447700900902',
		refused: '447700900999',
	}),
	/** The demo's SIP phones, for SIP Phone → Get Many and Call → Send From SIP Phone. */
	sipPhones: Object.freeze({ groupName: 'Front desk', phoneName: 'Reception', quantity: 2 }),
});

/** `count` calls spread over the last `days` days (newest a minute ago), for searches in the demo. */
function demoHistory(nowMs, { days = 55, count = 330 } = {}) {
	const span = days * 86400_000;
	return Array.from({ length: count }, (_, i) =>
		placedCallRecord(
			String(5000000000000000000n + BigInt(i)),
			`4477009${String(i % 1000).padStart(5, '0')}`,
			nowMs - 60_000 - Math.floor(((count - 1 - i) * span) / count),
			i,
		),
	);
}

/**
 * The i-th record of a searchable history, submitted at `submitMs`: every documented field, as the
 * vendor sends them (numbers as text, times at +08:00); every fourth call unanswered. The benchmark
 * pages through these and measures what typing them costs.
 */
function historyRecord(i, submitMs) {
	const answered = i % 4 !== 0;
	const seconds = answered ? 5 + (i % 115) : 0;
	return {
		...(answered ? EXAMPLE_RECORD : UNANSWERED_RECORD),
		voiceId: String(2203031113381000000n + BigInt(i)),
		callee: `4477009${String(i % 100000).padStart(5, '0')}`,
		submitTime: vendorTime(submitMs),
		callTime: vendorTime(submitMs + 2000),
		ringingTime: vendorTime(submitMs + 4000),
		answerTime: answered ? vendorTime(submitMs + 9000) : '',
		hangupTime: vendorTime(submitMs + 9000 + seconds * 1000),
		callDuration: String(seconds),
		chargedDuration: String(seconds === 0 ? 0 : Math.ceil(seconds / 20) * 20),
		cost: answered ? (Math.ceil(seconds / 20) * 0.024).toFixed(3) : '0',
	};
}

module.exports = {
	DEMO,
	EXAMPLE_RECORD,
	UNANSWERED_RECORD,
	syntheticRecord,
	placedCallRecord,
	demoHistory,
	historyRecord,
};

'use strict';
/**
 * Calls and messages that move on over time, as the vendor's do: a placed call is submitted, rings, then ends
 * answered, not answered or failed (with recalls: dialled again after an unanswered attempt, the same record
 * rewritten); a sent message is queued (not found), sending, then delivered or failed. Off unless a test or
 * the demo turns it on (`sim.setProgress(options)`, or the simulator's `progress` option): without it placed
 * calls and messages behave as server.js and sms.js describe.
 *
 * Every duration counts on `now` (the simulator's clock unless given), so a test can move a clock of its own
 * instead of waiting. A record is built from the time when it is read; nothing runs in the background.
 */

/** The vendor's time format in its own zone (+08:00). */
function vendorTime(ms) {
	return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** @typedef {'answered' | 'notAnswered' | 'failed' | 'never'} CallOutcome 'never': rings until asked no more */
/** @typedef {'delivered' | 'failed' | 'never'} MessageOutcome 'never': stays "sending" */

const DEFAULTS = Object.freeze({
	/** From submission to ringing (a failed attempt ends here, without ringing). */
	ringAfterMs: 2_000,
	/** From submission to the answer, for an answered attempt. */
	answerAfterMs: 4_000,
	/** From submission to the hang-up of an attempt that rang. */
	endAfterMs: 8_000,
	/**
	 * @type {(call: { callee: string, voiceId: string, attempt: number, index: number }) => CallOutcome}
	 * Every third placed call unanswered, as placedCallRecord's rule; `index` counts the calls placed.
	 */
	callOutcome: ({ index }) => (index % 3 === 2 ? 'notAnswered' : 'answered'),
	/** Minutes between recalls as the send asked (recallInterval), or this many ms when set. */
	recallIntervalMs: undefined,
	/** Between two numbers of a group-call task (a campaign): the platform dials them one after another. */
	taskDialIntervalMs: 1_000,
	/** Whether Get and the search list a call before it ended (false: Get answers -24, the search leaves it out). */
	listRunningCalls: true,
	/** From the send to the first report (queued until then: getReport counts it in `nofound`). */
	queuedMs: 1_000,
	/** From the send to the final report. */
	deliverAfterMs: 3_000,
	/** @type {(message: { number: string, msgId: string, index: number }) => MessageOutcome} */
	messageOutcome: () => 'delivered',
});

/** Turns progress on for `sim` with `options` over DEFAULTS (`now` defaults to the simulator's clock). */
function progressOf(sim, options) {
	return { ...DEFAULTS, now: () => sim.now(), ...options, calls: new Map(), messages: 0 };
}

/** A placed call starts: `body` is what the send carried (recallCount, recallInterval of sendCode). */
function placeCall(progress, voiceId, callee, body) {
	progress.calls.set(voiceId, {
		voiceId,
		callee,
		index: progress.calls.size,
		submitMs: progress.now(),
		recallCount: Number(body.recallCount ?? 0) || 0,
		recallIntervalMs: progress.recallIntervalMs ?? (Number(body.recallInterval ?? 5) || 5) * 60_000,
	});
}

function attemptEnd(progress, outcome, startMs) {
	if (outcome === 'never') return Infinity;
	return startMs + (outcome === 'failed' ? progress.ringAfterMs : progress.endAfterMs);
}

/** The attempt of `call` that is the latest at `nowMs`: its start, number and outcome. */
function currentAttempt(progress, call, nowMs) {
	let startMs = call.submitMs;
	for (let attempt = 0; ; attempt++) {
		const outcome = progress.callOutcome({ ...call, attempt });
		const endMs = attemptEnd(progress, outcome, startMs);
		const nextMs = endMs + call.recallIntervalMs;
		const last = outcome === 'answered' || attempt >= call.recallCount;
		if (last || nowMs < nextMs) return { attempt, outcome, startMs, endMs };
		startMs = nextMs;
	}
}

/** The vendor's record of `call` at `nowMs`, every documented field, empty where the call has not got yet. */
function callRecordAt(progress, call, nowMs) {
	const { outcome, startMs, endMs } = currentAttempt(progress, call, nowMs);
	const at = (offsetMs) => nowMs >= startMs + offsetMs;
	const ended = nowMs >= endMs;
	const rang = outcome !== 'failed' && at(progress.ringAfterMs);
	const answeredAt = outcome === 'answered' && at(progress.answerAfterMs);
	const talkSeconds =
		answeredAt && ended ? Math.round((endMs - startMs - progress.answerAfterMs) / 1000) : 0;
	const endReason = {
		answered: 'success',
		notAnswered: 'no answer',
		failed: 'service unavailable',
	};
	const endCode = { answered: '200', notAnswered: '480', failed: '503' };
	return {
		voiceId: call.voiceId,
		callee: call.callee,
		displayNum: '',
		code: 'United Kingdom(Vodafone)',
		submitTime: vendorTime(call.submitMs),
		callTime: at(500) ? vendorTime(startMs + 500) : '',
		ringingTime: rang ? vendorTime(startMs + progress.ringAfterMs) : '',
		answerTime: answeredAt ? vendorTime(startMs + progress.answerAfterMs) : '',
		hangupTime: ended ? vendorTime(endMs) : '',
		callDuration: String(talkSeconds),
		chargedDuration: String(talkSeconds === 0 ? 0 : Math.ceil(talkSeconds / 20) * 20),
		terminationCode: ended ? endCode[outcome] : '',
		terminationReason: ended ? endReason[outcome] : '',
		cost: ended ? (talkSeconds / 50).toFixed(2) : '',
		billPeriod: '20+20',
		rate: '1.2',
		baseCost: ended ? (talkSeconds / 60).toFixed(2) : '',
		voiceFileId: '',
		feedbackValue: '-1',
		calledInfo: '',
	};
}

/**
 * Whether a call's record is listed at `nowMs` (always, or only once its current attempt ended); a task's
 * call that is not dialled yet never is.
 */
function isListed(progress, call, nowMs) {
	if (nowMs < call.submitMs) return false;
	return progress.listRunningCalls || nowMs >= currentAttempt(progress, call, nowMs).endMs;
}

/** The record Get answers for `voiceId` now: a record, `null` (not listed yet: -24), or undefined (not ours). */
function progressRecord(progress, voiceId) {
	const call = progress.calls.get(voiceId);
	if (!call) return undefined;
	const nowMs = progress.now();
	return isListed(progress, call, nowMs) ? callRecordAt(progress, call, nowMs) : null;
}

/** Every progressing call's record that the search lists now. */
function progressRecords(progress) {
	const nowMs = progress.now();
	const records = [];
	for (const call of progress.calls.values())
		if (isListed(progress, call, nowMs)) records.push(callRecordAt(progress, call, nowMs));
	return records;
}

/** A sent message starts: its report follows messageOutcome from `progressStartMs` on. */
function startMessage(progress, message) {
	message.progressStartMs = progress.now();
	message.progressIndex = progress.messages++;
}

/**
 * A message's getReport status now ('0' delivered, '-1' sending, '1' failed, undefined queued) and the time
 * its report gives, or undefined when it was sent before progress was on.
 */
function messageReportAt(progress, message) {
	if (message.progressStartMs === undefined) return undefined;
	const elapsed = progress.now() - message.progressStartMs;
	if (elapsed < progress.queuedMs) return { status: undefined };
	const outcome = progress.messageOutcome({
		number: message.number,
		msgId: message.msgId,
		index: message.progressIndex,
	});
	if (outcome === 'never' || elapsed < progress.deliverAfterMs) return { status: '-1' };
	const reportMs = message.progressStartMs + progress.deliverAfterMs;
	return { status: outcome === 'delivered' ? '0' : '1', reportMs };
}

module.exports = {
	PROGRESS_DEFAULTS: DEFAULTS,
	progressOf,
	placeCall,
	progressRecord,
	progressRecords,
	startMessage,
	messageReportAt,
};

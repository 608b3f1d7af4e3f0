'use strict';
/**
 * The simulator's SMS endpoints (reference /work/shared/itniotech-sms-api.md, sections 1–5), on both layouts
 * (server.js resolves Itniotech /sms/<op> and Onbuka /v3/<op> to the logical /sms/<op>). The vendor's checks
 * and limits: numbers per request (1000 by POST, 100 by GET) → -7, empty content -4, content over 1024
 * characters -5, no numbers -8, malformed numbers -9 (all of them) or partial acceptance (`fail` > 0, the
 * rejected numbers missing from `array`), an orderId count that differs from the numbers → -22, at most 200
 * msgIds per getReport (unknown ones counted in `nofound`), time windows and retention → -25.
 *
 * State per simulator: `sim.sms` (see smsState) — the messages sent, their delivery status, inbound messages.
 */

const { messageReportAt, startMessage } = require('./progress');

const CONTENT_MAX = 1024;
const SENDER_ID_MAX = 32;
const NUMBERS_PER_POST = 1000;
const NUMBERS_PER_GET = 100;
const MSG_IDS_PER_REPORT = 200;
const DAY_MS = 24 * 3600 * 1000;
const SENT_RETENTION_DAYS = 90;
const INBOUND_EARLIEST_MS = Date.parse('2022-07-01T00:00:00+08:00');
const NUMBER = /^\d{7,15}$/;

const SMS_REASONS = {
	'-3': 'content contains sensitive words',
	'-4': 'content is empty',
	'-5': 'content too long',
	'-6': 'content does not match a template',
	'-7': 'too many numbers',
	'-8': 'numbers is empty',
	'-9': 'invalid numbers',
	'-11': 'time format error',
	'-14': 'empty field or invalid msgId',
	'-19': 'no channel bound',
	'-22': 'parameter error',
	'-25': 'beyond the allowed time range',
};

/**
 * The SMS state of a simulator, created on first use: `messages` msgId → { msgId, number, content, orderId,
 * appId, senderId, submitTime (ms) }; `reportStatus(message)` the getReport/getSentRcd status of a message
 * ('0' delivered, '-1' sending, '1' failed, undefined: still queued, so not found); `rejectNumbers` numbers the
 * vendor refuses although well formed; `inbound` recordMo records ({ receiveTime, ... }); `sentPageSize`
 * getSentRcd's page (50,000 as documented; tests may lower it).
 */
function smsState(sim) {
	if (!sim.sms) {
		sim.sms = {
			messages: new Map(),
			reportStatus: () => '0',
			rejectNumbers: new Set(),
			inbound: [],
			sentPageSize: 50_000,
			nextMsgId: 2405131020451000000n,
		};
	}
	return sim.sms;
}

/** The msgId of the i-th message seedSent made (the benchmark asks for them by ID). */
const seededMsgId = (i) => String(1405131020451000000n + BigInt(i));

/** `count` messages sent through `appId` a minute ago (delivered, as reportStatus says by default). */
function seedSent(sim, count, appId) {
	const { messages } = smsState(sim);
	const submitTime = sim.now() - 60_000;
	for (let i = 0; i < count; i++) {
		const msgId = seededMsgId(i);
		messages.set(msgId, {
			msgId,
			number: String(6281200000000 + i),
			appId,
			content: 'bench',
			submitTime,
		});
	}
}

function resetSms(sim) {
	sim.sms = undefined;
}

/** ISO 8601 in the vendor's zone (+08:00), as its answers give times. */
function vendorTime(ms) {
	return `${new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19)}+08:00`;
}

function fail(sim, res, entry, status, reason) {
	return sim.vendorStatus(res, entry, status, reason ?? SMS_REASONS[status]);
}

/** The request's parameters: the JSON body for POST, the query string for GET. */
function paramsOf(method, res, body) {
	if (method !== 'GET') return body ?? {};
	const url = new URL(res.req.url, 'http://127.0.0.1');
	return Object.fromEntries(url.searchParams);
}

const splitList = (value) =>
	String(value ?? '')
		.split(',')
		.filter((part) => part !== '');

/**
 * One element's numbers (sendSms, or one element of a batch): the vendor's checks of content, sender ID,
 * numbers and order IDs. Returns { status } on refusal, else { valid, rejected, orderIds }.
 */
function checkElement(sim, element) {
	const content = element.content;
	if (content === undefined || content === null || String(content) === '') return { status: '-4' };
	if (String(content).length > CONTENT_MAX) return { status: '-5' };
	if (element.senderId !== undefined && String(element.senderId).length > SENDER_ID_MAX) {
		return { status: '-22', reason: 'senderId too long' };
	}
	const numbers = splitList(element.numbers);
	if (numbers.length === 0) return { status: '-8' };
	const orderIds =
		element.orderId === undefined || element.orderId === ''
			? undefined
			: String(element.orderId).split(',');
	if (orderIds && orderIds.length !== numbers.length)
		return { status: '-22', reason: 'orderId count does not match numbers' };
	const state = smsState(sim);
	const valid = [];
	const rejected = [];
	numbers.forEach((number, i) => {
		const target = NUMBER.test(number) && !state.rejectNumbers.has(number) ? valid : rejected;
		target.push({ number, orderId: orderIds?.[i] });
	});
	return { valid, rejected, numbers };
}

/** Accepts the valid numbers of the elements: one message (msgId) each, logged in `sim.sent`. */
function accept(sim, kind, appId, elements, body) {
	const state = smsState(sim);
	const array = [];
	for (const { check, element } of elements) {
		for (const { number, orderId } of check.valid) {
			state.nextMsgId += 1n;
			const msgId = String(state.nextMsgId);
			const message = {
				msgId,
				number,
				orderId,
				appId,
				content: String(element.content),
				senderId: element.senderId,
				submitTime: sim.now(),
			};
			if (sim.progress) startMessage(sim.progress, message);
			state.messages.set(msgId, message);
			array.push(orderId === undefined ? { msgId, number } : { msgId, number, orderId });
		}
	}
	const rejected = elements.reduce((n, { check }) => n + check.rejected.length, 0);
	sim.sent.push({
		kind,
		appId,
		numbers: array.map((a) => a.number),
		msgIds: array.map((a) => a.msgId),
		body,
	});
	return { success: String(array.length), fail: String(rejected), array };
}

function sendSms(sim, method, res, entry, params) {
	if (!params.appId) return fail(sim, res, entry, '-22', 'appId is empty');
	const check = checkElement(sim, params);
	if (check.status) return fail(sim, res, entry, check.status, check.reason);
	const max = method === 'GET' ? NUMBERS_PER_GET : NUMBERS_PER_POST;
	if (check.numbers.length > max) return fail(sim, res, entry, '-7');
	if (check.valid.length === 0) return fail(sim, res, entry, '-9');
	return sim.ok(
		res,
		entry,
		accept(sim, 'sendSms', params.appId, [{ check, element: params }], params),
	);
}

function sendBatch(sim, method, res, entry, params) {
	if (method !== 'POST') return sim.send(res, 405, 'Method Not Allowed', 'text/plain');
	if (!params.appId) return fail(sim, res, entry, '-22', 'appId is empty');
	if (!Array.isArray(params.array) || params.array.length === 0) return fail(sim, res, entry, '-8');
	const elements = [];
	for (const element of params.array) {
		const check = checkElement(sim, element ?? {});
		if (check.status) return fail(sim, res, entry, check.status, check.reason);
		elements.push({ check, element });
	}
	// Undocumented per-request limit; the reference advises keeping the sendSms POST limit for the whole request.
	if (elements.reduce((n, { check }) => n + check.numbers.length, 0) > NUMBERS_PER_POST)
		return fail(sim, res, entry, '-7');
	if (elements.every(({ check }) => check.valid.length === 0)) return fail(sim, res, entry, '-9');
	return sim.ok(res, entry, accept(sim, 'sendSmsBatch', params.appId, elements, params));
}

/**
 * A message as getReport / getSentRcd list it, or undefined while it is queued: as it has progressed
 * (progress.js) when it was sent with progress on, else as `reportStatus` says.
 */
function reportOf(sim, state, message) {
	const progressed = sim.progress ? messageReportAt(sim.progress, message) : undefined;
	const status = progressed ? progressed.status : state.reportStatus(message);
	if (status === undefined) return undefined;
	const reportMs = progressed ? progressed.reportMs : message.submitTime + 5000;
	return {
		msgId: message.msgId,
		number: message.number,
		receiveTime: reportMs === undefined ? '' : vendorTime(reportMs),
		status,
	};
}

function getReport(sim, res, entry, params) {
	const state = smsState(sim);
	const ids = splitList(params.msgIds);
	if (!params.appId || ids.length === 0) return fail(sim, res, entry, '-14');
	if (ids.length > MSG_IDS_PER_REPORT) return fail(sim, res, entry, '-22', 'at most 200 msgIds');
	entry.msgIds = ids;
	const counts = { success: 0, fail: 0, sending: 0, nofound: 0 };
	const array = [];
	for (const id of ids) {
		const message = state.messages.get(id);
		const report =
			message && message.appId === params.appId ? reportOf(sim, state, message) : undefined;
		if (!report) {
			counts.nofound += 1;
			continue;
		}
		array.push(report);
		if (report.status === '0') counts.success += 1;
		else if (report.status === '-1') counts.sending += 1;
		else counts.fail += 1;
	}
	const strings = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)]));
	return sim.ok(res, entry, { ...strings, array });
}

/** The time window of a search: parsed, ordered, at most 31 days, not before `earliestMs`. */
function checkWindow(sim, startText, endText, earliestMs) {
	const from = Date.parse(startText ?? '');
	const to = Date.parse(endText ?? '');
	if (Number.isNaN(from) || Number.isNaN(to) || from >= to) return { status: '-11' };
	if (to - from > 31 * DAY_MS) return { status: '-25', reason: 'time range over 31 days' };
	if (from < earliestMs - 60_000) return { status: '-25', reason: 'beyond the allowed time range' };
	return { from, to };
}

function getSentRcd(sim, res, entry, params) {
	const state = smsState(sim);
	if (!params.appId) return fail(sim, res, entry, '-22', 'appId is empty');
	const window = checkWindow(
		sim,
		params.startTime,
		params.endTime,
		sim.now() - SENT_RETENTION_DAYS * DAY_MS,
	);
	if (window.status) return fail(sim, res, entry, window.status, window.reason);
	const startIndex = Number(params.startIndex ?? 0);
	if (!Number.isInteger(startIndex) || startIndex < 0)
		return fail(sim, res, entry, '-22', 'bad startIndex');
	entry.window = [params.startTime, params.endTime];
	entry.startIndex = startIndex;
	const inRange = [];
	for (const message of state.messages.values()) {
		if (
			message.appId !== params.appId ||
			message.submitTime < window.from ||
			message.submitTime >= window.to
		)
			continue;
		const report = reportOf(sim, state, message);
		if (report && report.status !== '-1') inRange.push(report); // only finished sends are listed
	}
	const array = inRange.slice(startIndex, startIndex + state.sentPageSize);
	const success = array.filter((r) => r.status === '0').length;
	return sim.ok(res, entry, {
		success: String(success),
		fail: String(array.length - success),
		array,
	});
}

function recordMo(sim, res, entry, params) {
	const state = smsState(sim);
	if (!params.appId) return fail(sim, res, entry, '-22', 'appId is empty');
	const window = checkWindow(
		sim,
		params.params?.strTime,
		params.params?.endTime,
		INBOUND_EARLIEST_MS,
	);
	if (window.status)
		return fail(sim, res, entry, window.status === '-11' ? '-22' : window.status, window.reason);
	const current = Number(params.current);
	const size = Number(params.size);
	if (
		!Number.isInteger(current) ||
		current < 1 ||
		!Number.isInteger(size) ||
		size < 1 ||
		size > 100
	) {
		return fail(sim, res, entry, '-22', 'current/size out of range');
	}
	entry.window = [params.params.strTime, params.params.endTime];
	const all = state.inbound.filter((r) => {
		const t = Date.parse(r.receiveTime);
		return t >= window.from && t < window.to;
	});
	const records = all.slice((current - 1) * size, current * size);
	return sim.ok(res, entry, {
		data: { total: all.length, size, current, pages: Math.ceil(all.length / size), records },
	});
}

/**
 * Routes a logical `/sms/<op>` request (any but getBalance, which server.js answers). Returns false when the
 * path is no SMS endpoint, so server.js answers 404.
 */
function handleSms(sim, method, path, res, entry, body) {
	const params = paramsOf(method, res, body);
	if (path === '/sms/sendSms' && (method === 'POST' || method === 'GET'))
		return (sendSms(sim, method, res, entry, params), true);
	if (path === '/sms/sendSms/batch') return (sendBatch(sim, method, res, entry, params), true);
	if (path === '/sms/getReport' && method === 'GET')
		return (getReport(sim, res, entry, params), true);
	if (path === '/sms/getSentRcd' && method === 'GET')
		return (getSentRcd(sim, res, entry, params), true);
	if (path === '/sms/recordMo' && method === 'POST')
		return (recordMo(sim, res, entry, params), true);
	return false;
}

module.exports = {
	handleSms,
	resetSms,
	smsState,
	seedSent,
	seededMsgId,
	vendorTime,
	SMS_REASONS,
	NUMBERS_PER_POST,
	MSG_IDS_PER_REPORT,
};

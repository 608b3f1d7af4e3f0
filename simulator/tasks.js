'use strict';
/**
 * The simulator's voice group-call task (campaign) endpoints and SIP phone endpoints (reference
 * /work/shared/itniotech-api.md, "Voice group-call tasks" and "SIP phones and calls from them"), on both layouts
 * (`/voice/…` and `/v3/voice/…`, which server.js resolves to the logical `/voice/…`).
 *
 * Tasks answer `{code, msg, data}` (server.js writes that envelope for every `/voice/group/call/` path, errors
 * included). Where the reference is unsure the simulator serves every reading (`taskState(sim).readings`):
 * `code` as "0" or 0, the create answer's `data` as the jobId number, as text, or empty; the numbers as
 * `numberList`, `numberInfoList` or either; the list's id as `jobId` or `taskId`; an unknown task id as -54,
 * -24 or -22. A task's calls are group calls: each number becomes a placed call (server.js keepPlacedCall), so
 * with progress on (progress.js) they ring one after another, `taskDialIntervalMs` apart, and appear in
 * recordGroup / recordGroupQuery; the task's counts follow the same outcomes. Without progress a task that has
 * started is finished at once (every third number unanswered, as placedCallRecord's rule).
 *
 * SIP phones answer in the classic envelope: sipAdd (unique group names per app, at most
 * `SIP_PHONES_PER_APP` phones → -23), sipQuery, sipReset (unknown account → -22), sendSip (a call whose
 * record recordSip / recordSipQuery return).
 */

const { vendorTime } = require('./sms');

const NUMBER = /^\d{7,15}$/;
const LANGUAGES = [
	'VN',
	'EN',
	'JP',
	'ARB',
	'DE',
	'IN',
	'IT',
	'KR',
	'RU',
	'ES',
	'PT',
	'IDN',
	'BD',
	'TH',
];
const MAX_NUMBER_LIST = 200_000;
const MAX_NUMBER_INFO_LIST = 100_000;
const TEXT_MAX = 1000;
const VARIABLE_MAX = 30;
const SIP_PHONES_PER_APP = 200;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const UTC8_MS = 8 * 3600 * 1000;

const TASK_REASONS = {
	'-20': 'data already exists',
	'-22': 'parameter error',
	'-23': 'data cap reached',
	'-24': 'data does not exist',
	'-54': 'the task you submitted is wrong',
};

const DEFAULT_READINGS = Object.freeze({
	/** The create answer's `data`: 'number' (the jobId), 'string' (the jobId as text) or 'empty' (null). */
	createAnswer: 'number',
	/** Which numbers field create accepts: 'either', 'numberList' (older page) or 'numberInfoList' (newer). */
	numbersField: 'either',
	/** The list's id field: 'jobId' or 'taskId' (Laaffic, AI agent). */
	listId: 'jobId',
	/** What an unknown task id is answered with. */
	unknownTask: '-54',
	/** `code` as a number (0, -54) rather than text. */
	codeAsNumber: false,
});

/** The task and SIP state of a simulator, made on first use. */
function taskState(sim) {
	if (!sim.tasks) {
		sim.tasks = {
			list: [],
			nextJobId: 880001,
			readings: { ...DEFAULT_READINGS },
			sip: { phones: [], nextAccount: 810001 },
		};
	}
	return sim.tasks;
}

function resetTasks(sim) {
	sim.tasks = undefined;
}

/** "yyyy-MM-dd HH:mm:ss" in UTC+8, as the task pages write LocalDateTime. */
function localTime(ms) {
	return new Date(ms + UTC8_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** A LocalDateTime of the task pages (UTC+8 wall clock) in ms, or undefined when it is not one. */
function parseLocalTime(text) {
	const match = LOCAL_DATE_TIME.exec(String(text ?? ''));
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	const ms = Date.UTC(y, mo - 1, d, h, mi, s) - UTC8_MS;
	return localTime(ms) === text ? ms : undefined;
}

function fail(sim, res, entry, status, reason) {
	return sim.vendorStatus(res, entry, status, reason ?? TASK_REASONS[status]);
}

const isText = (value) => typeof value === 'string';
const within = (value, min, max) => Number.isInteger(value) && value >= min && value <= max;

/** The numbers of a create: `[{ number, texts }]`, or a reason to refuse with -22. */
function numbersOf(body, readings) {
	const { numberList, numberInfoList } = body;
	const plain = numberList !== undefined && numberList !== null;
	const info = numberInfoList !== undefined && numberInfoList !== null;
	if (plain === info) return { error: 'give numberList or numberInfoList' };
	if (plain && readings.numbersField === 'numberInfoList') return { error: 'numberList unknown' };
	if (info && readings.numbersField === 'numberList') return { error: 'numberInfoList unknown' };
	const list = plain ? numberList : numberInfoList;
	if (!Array.isArray(list) || list.length === 0) return { error: 'no numbers' };
	if (list.length > (plain ? MAX_NUMBER_LIST : MAX_NUMBER_INFO_LIST))
		return { error: 'too many numbers' };
	const numbers = [];
	for (const entry of list) {
		const number = plain ? entry : entry?.calleeNumber;
		if (!isText(number) || !NUMBER.test(number)) return { error: 'invalid number' };
		const texts = {};
		if (!plain) {
			for (let i = 1; i <= 10; i++) {
				const value = entry[`text${i}`];
				if (value === undefined || value === null) continue;
				if (!isText(value)) return { error: `text${i} must be text` };
				// Longer values are cut, not refused (the page's words).
				texts[`text${i}`] = value.slice(0, VARIABLE_MAX);
			}
		}
		numbers.push({ number, texts });
	}
	return { numbers };
}

/** The checks create and resend share: message source, timing, loop and call length, hang-up SMS. */
function checkTaskFields(sim, body) {
	if (!isText(body.taskName) || body.taskName.length < 2 || body.taskName.length > 64)
		return 'taskName must be 2 to 64 characters';
	if (body.displayNum !== undefined && body.displayNum !== null && body.displayNum !== '') {
		if (!isText(body.displayNum) || !/^\d{0,20}$/.test(body.displayNum)) return 'bad displayNum';
	}
	if (body.source === 1) {
		const known = [...sim.files.values()].includes(body.voiceFileId);
		if (!known) return 'unknown voiceFileId';
	} else if (body.source === 3) {
		if (!isText(body.text) || body.text === '' || body.text.length > TEXT_MAX) return 'bad text';
		if (!LANGUAGES.includes(body.lan)) return 'bad lan';
	} else if (body.source === 2) {
		if (!isText(body.uploadName) || !isText(body.baseFile)) return 'bad upload';
	} else return 'bad source';
	if (body.sendTime !== undefined && body.sendTime !== null) {
		if (parseLocalTime(body.sendTime) === undefined) return 'sendTime must be yyyy-MM-dd HH:mm:ss';
	}
	if (!within(body.loopCount ?? 1, 1, 9)) return 'loopCount must be 1 to 9';
	if (!within(body.maxCalls, 1, 999)) return 'maxCalls must be 1 to 999';
	if (body.senderId !== undefined && (!isText(body.senderId) || body.senderId.length > 32))
		return 'bad senderId';
	if (body.hangUpSms === 1) {
		if (!isText(body.smsAppId) || body.smsAppId === '') return 'smsAppId required';
		if (!isText(body.smsContent) || body.smsContent === '' || body.smsContent.length > TEXT_MAX)
			return 'bad smsContent';
		const pushes = ['feedbackPush', 'successPush', 'failedPush', 'ringPush'];
		if (!pushes.some((key) => body[key] === 1)) return 'choose when the SMS goes';
		if (body.feedbackPush === 1 && !/^[0-9]$/.test(String(body.feedbackValue ?? '')))
			return 'feedbackValue must be 0 to 9';
		if (body.successPush === 1 && !within(body.successPushTime ?? 10, 0, 9999))
			return 'successPushTime must be 0 to 9999';
	} else if (body.hangUpSms !== undefined && body.hangUpSms !== null && body.hangUpSms !== 0) {
		return 'bad hangUpSms';
	}
	return undefined;
}

/** A new task: its numbers become placed calls, dialled from its start on. */
function startTask(sim, body, numbers) {
	const state = taskState(sim);
	const nowMs = sim.progress ? sim.progress.now() : sim.now();
	const sendMs = body.sendTime ? parseLocalTime(body.sendTime) : undefined;
	const startMs = Math.max(sendMs ?? nowMs, nowMs);
	const task = {
		jobId: state.nextJobId++,
		taskName: body.taskName,
		appId: body.appId,
		body,
		createdMs: nowMs,
		startMs,
		sendTime: body.sendTime ?? null,
		numbers: numbers.map((entry) => ({ ...entry, voiceId: sim.newVoiceId() })),
		cancelled: false,
	};
	const interval = sim.progress?.taskDialIntervalMs ?? 0;
	task.numbers.forEach((entry, i) => {
		sim.keepPlacedCall(entry.voiceId, entry.number, {});
		const call = sim.progress?.calls.get(entry.voiceId);
		if (call) call.submitMs = startMs + i * interval;
		entry.index = call?.index ?? i;
	});
	state.list.push(task);
	sim.sent.push({
		kind: 'task',
		jobId: task.jobId,
		taskName: task.taskName,
		callees: task.numbers.map((n) => n.number),
		voiceIds: task.numbers.map((n) => n.voiceId),
		body,
	});
	return task;
}

/** Where a task stands now: status (0 waiting, 1 calling, 2 completed, 5 suspended) and its counts. */
/** Without progress: what the call's record says (the demo keeps one per call), else every third unanswered. */
function outcomeWithoutProgress(sim, entry, i) {
	const record = sim.records.get(entry.voiceId);
	if (record) return record.answerTime ? 'answered' : 'notAnswered';
	return i % 3 === 2 ? 'notAnswered' : 'answered';
}

function taskProgress(sim, task) {
	const progress = sim.progress;
	const nowMs = Math.min(progress ? progress.now() : sim.now(), task.suspendedMs ?? Infinity);
	const interval = progress?.taskDialIntervalMs ?? 0;
	let made = 0;
	let success = 0;
	let lastEndMs = task.startMs;
	task.numbers.forEach((entry, i) => {
		const submitMs = task.startMs + i * interval;
		const outcome = progress
			? progress.callOutcome({
					callee: entry.number,
					voiceId: entry.voiceId,
					attempt: 0,
					index: entry.index,
				})
			: outcomeWithoutProgress(sim, entry, i);
		const endMs = !progress
			? submitMs
			: outcome === 'never'
				? Infinity
				: submitMs + (outcome === 'failed' ? progress.ringAfterMs : progress.endAfterMs);
		lastEndMs = Math.max(lastEndMs, endMs);
		if (nowMs < endMs) return;
		made += 1;
		if (outcome === 'answered') success += 1;
	});
	const total = task.numbers.length;
	let status = nowMs < task.startMs ? 0 : made < total ? 1 : 2;
	if (task.suspendedMs !== undefined && status !== 2) status = 5;
	const percent = (part) => (total === 0 ? '0' : String(Math.round((part / total) * 10000) / 100));
	return {
		status,
		numCnt: total,
		callNum: made,
		success,
		fail: made - success,
		rate: percent(made),
		successRate: made === 0 ? '0' : String(Math.round((success / made) * 10000) / 100),
		finishTime: status === 2 ? localTime(lastEndMs) : null,
	};
}

function taskOf(sim, id) {
	const text = String(id ?? '');
	if (!/^\d{1,18}$/.test(text)) return undefined;
	return taskState(sim).list.find((task) => String(task.jobId) === text);
}

function unknownTask(sim, res, entry) {
	return fail(sim, res, entry, taskState(sim).readings.unknownTask);
}

function create(sim, res, entry, body) {
	const state = taskState(sim);
	if (!isText(body.appId) || body.appId === '')
		return fail(sim, res, entry, '-22', 'appId required');
	const numbers = numbersOf(body, state.readings);
	if (numbers.error) return fail(sim, res, entry, '-22', numbers.error);
	const wrong = checkTaskFields(sim, body);
	if (wrong) return fail(sim, res, entry, '-22', wrong);
	if (state.list.some((task) => task.taskName === body.taskName))
		return fail(sim, res, entry, '-20');
	const task = startTask(sim, body, numbers.numbers);
	const answers = { number: task.jobId, string: String(task.jobId), empty: null };
	return sim.ok(res, entry, { data: answers[state.readings.createAnswer] });
}

function listRecord(sim, task, idField) {
	const progress = taskProgress(sim, task);
	return {
		[idField]: task.jobId,
		taskName: task.taskName,
		status: progress.status,
		rate: progress.rate,
		numCnt: progress.numCnt,
		callNum: progress.callNum,
		success: progress.success,
		fail: progress.fail,
		createdTime: localTime(task.createdMs),
	};
}

function query(sim, res, entry, body) {
	const state = taskState(sim);
	const params = body.params;
	if (typeof params !== 'object' || params === null)
		return fail(sim, res, entry, '-22', 'params required');
	const from = parseLocalTime(params.strTime);
	const to = parseLocalTime(params.endTime);
	if (from === undefined || to === undefined || from > to)
		return fail(sim, res, entry, '-22', 'strTime and endTime must be yyyy-MM-dd HH:mm:ss');
	if (body.current === undefined || body.size === undefined)
		return fail(sim, res, entry, '-22', 'current and size required');
	const statuses = params.statusList ?? [];
	if (!Array.isArray(statuses) || !statuses.every((s) => within(s, 0, 6)))
		return fail(sim, res, entry, '-22', 'bad statusList');
	const condition = isText(params.searchCondition) ? params.searchCondition : '';
	const found = state.list
		.filter((task) => task.createdMs >= from && task.createdMs <= to)
		.filter(
			(task) =>
				condition === '' ||
				task.taskName.includes(condition) ||
				String(task.body.text ?? '').includes(condition),
		)
		.map((task) => listRecord(sim, task, state.readings.listId))
		.filter((record) => statuses.length === 0 || statuses.includes(record.status))
		.reverse();
	return sim.page(res, entry, body, found);
}

function detail(sim, res, entry, id) {
	const task = taskOf(sim, id);
	if (!task) return unknownTask(sim, res, entry);
	const progress = taskProgress(sim, task);
	const { body } = task;
	return sim.ok(res, entry, {
		data: {
			jobId: task.jobId,
			taskName: task.taskName,
			displayNum: body.displayNum ?? '',
			text: body.text ?? null,
			...progress,
			chargeLen: progress.success * 20,
			sendTime: task.sendTime,
			createdTime: localTime(task.createdMs),
			mdfTime: localTime(task.suspendedMs ?? task.createdMs),
			appId: task.appId,
			source: body.source,
			voiceFileId: body.voiceFileId ?? null,
			maxCalls: body.maxCalls,
			loopCount: body.loopCount ?? 1,
			lan: body.lan ?? null,
			callTotal: progress.callNum,
			// Average call length (ACD) of the answered calls, 20 seconds each here, as chargeLen counts them.
			acd: progress.success === 0 ? 0 : 20,
		},
	});
}

/** Suspend: every listed task must be known and still able to stop (not completed or cancelled). */
function suspend(sim, res, entry, body) {
	const ids = body.jobIdList;
	if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => Number.isInteger(id)))
		return fail(sim, res, entry, '-22', 'jobIdList must be a list of task ids');
	const tasks = ids.map((id) => taskOf(sim, id));
	if (tasks.some((task) => !task)) return unknownTask(sim, res, entry);
	if (tasks.some((task) => [2, 3, 4].includes(taskProgress(sim, task).status)))
		return fail(sim, res, entry, '-54');
	const nowMs = sim.progress ? sim.progress.now() : sim.now();
	for (const task of tasks) {
		task.suspendedMs ??= nowMs;
		// Calls not dialled yet never are.
		task.numbers.forEach((n) => {
			const call = sim.progress?.calls.get(n.voiceId);
			if (call && call.submitMs > nowMs) sim.progress.calls.delete(n.voiceId);
		});
	}
	sim.sent.push({ kind: 'suspend', jobIds: ids });
	return sim.ok(res, entry, { data: null });
}

/** Recall: a new task with every number of `keyId` (resendType 0) or its unanswered ones (1). */
function resend(sim, res, entry, body, layout) {
	const state = taskState(sim);
	const task = taskOf(sim, body.keyId);
	if (!Number.isInteger(body.keyId) && !isText(body.keyId))
		return fail(sim, res, entry, '-22', 'keyId required');
	if (!task) return unknownTask(sim, res, entry);
	if (!isText(body.appId) || body.appId === '')
		return fail(sim, res, entry, '-22', 'appId required');
	// Required on the Itniotech page, optional on Onbuka's.
	if (body.resendType === undefined && layout === 'itniotech')
		return fail(sim, res, entry, '-22', 'resendType required');
	const type = body.resendType ?? 0;
	if (type !== 0 && type !== 1) return fail(sim, res, entry, '-22', 'resendType must be 0 or 1');
	const wrong = checkTaskFields(sim, body);
	if (wrong) return fail(sim, res, entry, '-22', wrong);
	const progress = taskProgress(sim, task);
	if (progress.status === 0 || progress.status === 1) return fail(sim, res, entry, '-54');
	if (state.list.some((t) => t.taskName === body.taskName)) return fail(sim, res, entry, '-20');
	const interval = sim.progress?.taskDialIntervalMs ?? 0;
	const numbers = task.numbers.filter((n, i) => {
		if (type === 0) return true;
		const outcome = sim.progress
			? sim.progress.callOutcome({
					callee: n.number,
					voiceId: n.voiceId,
					attempt: 0,
					index: n.index,
				})
			: outcomeWithoutProgress(sim, entry, i);
		const dialled = task.startMs + i * interval <= (task.suspendedMs ?? Infinity);
		return dialled && outcome !== 'answered';
	});
	if (numbers.length === 0) return fail(sim, res, entry, '-22', 'no numbers to redial');
	const copy = startTask(
		sim,
		body,
		numbers.map(({ number, texts }) => ({ number, texts })),
	);
	copy.redialOf = task.jobId;
	return sim.ok(res, entry, { data: copy.jobId });
}

function handleTasks(sim, method, path, res, entry, body) {
	if (method === 'POST' && path === '/voice/group/call/send')
		return (create(sim, res, entry, body), true);
	if (method === 'POST' && path === '/voice/group/call/query')
		return (query(sim, res, entry, body), true);
	if (method === 'POST' && path === '/voice/group/call/provisional')
		return (suspend(sim, res, entry, body), true);
	if (method === 'POST' && path === '/voice/group/call/resend')
		return (resend(sim, res, entry, body, entry.layout), true);
	const byId = /^\/voice\/group\/call\/detail\/([^/]*)$/.exec(path);
	if (method === 'GET' && byId) return (detail(sim, res, entry, decodeURIComponent(byId[1])), true);
	return false;
}

/** Whether a logical path is a task endpoint, answered in `{code, msg, data}`. */
function isTaskPath(path) {
	return path.includes('/voice/group/call/');
}

function makePassword() {
	return require('node:crypto').randomBytes(9).toString('base64url');
}

/** A group of `quantity` SIP phones (names numbered from -1 when more than one), as sipAdd creates them. */
function addSipPhones(sim, { appId, groupName, phoneName, quantity, displayNum }) {
	const { sip } = taskState(sim);
	for (let i = 0; i < quantity; i++) {
		sip.phones.push({
			appId,
			groupName,
			phoneName: quantity === 1 ? phoneName : `${phoneName}-${i + 1}`,
			account: String(sip.nextAccount++),
			password: makePassword(),
			displayNum,
		});
	}
}

function sipAdd(sim, res, entry, body) {
	const { sip } = taskState(sim);
	const { groupName, phoneName, quantity, displayNum, appId } = body;
	const text = (value, min, max) => isText(value) && value.length >= min && value.length <= max;
	if (!text(appId, 1, 64)) return sim.vendorStatus(res, entry, '-22', 'appId required');
	if (!text(groupName, 4, 32) || !text(phoneName, 4, 32) || !within(quantity, 1, 50))
		return sim.vendorStatus(res, entry, '-22');
	const missingDisplay = displayNum === undefined || displayNum === null || displayNum === '';
	// Required on the Itniotech copy of the page, optional on Onbuka's.
	if (missingDisplay ? entry.layout === 'itniotech' : !/^\d{7,13}$/.test(String(displayNum)))
		return sim.vendorStatus(res, entry, '-22', 'bad displayNum');
	const ofApp = sip.phones.filter((p) => p.appId === appId);
	if (ofApp.some((p) => p.groupName === groupName)) return sim.vendorStatus(res, entry, '-20');
	if (ofApp.length + quantity > SIP_PHONES_PER_APP) return sim.vendorStatus(res, entry, '-23');
	addSipPhones(sim, {
		appId,
		groupName,
		phoneName,
		quantity,
		displayNum: missingDisplay ? '' : String(displayNum),
	});
	sim.sent.push({ kind: 'sipAdd', groupName, quantity });
	return sim.ok(res, entry, { data: null });
}

function sipQuery(sim, res, entry, body) {
	const appId = body.params?.appId;
	if (!isText(appId) || appId === '')
		return sim.vendorStatus(res, entry, '-22', 'params.appId required');
	const phones = taskState(sim)
		.sip.phones.filter((p) => p.appId === appId)
		.map(({ groupName, phoneName, account, password, displayNum }) => ({
			groupName,
			phoneName,
			account,
			password,
			displayNum,
		}));
	return sim.page(res, entry, body, phones);
}

function phoneOf(sim, appId, account) {
	return taskState(sim).sip.phones.find((p) => p.appId === appId && p.account === account);
}

function sipReset(sim, res, entry, body) {
	const { account, appId } = body;
	if (!isText(account) || account.length < 4 || account.length > 32 || !isText(appId))
		return sim.vendorStatus(res, entry, '-22');
	const phone = phoneOf(sim, appId, account);
	if (!phone) return sim.vendorStatus(res, entry, '-22', 'unknown account');
	phone.password = makePassword();
	sim.sent.push({ kind: 'sipReset', account });
	return sim.ok(res, entry, { data: { account, password: phone.password } });
}

function sendSip(sim, res, entry, body) {
	const { callee, displayNum, account, appId, calledInfo } = body;
	if (!isText(callee) || !NUMBER.test(callee) || !isText(appId) || !isText(account))
		return sim.vendorStatus(res, entry, '-22');
	if (displayNum !== undefined && displayNum !== null && !NUMBER.test(String(displayNum)))
		return sim.vendorStatus(res, entry, '-22', 'bad displayNum');
	if (calledInfo !== undefined && (!isText(calledInfo) || calledInfo.length > 1000))
		return sim.vendorStatus(res, entry, '-22');
	const phone = phoneOf(sim, appId, account);
	if (!phone) return sim.vendorStatus(res, entry, '-22', 'unknown account');
	if (sim.refusedCallees.has(callee)) return sim.vendorStatus(res, entry, '-26');
	const voiceId = sim.newVoiceId();
	const atMs = sim.now();
	sim.sent.push({ kind: 'sendSip', voiceId, body });
	sim.sipHistory.push({
		voiceId,
		callee,
		displayNum: displayNum ?? phone.displayNum,
		submitTime: vendorTime(atMs),
		callTime: vendorTime(atMs + 1000),
		ringingTime: vendorTime(atMs + 2000),
		answerTime: vendorTime(atMs + 4000),
		hangupTime: vendorTime(atMs + 9000),
		callDuration: 5,
		chargedDuration: 20,
		terminationCode: '200',
		terminationReason: 'success',
		cost: '0.10',
		billPeriod: '20+20',
		rate: '1.2',
		baseCost: '0.10',
		voiceFileId: '',
		feedbackValue: '-1',
		calledInfo: calledInfo ?? '',
		sipGroupName: phone.groupName,
		phoneName: phone.phoneName,
		recordingFileId: '',
	});
	return sim.ok(res, entry, { data: voiceId });
}

function handleSip(sim, method, path, res, entry, body) {
	if (method !== 'POST') return false;
	if (path === '/voice/sipAdd') return (sipAdd(sim, res, entry, body), true);
	if (path === '/voice/sipQuery') return (sipQuery(sim, res, entry, body), true);
	if (path === '/voice/sipReset') return (sipReset(sim, res, entry, body), true);
	if (path === '/voice/sendSip') return (sendSip(sim, res, entry, body), true);
	return false;
}

module.exports = {
	addSipPhones,
	handleTasks,
	handleSip,
	isTaskPath,
	taskState,
	taskProgress,
	resetTasks,
	localTime,
	parseLocalTime,
	TASK_REASONS,
	MAX_NUMBER_LIST,
	MAX_NUMBER_INFO_LIST,
	SIP_PHONES_PER_APP,
};

'use strict';
/**
 * The simulator's OTP (one-time code) endpoints (reference /work/shared/itniotech-otp-api.md, sections 1–6, 8,
 * 9), on both layouts (server.js resolves Itniotech /otp/<op> and Onbuka /v3/otp/<op> to the logical
 * /otp/<op>). Signed like every other request (server.js checks Sign and Timestamp first).
 *
 * What it keeps: codes it makes (per the template's codeType and codeLength) or the caller's own (sendRule),
 * every verification with its lifetime (the app's codeExpiry, 5 minutes unless a test changes it), its
 * state (pending, verified, used), and the send counts behind the app's limits: -27 (period total), -28
 * (per phone number), -29 (a template whose text holds a blocked word). Verify answers status 0 with
 * `data.matched`: 0 verified, 2 wrong code, 4 already used, 5 expired; an unknown verificationId is -22.
 *
 * State per simulator: `sim.otp` (see otpState). The control API (control.js) reads the last code and sets
 * limits, so tests and the demo can play the person who received the code.
 */

const { vendorTime } = require('./sms');

const NUMBER = /^\d{7,15}$/;
const CHANNELS = ['sms', 'call', 'sna'];
const DEFAULT_EXPIRY_MS = 5 * 60 * 1000;

const OTP_REASONS = {
	'-20': 'data already exists',
	'-22': 'parameter error',
	'-27': 'period total send limit reached',
	'-28': 'period phone send limit reached',
	'-29': 'sms content has sensitive words',
};

/** The templates and flows every simulator starts with (the demo and tests pick them by ID or name). */
function defaultTemplates() {
	return [
		{
			templateId: 455,
			appId: 'otp-app',
			name: 'Sign-up code',
			text: 'Your sign-up code is ##code##. It expires in 5 minutes.',
			codeType: 1,
			codeLength: 6,
			speechRate: 50,
			language: 'EN',
			maxDuration: 59,
			repeatCnt: 2,
			senderId: 'ACME',
		},
		{
			templateId: 456,
			appId: 'otp-app',
			name: 'Login code (letters)',
			text: 'Your login code: ##code##',
			codeType: 3,
			codeLength: 8,
			speechRate: 50,
			language: 'EN',
			maxDuration: 59,
			repeatCnt: 1,
			senderId: '',
		},
		{
			templateId: 457,
			appId: 'other-otp-app',
			name: 'Casino bonus code',
			text: 'Win at the casino with code ##code##',
			codeType: 1,
			codeLength: 4,
			speechRate: 50,
			language: 'EN',
			maxDuration: 59,
			repeatCnt: 1,
			senderId: '',
		},
	];
}

function defaultFlows() {
	return [
		{
			flowId: 1,
			name: 'Call if not verified in 60 s',
			flow: [{ waitingTime: 60, status: 2, channel: 'call', channelCut: 0 }],
		},
		{
			flowId: 2,
			name: 'SMS again on failure',
			flow: [{ waitingTime: 30, status: 1, channel: 'sms', channelCut: 1 }],
		},
	];
}

/**
 * The OTP state of a simulator, created on first use: `verifications` verificationId → { verificationId,
 * appId, templateId, flowId, to, channel, orderId, code, ownCode, createdMs, expiresMs, state ('pending',
 * 'verified'), verifiedMs }; `templates`, `flows` (the lists); `codeExpiryMs`; `limits` { total, perPhone }
 * (sends allowed in all, and per number; Infinity: off) and `sends` (how many so far, and per number);
 * `blockedWords` (a template whose text holds one is refused with -29); `codes` every code made, in order;
 * `templateListAsObject` true answers template/list with `data` an object holding the list (the page's
 * "JSONObject" reading).
 */
function otpState(sim) {
	if (!sim.otp) {
		sim.otp = {
			verifications: new Map(),
			templates: defaultTemplates(),
			flows: defaultFlows(),
			codeExpiryMs: DEFAULT_EXPIRY_MS,
			limits: { total: Infinity, perPhone: Infinity },
			sends: { total: 0, byNumber: new Map() },
			blockedWords: ['casino'],
			codes: [],
			orderIds: new Set(),
			templateListAsObject: false,
			nextId: 22206051443051000000n,
		};
	}
	return sim.otp;
}

function resetOtp(sim) {
	sim.otp = undefined;
}

const ALPHABETS = {
	1: '0123456789',
	2: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
	3: 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789',
	4: '0123456789ABCDEF',
};

/** A code as the template says: its type (1 numeric, 2 letters, 3 both, 4 hex) and length. */
function makeCode(template) {
	const alphabet = ALPHABETS[template?.codeType] ?? ALPHABETS[1];
	const length = Number(template?.codeLength) || 4;
	let code = '';
	for (let i = 0; i < length; i++) code += alphabet[Math.floor(Math.random() * alphabet.length)];
	return code;
}

function fail(sim, res, entry, status, reason) {
	return sim.vendorStatus(res, entry, status, reason ?? OTP_REASONS[status]);
}

/** The shared checks and bookkeeping of send, sendRule and resend: answers, and returns the new verification (undefined when refused). */
function startVerification(sim, res, entry, fields) {
	const otp = otpState(sim);
	const { appId, templateId, to, channel, orderId, flowId } = fields;
	const template = otp.templates.find((t) => t.templateId === templateId);
	if (template && otp.blockedWords.some((word) => template.text.toLowerCase().includes(word)))
		return fail(sim, res, entry, '-29');
	if (otp.sends.total >= otp.limits.total) return fail(sim, res, entry, '-27');
	if ((otp.sends.byNumber.get(to) ?? 0) >= otp.limits.perPhone) return fail(sim, res, entry, '-28');
	if (orderId !== null && orderId !== undefined) {
		if (otp.orderIds.has(orderId)) return fail(sim, res, entry, '-20', 'orderId already exists');
		otp.orderIds.add(orderId);
	}
	otp.sends.total += 1;
	otp.sends.byNumber.set(to, (otp.sends.byNumber.get(to) ?? 0) + 1);
	otp.nextId += 1n;
	const verificationId = String(otp.nextId);
	const now = sim.now();
	const code = fields.code ?? makeCode(template);
	const verification = {
		verificationId,
		appId,
		templateId: templateId ?? null,
		flowId: flowId ?? null,
		to,
		channel,
		orderId: orderId ?? null,
		code,
		ownCode: fields.code !== undefined,
		createdMs: now,
		expiresMs: now + otp.codeExpiryMs,
		state: 'pending',
		verifiedMs: undefined,
	};
	otp.verifications.set(verificationId, verification);
	otp.codes.push({ verificationId, to, channel, code, at: new Date(now).toISOString() });
	sim.sent.push({ kind: `otp:${fields.kind}`, verificationId, to, channel, body: entry.body });
	sim.ok(res, entry, { data: { verificationId, to, channel } });
	return verification;
}

const isText = (value) => typeof value === 'string';

/** appId, templateId, flowId, to, channel, orderId as the send pages allow them; undefined when one is not. */
function sendFields(body, templateRequired) {
	const { appId, templateId, flowId, to, orderId } = body;
	const channel = body.channel ?? 'sms';
	if (!isText(appId) || appId.length < 4 || appId.length > 32) return undefined;
	if (templateRequired || (templateId !== undefined && templateId !== null)) {
		if (!Number.isInteger(templateId)) return undefined;
	}
	if (flowId !== undefined && flowId !== null && !Number.isInteger(flowId)) return undefined;
	if (!isText(to) || !NUMBER.test(to)) return undefined;
	if (!CHANNELS.includes(channel)) return undefined;
	if (orderId !== undefined && orderId !== null && (!isText(orderId) || orderId.length > 64))
		return undefined;
	return { appId, templateId, flowId, to, channel, orderId };
}

function send(sim, res, entry, body) {
	const fields = sendFields(body, true);
	if (!fields) return fail(sim, res, entry, '-22');
	const template = otpState(sim).templates.find((t) => t.templateId === fields.templateId);
	if (!template || template.appId !== fields.appId)
		return fail(sim, res, entry, '-22', 'template not found');
	return startVerification(sim, res, entry, { ...fields, kind: 'send' });
}

function sendRule(sim, res, entry, body) {
	const fields = sendFields(body, false);
	const code = body.code;
	if (
		!fields ||
		!isText(code) ||
		code.length < 1 ||
		code.length > 10 ||
		!/^[0-9A-Za-z]+$/.test(code)
	)
		return fail(sim, res, entry, '-22');
	if (fields.templateId !== undefined && fields.templateId !== null) {
		const template = otpState(sim).templates.find((t) => t.templateId === fields.templateId);
		if (!template) return fail(sim, res, entry, '-22', 'template not found');
	}
	return startVerification(sim, res, entry, { ...fields, code, kind: 'sendRule' });
}

/** A new verificationId for the same code, on the same or another channel; the old ID is used up. */
function resend(sim, res, entry, body) {
	const otp = otpState(sim);
	const channel = body.channel ?? 'sms';
	const old = isText(body.verificationId) ? otp.verifications.get(body.verificationId) : undefined;
	if (!old || !CHANNELS.includes(channel)) return fail(sim, res, entry, '-22');
	const renewed = startVerification(sim, res, entry, {
		appId: old.appId,
		templateId: old.templateId,
		flowId: old.flowId,
		to: old.to,
		channel,
		orderId: undefined,
		code: old.code,
		kind: 'resend',
	});
	if (renewed) {
		renewed.ownCode = old.ownCode;
		renewed.orderId = old.orderId;
		old.state = 'replaced';
	}
}

/** matched: 0 verified, 2 wrong code, 4 already used, 5 expired (the verify page's values). */
function verify(sim, res, entry, body) {
	const otp = otpState(sim);
	const { verificationId, code } = body;
	if (!isText(verificationId) || !isText(code) || code.length < 4 || code.length > 10)
		return fail(sim, res, entry, '-22');
	const verification = otp.verifications.get(verificationId);
	if (!verification) return fail(sim, res, entry, '-22', 'verificationId does not exist');
	const now = sim.now();
	let matched;
	if (verification.state === 'verified' || verification.state === 'replaced') matched = 4;
	else if (now > verification.expiresMs) matched = 5;
	else if (code.toUpperCase() !== verification.code.toUpperCase()) matched = 2;
	else {
		matched = 0;
		verification.state = 'verified';
		verification.verifiedMs = now;
	}
	return sim.ok(res, entry, {
		data: {
			verificationId,
			to: verification.to,
			channel: verification.channel,
			matched,
		},
	});
}

/** The record pages' matched: -1 not verified, 0 verified, 1 sending (the first seconds), 2 failed (expired). */
function recordMatched(sim, verification) {
	if (verification.state === 'verified') return 0;
	const now = sim.now();
	if (now > verification.expiresMs) return 2;
	if (now - verification.createdMs < 2000) return 1;
	return -1;
}

function smsLeg(verification) {
	const submit = verification.createdMs;
	return {
		submitTm: vendorTime(submit),
		sendTm: vendorTime(submit + 1000),
		doneTm: vendorTime(submit + 3000),
		mcc: 510,
		mnc: 10,
		sender: 'ACME',
		chargeCnt: 1,
		pay: '0.0350',
		status: 0,
		reason: 'DELIVRD',
	};
}

function callLeg(verification) {
	const submit = verification.createdMs;
	return {
		terminationCode: 0,
		terminationReason: 'Normal call clearing',
		submitTime: vendorTime(submit),
		callTime: vendorTime(submit + 1000),
		ringingTime: vendorTime(submit + 2000),
		answerTime: vendorTime(submit + 6000),
		hangupTime: vendorTime(submit + 21000),
		callDuration: 15,
		chargedDuration: 60,
		displayNum: '6281200000000',
		billPeriod: '60+60',
		code: '51010',
		rate: '0.0600',
		cost: '0.0600',
	};
}

function verificationsOf(sim, verification) {
	return {
		matched: recordMatched(sim, verification),
		verifiedDate: verification.verifiedMs === undefined ? '' : vendorTime(verification.verifiedMs),
		oriReceiver: verification.to,
		channel: verification.channel,
		orderId: verification.orderId ?? '',
	};
}

function record(sim, res, entry, verificationId) {
	const verification = otpState(sim).verifications.get(verificationId);
	if (!verification) return fail(sim, res, entry, '-22', 'verificationId does not exist');
	const data = { verificationId, verifications: verificationsOf(sim, verification) };
	if (verification.channel === 'call') data.call = callLeg(verification);
	else if (verification.channel === 'sna') data.sna = [];
	else data.sms = smsLeg(verification);
	return sim.ok(res, entry, { data });
}

/** The latest verification of a Reference (orderId) in an app; its SMS and call legs as arrays. */
function orderIdRecord(sim, res, entry, body) {
	const { appId, orderId } = body;
	if (!isText(appId) || !isText(orderId) || orderId === '') return fail(sim, res, entry, '-22');
	const all = [...otpState(sim).verifications.values()].filter(
		(v) => v.orderId === orderId && v.appId === appId,
	);
	if (all.length === 0) return fail(sim, res, entry, '-22', 'orderId does not exist');
	const latest = all.at(-1);
	return sim.ok(res, entry, {
		data: {
			orderId,
			flowId: latest.flowId,
			verificationId: latest.verificationId,
			verifications: verificationsOf(sim, latest),
			sms: all.filter((v) => v.channel === 'sms').map(smsLeg),
			call: all.filter((v) => v.channel === 'call').map(callLeg),
		},
	});
}

function handleOtp(sim, method, path, res, entry, body) {
	const otp = otpState(sim);
	if (method === 'POST' && path === '/otp/verification/send')
		return (send(sim, res, entry, body), true);
	if (method === 'POST' && path === '/otp/verification/sendRule')
		return (sendRule(sim, res, entry, body), true);
	if (method === 'POST' && path === '/otp/verification/resend')
		return (resend(sim, res, entry, body), true);
	if (method === 'POST' && path === '/otp/verification/verify')
		return (verify(sim, res, entry, body), true);
	if (method === 'POST' && path === '/otp/verification/orderId/record')
		return (orderIdRecord(sim, res, entry, body), true);
	const byId = /^\/otp\/verification\/record\/([^/]*)$/.exec(path);
	if (method === 'GET' && byId) return (record(sim, res, entry, decodeURIComponent(byId[1])), true);
	if (method === 'GET' && path === '/otp/template/list') {
		const list = otp.templates.map((t) => ({ ...t }));
		return (sim.ok(res, entry, { data: otp.templateListAsObject ? { list } : list }), true);
	}
	if (method === 'GET' && path === '/otp/flow/list')
		return (sim.ok(res, entry, { data: otp.flows.map((f) => ({ ...f })) }), true);
	return false;
}

/** The control API's view: every code made (newest last), or those of one number or verification. */
function otpCodes(sim, { to, verificationId } = {}) {
	return otpState(sim).codes.filter(
		(c) =>
			(to === undefined || c.to === to) &&
			(verificationId === undefined || c.verificationId === verificationId),
	);
}

/** Expires one verification's code (or all), as if its lifetime had passed. */
function expireCodes(sim, verificationId) {
	for (const v of otpState(sim).verifications.values()) {
		if (verificationId === undefined || v.verificationId === verificationId)
			v.expiresMs = sim.now() - 1;
	}
}

module.exports = {
	handleOtp,
	resetOtp,
	otpState,
	otpCodes,
	expireCodes,
	OTP_REASONS,
};

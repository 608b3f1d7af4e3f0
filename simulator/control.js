'use strict';
// The simulator's control path, so a person trying the node in the editor (npm start) can make the next
// answers fail the way tests do: `curl -X POST http://127.0.0.1:4010/__simulator/faults -d '{"kind":"redirect"}'`.
// Only the simulator has it; the vendor has no such path.
const CONTROL_PREFIX = '/__simulator/';
const KNOWN_KINDS = new Set([
	'status',
	'http',
	'html',
	'malformed',
	'truncated',
	'oversized',
	'reset',
	'resetBeforeRead',
	'hang',
	'dropAnswer',
	'body',
	'redirect',
	'trickle',
	'endless',
]);

const { otpCodes, otpState, expireCodes } = require('./otp');

function isControlRequest(pathname) {
	return pathname.startsWith(CONTROL_PREFIX);
}

/** What a request carried, without secrets' values: enough to see whether a signature arrived here. */
function summary(entry) {
	return {
		at: new Date(entry.at).toISOString(),
		method: entry.method,
		path: entry.path,
		signatureHeaders: ['api-key', 'timestamp', 'sign'].filter((name) => name in entry.headers),
		fault: entry.fault,
	};
}

function parseFaults(body) {
	const parsed = JSON.parse(body);
	const faults = Array.isArray(parsed) ? parsed : [parsed];
	for (const fault of faults) {
		if (typeof fault !== 'object' || fault === null || !KNOWN_KINDS.has(fault.kind)) {
			throw new Error(`each fault needs "kind", one of: ${[...KNOWN_KINDS].join(', ')}`);
		}
	}
	return faults;
}

/**
 * POST /__simulator/faults queues one fault or a list (the fields of ItniotechSimulator.inject);
 * GET lists what is queued; DELETE clears it. GET /__simulator/requests lists the requests received so far
 * (method, path, which signature headers came); DELETE clears that list.
 */
/**
 * The OTP controls, so a test or a person trying the demo can play the one who got the code:
 * GET /__simulator/otp/codes (?to=<number>, ?verificationId=<id>) lists the codes made, newest last, with
 * `last`; POST /__simulator/otp/limits {"total": n, "perPhone": n} sets the OTP app's send limits (null: off;
 * the next send past one answers -27 or -28); POST /__simulator/otp/expire {"verificationId": "…"} (or {}: all)
 * lets codes expire; DELETE /__simulator/otp/codes forgets every verification.
 */
function handleOtpControl(simulator, method, what, query, body, answer) {
	const otp = otpState(simulator);
	if (what === 'otp/codes' && method === 'GET') {
		const codes = otpCodes(simulator, {
			to: query.get('to') ?? undefined,
			verificationId: query.get('verificationId') ?? undefined,
		});
		answer(200, { last: codes.at(-1) ?? null, codes });
		return true;
	}
	if (what === 'otp/codes' && method === 'DELETE') {
		simulator.otp = undefined;
		answer(200, { codes: [] });
		return true;
	}
	let parsed;
	try {
		parsed = body === '' ? {} : JSON.parse(body);
	} catch {
		answer(400, { error: 'The body must be JSON' });
		return true;
	}
	if (what === 'otp/limits' && method === 'POST') {
		for (const key of ['total', 'perPhone']) {
			if (key in parsed) otp.limits[key] = parsed[key] === null ? Infinity : Number(parsed[key]);
		}
		otp.sends = { total: 0, byNumber: new Map() };
		const shown = (n) => (Number.isFinite(n) ? n : null);
		answer(200, { total: shown(otp.limits.total), perPhone: shown(otp.limits.perPhone) });
		return true;
	}
	if (what === 'otp/expire' && method === 'POST') {
		expireCodes(simulator, parsed.verificationId);
		answer(200, { expired: parsed.verificationId ?? 'all' });
		return true;
	}
	return false;
}

function handleControl(simulator, method, pathname, body, answer, query = new URLSearchParams()) {
	const what = pathname.slice(CONTROL_PREFIX.length);
	if (what.startsWith('otp/')) {
		if (handleOtpControl(simulator, method, what, query, body, answer)) return undefined;
		return answer(404, {
			error:
				'Unknown OTP control: use /__simulator/otp/codes (GET, DELETE), /__simulator/otp/limits or /__simulator/otp/expire (POST)',
		});
	}
	if (what === 'faults' && method === 'POST') {
		let faults;
		try {
			faults = parseFaults(body);
		} catch (error) {
			return answer(400, { error: `Faults not queued: ${error.message}` });
		}
		for (const fault of faults) simulator.inject(fault);
		return answer(200, { queued: faults.length, faults: simulator.faults });
	}
	if (what === 'faults' && method === 'GET') return answer(200, { faults: simulator.faults });
	if (what === 'faults' && method === 'DELETE') {
		simulator.faults = [];
		return answer(200, { faults: [] });
	}
	if (what === 'requests' && method === 'GET') {
		return answer(200, { requests: simulator.requests.map(summary) });
	}
	if (what === 'requests' && method === 'DELETE') {
		simulator.requests = [];
		return answer(200, { requests: [] });
	}
	return answer(404, {
		error:
			'Unknown control path: use /__simulator/faults (POST, GET, DELETE), /__simulator/requests or /__simulator/otp/…',
	});
}

module.exports = { isControlRequest, handleControl };

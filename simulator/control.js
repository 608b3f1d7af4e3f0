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
function handleControl(simulator, method, pathname, body, answer) {
	const what = pathname.slice(CONTROL_PREFIX.length);
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
			'Unknown control path: use /__simulator/faults (POST, GET, DELETE) or /__simulator/requests',
	});
}

module.exports = { isControlRequest, handleControl };

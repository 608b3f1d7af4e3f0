'use strict';
/**
 * What a hostile or broken server, or a slip in the credential, meets: no redirect is followed (a second
 * server stands where the redirect points and must receive nothing), the Base URL is https, the clock is
 * corrected only when the offset explains the -16, answers are read with a byte cap and a deadline, and a
 * send that never left says so.
 */
const {
	runNode,
	useSimulator,
	useRedirectTarget,
	getRecordParameters,
	TTS_PARAMETERS: TTS,
	MINUTE,
	HOUR,
} = require('../helpers');

// Sends read the App ID from the credential's Voice App ID.
const { sim, credentials } = useSimulator({ credentials: { voiceAppId: 'app-1' } });

const collector = useRedirectTarget('{"status":"0","reason":"success","data":{"voiceId":"1"}}');

const GROUP = {
	resource: 'call',
	operation: 'sendGroup',
	callees: '6281234567890,919876543210',
	fileId: 'f.mp3',
	additionalFields: {},
};
const READS = {
	'Call Record → Get': getRecordParameters('77'),
	'Get Balance': { resource: 'account', operation: 'getBalance' },
	'Audio File → Get Many': { resource: 'audioFile', operation: 'list', returnAll: true },
};

describe('no request follows a redirect', () => {
	const cases = [];
	for (const status of [301, 302, 303, 307, 308]) {
		for (const name of Object.keys(READS)) cases.push([name, status]);
	}
	test.each(cases)(
		'%s answered %i: a clear failure naming the origin, not retried, nothing reaches the other host',
		async (name, status) => {
			sim.inject({
				kind: 'redirect',
				httpStatus: status,
				location: `${collector.origin}/sms/getBalance`,
				times: 5,
			});
			const result = await runNode({
				parameters: { ...READS[name], options: { maxAttempts: 3 } },
				credentials,
			});
			expect(result.error.message).toBe(
				`The Itniotech address answered with a redirect (HTTP ${status}) to ${collector.origin}, which the node does not follow`,
			);
			expect(result.error.description).toMatch(
				/^Check the Platform and the Base URL in the Itniotech credential/,
			);
			expect(sim.requests).toHaveLength(1);
			expect(collector.received).toEqual([]);
		},
	);

	test.each([
		['Send Text to Speech', TTS, ['6281234567890']],
		['Send Audio File', GROUP, ['6281234567890', '919876543210']],
	])(
		'%s answered 307: listed as not placed with that reason, nothing re-sent anywhere',
		async (_name, parameters, callees) => {
			sim.inject({
				kind: 'redirect',
				httpStatus: 307,
				location: `${collector.origin}/voice/sendCode`,
			});
			const result = await runNode({ parameters, credentials });
			expect(result.error.message).toMatch(/answered with a redirect \(HTTP 307\)/);
			expect(result.error.context.calls.notPlaced.map((c) => c.number)).toEqual(callees);
			expect(result.error.context.calls.unknown ?? []).toEqual([]);
			expect(result.error.context.sendOutcome).toBeUndefined();
			expect(sim.sent).toEqual([]);
			expect(collector.received).toEqual([]);
		},
	);

	test('a redirect without a Location says so', async () => {
		sim.inject({ kind: 'redirect', httpStatus: 302 });
		const result = await runNode({ parameters: READS['Get Balance'], credentials });
		expect(result.error.message).toMatch(/redirect \(HTTP 302\) to an address it did not name/);
	});
});

describe('the Base URL is https (plain http for this machine only)', () => {
	test.each([
		[
			'http://192.0.2.10/v3',
			/must start with https:\/\/ \(plain http:\/\/ is allowed only for this machine/,
		],
		['https://user:secret@api.itniotech.com', /must not contain a user name or password/],
		['https://api.itniotech.com?debug=1', /must not contain \? or #/],
	])('%s: refused at run time, naming the field, before any request', async (baseUrl, why) => {
		const requestsBefore = sim.requestCount;
		const result = await runNode({
			parameters: READS['Get Balance'],
			credentials: { ...credentials, baseUrl },
		});
		expect(result.error.message).toMatch(/The Base URL (".*" )?in the Itniotech credential/);
		expect(result.error.message).toMatch(why);
		expect(JSON.stringify(result.error)).not.toContain('secret@');
		expect(sim.requestCount).toBe(requestsBefore);
	});
});

describe('the clock is corrected only when the offset explains the -16', () => {
	test('an offset of 5 minutes does not explain a -16: reported as it is, not retried, with the advice', async () => {
		sim.now = () => Date.now() + 5 * MINUTE;
		sim.inject({ kind: 'status', status: '-16' });
		const result = await runNode({ parameters: READS['Get Balance'], credentials });
		expect(result.error.message).toMatch(/^Itniotech error -16/);
		expect(result.error.description).toMatch(
			/about 5 minutes behind Itniotech's clock: too little to explain the refusal, so the clock was not corrected/,
		);
		expect(result.error.description).toMatch(/NTP/);
		expect(sim.requests).toHaveLength(1);
	});

	test.each([
		['three years ahead', { now: () => Date.now() + 3 * 365 * 24 * HOUR }],
		['25 hours behind', { now: () => Date.now() - 25 * HOUR }],
	])(
		'a server Date %s is not trusted: no Timestamp of its choosing is signed',
		async (_name, { now }) => {
			sim.now = now;
			const result = await runNode({ parameters: READS['Get Balance'], credentials });
			expect(result.error.message).toMatch(/^Itniotech error -16/);
			expect(result.error.description).toMatch(
				/too far off to trust, so the clock was not corrected/,
			);
			expect(sim.requests).toHaveLength(1);
		},
	);

	test.each(['yesterday', 'Sun, 06 Nov 2094 08:49:37 +0000', '4102444800'])(
		'a Date header %p is not read leniently',
		async (date) => {
			sim.inject({ kind: 'status', status: '-16', headers: { Date: date } });
			const result = await runNode({ parameters: READS['Get Balance'], credentials });
			expect(result.error.description).toMatch(
				/did not give the server's time in a form the node trusts/,
			);
			expect(sim.requests).toHaveLength(1);
		},
	);

	test('23 hours off is corrected, and the Timestamp signed stays within a day of this host', async () => {
		sim.now = () => Date.now() + 23 * HOUR;
		const result = await runNode({ parameters: READS['Get Balance'], credentials });
		expect(result.error).toBeUndefined();
		expect(sim.requests.map((r) => r.answeredStatus)).toEqual(['-16', '0']);
		const ahead = Number(sim.requests[1].headers.timestamp) * 1000 - Date.now();
		expect(ahead).toBeGreaterThan(22 * HOUR);
		expect(ahead).toBeLessThanOrEqual(24 * HOUR);
	});
});

describe('answers are read with a byte cap and a deadline', () => {
	test('an endless answer is cut off at 16 MB while reading: a clear error, not retried', async () => {
		sim.inject({ kind: 'endless', times: 3 });
		const result = await runNode({
			parameters: { ...READS['Get Balance'], options: { maxAttempts: 3 } },
			credentials,
		});
		expect(result.error.message).toBe(
			'Itniotech sent an answer larger than 16 MB instead of a result',
		);
		expect(sim.requests).toHaveLength(1);
		// What left the server before the node closed the connection: the cap plus what sockets buffer.
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(sim.requests[0].bytesWritten).toBeLessThan(48 * 1024 * 1024);
	});

	test('a 17 MB answer is not read again', async () => {
		sim.inject({ kind: 'oversized', sizeMb: 17, times: 3 });
		const result = await runNode({
			parameters: { ...READS['Get Balance'], options: { maxAttempts: 3 } },
			credentials,
		});
		expect(result.error.message).toMatch(/larger than 16 MB/);
		expect(sim.requests).toHaveLength(1);
	});

	test('the Timeout is a deadline for the whole answer, also against a server that trickles bytes', async () => {
		// About 60 bytes at one per 200 ms would take 12 s; each byte comes well within the 2 s Timeout.
		sim.inject({ kind: 'trickle', intervalMs: 200 });
		const result = await runNode({
			parameters: { ...READS['Get Balance'], options: { maxAttempts: 1, timeoutSeconds: 2 } },
			credentials,
		});
		expect(result.error.message).toBe('Itniotech did not answer within 2 seconds (timeout)');
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(sim.requests[0].trickle).toBe('abandoned');
	});

	test('a send whose answer trickles past the deadline is an unknown outcome, never repeated', async () => {
		sim.inject({ kind: 'trickle', intervalMs: 200, path: '/voice/sendCode' });
		const result = await runNode({
			parameters: { ...TTS, options: { timeoutSeconds: 2 } },
			credentials,
		});
		expect(result.error.context.calls.unknown.map((c) => c.number)).toEqual(['6281234567890']);
		expect(sim.requests).toHaveLength(1);
	});
});

describe('small ones', () => {
	test('an API key with an invisible character: the send never left, and says so', async () => {
		const result = await runNode({
			parameters: TTS,
			credentials: { ...credentials, apiKey: `${credentials.apiKey}\u200b` },
		});
		expect(result.error.message).toMatch(
			/The API Key in the Itniotech credential contains a space, line break or invisible character/,
		);
		expect(result.error.message).not.toMatch(/may have reached/);
		expect(result.error.description).not.toMatch(/may have reached|unknown whether/);
		expect(result.error.context.calls.notPlaced.map((c) => c.number)).toEqual(['6281234567890']);
		expect(sim.requests).toHaveLength(0);
	});

	test('a Voice ID answered as a bare number beyond 2^53 keeps every digit', async () => {
		sim.inject({
			kind: 'body',
			path: '/voice/sendCode',
			body: '{"status":"0","reason":"success","data":3000000000000000123}',
		});
		const result = await runNode({ parameters: TTS, credentials });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.voiceId).toBe('3000000000000000123');
	});

	test('group call Voice IDs answered as bare numbers keep every digit; an object where an ID belongs is no ID', async () => {
		const body =
			'{"status":"0","data":[{"voiceId":3000000000000000123,"callee":"6281234567890","terminationCode":"0"},{"voiceId":{},"callee":"919876543210","terminationCode":"0"}]}';
		sim.inject({ kind: 'body', path: '/voice/sendGroup', body });
		const result = await runNode({ parameters: GROUP, credentials });
		expect(result.items.map((i) => i.json.voiceId)).toEqual(['3000000000000000123', null]);
	});

	test('a status of [0] is not success: the send is reported with an unknown outcome, not as placed', async () => {
		sim.inject({
			kind: 'body',
			path: '/voice/sendCode',
			body: '{"status":[0],"data":{"voiceId":"3000000000000000123"}}',
		});
		const result = await runNode({ parameters: TTS, credentials });
		expect(result.error.message).toMatch(/status is neither text nor a number/);
		expect(result.error.context.calls.unknown.map((c) => c.number)).toEqual(['6281234567890']);
	});
});

'use strict';
/**
 * Faults against every operation: reads retry temporary failures and end in a clear per-item error
 * otherwise; sends are received at most once (the simulator's log proves it); with continue-on-fail a bad
 * neighbour never costs a good item its record; and nothing a user or a log sees contains a secret or a Sign.
 */
const {
	runNode,
	useSimulator,
	visibleRunText,
	loggedText,
	ACCOUNT,
	DAY,
	TTS_PARAMETERS,
} = require('../helpers');

// Sends read the App ID from the credential's Voice App ID.
const { sim, credentials } = useSimulator({ credentials: { voiceAppId: 'app-1' } });
/** Every run of this file, for the secret scan at the end. */
const seen = [];

async function run(parameters, extra = {}) {
	const result = await runNode({ parameters, credentials, ...extra });
	seen.push({ result, signs: sim.requests.map((r) => r.headers.sign).filter(Boolean) });
	return result;
}

const FAULTS = {
	'vendor -18': { kind: 'status', status: '-18' },
	'HTTP 500': { kind: 'http', httpStatus: 500, body: 'Internal Server Error' },
	'HTTP 503 + Retry-After': {
		kind: 'http',
		httpStatus: 503,
		body: '',
		headers: { 'Retry-After': '0' },
	},
	'HTTP 429': { kind: 'http', httpStatus: 429, body: 'slow down' },
	'HTML page': { kind: 'html' },
	'invalid JSON': { kind: 'malformed' },
	'truncated JSON': { kind: 'truncated' },
	'reset after the request was read': { kind: 'reset' },
	'reset before the request was read': { kind: 'resetBeforeRead' },
	'answer dropped after the request was acted on': { kind: 'dropAnswer' },
	'oversized body': { kind: 'oversized', sizeMb: 17 },
	hang: { kind: 'hang' },
};

function recentIso(daysAgo) {
	return new Date(Date.now() - daysAgo * DAY).toISOString();
}

const READS = {
	'get group record': { resource: 'callRecord', operation: 'getGroupRecord', voiceId: '77' },
	'search group records': {
		resource: 'callRecord',
		operation: 'searchGroupRecords',
		from: recentIso(3),
		to: recentIso(0),
		returnAll: true,
	},
	'list audio files': { resource: 'audioFile', operation: 'list', returnAll: true },
	'get balance': { resource: 'account', operation: 'getBalance' },
	'get SIP record': { resource: 'sipRecord', operation: 'get', voiceId: '5000' },
};

function withOptions(parameters, options) {
	return { ...parameters, options: { timeoutSeconds: 1, ...options } };
}

beforeEach(() => {
	const recent = recentIso(1);
	sim.sipHistory = [{ voiceId: '5000', submitTime: recent, callDuration: 3 }];
	sim.groupHistory = [{ voiceId: '6000', submitTime: recent, callDuration: 4 }];
	sim.files.set('seeded.mp3', '1abc.mp3');
});

/** An oversized answer is not temporary: asking again would only read it again (test/engine/security.test.js). */
const TEMPORARY_FAULTS = Object.fromEntries(
	Object.entries(FAULTS).filter(([, fault]) => fault.kind !== 'oversized'),
);

describe('reads recover from a temporary failure', () => {
	const cases = [];
	for (const [readName, parameters] of Object.entries(READS)) {
		for (const [faultName, fault] of Object.entries(TEMPORARY_FAULTS))
			cases.push([readName, faultName, parameters, fault]);
	}
	test.each(cases)('%s after %s', async (_read, _fault, parameters, fault) => {
		sim.inject({ ...fault });
		const result = await run(withOptions(parameters, { maxAttempts: 3 }));
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		expect(sim.requests.length).toBe(2);
		expect(sim.requests[1].answeredStatus).toBe('0');
	});
});

describe('reads that keep failing end in one clear per-item error', () => {
	test.each(Object.entries(TEMPORARY_FAULTS))('%s, every time', async (_name, fault) => {
		sim.inject({ ...fault, times: 3 });
		const result = await run(withOptions(READS['get group record'], { maxAttempts: 3 }));
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.message.length).toBeGreaterThan(10);
		expect(result.error.description).toMatch(/Tried 3 times: 1\) .+, 2\) .+, 3\) .+\./);
		expect(result.error.context.itemIndex).toBe(0);
		expect(sim.requests).toHaveLength(3);
	});

	test('a non-temporary failure is not retried', async () => {
		sim.inject({ kind: 'status', status: '-22', times: 3 });
		const result = await run(withOptions(READS['get group record'], { maxAttempts: 3 }));
		expect(result.error.message).toMatch(/^Itniotech error -22/);
		expect(sim.requests).toHaveLength(1);
	});

	test('Retry-After is honoured', async () => {
		sim.inject({ kind: 'http', httpStatus: 429, body: '', headers: { 'Retry-After': '1' } });
		const result = await run(withOptions(READS['get balance'], { maxAttempts: 2 }));
		expect(result.error).toBeUndefined();
		expect(sim.requests[1].at - sim.requests[0].at).toBeGreaterThanOrEqual(950);
	});

	test('a Retry-After too long to wait for is reported instead of waited for', async () => {
		sim.inject({ kind: 'http', httpStatus: 503, body: '', headers: { 'Retry-After': '600' } });
		const result = await run(withOptions(READS['get balance'], { maxAttempts: 3 }));
		expect(result.error.description).toMatch(/asked to wait 600 seconds/);
		expect(sim.requests).toHaveLength(1);
	});
});

const SENDS = {
	'send text to speech': {
		parameters: TTS_PARAMETERS,
	},
	'send audio file': {
		parameters: {
			resource: 'call',
			operation: 'sendGroup',
			callees: '6281234567890,919876543210',
			fileId: 'f.mp3',
			additionalFields: {},
		},
	},
	'upload audio file': {
		parameters: {
			resource: 'audioFile',
			operation: 'upload',
			binaryPropertyName: 'data',
			fileName: 'hello.mp3',
		},
		items: [
			{
				json: {},
				binary: {
					data: {
						data: Buffer.from('abc').toString('base64'),
						mimeType: 'audio/mpeg',
						fileName: 'hello.mp3',
					},
				},
			},
		],
	},
};

describe('sends are never repeated', () => {
	const cases = [];
	for (const [sendName, send] of Object.entries(SENDS)) {
		for (const [faultName, fault] of Object.entries(FAULTS))
			cases.push([sendName, faultName, send, fault]);
	}
	test.each(cases)(
		'%s under %s: one request, at most one accepted send, a clear error',
		async (sendName, faultName, send, fault) => {
			sim.inject({ ...fault });
			const result = await run(withOptions(send.parameters, {}), { items: send.items });
			expect(sim.requests).toHaveLength(1);
			// Only a dropped answer comes after the simulator acted: every other fault strikes before it.
			expect(sim.sent).toHaveLength(fault.kind === 'dropAnswer' ? 1 : 0);
			expect(result.error.name).toBe('NodeApiError');
			const outcomeUnknown = fault.kind !== 'status';
			if (outcomeUnknown) expect(result.error.description).toMatch(/before sending again/);
			if (sendName === 'upload audio file') return;
			// Calls: the callees of an unknown outcome are named, so they can be checked instead of called again.
			const { calls } = result.error.context;
			const callees = send.parameters.callee
				? [send.parameters.callee]
				: send.parameters.callees.split(',');
			const listed = (outcomeUnknown ? calls.unknown : calls.notPlaced).map(
				(entry) => entry.number,
			);
			expect(listed).toEqual(callees);
			if (outcomeUnknown)
				expect(result.error.description).toContain(
					`before sending them again: item 0: ${callees.join(', ')}.`,
				);
		},
	);

	test('a -16 on a send is corrected once: the vendor refused it before acting, so it is sent once in effect', async () => {
		sim.now = () => Date.now() + 40 * 60 * 1000;
		const result = await run(withOptions(SENDS['send text to speech'].parameters, {}));
		expect(result.error).toBeUndefined();
		expect(sim.requests.map((r) => r.answeredStatus)).toEqual(['-16', '0']);
		expect(sim.sent).toHaveLength(1);
	});
});

describe('continue on fail', () => {
	test('five items, the middle one keeps failing: four records and one error item, in order', async () => {
		sim.inject({
			kind: 'http',
			httpStatus: 502,
			body: 'bad gateway',
			path: '/voice/recordGroup/33',
			times: 3,
		});
		const result = await run(
			withOptions(
				{ resource: 'callRecord', operation: 'getGroupRecord', voiceId: '={{ $json.id }}' },
				{ maxAttempts: 3 },
			),
			{
				items: ['31', '32', '33', '34', '35'].map((id) => ({ json: { id } })),
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem.item)).toEqual([0, 1, 2, 3, 4]);
		expect(result.items.map((i) => i.json.voiceId ?? 'error')).toEqual([
			'31',
			'32',
			'error',
			'34',
			'35',
		]);
		expect(result.items[2].json.error).toMatch(/HTTP 502/);
		expect(result.items[2].json.description).toMatch(/Tried 3 times/);
	});

	test('sends under continue-on-fail: the failing item is not re-sent, the others go out once each', async () => {
		sim.inject({ kind: 'hang', path: '/voice/sendCode', after: 1 });
		const result = await run(
			withOptions({ ...SENDS['send text to speech'].parameters, callee: '={{ $json.n }}' }, {}),
			{
				items: ['6281234567890', '6281234567891', '6281234567892'].map((n) => ({ json: { n } })),
				continueOnFail: true,
			},
		);
		expect(sim.requests).toHaveLength(3);
		expect(sim.sent.map((s) => s.body.callee)).toEqual(['6281234567890', '6281234567892']);
		expect(result.items[1].json.error).toMatch(/may have reached Itniotech/);
		expect(result.items[0].json.voiceId).toBe(sim.sent[0].voiceId);
	});
});

describe('secrets', () => {
	test('no output, error (message, description, context, cause) or log line of this file holds the secret or a Sign', async () => {
		// Runs last in this file (jest keeps file order), so it scans every run above.
		expect(seen.length).toBeGreaterThan(0);
		const logs = loggedText();
		const signs = new Set(seen.flatMap((s) => s.signs)); // one Sign per key and second, so fewer than runs
		expect(signs.size).toBeGreaterThan(0);
		const texts = seen.map(({ result }) => visibleRunText(result));
		const everything = [...texts, logs].join('\n');
		expect(everything).not.toContain(ACCOUNT.apiSecret);
		for (const sign of signs) expect(everything).not.toContain(sign);
	});
});

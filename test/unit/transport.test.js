'use strict';
// Small unit tests of the transport's error mapping with a stubbed request helper; the same cases run
// for real against the simulator in test/engine.
const { NodeApiError } = require('n8n-workflow');
const {
	itniotechApiRequest,
	backoffMs,
	MAX_BACKOFF_MS,
	MAX_RETRY_WAIT_MS,
	RETRY_BASE_MS,
} = require('../../dist/nodes/Itniotech/api/transport/request.js');
const {
	VENDOR_STATUS,
	describeVendorStatus,
} = require('../../dist/nodes/Itniotech/api/statusCodes.js');
const { createRun } = require('../../dist/nodes/Itniotech/api/transport/run.js');
const { fakeContext, httpAnswer: ok, FAKE_CREDENTIAL: CREDENTIAL } = require('../helpers');

/** The request, in a run of its own for `ctx` (one per context, as the runner makes one per node run). */
const runs = new WeakMap();
function request(ctx, options) {
	if (!runs.has(ctx)) runs.set(ctx, createRun(ctx));
	return itniotechApiRequest(ctx, runs.get(ctx), options);
}

const contextAnswering = (answer) => fakeContext({ answer });

async function failureOf(answer) {
	const ctx = contextAnswering(answer);
	try {
		await request(ctx, { method: 'GET', path: '/voice/recordGroup/1', itemIndex: 2 });
	} catch (error) {
		return error;
	}
	throw new Error('expected the request to fail');
}

test('sends a relative path through the credential as a stream, no redirects, no HTTP-status exceptions and a deadline', async () => {
	const ctx = contextAnswering(ok('{"status":"0","reason":"success","data":{"voiceId":"1"}}'));
	const envelope = await request(ctx, {
		method: 'GET',
		path: '/voice/recordGroup/1',
		itemIndex: 0,
	});
	expect(envelope).toEqual({ status: '0', reason: 'success', data: { voiceId: '1' } });
	expect(ctx.calls).toHaveLength(1);
	expect(ctx.calls[0].type).toBe('itniotechApi');
	expect(ctx.calls[0].options).toMatchObject({
		method: 'GET',
		url: '/voice/recordGroup/1',
		encoding: 'stream',
		disableFollowRedirect: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 30000,
	});
});

test('the credential is read once per execution and handed to the helper with every request, which still signs each', async () => {
	const ctx = contextAnswering(ok('{"status":"0","data":{}}'));
	await Promise.all(
		Array.from({ length: 20 }, (_, i) =>
			request(ctx, { method: 'GET', path: `/voice/recordGroup/${i}`, itemIndex: i }),
		),
	);
	expect(ctx.credentialReads).toEqual([{ type: 'itniotechApi', itemIndex: 0 }]);
	expect(ctx.calls).toHaveLength(20);
	for (const call of ctx.calls) {
		expect(call.type).toBe('itniotechApi');
		expect(call.additional.credentialsDecrypted).toMatchObject({
			type: 'itniotechApi',
			data: CREDENTIAL,
		});
	}
	// Another execution context reads it afresh (a changed credential applies to the next run).
	const next = contextAnswering(ok('{"status":"0","data":{}}'));
	await request(next, { method: 'GET', path: '/voice/recordGroup/1', itemIndex: 0 });
	expect(next.credentialReads).toHaveLength(1);
});

test('a credential that could not be read fails that request and is read again for the next', async () => {
	const ctx = contextAnswering(ok('{"status":"0","data":{}}'));
	let reads = 0;
	ctx.getCredentials = async () => {
		reads += 1;
		if (reads === 1)
			throw new Error(
				'Node "Itniotech Voice" does not have any credentials of type "itniotechApi" set',
			);
		return { ...CREDENTIAL };
	};
	const first = await request(ctx, {
		method: 'GET',
		path: '/voice/recordGroup/1',
		itemIndex: 0,
		maxAttempts: 1,
	}).catch((error) => error);
	expect(first).toBeInstanceOf(NodeApiError);
	expect(first.message).toContain('does not have any credentials');
	expect(ctx.calls).toHaveLength(0);
	await expect(
		request(ctx, { method: 'GET', path: '/voice/recordGroup/2', itemIndex: 1 }),
	).resolves.toEqual({ status: '0', data: {} });
	expect(reads).toBe(2);
});

test.each([['[0]'], ['{}'], ['null'], ['true'], ['[]']])(
	'a status of %s is not success: the answer is invalid',
	async (status) => {
		const error = await failureOf(ok(`{"status":${status},"data":{"voiceId":"1"}}`));
		expect(error.message).toBe(
			'Itniotech sent an answer whose status is neither text nor a number instead of a result',
		);
	},
);

test('an ID sent as a bare number too large for JavaScript keeps every digit', async () => {
	const ctx = contextAnswering(
		ok('{"status":"0","data":{"voiceId":5000000000000000321,"cost":0.5,"count":12}}'),
	);
	const envelope = await request(ctx, { method: 'GET', path: '/x', itemIndex: 0 });
	expect(envelope.data).toEqual({ voiceId: '5000000000000000321', cost: 0.5, count: 12 });
});

test('a 3xx answer is a redirect failure naming where it points, never retried', async () => {
	const ctx = contextAnswering(ok('', 307));
	ctx.helpers.httpRequestWithAuthentication = async (type, options) => {
		ctx.calls.push({ options });
		return {
			statusCode: 307,
			headers: { location: 'http://collector.example:8080/steal?x=1' },
			body: '',
		};
	};
	const error = await request(ctx, {
		method: 'POST',
		path: '/voice/sendCode',
		itemIndex: 0,
		isSend: true,
	}).catch((e) => e);
	expect(error.message).toBe(
		'The Itniotech address answered with a redirect (HTTP 307) to http://collector.example:8080, which the node does not follow',
	);
	expect(error.description).toMatch(/Check the Platform and the Base URL .* Nothing was sent\.$/);
	expect(error.context.sendOutcome).toBeUndefined();
	expect(ctx.calls).toHaveLength(1);
});

test('a numeric status 0 counts as success too', async () => {
	const ctx = contextAnswering(ok('{"status":0,"data":{}}'));
	await expect(request(ctx, { method: 'GET', path: '/x', itemIndex: 0 })).resolves.toMatchObject({
		status: '0',
	});
});

test.each([
	['-1', /^Itniotech error -1: Authentication failed/, /paste the API Key and API Secret again/],
	['-2', /^Itniotech error -2: .*IP allow-list/, /Add this n8n host's public IP/],
	['-13', /^Itniotech error -13: .*locked/, /Contact Itniotech support/],
	['-16', /^Itniotech error -16: .*clock/, /NTP/],
	['-18', /^Itniotech error -18: .*temporary/, /Try again in a few minutes/],
	['-22', /^Itniotech error -22: .*parameter/, /last two months/],
	['-10', /^Itniotech error -10: The account balance is too low/, /Top up/],
	['-20', /^Itniotech error -20: That data already exists/, /different, unique name/],
	['-54', /^Itniotech error -54: The campaign is wrong/, /Campaign → Get Many/],
	['-21', /^Itniotech error -21: .*invalid/, /\.mp3, \.m4a or \.wav/],
	['-26', /^Itniotech error -26: .*no rate for this destination/, /country code/],
])(
	'vendor status %s becomes a NodeApiError with meaning and advice',
	async (status, message, advice) => {
		const error = await failureOf(ok(JSON.stringify({ status, reason: 'vendor words' })));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(advice);
		expect(error.description).toMatch(/Itniotech said: "vendor words"/);
		expect(error.httpCode).toBe(status);
		expect(error.context.itemIndex).toBe(2);
		expect(error.context.vendorStatus).toBe(status);
	},
);

test('a numeric vendor status is read like the string one', async () => {
	const error = await failureOf(ok('{"status":-16,"reason":"timestamp expired"}'));
	expect(error.message).toMatch(/^Itniotech error -16:/);
});

test('an unknown vendor status still reports the code and the reason', async () => {
	const error = await failureOf(ok('{"status":"-99","reason":"brand new failure"}'));
	expect(error.message).toBe('Itniotech error -99: Itniotech refused the request (status -99)');
	expect(error.description).toMatch(/brand new failure/);
});

test.each([
	[
		ok('<html><body>502 Bad Gateway</body></html>', 502),
		/^Itniotech answered with HTTP 502 and an HTML page/,
		/Try again in a few minutes/,
		'502',
	],
	[ok('', 503), /^Itniotech answered with HTTP 503 instead/, /Try again/, '503'],
	[ok('Not found', 404), /HTTP 404/, /check the Base URL/, '404'],
	[ok('slow down', 429), /HTTP 429/, /Too many requests/, '429'],
])('HTTP failures say which (%#)', async (answer, message, advice, httpCode) => {
	const error = await failureOf(answer);
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(message);
	expect(error.description).toMatch(advice);
	expect(error.httpCode).toBe(httpCode);
});

test.each([
	['{"status":"0","data":{"voiceId":', /not valid JSON/],
	['<!DOCTYPE html><html>maintenance</html>', /an HTML page instead of a result/],
	['', /an empty answer/],
	['[1,2]', /without a status/],
	['{"data":{}}', /without a status/],
	['null', /without a status/],
])('a 200 body %p is reported for what it is', async (body, message) => {
	const error = await failureOf(ok(body));
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(message);
	expect(error.description).toMatch(/The answer began with/);
});

describe("the task endpoints' {code, msg, data} envelope, read like {status, reason, data}", () => {
	test.each([['"0"'], ['0']])(
		'code %s with data is success, with the same envelope',
		async (code) => {
			const ctx = contextAnswering(ok(`{"code":${code},"msg":"success","data":880001}`));
			const envelope = await request(ctx, {
				method: 'POST',
				path: '/voice/group/call/send',
				itemIndex: 0,
			});
			expect(envelope).toEqual({ status: '0', reason: 'success', data: 880001 });
		},
	);

	test.each([['"-54"'], ['-54']])(
		'code %s is a vendor error with the same meaning, advice and msg as a status would have',
		async (code) => {
			const fromCode = await failureOf(
				ok(`{"code":${code},"msg":"the task you submitted is wrong"}`),
			);
			const fromStatus = await failureOf(
				ok('{"status":"-54","reason":"the task you submitted is wrong"}'),
			);
			expect(fromCode).toBeInstanceOf(NodeApiError);
			expect(fromCode.message).toBe(fromStatus.message);
			expect(fromCode.description).toBe(fromStatus.description);
			expect(fromCode.description).toMatch(/Itniotech said: "the task you submitted is wrong"/);
			expect(fromCode.context.vendorStatus).toBe('-54');
		},
	);

	test('a temporary code (-18) is retried like a temporary status', async () => {
		let answers = 0;
		const ctx = contextAnswering(() =>
			ok(++answers === 1 ? '{"code":"-18","msg":"system error"}' : '{"code":"0","data":null}'),
		);
		await expect(
			request(ctx, { method: 'GET', path: '/voice/group/call/detail/1', itemIndex: 0 }),
		).resolves.toEqual({ status: '0', data: null });
		expect(answers).toBe(2);
	});

	test.each([['[0]'], ['{}'], ['null'], ['true']])(
		'a code of %s is not success: the answer is invalid (the typing rule of status)',
		async (code) => {
			const error = await failureOf(ok(`{"code":${code},"data":1}`));
			expect(error.message).toBe(
				'Itniotech sent an answer whose status is neither text nor a number instead of a result',
			);
		},
	);

	test('with both styles in one answer, status decides; a task id too long for JavaScript keeps its digits', async () => {
		const ctx = contextAnswering(
			ok('{"status":"0","code":"-1","data":{"jobId":9007199254740993}}'),
		);
		const envelope = await request(ctx, { method: 'GET', path: '/x', itemIndex: 0 });
		expect(envelope).toEqual({ status: '0', code: '-1', data: { jobId: '9007199254740993' } });
	});
});

function networkError(code, message = 'boom') {
	const cause = Object.assign(new Error(message), {
		code,
		config: { headers: { Sign: 'deadbeef' } },
	});
	return Object.assign(new Error(message), { cause });
}

test.each([
	[networkError('ECONNREFUSED'), /connection was refused/],
	[networkError('ENOTFOUND'), /DNS lookup failed/],
	[networkError('ECONNABORTED', 'timeout of 30000ms exceeded'), /did not answer within 30 seconds/],
	[networkError('ECONNRESET'), /closed before an answer arrived/],
	[networkError('EPROTO'), /failed \(EPROTO\)/],
	[
		new Error('The Base URL "ftp://x" in the Itniotech credential is not valid'),
		/Base URL "ftp:\/\/x"/,
	],
])('network failure %#: says which, keeps no request data', async (thrown, message) => {
	const error = await failureOf(thrown);
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(message);
	expect(error.cause).toBeUndefined();
	expect(JSON.stringify(error)).not.toContain('deadbeef');
});

test('every status in the API reference has a meaning and an action', () => {
	for (const status of ['-1', '-2', '-10', '-13', '-16', '-18', '-20', '-21', '-22', '-26']) {
		expect(VENDOR_STATUS[status].meaning.length).toBeGreaterThan(10);
		expect(VENDOR_STATUS[status].action.length).toBeGreaterThan(10);
	}
	const meanings = new Set(Object.values(VENDOR_STATUS).map((s) => s.meaning));
	expect(meanings.size).toBe(Object.keys(VENDOR_STATUS).length);
	expect(describeVendorStatus('-18').transient).toBe(true);
	expect(describeVendorStatus('-1').transient).toBeUndefined();
});

describe('backoff between read retries', () => {
	const highest = () => 1 - Number.EPSILON; // Math.random() < 1
	const lowest = () => 0;

	test('doubles from the base step, with jitter between half and all of the step', () => {
		expect(backoffMs(1, undefined, lowest)).toBe(RETRY_BASE_MS / 2);
		expect(backoffMs(1, undefined, highest)).toBe(RETRY_BASE_MS);
		expect(backoffMs(3, undefined, highest)).toBe(RETRY_BASE_MS * 4);
	});

	test('the step is capped: attempt 9 waits at most MAX_BACKOFF_MS (8 s), not ~100 s', () => {
		expect(MAX_BACKOFF_MS).toBe(8000);
		for (let attempt = 1; attempt <= 30; attempt++) {
			expect(backoffMs(attempt, undefined, highest)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
			expect(backoffMs(attempt, undefined, lowest)).toBeGreaterThanOrEqual(
				Math.min(RETRY_BASE_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS) / 2,
			);
		}
		expect(backoffMs(9, undefined, highest)).toBe(MAX_BACKOFF_MS);
		expect(backoffMs(9, undefined, lowest)).toBe(MAX_BACKOFF_MS / 2);
	});

	test('a Retry-After above the cap is still honoured, up to MAX_RETRY_WAIT_MS', () => {
		expect(backoffMs(9, 30_000, highest)).toBe(30_000);
		expect(backoffMs(2, MAX_RETRY_WAIT_MS, lowest)).toBe(MAX_RETRY_WAIT_MS);
		expect(backoffMs(9, 100, lowest)).toBe(MAX_BACKOFF_MS / 2); // a shorter Retry-After does not undercut the backoff
	});
});

'use strict';
/**
 * Call Record → Get inside n8n-core's WorkflowExecute, against the simulator over real HTTP.
 * The engine stores a node's error as a plain object, so its class is checked by name.
 */
const {
	runNode,
	useSimulator,
	startSimulator,
	md5,
	visibleRunText,
	loggedText,
	ACCOUNT,
	EXAMPLE_RECORD,
	TYPED_EXAMPLE_RECORD,
	getRecordParameters,
} = require('../helpers');

/** One attempt only: these tests are about how each failure is reported (retries: reliability.test.js). */
const once = { maxAttempts: 1 };

const { sim, credentials } = useSimulator();

function expectNoSecrets(result) {
	const text = visibleRunText(result);
	expect(text).not.toContain(ACCOUNT.apiSecret);
	for (const request of sim.requests) {
		if (request.headers.sign) expect(text).not.toContain(request.headers.sign);
	}
}

describe('the example record', () => {
	test('round trip: signed request, every field typed', async () => {
		const result = await runNode({
			parameters: getRecordParameters(EXAMPLE_RECORD.voiceId),
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: TYPED_EXAMPLE_RECORD, pairedItem: { item: 0 } }]);

		expect(sim.requests).toHaveLength(1);
		const [request] = sim.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe(`/voice/recordGroup/${EXAMPLE_RECORD.voiceId}`);
		expect(request.signValid).toBe(true);
		expect(request.headers['api-key']).toBe(ACCOUNT.apiKey);
		expect(request.headers['content-type']).toBe('application/json;charset=UTF-8');
		expect(request.headers.sign).toBe(
			md5(`${ACCOUNT.apiKey}${ACCOUNT.apiSecret}${request.headers.timestamp}`),
		);
		expect(Math.abs(Number(request.headers.timestamp) - Date.now() / 1000)).toBeLessThan(5);
		expectNoSecrets(result);
	});

	test('Simplify gives 10 fields, voiceId and answered among them, typed as in the full record', async () => {
		const result = await runNode({
			parameters: { ...getRecordParameters(EXAMPLE_RECORD.voiceId), simplify: true },
			credentials,
		});
		expect(result.error).toBeUndefined();
		const simple = result.items[0].json;
		expect(Object.keys(simple)).toEqual([
			'voiceId',
			'number',
			'answered',
			'submitTime',
			'answerTime',
			'hangupTime',
			'callDuration',
			'terminationReason',
			'cost',
			'currency',
		]);
		for (const [name, value] of Object.entries(simple))
			expect(value).toEqual(TYPED_EXAMPLE_RECORD[name] ?? null);
		expect(simple.answered).toBe(true);
	});

	test('Simplify off (the default) keeps every field, answered included', async () => {
		const result = await runNode({
			parameters: { ...getRecordParameters(EXAMPLE_RECORD.voiceId), simplify: false },
			credentials,
		});
		expect(result.items[0].json).toEqual(TYPED_EXAMPLE_RECORD);
		expect(Object.keys(result.items[0].json).length).toBeGreaterThan(20);
	});

	test('Return Raw Data gives the vendor data untouched', async () => {
		const result = await runNode({
			parameters: getRecordParameters(EXAMPLE_RECORD.voiceId, { rawData: true }),
			credentials,
		});
		expect(result.items[0].json).toEqual(EXAMPLE_RECORD);
	});

	test('a Base URL with a /v3 prefix and a trailing slash works', async () => {
		const result = await runNode({
			parameters: getRecordParameters(EXAMPLE_RECORD.voiceId),
			credentials: { ...credentials, baseUrl: `${credentials.baseUrl}/v3/` },
		});
		expect(result.error).toBeUndefined();
		expect(sim.requests[0].path).toBe(`/v3/voice/recordGroup/${EXAMPLE_RECORD.voiceId}`);
		expect(result.items[0].json.callDuration).toBe(5);
	});
});

describe('many items', () => {
	test('one record per item, in input order, each with its own pairedItem, via an expression', async () => {
		const ids = Array.from({ length: 30 }, (_, i) => String(1000 + ((i * 37) % 30)));
		const result = await runNode({
			parameters: getRecordParameters('={{ $json.voiceId }}'),
			items: ids.map((voiceId) => ({ json: { voiceId } })),
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(ids.length);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.voiceId).toBe(ids[index]);
			expect(item.json.callDuration).toBe((Number(ids[index]) % 1000) % 120);
		});
		expect(sim.requests.map((r) => r.path)).toEqual(ids.map((id) => `/voice/recordGroup/${id}`));
		expect(sim.requests.every((r) => r.signValid)).toBe(true);
		// Each request carries its own signature for its own timestamp.
		for (const r of sim.requests) {
			expect(r.headers.sign).toBe(
				md5(`${ACCOUNT.apiKey}${ACCOUNT.apiSecret}${r.headers.timestamp}`),
			);
		}
	});

	test('numeric IDs from a sheet and padded IDs are accepted', async () => {
		const result = await runNode({
			parameters: getRecordParameters('={{ $json.id }}'),
			items: [{ json: { id: 2203031113381000 } }, { json: { id: ' 2203031113381000002 ' } }],
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.voiceId)).toEqual([
			'2203031113381000',
			'2203031113381000002',
		]);
	});

	test('a 19-digit ID that arrived as a number (a Google Sheets column) is refused as having lost digits', async () => {
		const result = await runNode({
			parameters: getRecordParameters('={{ $json.voiceId }}'),
			items: [
				{ json: { voiceId: 2203031113381000002 } },
				{ json: { voiceId: '2203031113381000002' } },
			],
			credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.error).toBe(
			'The Voice ID in item 0 lost digits on the way: it arrived as a number too large to hold every digit',
		);
		// What the node got is not what the sheet showed: the last digits were rounded before it arrived.
		expect(result.items[0].json.description).toContain('Got the number 2203031113381000000');
		expect(result.items[0].json.description).toMatch(
			/format the column as text .*Plain text.* or pass the value as a string/,
		);
		expect(result.items[1].json.voiceId).toBe('2203031113381000002');
		expect(sim.requests.map((r) => r.path)).toEqual(['/voice/recordGroup/2203031113381000002']);
	});
});

describe('vendor times', () => {
	test('"no time" spellings become null, times without an offset are read in +08:00, canonical ones stay as sent', async () => {
		const voiceId = '2203031113381000077';
		sim.records.set(voiceId, {
			...EXAMPLE_RECORD,
			voiceId,
			callTime: '0000-00-00 00:00:00',
			ringingTime: 'null',
			answerTime: '0',
			submitTime: '2022-01-18 14:42:40',
			hangupTime: '2022-01-18T14:42:55+08:00',
		});
		const result = await runNode({ parameters: getRecordParameters(voiceId), credentials });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			submitTime: '2022-01-18T14:42:40+08:00',
			callTime: null,
			ringingTime: null,
			answerTime: null,
			hangupTime: '2022-01-18T14:42:55+08:00',
		});
	});
});

describe('bad Voice IDs are refused before any request', () => {
	test.each([[''], ['abc'], ['../x'], ['12 34'], ['1/2'], ['%2e%2e']])('%p', async (voiceId) => {
		const result = await runNode({
			parameters: getRecordParameters('={{ $json.voiceId }}'),
			items: [{ json: { voiceId } }],
			credentials,
		});
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toMatch(
			/^The Voice ID in item 0 (is empty|may contain digits \(0-9\) only)/,
		);
		expect(sim.requests).toHaveLength(0);
	});

	test('with continue-on-fail only the bad item fails and nothing is sent for it', async () => {
		const result = await runNode({
			parameters: getRecordParameters('={{ $json.voiceId }}'),
			items: [
				{ json: { voiceId: '11' } },
				{ json: { voiceId: '../etc' } },
				{ json: { voiceId: '13' } },
			],
			credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem.item)).toEqual([0, 1, 2]);
		expect(result.items[0].json.voiceId).toBe('11');
		expect(result.items[1].json.error).toMatch(/The Voice ID in item 1 may contain digits/);
		expect(result.items[1].json.description).toMatch(/"\.\.\/etc"/);
		expect(result.items[2].json.voiceId).toBe('13');
		expect(sim.requests.map((r) => r.path)).toEqual([
			'/voice/recordGroup/11',
			'/voice/recordGroup/13',
		]);
	});
});

describe('vendor failures', () => {
	test('wrong secret: -1 with what to do, and neither secret nor Sign in the error or the logs', async () => {
		const result = await runNode({
			parameters: getRecordParameters(EXAMPLE_RECORD.voiceId),
			credentials: { ...credentials, apiSecret: 'wrong-secret-value' },
		});
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.message).toBe(
			'Itniotech error -1: Authentication failed: the API key or API secret is wrong',
		);
		expect(result.error.description).toMatch(/paste the API Key and API Secret again/);
		expect(sim.requests[0].signValid).toBe(false);
		expect(visibleRunText(result)).not.toContain('wrong-secret-value');
		expectNoSecrets(result);
		const logs = loggedText();
		expect(logs).toMatch(/Itniotech error -1/); // the engine did log the failure...
		expect(logs).not.toContain('wrong-secret-value'); // ...without the secret
		expect(logs).not.toContain(sim.requests[0].headers.sign);
	});

	test("-2: this host's IP is not allowed", async () => {
		sim.blockedKeys.add(ACCOUNT.apiKey);
		const result = await runNode({ parameters: getRecordParameters('1'), credentials });
		expect(result.error.message).toMatch(/^Itniotech error -2: .*IP allow-list/);
		expect(result.error.httpCode).toBe('-2');
	});

	test('-16: a clock 31 minutes off is measured from the Date header and corrected once', async () => {
		sim.now = () => Date.now() + 31 * 60 * 1000;
		const result = await runNode({ parameters: getRecordParameters('1', once), credentials });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.voiceId).toBe('1');
		expect(sim.requests.map((r) => r.answeredStatus)).toEqual(['-16', '0']);
		const corrected = Number(sim.requests[1].headers.timestamp) - Date.now() / 1000;
		expect(corrected).toBeGreaterThan(30 * 60 - 5);
		expect(corrected).toBeLessThan(31 * 60 + 5);

		// The offset is remembered for this Base URL: the next run is right the first time.
		const next = await runNode({ parameters: getRecordParameters('2', once), credentials });
		expect(next.error).toBeUndefined();
		expect(sim.requests.map((r) => r.answeredStatus)).toEqual(['-16', '0', '0']);
	});

	test('-16 that persists after the correction says to fix the clock and shows the offset', async () => {
		sim.now = () => Date.now() + 45 * 60 * 1000;
		sim.inject({ kind: 'status', status: '-16', times: 2 });
		const result = await runNode({ parameters: getRecordParameters('1'), credentials });
		expect(result.error.message).toMatch(
			/^Itniotech error -16: Timestamp expired: this machine's clock is off/,
		);
		expect(result.error.description).toMatch(/about 45 minutes behind Itniotech's clock/);
		expect(result.error.description).toMatch(/NTP/);
		expect(sim.requests).toHaveLength(2);
	});

	test('a clock 29 minutes off is still inside the vendor window', async () => {
		sim.now = () => Date.now() - 29 * 60 * 1000;
		const result = await runNode({ parameters: getRecordParameters('1'), credentials });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.voiceId).toBe('1');
	});

	test.each([
		['-18', /temporary system error/, /Try again in a few minutes/],
		['-22', /rejected a parameter/, /last two months/],
	])('%s is explained', async (status, message, advice) => {
		sim.inject({ kind: 'status', status });
		const result = await runNode({ parameters: getRecordParameters('1', once), credentials });
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.message).toMatch(new RegExp(`^Itniotech error ${status}: `));
		expect(result.error.message).toMatch(message);
		expect(result.error.description).toMatch(advice);
		expect(sim.requests).toHaveLength(1);
	});
});

describe('transport failures', () => {
	test('HTTP 502 with an HTML page', async () => {
		sim.inject({ kind: 'html' });
		const result = await runNode({ parameters: getRecordParameters('1', once), credentials });
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.message).toBe(
			'Itniotech answered with HTTP 502 and an HTML page instead of a result',
		);
		expect(result.error.httpCode).toBe('502');
	});

	test('malformed JSON', async () => {
		sim.inject({ kind: 'malformed' });
		const result = await runNode({ parameters: getRecordParameters('1', once), credentials });
		expect(result.error.message).toBe(
			'Itniotech sent an answer that is not valid JSON instead of a result',
		);
		expect(result.error.description).toMatch(/The answer began with: \{"status":"0"/);
	});

	test('a timeout says how long it waited', async () => {
		sim.inject({ kind: 'hang' });
		const result = await runNode({
			parameters: getRecordParameters('1', { timeoutSeconds: 1, ...once }),
			credentials,
		});
		expect(result.error.message).toBe('Itniotech did not answer within 1 seconds (timeout)');
	});

	test('a connection reset', async () => {
		sim.inject({ kind: 'reset' });
		const result = await runNode({ parameters: getRecordParameters('1', once), credentials });
		expect(result.error.message).toMatch(/closed before an answer arrived|socket hang up/);
	});

	test('a refused connection', async () => {
		const closed = await startSimulator();
		const { baseUrl } = closed;
		await closed.stop();
		const result = await runNode({
			parameters: getRecordParameters('1', once),
			credentials: { ...credentials, baseUrl },
		});
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.message).toBe('Could not connect to Itniotech: the connection was refused');
		expect(result.error.description).toMatch(/Check the Base URL/);
	});

	test('a Base URL that is not http(s) fails before anything is sent', async () => {
		const result = await runNode({
			parameters: getRecordParameters('1'),
			credentials: { ...credentials, baseUrl: 'ftp://127.0.0.1' },
		});
		expect(result.error.message).toMatch(
			/The Base URL "ftp:\/\/127.0.0.1" in the Itniotech credential is not valid/,
		);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('continue on fail', () => {
	test('a failing item yields an error item; its neighbours keep their records', async () => {
		sim.inject({ kind: 'status', status: '-18', path: '/voice/recordGroup/22' });
		const result = await runNode({
			parameters: getRecordParameters('={{ $json.voiceId }}', once),
			items: ['21', '22', '23'].map((voiceId) => ({ json: { voiceId } })),
			credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.voiceId).toBe('21');
		expect(result.items[1]).toEqual({
			json: {
				error: 'Itniotech error -18: Itniotech had a temporary system error',
				description: expect.stringMatching(/Try again in a few minutes/),
				code: '-18',
			},
			pairedItem: { item: 1 },
		});
		expect(result.items[2].json.voiceId).toBe('23');
		expectNoSecrets(result);
	});

	test('without continue-on-fail the run stops at the failing item', async () => {
		sim.inject({ kind: 'html', path: '/voice/recordGroup/22' });
		const result = await runNode({
			parameters: getRecordParameters('={{ $json.voiceId }}', { ...once, concurrency: 1 }),
			items: ['21', '22', '23'].map((voiceId) => ({ json: { voiceId } })),
			credentials,
		});
		expect(result.error.message).toMatch(/HTTP 502/);
		expect(result.error.context.itemIndex).toBe(1);
		expect(sim.requests.map((r) => r.path)).toEqual([
			'/voice/recordGroup/21',
			'/voice/recordGroup/22',
		]);
	});
});

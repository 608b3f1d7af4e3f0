'use strict';
/**
 * Every brand end to end inside WorkflowExecute: the credential's Platform (and, for other brands, Path Layout)
 * decides the paths every operation uses and the limits it keeps. The simulator serves each layout strictly
 * (Itniotech /sms/<op> and /voice/<op>; Onbuka /v3/<op> and /v3/voice/<op>; anything else 404).
 */
const {
	runNode,
	useSimulator,
	EXAMPLE_RECORD,
	getRecordParameters,
	DAY,
	vendorTime: isoWithOffset,
} = require('../helpers');

// Sends read the App ID from the credential's Voice App ID.
const { sim, credentials } = useSimulator({ credentials: { voiceAppId: 'app-1' } });

/** name, credential fields (on top of key and secret), the prefix the layout puts before /voice, the balance path, callees per request, max loop count. */
const BRANDS = [
	['Itniotech', (url) => ({ platform: 'itniotech', baseUrl: url }), '', '/sms/getBalance', 200, 9],
	[
		'Onbuka',
		(url) => ({ platform: 'onbuka', baseUrl: `${url}/v3` }),
		'/v3',
		'/v3/getBalance',
		1000,
		3,
	],
	[
		'another brand of the platform',
		(url) => ({ platform: 'other', baseUrl: url, pathLayout: 'itniotech' }),
		'',
		'/sms/getBalance',
		200,
		3,
	],
	[
		'another brand of the platform',
		(url) => ({ platform: 'other', baseUrl: `${url}/v3/`, pathLayout: 'onbuka' }),
		'/v3',
		'/v3/getBalance',
		200,
		3,
	],
];

const numbers = (n) => Array.from({ length: n }, (_, i) => `4477009${String(i).padStart(5, '0')}`);

describe.each(BRANDS)('%s (%#)', (name, fields, voicePrefix, balancePath, perRequest, maxLoops) => {
	let brand;
	beforeEach(() => {
		brand = { ...credentials, ...fields(credentials.baseUrl) };
	});

	test(`Get Balance reads ${balancePath}`, async () => {
		const result = await runNode({
			parameters: { resource: 'account', operation: 'getBalance' },
			credentials: brand,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ balance: 125.5, gift: 0, credit: 10 }]);
		expect(sim.requests.map((r) => [r.path, r.answeredStatus])).toEqual([[balancePath, '0']]);
	});

	test(`Call Record → Get reads ${voicePrefix}/voice/recordGroup/{id}`, async () => {
		const result = await runNode({
			parameters: getRecordParameters(EXAMPLE_RECORD.voiceId),
			credentials: brand,
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.voiceId).toBe(EXAMPLE_RECORD.voiceId);
		expect(result.items[0].json.callDuration).toBe(5);
		expect(sim.requests.map((r) => r.path)).toEqual([
			`${voicePrefix}/voice/recordGroup/${EXAMPLE_RECORD.voiceId}`,
		]);
	});

	test(`Send Audio File sends 1,200 numbers in chunks of ${perRequest}`, async () => {
		const list = numbers(1200);
		const result = await runNode({
			parameters: {
				resource: 'call',
				operation: 'sendGroup',
				callees: list.join(','),
				fileId: 'file-1.mp3',
				additionalFields: {},
				options: {},
			},
			credentials: brand,
		});
		expect(result.error).toBeUndefined();
		const expected = [];
		for (let left = list.length; left > 0; left -= perRequest)
			expected.push(Math.min(perRequest, left));
		expect(sim.sent.map((s) => s.callees.length)).toEqual(expected);
		expect(sim.sent.flatMap((s) => s.callees)).toEqual(list);
		expect(new Set(sim.requests.map((r) => r.path))).toEqual(
			new Set([`${voicePrefix}/voice/sendGroup`]),
		);
		expect(result.items).toHaveLength(1200);
	});

	test(`Call Record → Get Many queries ${voicePrefix}/voice/recordGroupQuery`, async () => {
		const now = Date.now();
		sim.groupHistory = [3, 2, 1].map((daysAgo, i) => ({
			...EXAMPLE_RECORD,
			voiceId: String(7000 + i),
			submitTime: isoWithOffset(now - daysAgo * DAY),
		}));
		const result = await runNode({
			parameters: {
				resource: 'callRecord',
				operation: 'searchGroupRecords',
				from: new Date(now - 5 * DAY).toISOString(),
				to: new Date(now).toISOString(),
				returnAll: true,
				options: {},
			},
			credentials: brand,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.voiceId).sort()).toEqual(['7000', '7001', '7002']);
		expect(sim.requests.map((r) => [r.path, r.answeredStatus])).toEqual([
			[`${voicePrefix}/voice/recordGroupQuery`, '0'],
		]);
	});

	const tts = (loopCount) => ({
		resource: 'call',
		operation: 'sendTts',
		callee: '6281234567890',
		language: 'EN',
		text: 'Your code is 1 2 3 4',
		additionalFields: { loopCount },
		options: {},
	});

	test(`Send Text to Speech accepts Times to Play of ${maxLoops} and sends it to ${voicePrefix}/voice/sendCode`, async () => {
		const result = await runNode({ parameters: tts(maxLoops), credentials: brand });
		expect(result.error).toBeUndefined();
		expect(sim.sent.map((s) => s.body.loopCount)).toEqual([maxLoops]);
		expect(sim.requests.map((r) => r.path)).toEqual([`${voicePrefix}/voice/sendCode`]);
	});

	test(`Times to Play of ${maxLoops + 1} is refused before any request, naming ${name}`, async () => {
		const result = await runNode({ parameters: tts(maxLoops + 1), credentials: brand });
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toBe(
			`The Times to Play in item 0 must be a whole number from 1 to ${maxLoops} on ${name}`,
		);
		expect(result.error.description).toMatch(/Platform/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('the simulator serves each layout strictly, and the node says what to check', () => {
	test('an Onbuka address with Platform Itniotech: /v3/sms/getBalance is 404, the advice names Base URL and Platform', async () => {
		const result = await runNode({
			parameters: { resource: 'account', operation: 'getBalance', options: { maxAttempts: 1 } },
			credentials: { ...credentials, platform: 'itniotech', baseUrl: `${credentials.baseUrl}/v3` },
		});
		expect(sim.requests.map((r) => r.path)).toEqual(['/v3/sms/getBalance']);
		expect(result.error.message).toMatch(/HTTP 404/);
		expect(result.error.description).toMatch(/check the Base URL and the Platform/);
	});

	test('an Onbuka layout without /v3 does not reach the Itniotech paths either', async () => {
		const result = await runNode({
			parameters: { resource: 'account', operation: 'getBalance', options: { maxAttempts: 1 } },
			credentials: {
				...credentials,
				platform: 'other',
				pathLayout: 'onbuka',
				baseUrl: credentials.baseUrl,
			},
		});
		expect(sim.requests.map((r) => r.path)).toEqual(['/getBalance']);
		expect(result.error.message).toMatch(/HTTP 404/);
	});

	test('Other Brand without a Base URL fails before anything is sent, saying what to enter', async () => {
		const result = await runNode({
			parameters: { resource: 'account', operation: 'getBalance' },
			credentials: { ...credentials, platform: 'other', pathLayout: 'onbuka', baseUrl: '' },
		});
		expect(result.error.message).toMatch(/Base URL in the Itniotech credential is empty/);
		expect(sim.requests).toHaveLength(0);
	});
});

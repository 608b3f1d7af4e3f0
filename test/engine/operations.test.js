'use strict';
/** The rest of the Voice API inside WorkflowExecute, against the simulator. */
const {
	runNode,
	useSimulator,
	EXAMPLE_RECORD,
	DAY,
	vendorTime: isoWithOffset,
	searchRecordsParameters: search,
} = require('../helpers');

const { sim, credentials } = useSimulator();

/** n records, one every `spacingMs`, the newest `newestAgoMs` before now. */
function history(n, spacingMs, newestAgoMs, extra = {}) {
	const now = Date.now();
	return Array.from({ length: n }, (_, i) => ({
		...EXAMPLE_RECORD,
		voiceId: String(5000 + i),
		submitTime: isoWithOffset(now - newestAgoMs - (n - 1 - i) * spacingMs),
		callDuration: String(i % 60),
		cost: String(i / 10),
		...extra,
	}));
}

describe('Account → Get Balance', () => {
	test('balance, gift and credit as numbers', async () => {
		const result = await runNode({
			parameters: { resource: 'account', operation: 'getBalance' },
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { balance: 125.5, gift: 0, credit: 10 }, pairedItem: { item: 0 } },
		]);
	});
});

/** The test account with its Voice App ID in the credential, where sends read it from. */
const withAppId = (voiceAppId = 'app-1') => ({ ...credentials, voiceAppId });

describe('Call Record → Get Many', () => {
	test('a 50-day range is split into ≤31-day queries, every page read, records typed and oldest first', async () => {
		sim.groupHistory = history(260, 4 * 3600 * 1000, DAY); // ~43 days of records
		const now = Date.now();
		const result = await runNode({
			parameters: search(new Date(now - 50 * DAY).toISOString(), new Date(now).toISOString()),
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(260);
		const times = result.items.map((i) => Date.parse(i.json.submitTime));
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		expect(result.items[0].json.voiceId).toBe('5000');
		expect(typeof result.items[3].json.callDuration).toBe('number');
		expect(result.items.every((i) => i.pairedItem.item === 0)).toBe(true);

		const windows = sim.requests.filter((r) => r.window).map((r) => r.window.map(Date.parse));
		expect(windows.length).toBeGreaterThanOrEqual(4); // 2 windows, several pages each
		for (const [from, to] of windows) expect(to - from).toBeLessThanOrEqual(31 * DAY);
		expect(sim.requests.every((r) => r.answeredStatus === '0')).toBe(true);
	});

	test('Limit stops early and keeps time order', async () => {
		sim.groupHistory = history(300, 3600 * 1000, DAY);
		const now = Date.now();
		const result = await runNode({
			parameters: search(new Date(now - 20 * DAY).toISOString(), new Date(now).toISOString(), {
				returnAll: false,
				limit: 7,
			}),
			credentials,
		});
		expect(result.items).toHaveLength(7);
		const times = result.items.map((i) => Date.parse(i.json.submitTime));
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		expect(sim.requests).toHaveLength(1);
	});

	test('a range older than two months names the earliest allowed date, before any request', async () => {
		const now = Date.now();
		const result = await runNode({
			parameters: search(new Date(now - 70 * DAY).toISOString(), new Date(now).toISOString()),
			credentials,
		});
		expect(result.error.message).toMatch(/The From date in item 0 is more than two months ago/);
		expect(result.error.description).toMatch(
			/The earliest date you can search from now is \d{4}-\d{2}-\d{2}T/,
		);
		expect(sim.requests).toHaveLength(0);
	});

	test('From after To is refused', async () => {
		const now = Date.now();
		const result = await runNode({
			parameters: search(new Date(now - DAY).toISOString(), new Date(now - 2 * DAY).toISOString()),
			credentials,
		});
		expect(result.error.message).toBe('The From date in item 0 must be before the To date');
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Call → Send Text to Speech', () => {
	const tts = (extra = {}) => ({
		resource: 'call',
		operation: 'sendTts',
		callee: '+62 812-3456-7890',
		language: 'EN',
		text: 'Your code is 1 2 3 4',
		additionalFields: {},
		options: {},
		...extra,
	});

	test('sends once and returns the voiceId with the number', async () => {
		const result = await runNode({
			parameters: tts({ additionalFields: { loopCount: 2, speakingRate: 1.5, ssmlGender: 1 } }),
			credentials: withAppId(),
		});
		expect(result.error).toBeUndefined();
		expect(sim.sent).toHaveLength(1);
		expect(sim.sent[0].body).toEqual({
			callee: '6281234567890',
			language: 'EN',
			text: 'Your code is 1 2 3 4',
			appId: 'app-1',
			loopCount: 2,
			speakingRate: 1.5,
			ssmlGender: 1,
		});
		expect(result.items[0].json).toEqual({ voiceId: sim.sent[0].voiceId, number: '6281234567890' });
	});

	test.each([
		[{ callee: '12345' }, /The Phone Number in item 0 must be a phone number of 7 to 15 digits/],
		[{ text: '={{ "   " }}' }, /The Text in item 0 must be text of 1 to 1000 characters/],
		[{ text: 'x'.repeat(1001) }, /The Text in item 0 must be text of 1 to 1000 characters/],
		[
			{ options: { appId: 'x'.repeat(65) } },
			/The App ID option in item 0 must be text of 1 to 64 characters/,
		],
		[
			{ additionalFields: { loopCount: 10 } },
			/The Times to Play in item 0 must be a whole number from 1 to 9/,
		],
		[
			{ additionalFields: { maxRingingTime: 10 } },
			/The Max Ringing Time in item 0 must be a whole number from 20 to 120/,
		],
		[
			{ additionalFields: { speakingRate: 5 } },
			/The Speaking Rate in item 0 must be a number from 0.25 to 4/,
		],
		[{ additionalFields: { displayNum: 'abc' } }, /The Caller ID in item 0/],
		[{ additionalFields: { calledInfo: 'x'.repeat(1001) } }, /The Custom Data in item 0/],
	])('bad input %p is refused before sending', async (change, message) => {
		const result = await runNode({ parameters: tts(change), credentials: withAppId() });
		expect(result.error.name).toBe('NodeOperationError');
		expect(result.error.message).toMatch(message);
		expect(sim.requests).toHaveLength(0);
	});

	test('a timeout is not retried and says the call may have been placed', async () => {
		sim.inject({ kind: 'hang', path: '/voice/sendCode' });
		const result = await runNode({
			parameters: tts({ options: { timeoutSeconds: 1 } }),
			credentials: withAppId(),
		});
		expect(result.error.message).toMatch(
			/did not answer within 1 seconds .*may have reached Itniotech/,
		);
		expect(result.error.description).toMatch(/Call Record → Get Many/);
		expect(sim.requests).toHaveLength(1);
	});

	test('-10 (balance) and -26 (no rate) get their own advice', async () => {
		sim.inject({ kind: 'status', status: '-10' });
		const low = await runNode({ parameters: tts(), credentials: withAppId() });
		expect(low.error.message).toMatch(/^Itniotech error -10: The account balance is too low/);
		expect(low.error.description).toMatch(/Top up/);
		sim.inject({ kind: 'status', status: '-26' });
		const rate = await runNode({ parameters: tts(), credentials: withAppId() });
		expect(rate.error.message).toMatch(/^Itniotech error -26: .*no rate/);
	});
});

describe('Call → Send Audio File', () => {
	const group = (callees, extra = {}) => ({
		resource: 'call',
		operation: 'sendGroup',
		callees,
		fileId: 'file-1.mp3',
		additionalFields: {},
		options: {},
		...extra,
	});
	const numbers = (n) =>
		Array.from({ length: n }, (_, i) => `4477009${String(i).padStart(5, '0')}`);

	test('450 numbers (with duplicates) go out in chunks of 200, 200 and 50; one item per number', async () => {
		const list = numbers(450);
		const text = [...list, list[0], list[1]].join(',\n');
		const result = await runNode({ parameters: group(text), credentials: withAppId() });
		expect(result.error).toBeUndefined();
		expect(sim.sent.map((s) => s.callees.length)).toEqual([200, 200, 50]);
		expect(sim.sent.flatMap((s) => s.callees)).toEqual(list);
		expect(result.items).toHaveLength(450);
		expect(result.items.map((i) => i.json.number)).toEqual(list);
		expect(
			result.items.every((i) => i.json.submitted === true && /^\d+$/.test(i.json.voiceId)),
		).toBe(true);
	});

	test('a list from an expression works too', async () => {
		const result = await runNode({
			parameters: group('={{ $json.numbers }}'),
			items: [{ json: { numbers: ['6281234567890', '919876543210'] } }],
			credentials: withAppId(),
		});
		expect(result.items.map((i) => i.json.number)).toEqual(['6281234567890', '919876543210']);
	});

	test('when a later chunk fails, the error keeps every placed number with its voiceId and lists the rest to send again; nothing is re-sent', async () => {
		// The first chunk goes through, the second is refused.
		sim.inject({ kind: 'status', status: '-18', path: '/voice/sendGroup', after: 1 });
		const list = numbers(300);
		const result = await runNode({ parameters: group(list.join(',')), credentials: withAppId() });
		expect(result.error.message).toMatch(/^Itniotech error -18/);
		expect(sim.sent).toHaveLength(1);
		expect(sim.requests.filter((r) => r.path === '/voice/sendGroup')).toHaveLength(2);
		const { callees, voiceIds } = sim.sent[0];
		const { calls } = result.error.context;
		expect(calls.placed).toEqual(
			callees.map((callee, i) => ({ item: 0, number: callee, voiceId: voiceIds[i] })),
		);
		expect(calls.notPlaced.map((entry) => entry.number)).toEqual(list.slice(200));
		expect(calls.unknown).toEqual([]);
		const description = result.error.description;
		expect(description).toContain(
			`Placed — do not send these again: item 0: ${list[0]} → ${voiceIds[0]}, `,
		);
		expect(description).toContain(`${list[199]} → ${voiceIds[199]}.`);
		expect(description).toContain(`Not placed — send only these again: item 0: ${list[200]}, `);
		expect(description).not.toMatch(/Outcome unknown/);
	});

	test('a bad number anywhere stops the whole item before sending', async () => {
		const result = await runNode({
			parameters: group(`${numbers(3).join(',')},12ab`),
			credentials: withAppId(),
		});
		expect(result.error.message).toMatch(/The Phone Numbers in item 0 must be a phone number/);
		expect(result.error.description).toMatch(/"12ab"/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Audio File', () => {
	const audio = Buffer.from('ID3 fake mp3 bytes');
	const binaryItem = (fileName = 'greeting.mp3') => ({
		json: {},
		binary: { data: { data: audio.toString('base64'), mimeType: 'audio/mpeg', fileName } },
	});
	const upload = (fileName = '') => ({
		resource: 'audioFile',
		operation: 'upload',
		binaryPropertyName: 'data',
		fileName,
		options: {},
	});

	test('upload sends the bytes as base64 and returns the fileId; a taken name gets -20 advice', async () => {
		const first = await runNode({ parameters: upload(), items: [binaryItem()], credentials });
		expect(first.error).toBeUndefined();
		expect(sim.sent[0].bytes.equals(audio)).toBe(true);
		expect(first.items[0].json).toEqual({
			fileId: expect.stringMatching(/\.mp3$/),
			fileName: 'greeting.mp3',
		});

		const again = await runNode({ parameters: upload(), items: [binaryItem()], credentials });
		expect(again.error.message).toMatch(/^Itniotech error -20:/);
		expect(again.error.description).toMatch(/different, unique name \(audio file name/);

		const list = await runNode({
			parameters: { resource: 'audioFile', operation: 'list', returnAll: true, options: {} },
			credentials,
		});
		expect(list.items.map((i) => i.json)).toEqual([first.items[0].json]);
	});

	test.each([['.mp3'], ['greeting.ogg'], [`${'x'.repeat(30)}.mp3`], ['../x/evil.mp3']])(
		'file name %p is refused before upload',
		async (fileName) => {
			const result = await runNode({
				parameters: upload(fileName),
				items: [binaryItem()],
				credentials,
			});
			expect(result.error.message).toMatch(/^The File Name in item 0 /);
			expect(sim.requests).toHaveLength(0);
		},
	);
});

describe('SIP Call Record', () => {
	test('get and search type the SIP fields too', async () => {
		sim.sipHistory = history(3, 3600 * 1000, DAY, {
			sipGroupName: 'Support',
			phoneName: 'desk-1',
			recordingFileId: '',
		});
		const got = await runNode({
			parameters: { resource: 'sipRecord', operation: 'get', voiceId: '5001', options: {} },
			credentials,
		});
		expect(got.error).toBeUndefined();
		expect(got.items[0].json).toMatchObject({
			voiceId: '5001',
			sipGroupName: 'Support',
			phoneName: 'desk-1',
			recordingFileId: null,
			callDuration: 1,
		});

		const now = Date.now();
		const found = await runNode({
			parameters: {
				resource: 'sipRecord',
				operation: 'search',
				from: new Date(now - 5 * DAY).toISOString(),
				to: new Date(now).toISOString(),
				returnAll: true,
				options: {},
			},
			credentials,
		});
		expect(found.items.map((i) => i.json.voiceId)).toEqual(['5000', '5001', '5002']);
		expect(found.items[2].json.cost).toBe(0.2);
	});

	test('Simplify on Get and Get Many: the SIP phone name, answered, at most 10 fields', async () => {
		sim.sipHistory = history(3, 3600 * 1000, DAY, { phoneName: 'desk-1' });
		const got = await runNode({
			parameters: {
				resource: 'sipRecord',
				operation: 'get',
				voiceId: '5001',
				simplify: true,
				options: {},
			},
			credentials,
		});
		expect(got.error).toBeUndefined();
		const simple = got.items[0].json;
		expect(Object.keys(simple).length).toBeLessThanOrEqual(10);
		expect(simple).toMatchObject({ voiceId: '5001', phoneName: 'desk-1', callDuration: 1 });
		expect(typeof simple.answered).toBe('boolean');
		expect(simple).not.toHaveProperty('sipGroupName');

		sim.groupHistory = history(3, 3600 * 1000, DAY);
		const now = Date.now();
		const found = await runNode({
			parameters: {
				resource: 'callRecord',
				operation: 'searchGroupRecords',
				from: new Date(now - 5 * DAY).toISOString(),
				to: new Date(now).toISOString(),
				returnAll: true,
				simplify: true,
				options: {},
			},
			credentials,
		});
		expect(found.error).toBeUndefined();
		expect(found.items).toHaveLength(3);
		for (const item of found.items) {
			expect(Object.keys(item.json)).toHaveLength(10);
			expect(typeof item.json.answered).toBe('boolean');
		}
	});
});

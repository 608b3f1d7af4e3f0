'use strict';
/**
 * Property-based: for every validated parameter, random and hostile values (path traversal, unicode,
 * control characters, huge strings, out-of-range and wrong-typed numbers) either pass validation and
 * reach the request in an allowed form, or are refused with a NodeOperationError naming the field —
 * before any request, and never with any other kind of error.
 */
const fc = require('fast-check');
const { NodeOperationError } = require('n8n-workflow');

const { createRun } = require('../../dist/nodes/Itniotech/api/transport/run.js');
const { fakeContext, vendorAnswer } = require('../helpers');
const op = (path) => require(`../../dist/nodes/Itniotech/Voice/actions/${path}.operation.js`);

function set(object, path, value) {
	const copy = structuredClone(object);
	const keys = path.split('.');
	let target = copy;
	for (const key of keys.slice(0, -1)) target = target[key];
	target[keys[keys.length - 1]] = value;
	return copy;
}

/** A minimal IExecuteFunctions: parameters from a plain object, requests recorded and answered with success. */
function context(parameters) {
	const requests = [];
	const answer = (options) => {
		requests.push(options);
		const callee = options.body?.callee;
		const data = options.url.endsWith('/sendGroup')
			? String(callee)
					.split(',')
					.map((c, i) => ({ voiceId: String(i + 1), callee: c, terminationCode: '0' }))
			: options.method === 'POST' && options.url.endsWith('Query')
				? { records: [], pages: 1 }
				: { voiceId: '1' };
		return vendorAnswer(data);
	};
	const ctx = fakeContext({
		parameters,
		credentials: { baseUrl: 'https://api.itniotech.com', voiceAppId: 'cred-app' },
		answer,
		helpers: {
			assertBinaryData: () => ({ fileName: 'binary.mp3', mimeType: 'audio/mpeg', data: '' }),
			getBinaryDataBuffer: async () => Buffer.from('abc'),
		},
	});
	return Object.assign(ctx, { requests });
}

const hostile = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.fullUnicodeString({ maxLength: 40 }),
	fc.constantFrom(
		'',
		' ',
		'../x',
		'..%2F..%2Fetc',
		'%00',
		'\u0000',
		'\n\r\t',
		'<script>',
		'1 2',
		'１２３',
		'+',
		'-1',
		'1e3',
		'NaN',
		'Infinity',
		'0x10',
		'9'.repeat(100),
	),
	fc.integer(),
	fc.double(),
	fc.constantFrom(null, undefined, true, false, -0, Number.MAX_SAFE_INTEGER, 1e308),
	fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
	fc.constant('x'.repeat(100_000)),
	fc.stringOf(fc.constantFrom('0', '1', '9', ' ', '+', '-'), { maxLength: 20 }),
);

const tts = {
	callee: '6281234567890',
	language: 'EN',
	text: 'hello',
	additionalFields: {},
	options: {},
};
const now = Date.now();
const search = {
	from: new Date(now - 2 * 86400000).toISOString(),
	to: new Date(now).toISOString(),
	returnAll: false,
	limit: 5,
	options: {},
};

const digits = (min, max) => (v) =>
	typeof v === 'string' && new RegExp(`^\\d{${min},${max}}$`).test(v);
const intIn = (min, max) => (v) => Number.isInteger(v) && v >= min && v <= max;

// [operation, base parameters, parameter path, field name in messages, check on what was sent (or undefined)]
const CASES = [
	[
		'callRecord/getGroupRecord',
		{ options: {} },
		'voiceId',
		'Voice ID',
		(r) => /^\/voice\/recordGroup\/\d{1,64}$/.test(r.url),
	],
	[
		'sipRecord/get',
		{ options: {} },
		'voiceId',
		'Voice ID',
		(r) => /^\/voice\/recordSip\/\d{1,64}$/.test(r.url),
	],
	[
		'callRecord/getGroupRecord',
		{ voiceId: '1', options: {} },
		'options.timeoutSeconds',
		'Timeout',
		(r) => r.timeout >= 1000 && r.timeout <= 600000,
	],
	[
		'callRecord/getGroupRecord',
		{ voiceId: '1', options: {} },
		'options.maxAttempts',
		'Max Attempts',
		() => true,
	],
	['call/sendTts', tts, 'callee', 'Phone Number', (r) => digits(7, 15)(r.body.callee)],
	[
		'call/sendTts',
		tts,
		'text',
		'Text',
		(r) => r.body.text.length >= 1 && r.body.text.length <= 1000,
	],
	// Options → App ID; when it is left empty the credential's Voice App ID is sent.
	[
		'call/sendTts',
		tts,
		'options.appId',
		'App ID',
		(r) => r.body.appId.length >= 1 && r.body.appId.length <= 64,
	],
	['call/sendTts', tts, 'language', 'Language', (r) => /^[A-Z]{2,5}$/.test(r.body.language)],
	[
		'call/sendTts',
		tts,
		'additionalFields.displayNum',
		'Caller ID',
		(r) => r.body.displayNum === undefined || digits(7, 15)(r.body.displayNum),
	],
	[
		'call/sendTts',
		tts,
		'additionalFields.loopCount',
		'Times to Play',
		(r) => r.body.loopCount === undefined || intIn(1, 9)(r.body.loopCount),
	],
	[
		'call/sendTts',
		tts,
		'additionalFields.recallCount',
		'Recall Count',
		(r) => r.body.recallCount === undefined || intIn(0, 9)(r.body.recallCount),
	],
	[
		'call/sendTts',
		tts,
		'additionalFields.recallInterval',
		'Recall Interval',
		(r) => r.body.recallInterval === undefined || intIn(1, 999)(r.body.recallInterval),
	],
	[
		'call/sendTts',
		tts,
		'additionalFields.maxDuration',
		'Max Duration',
		(r) => r.body.maxDuration === undefined || intIn(1, 120)(r.body.maxDuration),
	],
	[
		'call/sendTts',
		tts,
		'additionalFields.maxRingingTime',
		'Max Ringing Time',
		(r) => r.body.maxRingingTime === undefined || intIn(20, 120)(r.body.maxRingingTime),
	],
	[
		'call/sendTts',
		tts,
		'additionalFields.speakingRate',
		'Speaking Rate',
		(r) =>
			r.body.speakingRate === undefined ||
			(r.body.speakingRate >= 0.25 && r.body.speakingRate <= 4),
	],
	[
		'call/sendTts',
		tts,
		'additionalFields.ssmlGender',
		'Voice Gender',
		(r) => r.body.ssmlGender === undefined || [1, 2].includes(r.body.ssmlGender),
	],
	[
		'call/sendTts',
		tts,
		'additionalFields.accent',
		'Accent',
		(r) => r.body.accent === undefined || r.body.accent.length <= 16,
	],
	[
		'call/sendTts',
		tts,
		'additionalFields.calledInfo',
		'Custom Data',
		(r) => r.body.calledInfo === undefined || r.body.calledInfo.length <= 1000,
	],
	[
		'call/sendGroup',
		{ callees: '6281234567890', fileId: 'f.mp3', additionalFields: {}, options: {} },
		'callees',
		'Phone Numbers',
		(r) => r.body.callee.split(',').every(digits(7, 15)),
	],
	[
		'call/sendGroup',
		{ callees: '6281234567890', fileId: 'f.mp3', additionalFields: {}, options: {} },
		'fileId',
		'Audio File',
		(r) => r.body.fileId.length >= 1 && r.body.fileId.length <= 128,
	],
	[
		'call/sendGroup',
		{
			callees: '6281234567890',
			fileId: { __rl: true, mode: 'id', value: 'f.mp3' },
			additionalFields: {},
			options: {},
		},
		'fileId.value',
		'Audio File',
		(r) => r.body.fileId.length >= 1 && r.body.fileId.length <= 128,
	],
	[
		'audioFile/upload',
		{ binaryPropertyName: 'data', fileName: 'hello.mp3', options: {} },
		'fileName',
		'File Name',
		(r) =>
			/^[^\\/\u0000-\u001f]{1,28}\.(mp3|m4a|wav)$/i.test(r.body.fileName) &&
			r.body.fileName.length >= 5,
	],
	['callRecord/searchGroupRecords', search, 'from', 'From', () => true],
	['callRecord/searchGroupRecords', search, 'to', 'To', () => true],
	['callRecord/searchGroupRecords', search, 'limit', 'Limit', () => true],
];

describe.each(CASES)('%s: %s', (operation, base, path, field, sentIsAllowed) => {
	const { readInput, execute } = op(operation);
	test(`hostile values for ${field} are refused before sending, or sent in an allowed form`, async () => {
		await fc.assert(
			fc.asyncProperty(hostile, async (value) => {
				const ctx = context(set(base, path, value));
				let error;
				try {
					const run = createRun(ctx);
					await execute.call(ctx, await readInput.call(ctx, 0, run), run, 0);
				} catch (caught) {
					error = caught;
				}
				if (error) {
					expect(error).toBeInstanceOf(NodeOperationError);
					expect(error.message).toContain(field);
					expect(ctx.requests).toHaveLength(0);
				} else {
					expect(ctx.requests.length).toBeGreaterThan(0);
					for (const request of ctx.requests) expect(sentIsAllowed(request)).toBe(true);
				}
			}),
			{ numRuns: 150 },
		);
	});
});

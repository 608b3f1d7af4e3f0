'use strict';
/** What the trigger accepts as a push body (common/trigger/body.ts): JSON, in UTF-8, large whole numbers exact. */
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { readJsonBody, contentTypeOf } = require('../../dist/nodes/Itniotech/common/trigger/body');

const BODY_MODULE = path.resolve(__dirname, '../../dist/nodes/Itniotech/common/trigger/body.js');
const JSON_TYPE = 'application/json;charset=UTF-8';
const bytes = (text) => Buffer.from(text, 'utf8');

/** As n8n hands a body over: the bytes (req.rawBody) and their parse, invalid UTF-8 replaced by U+FFFD. */
const asN8n = (raw) => [raw, JSON.parse(raw.toString('utf8').replace(/^\uFEFF/, ''))];

/** Whether this runtime's JSON.parse gives a reviver the source text (Node.js 21+; n8n 2 runs on 24). */
function parseGivesSource() {
	let source;
	JSON.parse('1', (_key, value, context) => {
		source = context?.source;
		return value;
	});
	return source === '1';
}

test('content type: only application/json, media type compared as n8n does, charset read', () => {
	expect(contentTypeOf('Application/JSON; Charset="UTF-8"')).toEqual({
		mediaType: 'application/json',
		charset: 'utf-8',
	});
	expect(contentTypeOf(undefined)).toEqual({ mediaType: '', charset: undefined });
	for (const type of [
		'text/plain',
		'application/x-www-form-urlencoded',
		'application/vnd.api+json',
		undefined,
	]) {
		expect(readJsonBody(type, undefined, {})).toEqual({
			error: 'The push must be JSON, sent with Content-Type: application/json',
		});
	}
});

test('a charset other than UTF-8 is refused (JSON between systems is UTF-8, RFC 8259)', () => {
	expect(readJsonBody('application/json; charset=latin1', ...asN8n(bytes('{}')))).toEqual({
		error:
			'The push must be UTF-8 JSON: send Content-Type: application/json;charset=UTF-8 (not charset=latin1)',
	});
	expect(readJsonBody('application/json; charset=utf8', ...asN8n(bytes('{}')))).toEqual({
		body: {},
	});
	expect(readJsonBody('application/json', ...asN8n(bytes('{}')))).toEqual({ body: {} });
});

test('invalid UTF-8 is refused, where n8n would have replaced the bytes silently', () => {
	for (const raw of [
		Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
		Buffer.from('{"a":"\xc3"}', 'latin1'),
		Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]),
	]) {
		const [rawBody, body] = asN8n(raw);
		expect(JSON.stringify(body)).toContain('\uFFFD');
		expect(readJsonBody(JSON_TYPE, rawBody, body)).toEqual({
			error: 'The push is not valid UTF-8: send JSON text encoded as UTF-8',
		});
	}
	const [rawBody, body] = asN8n(bytes('\uFEFF{"content":"Grüße, 你好 👋"}'));
	expect(readJsonBody(JSON_TYPE, rawBody, body)).toEqual({ body: { content: 'Grüße, 你好 👋' } });
});

test('no raw body (n8n without rawBody): the parsed body as it is', () => {
	expect(readJsonBody(JSON_TYPE, undefined, { voiceId: '1' })).toEqual({ body: { voiceId: '1' } });
	expect(readJsonBody(JSON_TYPE, Buffer.alloc(0), undefined)).toEqual({ body: undefined });
});

/**
 * readJsonBody in a Node.js whose JSON.parse gives the source text (this one, or this one with the V8 flag),
 * `summary` (an expression over `read`) of its result.
 */
function readInRuntimeWithSource(raw, summary = 'read') {
	const flags = parseGivesSource() ? [] : ['--harmony-json-parse-with-source'];
	const script = `const { readJsonBody } = require(${JSON.stringify(BODY_MODULE)});
		const raw = require('node:fs').readFileSync(0);
		const read = readJsonBody('application/json', raw, JSON.parse(raw.toString()));
		process.stdout.write(JSON.stringify(${summary}));`;
	return JSON.parse(
		execFileSync(process.execPath, [...flags, '-e', script], { input: raw, encoding: 'utf8' }),
	);
}

test('whole numbers above 2^53 are read again from the raw body with every digit, as text', () => {
	const raw = bytes(
		'{"voiceId": 2203031113381000002, "orderId": -12345678901234567890, "n": 5, "big": 1e300, "list": [[9007199254740993]]}',
	);
	expect(readInRuntimeWithSource(raw)).toEqual({
		body: {
			voiceId: '2203031113381000002',
			orderId: '-12345678901234567890',
			n: 5,
			big: 1e300,
			list: [['9007199254740993']],
		},
	});
});

test('where the runtime cannot say what was sent, the body stays as parsed (its typing then refuses the rounded number)', () => {
	const [rawBody, body] = asN8n(bytes('{"voiceId": 2203031113381000002}'));
	const read = readJsonBody(JSON_TYPE, rawBody, body);
	expect(read).toEqual({
		body: { voiceId: parseGivesSource() ? '2203031113381000002' : 2203031113381000002 },
	});
});

test("a body too deep to read again keeps n8n's parse instead of failing", () => {
	const depth = 100_000;
	const raw = bytes(`${'['.repeat(depth)}2203031113381000002${']'.repeat(depth)}`);
	expect(readInRuntimeWithSource(raw, 'Array.isArray(read.body)')).toBe(true);
});

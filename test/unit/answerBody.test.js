'use strict';
// The answer reader, on real streams: the cap applies while reading, the deadline covers the whole answer,
// and the strict HTTP date and big-number JSON parsing the transport relies on.
const { PassThrough } = require('node:stream');
const {
	readAnswerText,
	AnswerTooLargeError,
	DeadlineError,
} = require('../../dist/nodes/Itniotech/api/transport/answerBody.js');
const { parseJsonKeepingDigits } = require('../../dist/nodes/Itniotech/api/transport/json.js');
const { parseHttpDate } = require('../../dist/nodes/Itniotech/api/transport/response.js');

test('reads a stream to the end as UTF-8 text', async () => {
	const stream = new PassThrough();
	const reading = readAnswerText(stream, new AbortController().signal);
	stream.write(Buffer.from('{"reason":"gr'));
	stream.end(Buffer.from('üß"}'));
	await expect(reading).resolves.toBe('{"reason":"grüß"}');
});

test('stops at the cap while reading: what comes after is never buffered, and the stream is destroyed', async () => {
	const stream = new PassThrough();
	const reading = readAnswerText(stream, new AbortController().signal, 1000).catch(
		(error) => error,
	);
	let written = 0;
	while (!stream.destroyed && written < 100_000) {
		stream.write(Buffer.alloc(100, 0x78));
		written += 100;
		await new Promise((resolve) => setImmediate(resolve));
	}
	expect(await reading).toBeInstanceOf(AnswerTooLargeError);
	expect(stream.destroyed).toBe(true);
	expect(written).toBeLessThanOrEqual(1100);
});

test('the deadline ends a read that is still receiving bytes', async () => {
	const stream = new PassThrough();
	const controller = new AbortController();
	const reading = readAnswerText(stream, controller.signal);
	stream.write('{"status":');
	controller.abort();
	await expect(reading).rejects.toBeInstanceOf(DeadlineError);
	expect(stream.destroyed).toBe(true);
});

test('a connection closed before the end is a reset, not a short answer', async () => {
	const stream = new PassThrough();
	const reading = readAnswerText(stream, new AbortController().signal);
	stream.write('{"status":"0"');
	stream.destroy();
	await expect(reading).rejects.toMatchObject({ code: 'ECONNRESET' });
});

describe('JSON with large integers', () => {
	test.each([
		['{"a":5000000000000000321}', { a: '5000000000000000321' }],
		['[9007199254740993,-9007199254740993]', ['9007199254740993', '-9007199254740993']],
		[
			'{"a":9007199254740991,"b":1.5e300,"c":12345678901234567.5}',
			{ a: 9007199254740991, b: 1.5e300, c: 12345678901234567.5 },
		],
		[
			'{"s":"x:5000000000000000321","t":"\\\\\\"","n":5000000000000000321}',
			{ s: 'x:5000000000000000321', t: '\\"', n: '5000000000000000321' },
		],
	])('%s', (text, expected) => {
		expect(parseJsonKeepingDigits(text)).toEqual(expected);
	});

	test('invalid JSON still throws', () => {
		expect(() => parseJsonKeepingDigits('{"a":5000000000000000321')).toThrow(SyntaxError);
	});
});

describe('HTTP Date header, strictly', () => {
	test('the IMF-fixdate form is read', () => {
		expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
	});

	test.each([
		'Sunday, 06-Nov-94 08:49:37 GMT',
		'Sun Nov  6 08:49:37 1994',
		'1994-11-06T08:49:37Z',
		'Sun, 31 Feb 2026 08:49:37 GMT',
		'Sun, 06 Nov 1994 25:49:37 GMT',
		'Sun, 06 Nov 1994 08:61:37 GMT',
		'Sun, 06 Nov 1994 08:49:37 +0800',
		'783420577',
		'',
		undefined,
	])('%p is not trusted', (value) => {
		expect(parseHttpDate(value)).toBeUndefined();
	});
});

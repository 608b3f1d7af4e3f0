'use strict';
/** The pushed call status report (api/records/statusPush.ts): typed like a fetched record, every field checked. */
const { typeStatusReport } = require('../../dist/nodes/Itniotech/api/records/statusPush');
const { pushRefusal: refusal } = require('../helpers');

const VOICE_ID = '2203031113381000002';
const report = (fields) =>
	typeStatusReport({ voiceId: VOICE_ID, type: 1, hangupTime: 1642488175000, ...fields });

test.each([
	[null, 'is missing'],
	[undefined, 'is missing'],
	['', 'is missing'],
	[{}, 'is an object'],
	[[VOICE_ID], 'is a list'],
	[true, 'is true/false'],
	['22030311133810000x2', 'is not digits only'],
	['../x', 'is not digits only'],
	['1'.repeat(65), 'is not digits only'],
	['1'.repeat(10 * 1024 * 1024), 'is text of 10485760 characters'],
])('a voiceId of %p is refused: %s', (voiceId, problem) => {
	expect(refusal(() => typeStatusReport({ voiceId }))).toEqual({
		field: 'voiceId',
		message: `field "voiceId" ${problem}; allowed: a string of 1 to 64 digits (0-9)`,
	});
});

test('a voiceId as digits (trimmed) or a small whole number is kept as text', () => {
	expect(report({ voiceId: ` ${VOICE_ID} ` }).voiceId).toBe(VOICE_ID);
	expect(report({ voiceId: 123 }).voiceId).toBe('123');
});

test('a voiceId sent as a number above 2^53 lost its last digits: refused, never rounded silently', () => {
	const rounded = JSON.parse(`{"voiceId": ${VOICE_ID}}`);
	expect(String(rounded.voiceId)).not.toBe(VOICE_ID); // JSON.parse rounded it
	expect(refusal(() => typeStatusReport(rounded)).message).toMatch(
		/^field "voiceId" is a number above 9007199254740991, so its last digits were lost/,
	);
	expect(refusal(() => report({ callee: 2 ** 60 })).field).toBe('callee');
	expect(report({ callDuration: 2 ** 60 }).callDuration).toBe(2 ** 60); // a count, not text: typed as the number it is
});

test('an object or list where the reference documents one value is refused, not "[object Object]"', () => {
	expect(refusal(() => report({ callee: { number: '1' } }))).toEqual({
		field: 'callee',
		message: 'field "callee" is an object; allowed: text (up to 8192 characters), a number or null',
	});
	expect(refusal(() => report({ terminationReason: ['no answer'] })).field).toBe(
		'terminationReason',
	);
	expect(refusal(() => report({ cost: {} })).field).toBe('cost');
	expect(refusal(() => report({ answerTime: [1642488170000] })).field).toBe('answerTime');
	expect(refusal(() => report({ calledInfo: 'x'.repeat(8193) })).field).toBe('calledInfo');
});

test('fields the reference does not name: passed on within the limits, prototype keys dropped at every depth', () => {
	const hostile = JSON.parse(
		`{"voiceId":"${VOICE_ID}","extra":{"__proto__":{"admin":true},"list":[{"constructor":{"prototype":1},"ok":1}]},"__proto__":{"admin":true}}`,
	);
	const typed = typeStatusReport(hostile);
	expect(typed.extra).toEqual({ list: [{ ok: 1 }] });
	expect(Object.keys(typed.extra)).toEqual(['list']);
	expect(Object.keys(typed).slice(-2)).toEqual(['dedupeKey', 'extra']);
	expect({}.admin).toBeUndefined();

	let deep = 1;
	for (let i = 0; i < 100_000; i++) deep = { a: deep };
	expect(refusal(() => report({ deep })).message).toMatch(
		/^field "deep" nests objects or lists more than 5 levels deep/,
	);
	const many = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
	expect(refusal(() => typeStatusReport({ voiceId: VOICE_ID, ...many })).message).toMatch(
		/an item may have at most 100 fields$/,
	);
	expect(
		refusal(() => report(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]))))
			.field,
	).toBe('k50');
	expect(refusal(() => report({ blob: 'x'.repeat(9000) })).message).toMatch(
		/^field "blob" is larger than 8 KB as JSON/,
	);
});

test('dedupeKey: event, voiceId and hang-up time; the same report twice gets the same key', () => {
	const first = report({});
	expect(first.dedupeKey).toBe(`callStatus:${VOICE_ID}:2022-01-18T06:42:55.000Z`);
	expect(report({}).dedupeKey).toBe(first.dedupeKey);
	expect(report({ hangupTime: 1642488176000 }).dedupeKey).not.toBe(first.dedupeKey);
	expect(report({ voiceId: '2203031113381000003' }).dedupeKey).not.toBe(first.dedupeKey);
	expect(report({ hangupTime: 0 }).dedupeKey).toBe(`callStatus:${VOICE_ID}:`);
	expect(report({ dedupeKey: 'forged' }).dedupeKey).toBe(first.dedupeKey); // a pushed field cannot replace it
});

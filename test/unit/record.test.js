'use strict';
const {
	typeCallRecord,
	sortBySubmitTime,
	toDecimal,
	toInteger,
	toIsoTime,
	INTEGER_FIELDS,
	DECIMAL_FIELDS,
	TIME_FIELDS,
	TEXT_FIELDS,
} = require('../../dist/nodes/ItniotechVoice/shared/record.js');
const { EXAMPLE_RECORD, UNANSWERED_RECORD } = require('../simulator/records');
const { TYPED_EXAMPLE_RECORD } = require('../fixtures');

describe('typeCallRecord', () => {
	test("types every field of the reference's example record", () => {
		expect(typeCallRecord({ ...EXAMPLE_RECORD })).toEqual(TYPED_EXAMPLE_RECORD);
	});

	test('every documented field is present, so spreadsheet columns stay stable', () => {
		const typed = typeCallRecord({ voiceId: '1' });
		for (const field of [...INTEGER_FIELDS, ...DECIMAL_FIELDS, ...TIME_FIELDS, ...TEXT_FIELDS]) {
			expect(typed).toHaveProperty(field);
		}
		expect(typed.settlePay).toBeNull();
		expect(typed.currency).toBeNull();
		expect(typed.callDuration).toBeNull();
	});

	test('an unanswered USD call: empty times and texts become null, numeric strings numbers', () => {
		const typed = typeCallRecord({ ...UNANSWERED_RECORD });
		expect(typed.answerTime).toBeNull();
		expect(typed.displayNum).toBeNull();
		expect(typed.voiceFileId).toBeNull();
		expect(typed.callDuration).toBe(0);
		expect(typed.chargedDuration).toBe(0);
		expect(typed.cost).toBe(0);
		expect(typed.rate).toBe(0.05);
		expect(typed.feedbackValue).toBe('-1');
		expect(typed.terminationCode).toBe('480');
		expect(typed.settleRate).toBeNull();
		expect(typed.hangupTime).toBe('2022-01-18T15:01:04+08:00');
	});

	test('fields the reference does not know are passed through', () => {
		expect(typeCallRecord({ voiceId: '1', newVendorField: 'x' }).newVendorField).toBe('x');
	});

	test('codes sent as numbers stay text, as the vendor documents them', () => {
		const typed = typeCallRecord({ terminationCode: 200, feedbackValue: -1, callee: 91856321412 });
		expect(typed.terminationCode).toBe('200');
		expect(typed.feedbackValue).toBe('-1');
		expect(typed.callee).toBe('91856321412');
	});
});

describe('numbers', () => {
	test.each([
		['2', 2],
		['1.2793', 1.2793],
		[' 0.938 ', 0.938],
		[5, 5],
		['-1.5', -1.5],
		['', null],
		['  ', null],
		[null, null],
		[undefined, null],
		['abc', null],
		['1,5', null],
		['12abc', null],
		['Infinity', null],
		[Number.NaN, null],
		[{}, null],
	])('toDecimal(%p) = %p', (input, expected) => {
		expect(toDecimal(input)).toBe(expected);
	});

	test.each([
		['5', 5],
		[5, 5],
		['0', 0],
		['5.5', null],
		['', null],
		['x', null],
	])('toInteger(%p) = %p', (input, expected) => {
		expect(toInteger(input)).toBe(expected);
	});
});

describe('times', () => {
	test.each([
		['2022-01-18T14:42:40+08:00', '2022-01-18T14:42:40+08:00'],
		['2022-01-18 14:42:40+0800', '2022-01-18T14:42:40+08:00'],
		['2022-01-18T14:42:40+08', '2022-01-18T14:42:40+08:00'],
		['2022-01-18T06:42:40Z', '2022-01-18T06:42:40Z'],
		['2022-01-18T06:42:40.123Z', '2022-01-18T06:42:40.123Z'],
		['2022-01-18T14:42-05:30', '2022-01-18T14:42:00-05:30'],
		['2022-01-18 14:42:40', '2022-01-18T14:42:40'],
		[1642488160000, '2022-01-18T06:42:40.000Z'],
		['1642488160000', '2022-01-18T06:42:40.000Z'],
		[1642488160, '2022-01-18T06:42:40.000Z'],
		['', null],
		[null, null],
		[undefined, null],
		[0, null],
		['yesterday', 'yesterday'],
		['2022-13-45T99:00:00+08:00', '2022-13-45T99:00:00+08:00'],
	])('toIsoTime(%p) = %p', (input, expected) => {
		expect(toIsoTime(input)).toBe(expected);
	});

	test('the vendor instant is kept', () => {
		const typed = toIsoTime('2022-01-18 14:42:40+0800');
		expect(Date.parse(typed)).toBe(Date.parse('2022-01-18T06:42:40Z'));
	});
});

describe('sortBySubmitTime', () => {
	test('oldest first by instant (whatever the offset); records without a time keep their order at the end', () => {
		const records = [
			{ voiceId: 'a', submitTime: '2022-01-18 14:42:40+0800' }, // 06:42:40Z
			{ voiceId: 'b' },
			{ voiceId: 'c', submitTime: '2022-01-18T06:00:00Z' },
			{ voiceId: 'd', submitTime: 'not a time' },
			{ voiceId: 'e', submitTime: '2022-01-18T06:00:00Z' }, // same instant as c: stays after it
			{ voiceId: 'f', submitTime: '2022-01-17T23:00:00-08:00' }, // 07:00Z
		];
		expect(sortBySubmitTime(records).map((r) => r.voiceId)).toEqual(['c', 'e', 'a', 'f', 'b', 'd']);
	});

	test('sorts a window of 200,000 records in place', () => {
		const start = Date.parse('2022-01-01T00:00:00Z');
		const records = Array.from({ length: 200_000 }, (_, i) => ({ submitTime: new Date(start - i * 1000).toISOString() }));
		expect(sortBySubmitTime(records)).toBe(records);
		expect(records[0].submitTime).toBe(new Date(start - 199_999 * 1000).toISOString());
		expect(records[199_999].submitTime).toBe(new Date(start).toISOString());
	});
});

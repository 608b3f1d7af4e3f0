'use strict';
const fc = require('fast-check');
const {
	typeCallRecord,
	typeSipRecord,
	CALL_RECORD_FIELDS,
	SIP_EXTRA_FIELDS,
	sortBySubmitTime,
	timeMs,
	isTime,
	toDecimal,
	toInteger,
	toIsoTime,
	INTEGER_FIELDS,
	DECIMAL_FIELDS,
	TIME_FIELDS,
	TEXT_FIELDS,
	wasAnswered,
	vendorKeyOf,
} = require('../../dist/nodes/Itniotech/api/records/record.js');
const {
	typeStatusReport,
	REPORT_EXTRA_FIELDS,
} = require('../../dist/nodes/Itniotech/api/records/statusPush.js');
const { readIsoDateTime } = require('../../dist/nodes/Itniotech/api/records/isoTime.js');
const { PushFieldError } = require('../../dist/nodes/Itniotech/api/records/pushFields.js');
const { UNANSWERED_RECORD } = require('../../simulator/records');
const { EXAMPLE_RECORD, TYPED_EXAMPLE_RECORD } = require('../helpers');

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

	test('every kind of record is one fixed shape: the documented fields in table order, answered, then unknown ones', () => {
		const names = (table) => table.map(([name]) => name);
		expect(Object.keys(typeCallRecord({}))).toEqual([...names(CALL_RECORD_FIELDS), 'answered']);
		expect(Object.keys(typeSipRecord({}))).toEqual([
			...names([...CALL_RECORD_FIELDS, ...SIP_EXTRA_FIELDS]),
			'answered',
		]);
		expect(Object.keys(typeStatusReport({ voiceId: '1' }))).toEqual([
			...names([...CALL_RECORD_FIELDS, ...REPORT_EXTRA_FIELDS]),
			'answered',
			'typeLabel',
			'dedupeKey',
		]);
		expect(Object.keys(typeCallRecord({ extra: 1, voiceId: '1' })).slice(-1)).toEqual(['extra']);
	});

	test('each field is typed by its table entry, whatever the vendor sends', () => {
		const anyValue = fc.oneof(
			fc.string({ maxLength: 12 }),
			fc.integer(),
			fc.double(),
			fc.constantFrom(null, '0', 'null', '2022-01-18 14:42:40'),
		);
		const tables = [
			[typeCallRecord, CALL_RECORD_FIELDS],
			[typeSipRecord, [...CALL_RECORD_FIELDS, ...SIP_EXTRA_FIELDS]],
		];
		for (const [typer, table] of tables) {
			fc.assert(
				fc.property(fc.dictionary(fc.constantFrom(...table.map(vendorKeyOf)), anyValue), (raw) => {
					const typed = typer(raw);
					for (const entry of table)
						expect(typed[entry[0]]).toEqual(entry[1](raw[vendorKeyOf(entry)]));
				}),
				{ numRuns: 200 },
			);
		}
	});

	test('a pushed status report: each field typed by its table entry, or the push refused naming the field', () => {
		const table = [...CALL_RECORD_FIELDS, ...REPORT_EXTRA_FIELDS];
		const anyValue = fc.oneof(
			fc.string({ maxLength: 12 }),
			fc.integer(),
			fc.double(),
			fc.constantFrom(null, '0', 'null', '2022-01-18 14:42:40', 2 ** 60, {}, [1], { a: 1 }),
		);
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom(...table.map(vendorKeyOf).filter((name) => name !== 'voiceId')),
					anyValue,
				),
				(fields) => {
					const raw = { voiceId: '2203031113381000002', ...fields };
					let typed;
					try {
						typed = typeStatusReport(raw);
					} catch (error) {
						expect(error).toBeInstanceOf(PushFieldError);
						expect(Object.keys(fields)).toContain(error.field);
						return;
					}
					for (const entry of table)
						expect(typed[entry[0]]).toEqual(entry[1](raw[vendorKeyOf(entry)]));
				},
			),
			{ numRuns: 300 },
		);
	});

	test('codes sent as numbers stay text, as the vendor documents them', () => {
		const typed = typeCallRecord({ terminationCode: 200, feedbackValue: -1, callee: 91856321412 });
		expect(typed.terminationCode).toBe('200');
		expect(typed.feedbackValue).toBe('-1');
		expect(typed.number).toBe('91856321412');
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
		// No offset: the vendor's zone, +08:00 (every example in its reference uses it).
		['2022-01-18 14:42:40', '2022-01-18T14:42:40+08:00'],
		['2022-01-18T14:42:40.5', '2022-01-18T14:42:40.500+08:00'],
		['2022-01-18 14:42:40.5 +0800', '2022-01-18T14:42:40.500+08:00'],
		['2022-01-18t06:42:40z', '2022-01-18T06:42:40Z'],
		// Almost the vendor's form: read in full, not taken as sent.
		[' 2022-01-18T14:42:40+08:00 ', '2022-01-18T14:42:40+08:00'],
		['2022-01-18T14:42:40z', '2022-01-18T14:42:40Z'],
		['2022-01-18T14:42:40+0800', '2022-01-18T14:42:40+08:00'],
		['2022-01-18 14:42:40+08:00', '2022-01-18T14:42:40+08:00'],
		['2022-01-18T14:42:40 +08:00', '2022-01-18T14:42:40+08:00'],
		['2024-02-29T10:00:00+08:00', '2024-02-29T10:00:00+08:00'],
		[1642488160000, '2022-01-18T06:42:40.000Z'],
		['1642488160000', '2022-01-18T06:42:40.000Z'],
		[1642488160, '2022-01-18T06:42:40.000Z'],
		['1642488160', '2022-01-18T06:42:40.000Z'],
		// "No time yet", however the vendor spells it.
		['', null],
		['  ', null],
		[null, null],
		[undefined, null],
		[0, null],
		['0', null],
		['null', null],
		['NULL', null],
		['0000-00-00 00:00:00', null],
		['0000-00-00', null],
		['0000-00-00T00:00:00', null],
		// Not a time: kept as the vendor's text, so nothing is lost.
		['yesterday', 'yesterday'],
		['2022-13-45T99:00:00+08:00', '2022-13-45T99:00:00+08:00'],
		['2023-02-29T10:00:00+08:00', '2023-02-29T10:00:00+08:00'],
		['2022-01-18T14:42:40+99:99', '2022-01-18T14:42:40+99:99'],
		['2022-01-18T14:42:40+08:60', '2022-01-18T14:42:40+08:60'],
		['202201181442', '202201181442'], // 12 digits: not a 1976 date
		[202201181442, '202201181442'],
		['0642488160', '0642488160'],
		[42, '42'],
		[-1, '-1'],
		[true, null],
		[{}, null],
	])('toIsoTime(%p) = %p', (input, expected) => {
		expect(toIsoTime(input)).toBe(expected);
	});

	test("any text of the vendor's exact shape is returned as sent, like the full reading does (real time or not)", () => {
		// The shape check skips the full parse; a full parse of such text yields the same string: a real time
		// is canonical, an impossible one (month 13, +99:99) is kept as sent.
		const digits = (n) =>
			fc.stringOf(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n });
		const shaped = fc
			.tuple(
				digits(4),
				digits(2),
				digits(2),
				digits(2),
				digits(2),
				digits(2),
				fc.oneof(
					fc.constant('Z'),
					fc
						.tuple(fc.constantFrom('+', '-'), digits(2), digits(2))
						.map(([s, h, m]) => `${s}${h}:${m}`),
				),
			)
			.map(([y, mo, d, h, mi, s, offset]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
		fc.assert(fc.property(shaped, (value) => expect(toIsoTime(value)).toBe(value)));
	});

	test('a time read in +08:00 is the vendor instant', () => {
		expect(Date.parse(toIsoTime('2022-01-18 14:42:40'))).toBe(Date.parse('2022-01-18T06:42:40Z'));
	});

	test('canonical ISO times with an offset come back exactly as sent', () => {
		const canonical = fc
			.record({
				ms: fc.integer({
					min: Date.parse('2000-01-01T00:00:00Z'),
					max: Date.parse('2099-12-31T23:59:59Z'),
				}),
				offset: fc.constantFrom('Z', '+08:00', '-05:30', '+00:00', '+14:00', '-12:00'),
				fraction: fc.constantFrom('', '.1', '.123', '.123456789'),
			})
			.map(
				({ ms, offset, fraction }) =>
					`${new Date(ms).toISOString().slice(0, 19)}${fraction}${offset}`,
			);
		fc.assert(fc.property(canonical, (value) => expect(toIsoTime(value)).toBe(value)));
	});

	test('the vendor instant is kept', () => {
		const typed = toIsoTime('2022-01-18 14:42:40+0800');
		expect(Date.parse(typed)).toBe(Date.parse('2022-01-18T06:42:40Z'));
	});
});

describe('wasAnswered', () => {
	test.each([['null'], ['0'], [0], ['0000-00-00 00:00:00'], [''], [null], ['not a time']])(
		'an answer time of %p and no talk time is not answered',
		(answerTime) => {
			expect(wasAnswered(typeStatusReport({ voiceId: '1', answerTime, callDuration: '0' }))).toBe(
				false,
			);
			expect(wasAnswered(typeCallRecord({ voiceId: '1', answerTime }))).toBe(false);
		},
	);

	test.each([['2022-01-18 14:42:50'], ['2022-01-18T14:42:50+08:00'], [1642488170000]])(
		'an answer time of %p is answered',
		(answerTime) => {
			expect(wasAnswered(typeStatusReport({ voiceId: '1', answerTime, callDuration: 0 }))).toBe(
				true,
			);
		},
	);

	test('talk time alone is answered', () => {
		expect(
			wasAnswered(typeStatusReport({ voiceId: '1', answerTime: 'null', callDuration: '5' })),
		).toBe(true);
	});

	test.each([
		['a group record', typeCallRecord],
		['a SIP record', typeSipRecord],
		['a pushed status report', typeStatusReport],
	])('%s carries answered: true/false by this rule, never null', (_kind, typer) => {
		const cases = [
			[{ voiceId: '1', answerTime: '2022-01-18 14:42:50', callDuration: '0' }, true],
			[{ voiceId: '1', answerTime: 'null', callDuration: '12' }, true],
			[{ voiceId: '1', answerTime: '0000-00-00 00:00:00', callDuration: '0' }, false],
			// Still ringing: no hang-up, no answer yet.
			[{ voiceId: '1', callTime: '2022-01-18 14:42:40' }, false],
			[{ voiceId: '1' }, false],
		];
		for (const [raw, expected] of cases) {
			const typed = typer(raw);
			expect(typed.answered).toBe(expected);
			expect(typed.answered).toBe(wasAnswered(typed));
		}
	});
});

describe('Simplify', () => {
	const {
		SIMPLE_CALL_FIELDS,
		SIMPLE_SIP_FIELDS,
		simplifyRecord,
	} = require('../../dist/nodes/Itniotech/api/records/record.js');
	test.each([
		['group', SIMPLE_CALL_FIELDS, typeCallRecord],
		['SIP', SIMPLE_SIP_FIELDS, typeSipRecord],
	])(
		'%s: at most 10 fields of the typed record, voiceId and answered among them',
		(_k, names, typer) => {
			expect(names.length).toBeLessThanOrEqual(10);
			expect(names).toEqual(expect.arrayContaining(['voiceId', 'answered']));
			const typed = typer(EXAMPLE_RECORD);
			for (const name of names) expect(Object.keys(typed)).toContain(name);
			const simple = simplifyRecord(typed, names);
			expect(Object.keys(simple)).toEqual([...names]);
			for (const name of names) expect(simple[name]).toEqual(typed[name] ?? null);
		},
	);
});

describe('timeMs and isTime: read by character codes, the same answers as the full readers', () => {
	const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
	// Any text of the canonical shape, real times and impossible ones (31 April, 24:00, +99:99) alike.
	const shaped = fc
		.tuple(
			fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
			two,
			two,
			two,
			two,
			two,
			fc.oneof(
				fc.constant('Z'),
				fc.tuple(fc.constantFrom('+', '-'), two, two).map(([s, h, m]) => `${s}${h}:${m}`),
			),
		)
		.map(([y, mo, d, h, mi, s, offset]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);

	test('timeMs is Date.parse', () => {
		fc.assert(
			fc.property(shaped, (value) => expect(timeMs(value)).toBe(Date.parse(value))),
			{ numRuns: 5000 },
		);
		for (const value of ['2022-01-18 14:42:40+08:00', '2022-01-18T14:42:40.5Z', 'soon'])
			expect(timeMs(value)).toBe(Date.parse(value));
		expect(timeMs(null)).toBeNaN();
	});

	test('isTime is "the grammar reads it"', () => {
		fc.assert(
			fc.property(shaped, (value) =>
				expect(isTime(value)).toBe(readIsoDateTime(value) !== undefined),
			),
			{ numRuns: 5000 },
		);
		expect(isTime('2022-04-31T10:00:00+08:00')).toBe(false);
		expect(isTime('2022-04-30T10:00:00+08:00')).toBe(true);
		expect(isTime('2022-01-18 14:42:40')).toBe(true);
		expect(isTime(null)).toBe(false);
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

	test('a window that came newest first is put oldest first; records with the same time keep the order they came in', () => {
		const records = [
			{ voiceId: 'a', submitTime: '2022-01-18T06:00:03Z' },
			{ voiceId: 'b', submitTime: '2022-01-18T14:00:02+08:00' },
			{ voiceId: 'c', submitTime: '2022-01-18T06:00:02Z' }, // same instant as b
			{ voiceId: 'd', submitTime: '2022-01-18T06:00:02Z' },
			{ voiceId: 'e', submitTime: '2022-01-18T06:00:01Z' },
			{ voiceId: 'f', submitTime: '2022-01-18T06:00:00Z' },
			{ voiceId: 'g', submitTime: '2022-01-18T06:00:00Z' },
		];
		expect(sortBySubmitTime(records).map((r) => r.voiceId)).toEqual([
			'f',
			'g',
			'e',
			'b',
			'c',
			'd',
			'a',
		]);
	});

	test('any order gives what a stable sort by instant gives', () => {
		const record = fc.record({
			voiceId: fc.string({ maxLength: 3 }),
			submitTime: fc.oneof(
				fc.integer({ min: 0, max: 5 }).map((s) => `2022-01-18T06:00:0${s}Z`),
				fc.constantFrom(undefined, null, '', 'not a time'),
			),
		});
		fc.assert(
			fc.property(fc.array(record, { maxLength: 30 }), (records) => {
				const time = (r) => Date.parse(String(r.submitTime ?? ''));
				const expected = records
					.map((r, index) => ({ r, index }))
					.sort((x, y) => {
						const [a, b] = [time(x.r), time(y.r)];
						if (Number.isNaN(a) || Number.isNaN(b))
							return Number.isNaN(a) === Number.isNaN(b)
								? x.index - y.index
								: Number.isNaN(a)
									? 1
									: -1;
						return a - b || x.index - y.index;
					})
					.map(({ r }) => r);
				const sorted = sortBySubmitTime([...records]);
				expect(sorted).toHaveLength(expected.length);
				sorted.forEach((r, i) => expect(r).toBe(expected[i]));
				// Newest first, as the vendor's pages may come: the same result.
				const newestFirst = [...expected].filter((r) => !Number.isNaN(time(r))).reverse();
				const reversed = sortBySubmitTime([...newestFirst]);
				const timed = expected.filter((r) => !Number.isNaN(time(r)));
				expect(reversed.map(time)).toEqual(timed.map(time));
			}),
		);
	});

	test('sorts a window of 200,000 records in place', () => {
		const start = Date.parse('2022-01-01T00:00:00Z');
		const records = Array.from({ length: 200_000 }, (_, i) => ({
			submitTime: new Date(start - i * 1000).toISOString(),
		}));
		expect(sortBySubmitTime(records)).toBe(records);
		expect(records[0].submitTime).toBe(new Date(start - 199_999 * 1000).toISOString());
		expect(records[199_999].submitTime).toBe(new Date(start).toISOString());
	});
});

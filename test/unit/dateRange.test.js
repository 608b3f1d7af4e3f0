'use strict';
const {
	parseDateTime,
	splitIntoWindows,
	formatVendorTime,
	validateDateRange,
	MAX_WINDOW_DAYS,
} = require('../../dist/nodes/Itniotech/common/dateRange.js');
const {
	earliestAllowed,
	clockAt,
	searchClock,
	vendorSearchStart,
} = require('../../dist/nodes/Itniotech/common/twoMonthLimit.js');
const { createRun } = require('../../dist/nodes/Itniotech/api/transport/run.js');
// n8n's own date library, as the oracle for what its expressions hand over (a test-only dependency).
const { DateTime } = require('luxon');
const fc = require('fast-check');
const { fakeContext, voiceNodeStub: node, DAY } = require('../helpers');

describe('parseDateTime', () => {
	test.each([
		['2024-03-10T12:00:00', 'UTC', '2024-03-10T12:00:00.000Z'],
		['2024-03-10T12:00:00', 'Asia/Shanghai', '2024-03-10T04:00:00.000Z'],
		['2024-01-15T09:30:00', 'America/New_York', '2024-01-15T14:30:00.000Z'],
		['2024-07-15T09:30:00', 'America/New_York', '2024-07-15T13:30:00.000Z'],
		['2024-03-10', 'Europe/Berlin', '2024-03-09T23:00:00.000Z'],
		['2024-03-10T12:00:00+08:00', 'America/New_York', '2024-03-10T04:00:00.000Z'],
		['2024-03-10T12:00:00Z', 'Asia/Shanghai', '2024-03-10T12:00:00.000Z'],
	])('%p in %p is %p', (value, zone, expected) => {
		expect(parseDateTime(value, zone).toISOString()).toBe(expected);
	});

	test.each([[''], ['soon'], [undefined], [null], [42]])('%p is not a date', (value) => {
		expect(parseDateTime(value, 'UTC')).toBeUndefined();
	});

	test('a Luxon DateTime, as n8n hands over {{ $now.minus({ days: 7 }) }}, is its instant', () => {
		const value = DateTime.fromISO('2026-11-23T12:07:41.982', { zone: 'America/New_York' });
		expect(parseDateTime(value, 'UTC').toISOString()).toBe('2026-11-23T17:07:41.982Z');
	});

	test('anything shaped like a DateTime (another copy of Luxon) is read by its toMillis()', () => {
		const value = {
			isValid: true,
			invalidReason: null,
			toMillis: () => Date.parse('2026-11-23T17:07:41Z'),
		};
		expect(parseDateTime(value, 'UTC').toISOString()).toBe('2026-11-23T17:07:41.000Z');
	});

	test('an invalid DateTime and an invalid Date are not dates', () => {
		expect(parseDateTime(DateTime.fromISO('2026-02-30'), 'UTC')).toBeUndefined();
		expect(parseDateTime(new Date('nope'), 'UTC')).toBeUndefined();
	});

	test('a JS Date, also one from another realm (an expression sandbox)', () => {
		const { runInNewContext } = require('node:vm');
		const foreign = runInNewContext('new Date(Date.UTC(2026, 10, 23, 17, 7, 41))');
		expect(foreign instanceof Date).toBe(false);
		expect(parseDateTime(foreign, 'UTC').toISOString()).toBe('2026-11-23T17:07:41.000Z');
		expect(parseDateTime(new Date('2026-11-23T17:07:41Z'), 'Asia/Shanghai').toISOString()).toBe(
			'2026-11-23T17:07:41.000Z',
		);
	});

	test.each([
		[1763917661, '2025-11-23T17:07:41.000Z'],
		[1763917661.5, '2025-11-23T17:07:41.500Z'],
		[1763917661000, '2025-11-23T17:07:41.000Z'],
		['1763917661', '2025-11-23T17:07:41.000Z'],
		[' 1763917661000 ', '2025-11-23T17:07:41.000Z'],
	])('Unix time %p (10 digits = seconds, 13 = milliseconds) is %p', (value, expected) => {
		expect(parseDateTime(value, 'America/New_York').toISOString()).toBe(expected);
	});

	test.each([
		['2026-03-05 09:00', 'UTC', '2026-03-05T09:00:00.000Z'],
		['2026-03-05T09:00:00.123+0530', 'UTC', '2026-03-05T03:30:00.123Z'],
		['2026-03-05T09:00:00,5Z', 'UTC', '2026-03-05T09:00:00.500Z'],
		['2026-03-05T09:00:00-03', 'UTC', '2026-03-05T12:00:00.000Z'],
		['2028-02-29T00:00:00', 'UTC', '2028-02-29T00:00:00.000Z'],
		// What n8n's date picker stores, and what {{ $now.minus({ months: 2 }).toISO() }} gives.
		['2026-09-30T12:07:42', 'America/New_York', '2026-09-30T16:07:42.000Z'],
		['2026-09-30T12:07:42.029-04:00', 'Asia/Shanghai', '2026-09-30T16:07:42.029Z'],
	])('ISO 8601 %p in %p is %p', (value, zone, expected) => {
		expect(parseDateTime(value, zone).toISOString()).toBe(expected);
	});

	test.each([
		['1'], // Date.parse: 2001-01-01
		['March 5'], // Date.parse: 2001-03-05
		['12'],
		['2026'],
		['20260305'], // 8 digits: neither a timestamp nor an ISO date with dashes
		['176391766100'], // 12 digits: seconds or milliseconds? refused, not guessed
		[176391766100],
		[-1763917661],
		[Number.NaN],
		[Infinity],
		['2026-02-30'],
		['2027-02-29T10:00:00'],
		['2026-13-01'],
		['2026-03-05T24:00:00'],
		['2026-03-05T10:60'],
		['2026-03-05T10:00:00+99:99'],
		['2026-03-05T10:00:00+08:60'],
		['2026/03/05'],
		['05.03.2026'],
		['Mon Nov 30 2026 17:07:42 GMT+0000 (Coordinated Universal Time)'],
		['Mon, 30 Nov 2026 17:07:42 GMT'],
		['2026-03-05T10:00:00 UTC'],
		[true],
		[{}],
		[[]],
		[{ toMillis: () => 1 }], // no isValid: not a DateTime
	])('%p is refused (strict ISO 8601, no Date.parse guessing)', (value) => {
		expect(parseDateTime(value, 'UTC')).toBeUndefined();
	});
});

describe('windows', () => {
	test('a 75-day range becomes 31 + 31 + 13 days, contiguous, oldest first', () => {
		const from = new Date('2024-01-01T00:00:00Z');
		const to = new Date(from.getTime() + 75 * DAY);
		const windows = splitIntoWindows({ from, to });
		expect(windows.map((w) => (w.to - w.from) / DAY)).toEqual([31, 31, 13]);
		expect(windows[0].from).toEqual(from);
		expect(windows[2].to).toEqual(to);
		for (let i = 1; i < windows.length; i++) expect(windows[i].from).toEqual(windows[i - 1].to);
	});

	test('exactly 31 days is one query', () => {
		const from = new Date('2024-01-01T00:00:00Z');
		expect(
			splitIntoWindows({ from, to: new Date(from.getTime() + MAX_WINDOW_DAYS * DAY) }),
		).toHaveLength(1);
	});

	test('the vendor format has an explicit offset', () => {
		expect(formatVendorTime(new Date('2022-02-18T00:00:00Z'))).toBe('2022-02-18T00:00:00+00:00');
	});

	test('two calendar months back', () => {
		expect(earliestAllowed(new Date('2026-11-26T10:00:00Z')).toISOString()).toBe(
			'2026-09-26T10:00:00.000Z',
		);
	});
});

describe('two months back: month ends, leap years, time zones', () => {
	test.each([
		['2026-04-30T10:00:00Z', 'UTC', '2026-02-28T10:00:00.000Z'], // was 2 March (setUTCMonth overflow)
		['2028-04-30T10:00:00Z', 'UTC', '2028-02-29T10:00:00.000Z'], // leap year
		['2100-04-30T10:00:00Z', 'UTC', '2100-02-28T10:00:00.000Z'], // not a leap year (century)
		['2000-04-30T10:00:00Z', 'UTC', '2000-02-29T10:00:00.000Z'], // a leap year (400)
		// From 28/29 April the next midnight's value (30 April → 28 February 00:00) is earlier: it is taken,
		// so a From computed after that midnight in the same execution passes too.
		['2026-04-28T10:00:00Z', 'UTC', '2026-02-28T00:00:00.000Z'],
		['2026-04-29T10:00:00Z', 'UTC', '2026-02-28T00:00:00.000Z'],
		['2000-04-29T10:00:00Z', 'UTC', '2000-02-29T00:00:00.000Z'],
		['2026-08-30T15:00:00Z', 'UTC', '2026-06-30T00:00:00.000Z'],
		['2026-04-27T10:00:00Z', 'UTC', '2026-02-27T10:00:00.000Z'],
		['2026-08-31T15:00:00Z', 'UTC', '2026-06-30T15:00:00.000Z'],
		['2026-05-31T10:00:00Z', 'UTC', '2026-03-31T10:00:00.000Z'],
		['2026-03-31T23:59:59.999Z', 'UTC', '2026-01-31T23:59:59.000Z'],
		['2026-01-31T08:00:00Z', 'UTC', '2025-11-30T08:00:00.000Z'], // across the year
		['2026-02-15T08:00:00Z', 'UTC', '2025-12-15T08:00:00.000Z'],
		['2026-12-31T08:00:00Z', 'UTC', '2026-10-31T08:00:00.000Z'],
		// 30 April 01:00 in Shanghai is still 29 April in UTC: counted in the workflow's zone.
		['2026-04-29T17:00:00Z', 'Asia/Shanghai', '2026-02-27T17:00:00.000Z'],
		// New York: 12:00 EST now, 12:00 EDT two months before.
		['2026-11-30T17:00:00Z', 'America/New_York', '2026-09-30T16:00:00.000Z'],
		['2026-05-31T14:00:00Z', 'America/New_York', '2026-03-31T14:00:00.000Z'],
	])('now %p in %p → %p', (now, zone, expected) => {
		expect(earliestAllowed(new Date(now), zone).toISOString()).toBe(expected);
	});

	const ZONES = [
		'UTC',
		'America/New_York',
		'Europe/Berlin',
		'Asia/Shanghai',
		'Australia/Lord_Howe',
		'America/Santiago',
		'Asia/Kolkata',
		'Pacific/Chatham',
	];
	const instants = fc.integer({
		min: Date.parse('2024-01-01T00:00:00Z'),
		max: Date.parse('2031-01-01T00:00:00Z'),
	});

	const minusTwoMonths = (ms, zone) =>
		DateTime.fromMillis(ms, { zone }).minus({ months: 2 }).toMillis();

	test('the night the clocks go back: a $now read in the repeated hour still passes', () => {
		// 01:45 EDT, then 45 minutes later 01:30 EST: the later $now reads an earlier wall clock.
		const nowMs = Date.parse('2026-11-01T05:45:00Z');
		const later = minusTwoMonths(nowMs + 45 * 60000, 'America/New_York');
		expect(new Date(later).toISOString()).toBe('2026-09-01T05:30:00.000Z');
		expect(earliestAllowed(new Date(nowMs), 'America/New_York').getTime()).toBeLessThanOrEqual(
			later,
		);
	});

	test("never later than Luxon's $now.minus({ months: 2 }) at now or up to 12 hours later, in the same zone", () => {
		fc.assert(
			fc.property(
				instants,
				fc.integer({ min: 0, max: 12 * 3600000 }),
				fc.constantFrom(...ZONES),
				(nowMs, laterMs, zone) => {
					expect(earliestAllowed(new Date(nowMs), zone).getTime()).toBeLessThanOrEqual(
						minusTwoMonths(nowMs + laterMs, zone),
					);
				},
			),
			{ numRuns: 3000 },
		);
	});

	test("and no earlier than needed: Luxon's value now or at the next midnight, to the second away from DST changes", () => {
		fc.assert(
			fc.property(instants, fc.constantFrom(...ZONES), (nowMs, zone) => {
				const nextMidnight = DateTime.fromMillis(nowMs, { zone })
					.plus({ days: 1 })
					.startOf('day')
					.toMillis();
				const needed = Math.min(minusTwoMonths(nowMs, zone), minusTwoMonths(nextMidnight, zone));
				const ours = earliestAllowed(new Date(nowMs), zone).getTime();
				const offset = (ms) => DateTime.fromMillis(ms, { zone }).offset;
				// Near a DST change two months back, or when the clocks go back within the next 12 hours (the wall clock
				// repeats an hour then, and a $now computed a little later reads an hour earlier).
				const dstNearby =
					offset(needed - 86400000) !== offset(needed + 86400000) ||
					offset(nowMs) > offset(nowMs + 12 * 3600000);
				expect(needed - ours).toBeGreaterThanOrEqual(0);
				expect(needed - ours).toBeLessThan(dstNearby ? 3600000 + 1000 : 1000);
			}),
			{ numRuns: 3000 },
		);
	});

	test('a From computed just after a clamping midnight still passes (29 April 23:59:59.999 → 30 April 00:00)', () => {
		const clock = clockAt(Date.parse('2026-04-29T23:59:59.999Z'), 'UTC');
		const from = DateTime.fromISO('2026-04-30T00:00:00.001Z', { zone: 'UTC' }).minus({ months: 2 });
		expect(from.toISO()).toBe('2026-02-28T00:00:00.001Z');
		expect(() =>
			validateDateRange(node, 0, from, '2026-04-30T00:00:01Z', 'UTC', clock),
		).not.toThrow();
	});

	test('a From of exactly $now.minus({ months: 2 }), as a DateTime or its toISO() text, read after the clock, is accepted', () => {
		fc.assert(
			fc.property(
				instants,
				fc.integer({ min: 0, max: 5000 }),
				fc.constantFrom(...ZONES),
				(clockMs, laterMs, zone) => {
					const clock = clockAt(clockMs, zone);
					const $now = DateTime.fromMillis(clockMs + laterMs, { zone }); // the expression runs after the clock reading
					const from = $now.minus({ months: 2 });
					for (const value of [from, from.toISO(), from.toFormat("yyyy-MM-dd'T'HH:mm:ss")]) {
						const range = validateDateRange(node, 0, value, $now, zone, clock);
						expect(range.from.getTime()).toBeLessThanOrEqual(from.toMillis());
					}
				},
			),
			{ numRuns: 2000 },
		);
	});
});

describe('searchClock', () => {
	test('read once when the run starts, before any date parameter, and the same for every item', () => {
		const ctx = fakeContext({ credentials: {} });
		let readings = 0;
		const hostClock = { now: () => (readings += 1) * 1000 + Date.parse('2026-04-30T10:00:00Z') };
		const run = createRun(ctx, undefined, hostClock);
		expect(readings).toBe(1);
		const first = searchClock(run, ctx);
		expect(searchClock(run, ctx)).toEqual(first);
		expect(readings).toBe(1);
		expect(first.earliest.toISOString()).toBe('2026-02-28T10:00:01.000Z');
		expect(searchClock(createRun(ctx, undefined, hostClock), ctx).now).not.toEqual(first.now); // another run
	});
});

describe('validateDateRange', () => {
	const now = new Date('2026-11-26T10:00:00Z');
	const clock = clockAt(now.getTime(), 'UTC');

	function thrown(from, to, zone = 'UTC', itemIndex = 2) {
		try {
			validateDateRange(node, itemIndex, from, to, zone, clock);
		} catch (error) {
			return error;
		}
		throw new Error('should have failed');
	}

	test('To in the future is capped at now', () => {
		const range = validateDateRange(
			node,
			0,
			'2026-11-20T00:00:00Z',
			'2026-12-31T00:00:00Z',
			'UTC',
			clock,
		);
		expect(range.to).toEqual(now);
	});

	test.each([
		['', '2026-11-20T00:00:00Z', /^The From date in item 2 is missing$/],
		[undefined, '2026-11-20T00:00:00Z', /^The From date in item 2 is missing$/],
		['2026-11-20T00:00:00Z', 'later', /^The To date in item 2 is not a date this node can read$/],
		[
			'2026-11-21T00:00:00Z',
			'2026-11-20T00:00:00Z',
			/The From date in item 2 must be before the To date/,
		],
		['2026-09-01T00:00:00Z', '2026-11-20T00:00:00Z', /more than two months ago/],
	])('%p → %p is refused', (from, to, message) => {
		expect(thrown(from, to).message).toMatch(message);
	});

	test.each([
		['March 5', 'Got "March 5"'],
		['1', 'Got "1"'],
		[42, 'Got the number 42'],
		[{ day: 5 }, 'Got an object {"day":5}'],
		[DateTime.fromISO('2026-02-30'), 'Got an invalid DateTime (unit out of range)'],
		['', 'Got nothing'],
	])('a From of %p: the error names field, item, what came and what is allowed', (from, got) => {
		const error = thrown(from, '2026-11-20T00:00:00Z', 'America/New_York', 4);
		expect(error.message).toMatch(/^The From date in item 4 /);
		expect(error.description).toContain(got);
		expect(error.description).toContain('{{ $now.minus({ days: 7 }) }}');
		expect(error.description).toContain('ISO 8601');
		expect(error.description).toContain("the workflow's time zone, America/New_York");
		expect(error.description).toContain('10 digits for seconds or 13 for milliseconds');
	});

	test('the two-month error names the earliest date', () => {
		expect(thrown('2026-09-01T00:00:00Z', '2026-11-20T00:00:00Z').description).toContain(
			'2026-09-26T10:00:00.000Z',
		);
	});

	test('on 30 April a From of 28 February is accepted, 27 February refused', () => {
		const april30 = clockAt(Date.parse('2026-04-30T10:00:00Z'), 'UTC');
		expect(() =>
			validateDateRange(node, 0, '2026-02-28T10:00:00Z', '2026-03-01T00:00:00Z', 'UTC', april30),
		).not.toThrow();
		expect(() =>
			validateDateRange(node, 0, '2026-02-28T09:59:59Z', '2026-03-01T00:00:00Z', 'UTC', april30),
		).toThrow(/more than two months ago/);
	});
});

describe('vendorSearchStart: where a search starts, whichever zone the vendor counts two months in', () => {
	test('New York after the clocks went back: the vendor counting in UTC or +08:00 is an hour later than the workflow', () => {
		const now = Date.parse('2026-11-30T18:22:37Z');
		expect(earliestAllowed(new Date(now), 'America/New_York').toISOString()).toBe(
			'2026-09-30T17:22:37.000Z',
		);
		// The latest count (UTC and +08:00 agree here), plus a minute for the vendor's clock.
		expect(vendorSearchStart(now, 'America/New_York').toISOString()).toBe(
			'2026-09-30T18:23:37.000Z',
		);
	});

	test.each([
		'UTC',
		'Asia/Shanghai',
		'America/New_York',
		'Europe/Berlin',
		'Australia/Sydney',
		'Asia/Kolkata',
	])(
		"%s: never before what a vendor counting in UTC keeps, and at most a day and two hours after the workflow's count (its midnight leniency)",
		(zone) => {
			for (let day = 0; day < 366; day += 3) {
				const now = Date.parse('2026-01-01T05:17:00Z') + day * 86400000;
				const start = vendorSearchStart(now, zone).getTime();
				const utc = new Date(now);
				utc.setUTCDate(1);
				const month = new Date(now).getUTCMonth() - 2;
				const clamped = new Date(Date.UTC(utc.getUTCFullYear(), month + 1, 0)).getUTCDate();
				const utcLimit = Date.UTC(
					utc.getUTCFullYear(),
					month,
					Math.min(new Date(now).getUTCDate(), clamped),
					new Date(now).getUTCHours(),
					new Date(now).getUTCMinutes(),
				);
				expect(start).toBeGreaterThanOrEqual(utcLimit + 60_000);
				expect(start - earliestAllowed(new Date(now), zone).getTime()).toBeLessThanOrEqual(
					26 * 3600_000,
				);
			}
		},
	);
});

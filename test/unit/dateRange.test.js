'use strict';
const {
	parseDateTime,
	splitIntoWindows,
	earliestAllowed,
	formatVendorTime,
	validateDateRange,
	MAX_WINDOW_DAYS,
} = require('../../dist/nodes/ItniotechVoice/shared/dateRange.js');

const DAY = 24 * 3600 * 1000;
const node = { id: '1', name: 'Itniotech Voice', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

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
		expect(splitIntoWindows({ from, to: new Date(from.getTime() + MAX_WINDOW_DAYS * DAY) })).toHaveLength(1);
	});

	test('the vendor format has an explicit offset', () => {
		expect(formatVendorTime(new Date('2022-02-18T00:00:00Z'))).toBe('2022-02-18T00:00:00+00:00');
	});

	test('two calendar months back', () => {
		expect(earliestAllowed(new Date('2026-11-26T10:00:00Z')).toISOString()).toBe('2026-09-26T10:00:00.000Z');
	});
});

describe('validateDateRange', () => {
	const now = new Date('2026-11-26T10:00:00Z');

	test('To in the future is capped at now', () => {
		const range = validateDateRange(node, 0, '2026-11-20T00:00:00Z', '2026-12-31T00:00:00Z', 'UTC', now);
		expect(range.to).toEqual(now);
	});

	test.each([
		['', '2026-11-20T00:00:00Z', /The From date in item 2 is missing or not a date/],
		['2026-11-20T00:00:00Z', 'later', /The To date in item 2 is missing or not a date/],
		['2026-11-21T00:00:00Z', '2026-11-20T00:00:00Z', /The From date in item 2 must be before the To date/],
		['2026-09-01T00:00:00Z', '2026-11-20T00:00:00Z', /more than two months ago/],
	])('%p → %p is refused', (from, to, message) => {
		expect(() => validateDateRange(node, 2, from, to, 'UTC', now)).toThrow(message);
	});

	test('the two-month error names the earliest date', () => {
		try {
			validateDateRange(node, 0, '2026-09-01T00:00:00Z', '2026-11-20T00:00:00Z', 'UTC', now);
			throw new Error('should have failed');
		} catch (error) {
			expect(error.description).toContain('2026-09-26T10:00:00.000Z');
		}
	});
});

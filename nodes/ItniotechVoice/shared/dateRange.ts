import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The vendor keeps records for two months and answers at most 31 days per query. */
export const MAX_WINDOW_DAYS = 31;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DateRange {
	from: Date;
	to: Date;
}

/** The UTC offset (ms) of a time zone at an instant, from the platform's time zone data. */
function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return wall - Math.floor(instant / 1000) * 1000;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * n8n's date pickers give wall-clock times without an offset, meant in the workflow's time zone;
 * expressions may give full ISO strings or Date-like values. Returns the instant, or undefined.
 */
export function parseDateTime(value: unknown, timeZone: string): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const local = LOCAL_TIME.exec(text);
	if (local) {
		const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
		const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
		if (Number.isNaN(wall)) return undefined;
		let instant = wall - zoneOffsetMs(wall, timeZone);
		instant = wall - zoneOffsetMs(instant, timeZone); // once more, for the hour around a DST change
		return new Date(instant);
	}
	const parsed = Date.parse(text);
	return Number.isNaN(parsed) ? undefined : new Date(parsed);
}

/** The vendor's time format, e.g. 2022-02-18T00:00:00+00:00 (sent in UTC). */
export function formatVendorTime(date: Date): string {
	return `${date.toISOString().slice(0, 19)}+00:00`;
}

/** The earliest instant the vendor still has records for: two calendar months before now. */
export function earliestAllowed(now: Date): Date {
	const earliest = new Date(now.getTime());
	earliest.setUTCMonth(earliest.getUTCMonth() - 2);
	return earliest;
}

/** Consecutive windows of at most 31 days covering [from, to], oldest first. */
export function splitIntoWindows({ from, to }: DateRange): DateRange[] {
	const windows: DateRange[] = [];
	let start = from.getTime();
	const end = to.getTime();
	while (start < end) {
		const stop = Math.min(start + MAX_WINDOW_DAYS * DAY_MS, end);
		windows.push({ from: new Date(start), to: new Date(stop) });
		start = stop;
	}
	return windows;
}

/** Reads From/To, checks order and the two-month limit, and says which field is wrong. */
export function validateDateRange(
	node: INode,
	itemIndex: number,
	fromValue: unknown,
	toValue: unknown,
	timeZone: string,
	now: Date = new Date(),
): DateRange {
	const from = parseDateTime(fromValue, timeZone);
	const to = parseDateTime(toValue, timeZone);
	const fix = 'Pick a date and time, or use an expression such as {{ $now.minus({ days: 7 }) }}.';
	if (!from) {
		throw new NodeOperationError(node, `The From date in item ${itemIndex} is missing or not a date`, {
			itemIndex,
			description: fix,
		});
	}
	if (!to) {
		throw new NodeOperationError(node, `The To date in item ${itemIndex} is missing or not a date`, {
			itemIndex,
			description: fix,
		});
	}
	if (from.getTime() >= to.getTime()) {
		throw new NodeOperationError(node, `The From date in item ${itemIndex} must be before the To date`, {
			itemIndex,
			description: `From is ${from.toISOString()}, To is ${to.toISOString()}.`,
		});
	}
	const earliest = earliestAllowed(now);
	if (from.getTime() < earliest.getTime()) {
		throw new NodeOperationError(
			node,
			`The From date in item ${itemIndex} is more than two months ago: Itniotech keeps records for two months only`,
			{
				itemIndex,
				description: `The earliest date you can search from now is ${earliest.toISOString()}. Move From to that date or later.`,
			},
		);
	}
	return { from, to: to.getTime() > now.getTime() ? now : to };
}

import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { readIsoDateTime, zoneOffsetMs } from '../api/records/isoTime';
import type { SearchClock } from './twoMonthLimit';
import { clockAt } from './twoMonthLimit';
import { previewValue } from './validation';

/** The vendor keeps records for two months and answers at most 31 days per query. */
export const MAX_WINDOW_DAYS = 31;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DateRange {
	from: Date;
	to: Date;
}

interface DateTimeLike {
	isValid: boolean;
	invalidReason?: string | null;
	toMillis(): number;
}

/**
 * n8n hands a top-level expression's Luxon DateTime (`{{ $now.minus({ days: 7 }) }}`) over as it is. Luxon
 * is not a dependency here, and n8n's copy is another class anyway, so it is recognised by its shape.
 */
function isDateTimeLike(value: unknown): value is DateTimeLike {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as DateTimeLike).toMillis === 'function' &&
		typeof (value as DateTimeLike).isValid === 'boolean'
	);
}

/** A JS Date, also one made in another realm (an expression sandbox), where instanceof fails. */
function isJsDate(value: unknown): value is Date {
	return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * Unix timestamps: 10 digits are seconds, 13 digits milliseconds (both cover 2001–2286). Other
 * lengths are refused rather than guessed: 12 digits could be either, 8 digits may be a date (20260305).
 */
function fromEpoch(value: number): number | undefined {
	if (!Number.isFinite(value)) return undefined;
	if (value >= 1e9 && value < 1e10) return Math.round(value * 1000);
	if (value >= 1e12 && value < 1e13) return Math.round(value);
	return undefined;
}

/** The instant a wall-clock time (ms, as if UTC) has in a time zone. */
function instantOfWall(wallMs: number, timeZone: string): number {
	const instant = wallMs - zoneOffsetMs(wallMs, timeZone);
	return wallMs - zoneOffsetMs(instant, timeZone); // once more, for the hour around a DST change
}

/**
 * What a date field may hold, whatever n8n hands over: a Luxon DateTime or JS Date (from an
 * expression), an ISO 8601 text with an offset, or without one (the date picker's value; read in the
 * workflow's time zone), or a Unix timestamp (number or digits; see fromEpoch). Undefined otherwise.
 */
export function parseDateTime(value: unknown, timeZone: string): Date | undefined {
	if (isJsDate(value)) return Number.isNaN(value.getTime()) ? undefined : new Date(value.getTime());
	if (isDateTimeLike(value)) {
		const ms = value.isValid ? value.toMillis() : Number.NaN;
		return Number.isFinite(ms) ? new Date(ms) : undefined;
	}
	if (typeof value === 'number') {
		const ms = fromEpoch(value);
		return ms === undefined ? undefined : new Date(ms);
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^[1-9](\d{9}|\d{12})$/.test(text)) return new Date(fromEpoch(Number(text)) as number);
	const iso = readIsoDateTime(text);
	if (!iso) return undefined;
	const instant =
		iso.offsetMinutes === undefined
			? instantOfWall(iso.wallMs, timeZone)
			: iso.wallMs - iso.offsetMinutes * 60_000;
	return Number.isFinite(instant) ? new Date(instant) : undefined;
}

/** How a value that is not a date is shown back: what it is, not only its text. */
function describeGot(value: unknown): string {
	if (isDateTimeLike(value) && !value.isValid)
		return `an invalid DateTime (${value.invalidReason ?? 'unknown reason'})`;
	if (isJsDate(value)) return 'an invalid JS Date';
	if (typeof value === 'number') return `the number ${String(value)}`;
	if (typeof value === 'boolean') return `the value ${String(value)}`;
	if (typeof value === 'string' && value.trim() === '') return 'nothing';
	if (typeof value === 'object' && value !== null) {
		let json: string;
		try {
			json = JSON.stringify(value) ?? '';
		} catch {
			json = '(not readable)'; // circular, or holds a BigInt
		}
		return `${Array.isArray(value) ? 'a list' : 'an object'} ${json.length > 40 ? `${json.slice(0, 40)}…` : json}`;
	}
	return previewValue(value);
}

/** The vendor's time format, e.g. 2022-02-18T00:00:00+00:00 (sent in UTC). */
export function formatVendorTime(date: Date): string {
	return `${date.toISOString().slice(0, 19)}+00:00`;
}

/** Consecutive windows of at most 31 days covering [from, to], oldest first. */
export function splitIntoWindows(
	{ from, to }: DateRange,
	maxWindowMs = MAX_WINDOW_DAYS * DAY_MS,
): DateRange[] {
	const windows: DateRange[] = [];
	let start = from.getTime();
	const end = to.getTime();
	while (start < end) {
		const stop = Math.min(start + maxWindowMs, end);
		windows.push({ from: new Date(start), to: new Date(stop) });
		start = stop;
	}
	return windows;
}

function dateError(
	node: INode,
	itemIndex: number,
	field: string,
	value: unknown,
	timeZone: string,
): NodeOperationError {
	const empty =
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	return new NodeOperationError(
		node,
		`The ${field} date in item ${itemIndex} ${empty ? 'is missing' : 'is not a date this node can read'}`,
		{
			itemIndex,
			description:
				`Got ${describeGot(value)}. Allowed: a date picked in the field; an expression giving a date, such as ` +
				'{{ $now.minus({ days: 7 }) }}; an ISO 8601 text such as 2026-03-05T09:00:00+08:00, or 2026-03-05T09:00:00 ' +
				`or 2026-03-05 (read in the workflow's time zone, ${timeZone}); or a Unix timestamp, 10 digits for seconds ` +
				'or 13 for milliseconds.',
		},
	);
}

/**
 * Reads From/To, checks order and the two-month limit, and says which field is wrong. `clock` is the
 * run's single clock reading (searchClock), taken before From/To were read.
 */
export function validateDateRange(
	node: INode,
	itemIndex: number,
	fromValue: unknown,
	toValue: unknown,
	timeZone: string,
	clock: SearchClock = clockAt(Date.now(), timeZone),
): DateRange {
	const { now, earliest } = clock;
	const from = parseDateTime(fromValue, timeZone);
	if (!from) throw dateError(node, itemIndex, 'From', fromValue, timeZone);
	const to = parseDateTime(toValue, timeZone);
	if (!to) throw dateError(node, itemIndex, 'To', toValue, timeZone);
	if (from.getTime() >= to.getTime()) {
		throw new NodeOperationError(
			node,
			`The From date in item ${itemIndex} must be before the To date`,
			{
				itemIndex,
				description: `From is ${from.toISOString()}, To is ${to.toISOString()}.`,
			},
		);
	}
	if (from.getTime() < earliest.getTime()) {
		throw new NodeOperationError(
			node,
			`The From date in item ${itemIndex} is more than two months ago: Itniotech keeps records for two months only`,
			{
				itemIndex,
				description: `The earliest date you can search from now is ${earliest.toISOString()}. Move From to that date or later, e.g. {{ $now.minus({ months: 2 }) }}.`,
			},
		);
	}
	return { from, to: to.getTime() > now.getTime() ? now : to };
}

/** Vendor values typed one by one: text, integers, decimals, ISO 8601 times. */
import { daysInMonth, formatIso, readIsoDateTime, utcMs } from './isoTime';

/** A visible ASCII character (not white space); most vendor values start and end with one. */
function isVisibleAscii(code: number): boolean {
	return code > 32 && code < 127;
}

/** The text without surrounding white space; trim() only when an end is not visible ASCII (typing is per field). */
function trimText(value: string): string {
	return isVisibleAscii(value.charCodeAt(0)) && isVisibleAscii(value.charCodeAt(value.length - 1))
		? value
		: value.trim();
}

const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Numbers already read from short texts. Vendor amounts repeat (rates, exchange rates, small costs), and a
 * number read once is one heap object that every record holding it can share, instead of one per record:
 * 200,000 typed records then cost less memory and garbage collection. Bounded: cleared when full.
 */
const numbersByText = new Map<string, number | null>();
const MAX_CACHED_NUMBERS = 4096;
const MAX_CACHED_TEXT = 12;

function readDecimalText(text: string): number | null {
	if (!DECIMAL_TEXT.test(text)) return null;
	const parsed = Number(text);
	return Number.isFinite(parsed) ? parsed : null;
}

/** A number from a number or a numeric string ("1.2793", " 5 "); null when empty or not a number. */
export function toDecimal(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string') return null;
	const text = trimText(value);
	if (text.length > MAX_CACHED_TEXT) return readDecimalText(text);
	const cached = numbersByText.get(text);
	if (cached !== undefined) return cached;
	const parsed = readDecimalText(text);
	if (numbersByText.size >= MAX_CACHED_NUMBERS) numbersByText.clear();
	numbersByText.set(text, parsed);
	return parsed;
}

/** A whole number of seconds; null when empty or not a whole number. */
export function toInteger(value: unknown): number | null {
	const parsed = toDecimal(value);
	return parsed !== null && Number.isInteger(parsed) ? parsed : null;
}

/** The vendor's zone: every example in its reference is +08:00, so a time without an offset is read there. */
export const VENDOR_OFFSET = '+08:00';

/** What the vendor sends for "no time yet": empty, null, 0 and the MySQL zero date. */
const NO_TIME = /^(null|0+|0000-00-00(?:[T ]00:00(?::00(?:\.0+)?)?)?)$/i;

/** `YYYY-MM-DDTHH:mm:ss`: 0 where a digit goes, else the character's code. */
const CANONICAL_HEAD = Array.from('0000-00-00T00:00:00', (c) => (c === '0' ? 0 : c.charCodeAt(0)));

function isDigitAt(text: string, index: number): boolean {
	const code = text.charCodeAt(index);
	return code >= 48 && code <= 57;
}

/**
 * Whether `text` is exactly `YYYY-MM-DDTHH:mm:ss` followed by `Z` or `±HH:mm`, the vendor's own form.
 * toIsoTime returns such text as sent whether or not it names a real time (a real one is canonical,
 * an impossible one is kept as sent), so it needs no full parse: typing 200,000 records reads a million
 * times, and this check by character codes is what keeps that cheap.
 */
function hasCanonicalShape(text: string): boolean {
	const length = text.length;
	if (length !== 25 && length !== 20) return false;
	for (let i = 0; i < 19; i++) {
		const expected = CANONICAL_HEAD[i];
		if (expected === 0 ? !isDigitAt(text, i) : text.charCodeAt(i) !== expected) return false;
	}
	const sign = text.charCodeAt(19);
	if (length === 20) return sign === 90; // Z
	return (
		(sign === 43 || sign === 45) && // + or -
		isDigitAt(text, 20) &&
		isDigitAt(text, 21) &&
		text.charCodeAt(22) === 58 && // :
		isDigitAt(text, 23) &&
		isDigitAt(text, 24)
	);
}

/**
 * A vendor time as ISO 8601 with an offset. Already canonical (`2022-01-18T14:42:40+08:00`) → the same
 * string; other ISO forms are normalised (`2022-01-18 14:42:40+0800` → `2022-01-18T14:42:40+08:00`); no
 * offset → the vendor's +08:00; Unix time, 10 digits (seconds) or 13 (milliseconds) → UTC (`…Z`). Null
 * for no time ("", null, "null", 0, "0000-00-00 00:00:00"). Anything else, e.g. an impossible date or
 * offset (+99:99) or a 12-digit number, is kept as the vendor's text, so nothing is lost.
 */
export function toIsoTime(value: unknown): string | null {
	if (typeof value === 'string' && hasCanonicalShape(value)) return value;
	if (value === undefined || value === null) return null;
	if (typeof value === 'number') {
		if (value === 0) return null;
		const ms =
			value >= 1e9 && value < 1e10
				? value * 1000
				: value >= 1e12 && value < 1e13
					? value
					: Number.NaN;
		return Number.isNaN(ms) ? String(value) : new Date(Math.round(ms)).toISOString();
	}
	if (typeof value !== 'string') return null;
	const trimmed = trimText(value);
	if (trimmed === '' || NO_TIME.test(trimmed)) return null;
	if (/^[1-9](\d{9}|\d{12})$/.test(trimmed)) {
		return new Date(trimmed.length === 10 ? Number(trimmed) * 1000 : Number(trimmed)).toISOString();
	}
	const iso = readIsoDateTime(trimmed);
	if (!iso) return trimmed;
	// Canonical vendor times are returned as they are: no new string per field of 50,000 records.
	if (iso.canonical) return trimmed;
	return formatIso(iso.wallMs, iso.offset ?? VENDOR_OFFSET);
}

/** The two-digit number at `index` (both characters are digits: hasCanonicalShape checked). */
function twoDigits(text: string, index: number): number {
	return (text.charCodeAt(index) - 48) * 10 + text.charCodeAt(index + 1) - 48;
}

/**
 * The instant (ms) of a text of canonical shape, read by character codes; NaN when it names no real time
 * (31 April, 24:00, +99:99). Typing and ordering 200,000 records reads a million times: a regex or Date.parse
 * for each would be the costliest step.
 */
function canonicalInstant(text: string): number {
	const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
	const month = twoDigits(text, 5);
	const day = twoDigits(text, 8);
	const hour = twoDigits(text, 11);
	const minute = twoDigits(text, 14);
	const second = twoDigits(text, 17);
	const zulu = text.length === 20;
	const offsetHours = zulu ? 0 : twoDigits(text, 20);
	const offsetMinutes = zulu ? 0 : twoDigits(text, 23);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
	if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59)
		return Number.NaN;
	const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
	return (
		utcMs(year, month, day, hour, minute, second) -
		(text.charCodeAt(19) === 45 ? -offsetMs : offsetMs)
	);
}

/** A time's instant in ms, as Date.parse reads it (NaN when it has none). */
export function timeMs(value: unknown): number {
	if (typeof value !== 'string') return Number.NaN;
	const instant = hasCanonicalShape(value) ? canonicalInstant(value) : Number.NaN;
	// Date.parse decides the rest: years before 100 and impossible times, which it reads in its own way.
	return Number.isNaN(instant) || value.charCodeAt(0) === 48 ? Date.parse(value) : instant;
}

/** Whether a typed time field holds a time (not null, not unreadable text kept as sent). */
export function isTime(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	if (hasCanonicalShape(value)) return !Number.isNaN(canonicalInstant(value));
	return readIsoDateTime(value) !== undefined;
}

/** Text as sent; null when empty. A number (a code sent as 200) becomes its digits. */
export function text(value: unknown): string | null {
	if (typeof value === 'string') return trimText(value) === '' ? null : value;
	return value === undefined || value === null ? null : String(value);
}

import type { IDataObject } from 'n8n-workflow';
import { formatIso, readIsoDateTime } from './isoTime';

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

/** Whether a typed time field holds a time (not null, not unreadable text kept as sent). */
export function isTime(value: unknown): boolean {
	return typeof value === 'string' && readIsoDateTime(value) !== undefined;
}

/** Text as sent; null when empty. A number (a code sent as 200) becomes its digits. */
export function text(value: unknown): string | null {
	if (typeof value === 'string') return trimText(value) === '' ? null : value;
	return value === undefined || value === null ? null : String(value);
}

type Typer = (value: unknown) => string | number | null;
export type FieldTable = ReadonlyArray<readonly [string, Typer]>;

/**
 * A call record typed for spreadsheets and chat messages: counts are integers, money is a number, times
 * are ISO 8601 strings, the rest text. The one list of documented fields, in the vendor's order: every one
 * is always present (null when the vendor left it out) so sheet columns stay stable. The typers below
 * spell these tables out as object literals.
 */
export const CALL_RECORD_FIELDS: FieldTable = [
	['voiceId', text],
	['callee', text],
	['displayNum', text],
	['code', text],
	['submitTime', toIsoTime],
	['callTime', toIsoTime],
	['ringingTime', toIsoTime],
	['answerTime', toIsoTime],
	['hangupTime', toIsoTime],
	['callDuration', toInteger],
	['chargedDuration', toInteger],
	['terminationCode', text],
	['terminationReason', text],
	['cost', toDecimal],
	['billPeriod', text],
	['rate', toDecimal],
	['baseCost', toDecimal],
	['voiceFileId', text],
	['feedbackValue', text],
	['calledInfo', text],
	['settleRate', toDecimal],
	['quoteExchange', toDecimal],
	['currency', text],
	['settlePay', toDecimal],
];

/** SIP call records carry three more text fields. */
export const SIP_EXTRA_FIELDS: FieldTable = [
	['sipGroupName', text],
	['phoneName', text],
	['recordingFileId', text],
];

const namesTypedBy = (typer: Typer) =>
	CALL_RECORD_FIELDS.filter(([, t]) => t === typer).map(([name]) => name);
export const INTEGER_FIELDS = namesTypedBy(toInteger);
export const DECIMAL_FIELDS = namesTypedBy(toDecimal);
export const TIME_FIELDS = namesTypedBy(toIsoTime);
export const TEXT_FIELDS = namesTypedBy(text);

/** Fields the reference does not know are passed through after the typed ones (the only keys added later). */
function withUnknownFields(record: IDataObject, raw: IDataObject): IDataObject {
	// for…in walks the shape's cached key list; Object.keys would allocate an array per record.
	for (const key in raw) {
		if (Object.prototype.hasOwnProperty.call(raw, key) && !(key in record)) record[key] = raw[key];
	}
	return record;
}

/*
 * Each typer below is one object literal with every key of its tables above, in their order (a unit test
 * holds them to it): all records of a kind share one shape, which is what keeps typing 50,000 of them fast.
 */

export function typeCallRecord(raw: IDataObject): IDataObject {
	const record: IDataObject = {
		voiceId: text(raw.voiceId),
		callee: text(raw.callee),
		displayNum: text(raw.displayNum),
		code: text(raw.code),
		submitTime: toIsoTime(raw.submitTime),
		callTime: toIsoTime(raw.callTime),
		ringingTime: toIsoTime(raw.ringingTime),
		answerTime: toIsoTime(raw.answerTime),
		hangupTime: toIsoTime(raw.hangupTime),
		callDuration: toInteger(raw.callDuration),
		chargedDuration: toInteger(raw.chargedDuration),
		terminationCode: text(raw.terminationCode),
		terminationReason: text(raw.terminationReason),
		cost: toDecimal(raw.cost),
		billPeriod: text(raw.billPeriod),
		rate: toDecimal(raw.rate),
		baseCost: toDecimal(raw.baseCost),
		voiceFileId: text(raw.voiceFileId),
		feedbackValue: text(raw.feedbackValue),
		calledInfo: text(raw.calledInfo),
		settleRate: toDecimal(raw.settleRate),
		quoteExchange: toDecimal(raw.quoteExchange),
		currency: text(raw.currency),
		settlePay: toDecimal(raw.settlePay),
	};
	return withUnknownFields(record, raw);
}

export function typeSipRecord(raw: IDataObject): IDataObject {
	const record: IDataObject = {
		voiceId: text(raw.voiceId),
		callee: text(raw.callee),
		displayNum: text(raw.displayNum),
		code: text(raw.code),
		submitTime: toIsoTime(raw.submitTime),
		callTime: toIsoTime(raw.callTime),
		ringingTime: toIsoTime(raw.ringingTime),
		answerTime: toIsoTime(raw.answerTime),
		hangupTime: toIsoTime(raw.hangupTime),
		callDuration: toInteger(raw.callDuration),
		chargedDuration: toInteger(raw.chargedDuration),
		terminationCode: text(raw.terminationCode),
		terminationReason: text(raw.terminationReason),
		cost: toDecimal(raw.cost),
		billPeriod: text(raw.billPeriod),
		rate: toDecimal(raw.rate),
		baseCost: toDecimal(raw.baseCost),
		voiceFileId: text(raw.voiceFileId),
		feedbackValue: text(raw.feedbackValue),
		calledInfo: text(raw.calledInfo),
		settleRate: toDecimal(raw.settleRate),
		quoteExchange: toDecimal(raw.quoteExchange),
		currency: text(raw.currency),
		settlePay: toDecimal(raw.settlePay),
		sipGroupName: text(raw.sipGroupName),
		phoneName: text(raw.phoneName),
		recordingFileId: text(raw.recordingFileId),
	};
	return withUnknownFields(record, raw);
}

/** Reverses records[start, end) in place. */
function reverseRange(records: IDataObject[], start: number, end: number): void {
	for (let i = start, j = end - 1; i < j; i++, j--) {
		const record = records[i];
		records[i] = records[j];
		records[j] = record;
	}
}

/**
 * Sorts records oldest first by submit time, in place (stable); records without one keep their order at
 * the end. Each time is parsed once, not once per comparison (a 31-day window can hold tens of thousands
 * of records), and a window that came newest first, as the vendor's pages may, is reversed instead of sorted.
 */
export function sortBySubmitTime(records: IDataObject[]): IDataObject[] {
	const count = records.length;
	const times = new Float64Array(count);
	let rising = true;
	let falling = true;
	for (let i = 0; i < count; i++) {
		const time = Date.parse(String(records[i].submitTime ?? ''));
		times[i] = time;
		if (Number.isNaN(time)) rising = falling = false;
		else if (i > 0 && time !== times[i - 1]) {
			if (time < times[i - 1]) rising = false;
			else falling = false;
		}
	}
	if (rising) return records;
	if (falling) {
		records.reverse();
		times.reverse();
		// Records with the same time go back to the order they came in.
		for (let start = 0; start < count; ) {
			let end = start + 1;
			while (end < count && times[end] === times[start]) end++;
			if (end - start > 1) reverseRange(records, start, end);
			start = end;
		}
		return records;
	}
	// Positions, not wrapper objects, are sorted: no garbage per record.
	const order = Array.from({ length: count }, (_, index) => index);
	order.sort((a, b) => {
		const aMissing = Number.isNaN(times[a]);
		const bMissing = Number.isNaN(times[b]);
		if (aMissing || bMissing) return aMissing === bMissing ? a - b : aMissing ? 1 : -1;
		return times[a] - times[b] || a - b;
	});
	const sorted = order.map((index) => records[index]);
	for (let i = 0; i < count; i++) records[i] = sorted[i];
	return records;
}

import type { IDataObject } from 'n8n-workflow';

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A number from a number or a numeric string ("1.2793", " 5 "); null when empty or not a number. */
export function toDecimal(value: unknown): number | null {
	if (isBlank(value)) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string') return null;
	const text = value.trim();
	if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
	const parsed = Number(text);
	return Number.isFinite(parsed) ? parsed : null;
}

/** A whole number of seconds; null when empty or not a whole number. */
export function toInteger(value: unknown): number | null {
	const parsed = toDecimal(value);
	return parsed !== null && Number.isInteger(parsed) ? parsed : null;
}

const ISO_LIKE =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function normalizeOffset(offset: string): string {
	if (offset.toUpperCase() === 'Z') return 'Z';
	const digits = offset.slice(1).replace(':', '');
	return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/**
 * An ISO 8601 string that keeps the vendor's instant and offset ("2022-01-18 14:42:40+0800" becomes
 * "2022-01-18T14:42:40+08:00"); epoch seconds or milliseconds become UTC. Null when empty. A text that is
 * not a recognisable time is returned unchanged rather than dropped.
 */
export function toIsoTime(value: unknown): string | null {
	if (isBlank(value)) return null;
	if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}$/.test(value.trim()))) {
		const n = Number(value);
		if (!Number.isFinite(n) || n <= 0) return null;
		const ms = n < 1e11 ? n * 1000 : n; // 10 digits are seconds, 13 are milliseconds
		return new Date(ms).toISOString();
	}
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	const match = ISO_LIKE.exec(trimmed);
	if (!match) return trimmed;
	const [, year, month, day, hour, minute, second = '00', fraction = '', offset] = match;
	const local = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}`;
	// Reject impossible dates such as month 13 rather than passing them on as times (checked by
	// numbers: Date.parse per field was the slowest part of typing 50,000 records).
	const m = Number(month);
	const d = Number(day);
	const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
	if (m < 1 || m > 12 || d < 1 || d > daysInMonth || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
		return trimmed;
	}
	return offset ? `${local}${normalizeOffset(offset)}` : local;
}

function text(value: unknown): string | null {
	return isBlank(value) ? null : typeof value === 'string' ? value : String(value);
}

type Typer = (value: unknown) => string | number | null;
type FieldTable = ReadonlyArray<readonly [string, Typer]>;

/**
 * A call record typed for spreadsheets and chat messages: counts are integers, money is a number, times
 * are ISO 8601 strings, the rest text. The one list of documented fields, in the vendor's order: every one
 * is always present (null when the vendor left it out) so sheet columns stay stable.
 */
const CALL_RECORD_FIELDS: FieldTable = [
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
const SIP_EXTRA_FIELDS: FieldTable = [
	['sipGroupName', text],
	['phoneName', text],
	['recordingFileId', text],
];

/** Status pushes carry a few more fields; `type` gets a label next to it (typeStatusReport). */
const REPORT_EXTRA_FIELDS: FieldTable = [
	['ringDuration', toInteger],
	['outRecallCount', toInteger],
	['sipCode', text],
	['type', toInteger],
];

const namesTypedBy = (typer: Typer) => CALL_RECORD_FIELDS.filter(([, t]) => t === typer).map(([name]) => name);
export const INTEGER_FIELDS = namesTypedBy(toInteger);
export const DECIMAL_FIELDS = namesTypedBy(toDecimal);
export const TIME_FIELDS = namesTypedBy(toIsoTime);
export const TEXT_FIELDS = namesTypedBy(text);

/**
 * Types `raw` by the tables, in their order, then passes through fields the reference does not know.
 * Every record is built in the same order from an empty object, so all share one shape: fast for 50,000
 * of them (spreading `raw` first and overwriting was 18 times slower for sparse records).
 */
function typeFields(raw: IDataObject, ...tables: FieldTable[]): IDataObject {
	const record: IDataObject = {};
	for (const table of tables) for (const [name, typer] of table) record[name] = typer(raw[name]);
	for (const key of Object.keys(raw)) {
		if (!(key in record)) record[key] = raw[key];
	}
	return record;
}

export function typeCallRecord(raw: IDataObject): IDataObject {
	return typeFields(raw, CALL_RECORD_FIELDS);
}

export function typeSipRecord(raw: IDataObject): IDataObject {
	return typeFields(raw, CALL_RECORD_FIELDS, SIP_EXTRA_FIELDS);
}

/**
 * Sorts records oldest first by submit time, in place; records without one keep their order at the end.
 * Each time is parsed once, not once per comparison (a 31-day window can hold tens of thousands of records).
 */
export function sortBySubmitTime(records: IDataObject[]): IDataObject[] {
	const keyed = records.map((record, index) => ({ record, index, time: Date.parse(String(record.submitTime ?? '')) }));
	keyed.sort((a, b) => {
		const aMissing = Number.isNaN(a.time);
		const bMissing = Number.isNaN(b.time);
		if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
		return a.time - b.time || a.index - b.index;
	});
	for (let i = 0; i < keyed.length; i++) records[i] = keyed[i].record;
	return records;
}

/** The status push's `type` numbers. */
export const REPORT_TYPES: Readonly<Record<number, string>> = {
	1: 'group call',
	2: 'verification code',
	3: 'phone call',
	4: 'direct dial',
};

/**
 * A pushed status report, typed like a fetched record (its times come as epoch milliseconds and become
 * ISO 8601 in UTC), plus `type` as a number and `typeLabel` as words.
 */
export function typeStatusReport(raw: IDataObject): IDataObject {
	const record = typeFields(raw, CALL_RECORD_FIELDS, REPORT_EXTRA_FIELDS);
	const type = record.type as number | null;
	record.typeLabel = type === null ? null : (REPORT_TYPES[type] ?? `type ${type}`);
	return record;
}

/**
 * Whether the callee picked up: an answer time, or any talk time. (terminationCode is not used: the
 * vendor's pages disagree on whether success is "0" or SIP "200".)
 */
export function wasAnswered(record: IDataObject): boolean {
	return (record.answerTime !== null && record.answerTime !== undefined) || Number(record.callDuration) > 0;
}

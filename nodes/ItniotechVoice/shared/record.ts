import type { IDataObject } from 'n8n-workflow';

/**
 * A call record typed for spreadsheets and chat messages: counts are integers, money is a number,
 * times are ISO 8601 strings, and every documented field is present (null when the vendor left it out)
 * so columns stay stable from one record to the next.
 */
export const INTEGER_FIELDS = ['callDuration', 'chargedDuration'] as const;
export const DECIMAL_FIELDS = [
	'cost',
	'rate',
	'baseCost',
	'settleRate',
	'quoteExchange',
	'settlePay',
] as const;
export const TIME_FIELDS = [
	'submitTime',
	'callTime',
	'ringingTime',
	'answerTime',
	'hangupTime',
] as const;
export const TEXT_FIELDS = [
	'voiceId',
	'callee',
	'displayNum',
	'code',
	'terminationCode',
	'terminationReason',
	'billPeriod',
	'voiceFileId',
	'feedbackValue',
	'calledInfo',
	'currency',
] as const;

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

/**
 * Types one vendor record. The result is built as one literal, in the vendor's field order, so every
 * record has the same shape (fast for 50,000 of them, and stable sheet columns); fields the reference
 * does not know are passed through untouched after them.
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
	for (const key of Object.keys(raw)) {
		if (!(key in record)) record[key] = raw[key];
	}
	return record;
}

/** SIP call records carry three more text fields. */
export const SIP_TEXT_FIELDS = ['sipGroupName', 'phoneName', 'recordingFileId'] as const;

export function typeSipRecord(raw: IDataObject): IDataObject {
	const record = typeCallRecord(raw);
	for (const field of SIP_TEXT_FIELDS) {
		const value = raw[field];
		record[field] = isBlank(value) ? null : String(value);
	}
	return record;
}

/** Oldest first by submit time; records without one keep their place at the end. */
export function bySubmitTime(a: IDataObject, b: IDataObject): number {
	const ta = Date.parse(String(a.submitTime ?? ''));
	const tb = Date.parse(String(b.submitTime ?? ''));
	if (Number.isNaN(ta) || Number.isNaN(tb)) return Number.isNaN(ta) ? (Number.isNaN(tb) ? 0 : 1) : -1;
	return ta - tb;
}

/** The status push's `type` numbers. */
export const REPORT_TYPES: Readonly<Record<number, string>> = {
	1: 'group call',
	2: 'verification code',
	3: 'phone call',
	4: 'direct dial',
};

const REPORT_INTEGER_FIELDS = ['ringDuration', 'outRecallCount'] as const;
const REPORT_TEXT_FIELDS = ['sipCode'] as const;

/**
 * A pushed status report, typed like a fetched record (its times come as epoch milliseconds and become
 * ISO 8601 in UTC), plus `type` as a number and `typeLabel` as words.
 */
export function typeStatusReport(raw: IDataObject): IDataObject {
	const record = typeCallRecord(raw);
	for (const field of REPORT_INTEGER_FIELDS) record[field] = toInteger(raw[field]);
	for (const field of REPORT_TEXT_FIELDS) record[field] = isBlank(raw[field]) ? null : String(raw[field]);
	const type = toInteger(raw.type);
	record.type = type;
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

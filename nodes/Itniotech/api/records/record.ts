import type { IDataObject } from 'n8n-workflow';
import { isTime, text, timeMs, toDecimal, toInteger, toIsoTime } from './values';

export { isTime, text, timeMs, toDecimal, toInteger, toIsoTime } from './values';

type Typer = (value: unknown) => string | number | null;
/** [output name, typer, the vendor's name when it differs]. */
export type FieldTable = ReadonlyArray<readonly [string, Typer, string?]>;

/** The key a table entry reads from the vendor's record. */
export const vendorKeyOf = (entry: FieldTable[number]): string => entry[2] ?? entry[0];

/**
 * A call record typed for spreadsheets and chat messages: counts are integers, money is a number, times
 * are ISO 8601 strings, the rest text. The one list of documented fields, in the vendor's order: every one
 * is always present (null when the vendor left it out) so sheet columns stay stable. The typers below
 * are made from these tables.
 */
export const CALL_RECORD_FIELDS: FieldTable = [
	['voiceId', text],
	// The vendor's `callee`: the SMS records' name for the same meaning, and n8n's expressions refuse to read
	// a property called `callee` ({{ $json.callee }} fails).
	['number', text, 'callee'],
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

/** The vendor's names the table renames: not passed through again under their own name. */
export const RENAMED_VENDOR_FIELDS: ReadonlySet<string> = new Set(
	CALL_RECORD_FIELDS.flatMap(([, , vendorName]) => (vendorName === undefined ? [] : [vendorName])),
);

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

/**
 * Whether the called person picked up, the one rule for every typed call record (`answered`): a real answer time
 * (not null, and not unreadable text kept as sent), or any talk time. terminationCode is not used: the
 * vendor's pages disagree on whether success is "0" or SIP "200". `record` is typed, so "0" or
 * "0000-00-00 00:00:00" are already null.
 */
export function wasAnswered(record: IDataObject): boolean {
	return isTime(record.answerTime) || Number(record.callDuration) > 0;
}

/**
 * What Simplify keeps of a typed record, in this order: at most 10 fields for a sheet row or a chat message,
 * `voiceId` and `answered` among them. Every name is a field of the tables above (a unit test holds it to that).
 */
export const SIMPLE_CALL_FIELDS: readonly string[] = [
	'voiceId',
	'number',
	'answered',
	'submitTime',
	'answerTime',
	'hangupTime',
	'callDuration',
	'terminationReason',
	'cost',
	'currency',
];
/** SIP records: the same, with the SIP phone's name after the number in place of the currency. */
export const SIMPLE_SIP_FIELDS: readonly string[] = SIMPLE_CALL_FIELDS.flatMap((name) =>
	name === 'currency' ? [] : name === 'number' ? [name, 'phoneName'] : [name],
);

/** The simplified form of a typed record: the named fields only, in that order (null where absent). */
export function simplifyRecord(record: IDataObject, names: readonly string[]): IDataObject {
	const simple: IDataObject = {};
	for (const name of names) simple[name] = record[name] ?? null;
	return simple;
}

/**
 * Fields the reference does not know are passed through after the typed ones (the only keys added later).
 * `known` holds every name the typer reads or writes: a documented field costs one look-up.
 */
function withUnknownFields(
	record: IDataObject,
	raw: IDataObject,
	known: ReadonlySet<string>,
): IDataObject {
	// for…in walks the shape's cached key list; Object.keys would allocate an array per record.
	for (const key in raw) {
		if (!known.has(key) && Object.prototype.hasOwnProperty.call(raw, key) && !(key in record))
			record[key] = raw[key];
	}
	return record;
}

/**
 * The typer of one kind of record, read from its table. Each record starts as a spread copy of one template
 * that has every field of the table and `answered`, in that order: the copy takes the template's hidden class
 * with the fields in-object, so all records of a kind share one shape and stay as small as the vendor's own
 * (the benchmark's memory row checks both).
 */
function recordTyper(table: FieldTable): (raw: IDataObject) => IDataObject {
	const names = table.map(([name]) => name);
	const vendorKeys = table.map(vendorKeyOf);
	const typers = table.map(([, typer]) => typer);
	// Made by JSON.parse, which gives an object every field in-object; a spread copy keeps that layout (an
	// Object.fromEntries template would leave all but four fields in a separate property array per record).
	const template = JSON.parse(
		JSON.stringify(Object.fromEntries([...names.map((name) => [name, null]), ['answered', false]])),
	) as IDataObject;
	const known = new Set([...names, ...vendorKeys, 'answered']);
	return (raw) => {
		const record: IDataObject = { ...template };
		for (let i = 0; i < names.length; i++) record[names[i]] = typers[i](raw[vendorKeys[i]]);
		record.answered = wasAnswered(record);
		return withUnknownFields(record, raw, known);
	};
}

export const typeCallRecord = recordTyper(CALL_RECORD_FIELDS);
export const typeSipRecord = recordTyper([...CALL_RECORD_FIELDS, ...SIP_EXTRA_FIELDS]);

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
 * the end. Each time is read once, not once per comparison (a 31-day window can hold tens of thousands
 * of records), or not at all when the caller already has them (`submitTimes`, in the records' order), and a
 * window that came newest first, as the vendor's pages may, is reversed instead of sorted.
 */
export function sortBySubmitTime(
	records: IDataObject[],
	submitTimes?: ArrayLike<number>,
): IDataObject[] {
	const count = records.length;
	const times = new Float64Array(count);
	let rising = true;
	let falling = true;
	for (let i = 0; i < count; i++) {
		const time = submitTimes === undefined ? timeMs(records[i].submitTime) : submitTimes[i];
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

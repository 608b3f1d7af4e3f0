import type { IDataObject } from 'n8n-workflow';
import {
	CALL_RECORD_FIELDS,
	RENAMED_VENDOR_FIELDS,
	vendorKeyOf,
	text,
	toDecimal,
	toInteger,
	toIsoTime,
	type FieldTable,
	wasAnswered,
} from './record';
import { checkFieldCount, checkScalar, passThrough, pushId } from './pushFields';

/*
 * The voice status push (platform → the user's URL): a call record with a few more fields, its times as
 * epoch milliseconds. Typed like a fetched record, so pushed and fetched calls go through the same nodes.
 */

/** Status pushes carry a few more fields; `type` gets a label next to it (typeStatusReport). */
export const REPORT_EXTRA_FIELDS: FieldTable = [
	['ringDuration', toInteger],
	['outRecallCount', toInteger],
	['sipCode', text],
	['type', toInteger],
];

/** The status push's `type` numbers. */
export const REPORT_TYPES: Readonly<Record<number, string>> = {
	1: 'group call',
	2: 'verification code',
	3: 'phone call',
	4: 'direct dial',
};

const STATUS_REPORT_FIELDS = [...CALL_RECORD_FIELDS, ...REPORT_EXTRA_FIELDS].map(
	(entry) => [vendorKeyOf(entry), entry[1] === text] as const,
);

/**
 * The same report pushed again gets the same key: the call, and when it ended (a call ends once, so a
 * second report with another hang-up time is a new report).
 */
function statusReportKey(voiceId: string, hangupTime: string | null): string {
	return `callStatus:${voiceId}:${hangupTime ?? ''}`;
}

/**
 * A pushed status report, typed like a fetched record (its times come as epoch milliseconds and become
 * ISO 8601 in UTC), plus `type` as a number, `typeLabel` as words and `dedupeKey`. Throws PushFieldError
 * for a voiceId that is not digits and for an object or list where the reference documents one value.
 */
export function typeStatusReport(raw: IDataObject): IDataObject {
	checkFieldCount(raw);
	const voiceId = pushId('voiceId', raw.voiceId);
	for (const [name, isText] of STATUS_REPORT_FIELDS) checkScalar(name, raw[name], isText);
	const type = toInteger(raw.type);
	const hangupTime = toIsoTime(raw.hangupTime);
	const record: IDataObject = {
		voiceId,
		number: text(raw.callee),
		displayNum: text(raw.displayNum),
		code: text(raw.code),
		submitTime: toIsoTime(raw.submitTime),
		callTime: toIsoTime(raw.callTime),
		ringingTime: toIsoTime(raw.ringingTime),
		answerTime: toIsoTime(raw.answerTime),
		hangupTime,
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
		ringDuration: toInteger(raw.ringDuration),
		outRecallCount: toInteger(raw.outRecallCount),
		sipCode: text(raw.sipCode),
		type,
		answered: false,
		typeLabel: type === null ? null : (REPORT_TYPES[type] ?? `type ${type}`),
		dedupeKey: statusReportKey(voiceId, hangupTime),
	};
	record.answered = wasAnswered(record);
	return passThrough(
		record,
		Object.entries(raw).filter(([name]) => !RENAMED_VENDOR_FIELDS.has(name)),
	);
}

import type { IDataObject } from 'n8n-workflow';
import type { FieldTable } from './record';
import { vendorKeyOf } from './record';
import { text, toDecimal, toInteger, toIsoTime } from './values';

/**
 * Typing of the OTP (one-time code) answers: the result of a check, verification records (by ID and by the
 * user's orderId, which the nodes call `reference`), templates and flows. Every documented field is always
 * present (null when the vendor left it out); times are ISO 8601, money numbers, states words. Source: the
 * vendor's OTP pages (verify, record, orderId record, template and flow lists).
 */

/** The vendor's `matched` as a number; "0" as text counts too. Null when missing or not a whole number. */
export function matchedOf(value: unknown): number | null {
	return toInteger(value);
}

/**
 * Why a check did not verify, by the verify page's `matched` (0 is verified). The record pages use only
 * -1…3, with 2 meaning "failed": for a check it is the wrong code.
 */
const CHECK_REASONS: Readonly<Record<number, string>> = {
	[-1]: 'not verified',
	1: 'code still being sent',
	2: 'wrong code',
	3: 'unknown verification',
	4: 'already used',
	5: 'expired',
};

export const WRONG_CODE = 'wrong code';

/** A check's result: verified only for matched 0; any other value, in words (an unknown one shows its number). */
export function checkResult(matched: number): { verified: boolean; reason: string | null } {
	if (matched === 0) return { verified: true, reason: null };
	return {
		verified: false,
		reason: CHECK_REASONS[matched] ?? `not verified (result code ${matched})`,
	};
}

/** A record's `matched` in words (record pages: -1, 0, 1, 2, 3; the verify page adds 4 and 5). */
const RECORD_STATES: Readonly<Record<number, string>> = {
	[-1]: 'not verified',
	0: 'verified',
	1: 'sending',
	2: 'failed',
	3: 'unknown verification',
	4: 'already used',
	5: 'expired',
};

export function verificationState(matched: number | null): string | null {
	if (matched === null) return null;
	return RECORD_STATES[matched] ?? `unknown (result code ${matched})`;
}

function typeBy(table: FieldTable, raw: IDataObject): IDataObject {
	const typed: IDataObject = {};
	for (const entry of table) typed[entry[0]] = entry[1](raw[vendorKeyOf(entry)]);
	return typed;
}

const asObject = (value: unknown): IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: {};

/** The SMS leg (record `sms`): times ISO 8601, `pay` the cost as a number, `status` -1 sending, 0 delivered, 1 failed. */
export const SMS_LEG_FIELDS: FieldTable = [
	['submitTime', toIsoTime, 'submitTm'],
	['sendTime', toIsoTime, 'sendTm'],
	['doneTime', toIsoTime, 'doneTm'],
	['mcc', toInteger],
	['mnc', toInteger],
	['sender', text],
	['chargeCount', toInteger, 'chargeCnt'],
	['cost', toDecimal, 'pay'],
	['statusCode', toInteger, 'status'],
	['reason', text],
];

const SMS_STATUSES: Readonly<Record<number, string>> = {
	[-1]: 'sending',
	0: 'delivered',
	1: 'failed',
};

export function typeSmsLeg(raw: unknown): IDataObject {
	const typed = typeBy(SMS_LEG_FIELDS, asObject(raw));
	const code = typed.statusCode as number | null;
	typed.status = code === null ? null : (SMS_STATUSES[code] ?? `unknown (${code})`);
	return typed;
}

/** The call leg (record `call`): times ISO 8601, durations whole seconds, rate and cost numbers. */
export const CALL_LEG_FIELDS: FieldTable = [
	['terminationCode', toInteger],
	['terminationReason', text],
	['submitTime', toIsoTime],
	['callTime', toIsoTime],
	['ringingTime', toIsoTime],
	['answerTime', toIsoTime],
	['hangupTime', toIsoTime],
	['callDuration', toInteger],
	['chargedDuration', toInteger],
	['displayNum', text],
	['billPeriod', text],
	['code', text],
	['rate', toDecimal],
	['cost', toDecimal],
];

export function typeCallLeg(raw: unknown): IDataObject {
	const typed = typeBy(CALL_LEG_FIELDS, asObject(raw));
	typed.answered = typed.answerTime !== null;
	return typed;
}

/** A leg as a list: the record by ID has one object, the record by orderId one element per flow step. */
function legs(value: unknown, type: (raw: unknown) => IDataObject): IDataObject[] {
	if (Array.isArray(value)) return value.map(type);
	if (typeof value === 'object' && value !== null) return [type(value)];
	return [];
}

/**
 * A verification record (GET record/{id} or POST orderId/record) as one stable item: `verificationId`,
 * `reference` (the vendor's orderId), `number` (oriReceiver), `channel`, `verified` (matched 0 only),
 * `state` in words, `resultCode` (the vendor's matched: a number, 0 = verified, named so nobody branches on it as a yes/no), `verifiedAt`, `flowId`, and the legs `sms` and `call` as lists.
 */
export function typeVerificationRecord(raw: IDataObject): IDataObject {
	const verifications = asObject(raw.verifications);
	const matched = matchedOf(verifications.matched);
	return {
		verificationId: text(raw.verificationId ?? verifications.verificationId),
		reference: text(raw.orderId ?? verifications.orderId),
		number: text(verifications.oriReceiver),
		channel: text(verifications.channel),
		verified: matched === 0,
		state: verificationState(matched),
		resultCode: matched,
		verifiedAt: toIsoTime(verifications.verifiedDate),
		flowId: toInteger(raw.flowId),
		sms: legs(raw.sms, typeSmsLeg),
		call: legs(raw.call, typeCallLeg),
	};
}

const CODE_TYPES: Readonly<Record<number, string>> = {
	1: 'numeric',
	2: 'letters',
	3: 'letters and digits',
	4: 'hexadecimal',
};

export const TEMPLATE_FIELDS: FieldTable = [
	['templateId', toInteger],
	['appId', text],
	['name', text],
	['text', text],
	['codeType', toInteger],
	['codeLength', toInteger],
	['speechRate', toInteger],
	['language', text],
	['maxDuration', toInteger],
	['repeatCount', toInteger, 'repeatCnt'],
	['senderId', text],
];

export function typeTemplate(raw: unknown): IDataObject {
	const typed = typeBy(TEMPLATE_FIELDS, asObject(raw));
	// One field for the kind of code, in words, where the vendor's number was.
	const { codeType, ...rest } = typed;
	const kind = codeType as number | null;
	return { ...rest, codeKind: kind === null ? null : (CODE_TYPES[kind] ?? `type ${kind}`) };
}

/**
 * The entries of a list answer's `data`: an array (flow list), or an object holding one (the template list
 * page types its data "JSONObject"); an object that is itself one entry counts as a list of one.
 */
export function listEntries(data: unknown, idField: string): IDataObject[] {
	if (Array.isArray(data)) return data.map(asObject);
	const object = asObject(data);
	if (idField in object) return [object];
	const list = Object.values(object).find((value) => Array.isArray(value));
	return Array.isArray(list) ? list.map(asObject) : [];
}

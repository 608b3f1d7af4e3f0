import type { IDataObject } from 'n8n-workflow';
import { readIsoDateTime } from './isoTime';
import { toDecimal, toInteger, toIsoTime } from './record';

/**
 * Typing of the SMS query answers (reference sections 3–5): getReport, getSentRcd and recordMo. Every
 * documented field is always present (null when the vendor left it out), so sheet columns stay stable.
 * A meaning the pushes share (smsPush.ts) has the same name, type and place here, so pushed and fetched
 * records fill the same sheet columns: times in UTC, codes (status, mcc, mnc) as text, money as numbers.
 */

/** A message's delivery state in words a workflow can branch on. */
export type DeliveryStatus = 'delivered' | 'sending' | 'failed' | 'notFound';

/**
 * The vendor's per-message status → DeliveryStatus, for the query answers and (shared) for the delivery
 * push. "0" delivered, "-1" still sending, anything else failed: "1" on getReport and the Chinese getSentRcd
 * page, "2" on the English getSentRcd page. A number or a string is accepted (the push sends numbers).
 */
export function deliveryStatusOf(value: unknown): DeliveryStatus {
	const code = value === undefined || value === null ? '' : String(value).trim();
	if (code === '0') return 'delivered';
	if (code === '-1') return 'sending';
	return 'failed';
}

function text(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	const result = typeof value === 'string' ? value : String(value);
	return result.trim() === '' ? null : result;
}

/**
 * The vendor's status code as text, whichever way it came: 404, "404" and " 404 " are all "404" (the push
 * sends numbers, the queries strings). Text that is no whole number is kept as sent; null when empty.
 */
export function statusCodeOf(value: unknown): string | null {
	const code = toInteger(value);
	return code === null ? text(value) : String(code);
}

/**
 * A vendor time (toIsoTime reads every form it sends) as ISO 8601 in UTC, `2024-05-13T02:21:07.000Z`: the
 * same instant is the same text whether it came as epoch milliseconds or as +08:00. A value that is no
 * time is kept as the vendor's text, so nothing is lost.
 */
export function toUtcTime(value: unknown): string | null {
	const iso = toIsoTime(value);
	if (iso === null) return null;
	const time = readIsoDateTime(iso);
	if (time === undefined || time.offsetMinutes === undefined) return iso;
	return new Date(time.wallMs - time.offsetMinutes * 60_000).toISOString();
}

/**
 * A getReport or getSentRcd entry: { msgId, number, status (in words), statusCode, reportTime }. The
 * vendor's `receiveTime` becomes `reportTime`: the English pages call it the receive time, the Chinese
 * page the send time, so it is named for what is sure, the time the report carries.
 */
export function typeDeliveryReport(entry: IDataObject): IDataObject {
	return {
		msgId: text(entry.msgId ?? entry.msgid),
		number: text(entry.number),
		status: deliveryStatusOf(entry.status),
		statusCode: statusCodeOf(entry.status),
		reportTime: toUtcTime(entry.receiveTime),
	};
}

/** A getReport answer's reports, typed, by msgId (entries that are not objects or carry no msgId are left out). */
export function deliveryReportsById(envelope: IDataObject): Map<string, IDataObject> {
	const reports = new Map<string, IDataObject>();
	const array = Array.isArray(envelope.array) ? (envelope.array as unknown[]) : [];
	for (const entry of array) {
		if (typeof entry !== 'object' || entry === null) continue;
		const typed = typeDeliveryReport(entry as IDataObject);
		if (typed.msgId !== null) reports.set(String(typed.msgId), typed);
	}
	return reports;
}

/** What Get Delivery Report outputs for an ID the vendor did not list (queued, unknown, or too old). */
export function notFoundReport(msgId: string): IDataObject {
	return {
		msgId,
		number: null,
		status: 'notFound' satisfies DeliveryStatus,
		statusCode: null,
		reportTime: null,
	};
}

/**
 * A recordMo record: texts, mcc/mnc as text (network codes, sent as numbers here but as text by the delivery
 * push), the price detail flat (money as numbers, billed parts an integer), receiveTime in UTC.
 */
export function typeInboundMessage(record: IDataObject): IDataObject {
	const price = (
		typeof record.pricedetail === 'object' && record.pricedetail !== null ? record.pricedetail : {}
	) as IDataObject;
	return {
		number: text(record.number),
		sendId: text(record.sendId),
		receiveTime: toUtcTime(record.receiveTime),
		content: typeof record.content === 'string' ? record.content : text(record.content),
		mcc: text(record.mcc),
		mnc: text(record.mnc),
		operator: text(record.operator),
		price: toDecimal(price.price),
		chargeCnt: toInteger(price.chargeCnt),
		pay: toDecimal(price.pay),
		currency: text(price.currency),
	};
}

/** One accepted number of a sendSms / sendSms/batch answer: { msgId, number, orderId }. */
export interface AcceptedMessage {
	msgId: string | null;
	number: string;
	orderId: string | null;
}

/** The digits of a number as the vendor may echo it (with or without +, spaces): for matching with the input. */
export function numberKey(value: unknown): string {
	return String(value ?? '').replace(/\D/g, '');
}

/** The `array` of a send answer, typed; entries without a number cannot be matched and are dropped. */
export function acceptedMessages(envelope: IDataObject): AcceptedMessage[] {
	const array = Array.isArray(envelope.array) ? (envelope.array as unknown[]) : [];
	const accepted: AcceptedMessage[] = [];
	for (const entry of array) {
		if (typeof entry !== 'object' || entry === null) continue;
		const row = entry as IDataObject;
		const number = numberKey(row.number);
		if (number === '') continue;
		accepted.push({ msgId: text(row.msgId ?? row.msgid), number, orderId: text(row.orderId) });
	}
	return accepted;
}

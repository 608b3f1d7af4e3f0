import type { IDataObject } from 'n8n-workflow';
import { toDecimal, toInteger, toIsoTime } from './record';

/**
 * Typing of the SMS query answers (reference sections 3–5): getReport, getSentRcd and recordMo. Every
 * documented field is always present (null when the vendor left it out), so sheet columns stay stable.
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

/** A getReport or getSentRcd entry: { msgId, number, status (typed), vendorStatus, receiveTime (ISO 8601) }. */
export function typeDeliveryReport(entry: IDataObject): IDataObject {
	return {
		msgId: text(entry.msgId ?? entry.msgid),
		number: text(entry.number),
		status: deliveryStatusOf(entry.status),
		vendorStatus: text(entry.status),
		receiveTime: toIsoTime(entry.receiveTime),
	};
}

/** What Get Delivery Report outputs for an ID the vendor did not list (queued, unknown, or too old). */
export function notFoundReport(msgId: string): IDataObject {
	return {
		msgId,
		number: null,
		status: 'notFound' satisfies DeliveryStatus,
		vendorStatus: null,
		receiveTime: null,
	};
}

/** A recordMo record: texts, mcc/mnc and billed parts as integers, money as numbers, time as ISO 8601. */
export function typeInboundMessage(record: IDataObject): IDataObject {
	const price = (
		typeof record.pricedetail === 'object' && record.pricedetail !== null ? record.pricedetail : {}
	) as IDataObject;
	return {
		number: text(record.number),
		sendId: text(record.sendId),
		receiveTime: toIsoTime(record.receiveTime),
		content: typeof record.content === 'string' ? record.content : text(record.content),
		mcc: toInteger(record.mcc),
		mnc: toInteger(record.mnc),
		operator: text(record.operator),
		pay: toDecimal(price.pay),
		price: toDecimal(price.price),
		chargeCnt: toInteger(price.chargeCnt),
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

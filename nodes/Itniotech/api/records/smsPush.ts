import type { IDataObject } from 'n8n-workflow';
import { createHash } from 'node:crypto';
import {
	checkFieldCount,
	checkScalar,
	kindOf,
	MAX_ITEM_FIELDS,
	MAX_TEXT_LENGTH as MAX_CONTENT_LENGTH,
	passThrough,
	pushId,
	PushFieldError,
} from './pushFields';
import { toDecimal, toInteger, toIsoTime } from './record';
import { statusCodeOf, toUtcTime } from './sms';

/*
 * The two SMS pushes (platform → the user's URL): delivery reports (pushSmsReport) and inbound messages
 * (pushMoSmsReport). The vendor's samples are loose: a key with a trailing space ("orderId "), `msgid`
 * vs `msgId`, `mcn` for `mnc`, `reply_time`. Keys are therefore matched after trimming, lower-casing and
 * dropping `_`/`-`. The output has the SMS queries' names and types (sms.ts) for every meaning both have, in
 * the same order and first (what only a push has follows), so pushed and fetched records fill the same sheet
 * columns. Every documented field is checked (pushFields.ts): an object or list where one value belongs is
 * refused with the field's vendor name.
 */

function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function text(value: unknown): string | null {
	return isBlank(value) ? null : typeof value === 'string' ? value : String(value);
}

const normalKey = (key: string): string => key.toLowerCase().replace(/[\s_-]/g, '');

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads fields by any of their spellings; remembers which keys it used, so the rest can be passed through. */
class Fields {
	private readonly keys = new Map<string, string[]>();
	private readonly used = new Set<string>();

	constructor(
		private readonly raw: IDataObject,
		private readonly prefix = '',
	) {
		for (const key of Object.keys(raw)) {
			const name = normalKey(key);
			const list = this.keys.get(name);
			if (list) list.push(key);
			else this.keys.set(name, [key]);
		}
	}

	/** The first non-blank value under any of `names` (normalised spellings); undefined when none. */
	get(...names: string[]): unknown {
		let found: unknown;
		for (const name of names) {
			for (const key of this.keys.get(name) ?? []) {
				this.used.add(key);
				if (found === undefined && !isBlank(this.raw[key])) found = this.raw[key];
			}
		}
		return found;
	}

	/** `get`, checked to be one value (not an object or list); `field` names it in a refusal. */
	scalar(field: string, asText: boolean, ...names: string[]): unknown {
		const value = this.get(...names);
		checkScalar(`${this.prefix}${field}`, value, asText);
		return value;
	}

	/** Every key not read, trimmed ("orderId " → "orderId"), within pushFields' limits; the first of two that trim alike wins. */
	rest(into: IDataObject): IDataObject {
		const unread = Object.keys(this.raw)
			.filter((key) => !this.used.has(key))
			.map((key) => [key.trim(), this.raw[key]] as const);
		return passThrough(into, unread);
	}
}

const PRICE_DETAIL =
	'an object such as {"pay": "0.02", "chargeCnt": 2, "currency": "USD", "price": "0.01"}';

/** The price detail, flat: money as numbers, billed parts as an integer. Also read when sent at the top level. */
function priceOf(fields: Fields): {
	price: number | null;
	chargeCnt: number | null;
	pay: number | null;
	currency: string | null;
} {
	const nested = fields.get('pricedetail');
	if (nested !== undefined && !isObject(nested)) {
		throw new PushFieldError('pricedetail', `is ${kindOf(nested)}; allowed: ${PRICE_DETAIL}`);
	}
	if (nested !== undefined) checkFieldCount(nested);
	const detail = nested === undefined ? undefined : new Fields(nested, 'pricedetail.');
	const read = (name: string, asText: boolean) =>
		detail?.scalar(name, asText, name.toLowerCase()) ??
		fields.scalar(name, asText, name.toLowerCase());
	return {
		price: toDecimal(read('price', false)),
		chargeCnt: toInteger(read('chargeCnt', false)),
		pay: toDecimal(read('pay', false)),
		currency: text(read('currency', true)),
	};
}

/**
 * Whether `value` is an object with a key of each group (normalised spellings). Reads at most MAX_ITEM_FIELDS
 * keys: an object with more counts as one, and its typing refuses it for the number of its fields.
 */
function hasFieldsOf(value: unknown, ...groups: string[][]): value is IDataObject {
	if (!isObject(value)) return false;
	const names = new Set<string>();
	for (const key in value) {
		if (names.size >= MAX_ITEM_FIELDS) return true;
		names.add(normalKey(key));
	}
	return groups.every((spellings) => spellings.some((name) => names.has(name)));
}

/** A delivery report is an object with a message ID and a status (in any of the spellings above). */
export function isDeliveryReport(value: unknown): value is IDataObject {
	return hasFieldsOf(value, ['msgid'], ['status']);
}

/** An inbound message is an object with the sender's number (`mobile`) and a `content`. */
export function isInboundMessage(value: unknown): value is IDataObject {
	return hasFieldsOf(value, ['mobile', 'number'], ['content']);
}

export const DELIVERY_STATUSES = ['delivered', 'failed'] as const;

/**
 * The same report pushed again gets the same key: the message, its status code and the report's time (as
 * toIsoTime reads the vendor's value, which the key has always held).
 */
function deliveryReportKey(
	msgId: string,
	statusCode: string | null,
	vendorTime: string | null,
): string {
	return `smsDelivery:${msgId}:${statusCode ?? ''}:${vendorTime ?? ''}`;
}

/**
 * A pushed delivery report, named like Get Delivery Report's: `status` is "delivered" (code 0) or "failed"
 * (any other code, kept as text in `statusCode`); null when the push has no status value. The push's
 * `timestamp` (epoch ms; the send time on most vendor pages, the report time on one Onbuka page, like the
 * queries' receiveTime) becomes `reportTime` in UTC. mcc/mnc stay text: an MNC's leading zero is part of it
 * ("05" is not "5"). Throws PushFieldError for a msgid that is not digits or a status that is not a code.
 */
export function typeSmsDeliveryReport(raw: IDataObject): IDataObject {
	checkFieldCount(raw);
	const fields = new Fields(raw);
	const msgId = pushId('msgid', fields.get('msgid'));
	const rawStatus = fields.get('status');
	if (
		rawStatus !== undefined &&
		typeof rawStatus !== 'number' &&
		(typeof rawStatus !== 'string' || rawStatus.length > 64)
	) {
		throw new PushFieldError(
			'status',
			`is ${kindOf(rawStatus)}; allowed: a status code (a number, or a short text such as "0")`,
		);
	}
	const statusCode = statusCodeOf(rawStatus);
	const vendorTime = toIsoTime(fields.scalar('timestamp', false, 'timestamp'));
	const price = priceOf(fields);
	const record: IDataObject = {
		msgId,
		number: text(fields.scalar('mobile', true, 'mobile', 'number')),
		status: statusCode === null ? null : statusCode === '0' ? 'delivered' : 'failed',
		statusCode,
		reportTime: toUtcTime(vendorTime),
		reason: text(fields.scalar('reason', true, 'reason')),
		orderId: text(fields.scalar('orderId', true, 'orderid')),
		appId: text(fields.scalar('appId', true, 'appid')),
		mcc: text(fields.scalar('mcc', true, 'mcc')),
		mnc: text(fields.scalar('mnc', true, 'mnc', 'mcn')),
		price: price.price,
		chargeCnt: price.chargeCnt,
		pay: price.pay,
		currency: price.currency,
		dedupeKey: deliveryReportKey(msgId, statusCode, vendorTime),
	};
	return fields.rest(record);
}

/**
 * The same message pushed again gets the same key. Whether the vendor's msgid is the reply's own ID or the
 * ID of the message replied to is unclear, so the sender, the receive time (as toIsoTime reads the
 * vendor's value, which the key has always held) and the text count too (the text as a short hash: a key
 * stays short however long the message).
 */
function inboundMessageKey(
	msgId: string | null,
	number: string | null,
	vendorTime: string | null,
	content: string | null,
): string {
	const contentHash = createHash('sha256')
		.update(content ?? '')
		.digest('hex')
		.slice(0, 16);
	return `smsInbound:${msgId ?? ''}:${number ?? ''}:${vendorTime ?? ''}:${contentHash}`;
}

/**
 * A pushed inbound message (a reply to one of the user's messages), named like Get Many Received's records,
 * plus `msgId`. `number` is the end user's number (the push's `mobile`), `sendId` the vendor's `sendid` (in
 * samples the number that was replied to), and `receiveTime` the push's `reply_time`, which has no zone, is
 * read in the vendor's +08:00 like its other times and output in UTC. The content is kept exactly as sent;
 * it must be text (PushFieldError otherwise).
 */
export function typeSmsInboundMessage(raw: IDataObject): IDataObject {
	checkFieldCount(raw);
	const fields = new Fields(raw);
	const content = fields.get('content');
	if (
		content !== undefined &&
		(typeof content !== 'string' || content.length > MAX_CONTENT_LENGTH)
	) {
		throw new PushFieldError(
			'content',
			`is ${kindOf(content)}; allowed: text (up to ${MAX_CONTENT_LENGTH} characters)`,
		);
	}
	const msgId = text(fields.scalar('msgid', true, 'msgid'));
	const number = text(fields.scalar('mobile', true, 'mobile', 'number'));
	const vendorTime = toIsoTime(fields.scalar('reply_time', false, 'replytime', 'receivetime'));
	const price = priceOf(fields);
	const record: IDataObject = {
		number,
		sendId: text(fields.scalar('sendid', true, 'sendid')),
		receiveTime: toUtcTime(vendorTime),
		content: content ?? null,
		mcc: text(fields.scalar('mcc', true, 'mcc')),
		mnc: text(fields.scalar('mnc', true, 'mnc', 'mcn')),
		operator: text(fields.scalar('operator', true, 'operator')),
		price: price.price,
		chargeCnt: price.chargeCnt,
		pay: price.pay,
		currency: price.currency,
		msgId,
		dedupeKey: inboundMessageKey(msgId, number, vendorTime, content ?? null),
	};
	return fields.rest(record);
}

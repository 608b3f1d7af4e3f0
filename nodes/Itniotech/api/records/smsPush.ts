import type { IDataObject } from 'n8n-workflow';
import { toDecimal, toInteger, toIsoTime } from './record';

/*
 * The two SMS pushes (platform → the user's URL): delivery reports (pushSmsReport) and inbound messages
 * (pushMoSmsReport). The vendor's samples are loose: a key with a trailing space ("orderId "), `msgid`
 * vs `msgId`, `mcn` for `mnc`, `reply_time`. Keys are therefore matched after trimming, lower-casing and
 * dropping `_`/`-`, and the output uses one spelling, the one the SMS queries use (msgId, number, sendId,
 * receiveTime), so a workflow can treat pushed and fetched records alike.
 */

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
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

	constructor(private readonly raw: IDataObject) {
		for (const key of Object.keys(raw)) {
			const name = normalKey(key);
			const list = this.keys.get(name);
			if (list) list.push(key);
			else this.keys.set(name, [key]);
		}
	}

	has(name: string): boolean {
		return this.keys.has(name);
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

	/** Every key not read, trimmed ("orderId " → "orderId"); the first of two that trim alike wins. */
	rest(into: IDataObject): IDataObject {
		for (const key of Object.keys(this.raw)) {
			const name = key.trim();
			if (!this.used.has(key) && !(name in into)) into[name] = this.raw[key];
		}
		return into;
	}
}

/** The price detail, flat: money as numbers, billed parts as an integer. Also read when sent at the top level. */
function priceOf(fields: Fields): { price: number | null; chargeCnt: number | null; pay: number | null; currency: string | null } {
	const nested = fields.get('pricedetail');
	const detail = isObject(nested) ? new Fields(nested) : undefined;
	const read = (...names: string[]) => detail?.get(...names) ?? fields.get(...names);
	return {
		price: toDecimal(read('price')),
		chargeCnt: toInteger(read('chargecnt')),
		pay: toDecimal(read('pay')),
		currency: text(read('currency')),
	};
}

/** A delivery report is an object with a message ID and a status (in any of the spellings above). */
export function isDeliveryReport(value: unknown): value is IDataObject {
	if (!isObject(value)) return false;
	const fields = new Fields(value);
	return fields.has('msgid') && fields.has('status');
}

/** An inbound message is an object with the sender's number (`mobile`) and a `content`. */
export function isInboundMessage(value: unknown): value is IDataObject {
	if (!isObject(value)) return false;
	const fields = new Fields(value);
	return (fields.has('mobile') || fields.has('number')) && fields.has('content');
}

export const DELIVERY_STATUSES = ['delivered', 'failed'] as const;

/**
 * A pushed delivery report: `status` is "delivered" (code 0) or "failed" (any other code, kept as
 * `statusCode`); null when the push has no status value. `timestamp` (epoch ms; the send time on most
 * vendor pages, the report time on one Onbuka page) becomes ISO 8601 in UTC. mcc/mnc stay text: an MNC's
 * leading zero is part of it ("05" is not "5").
 */
export function typeSmsDeliveryReport(raw: IDataObject): IDataObject {
	const fields = new Fields(raw);
	const rawStatus = fields.get('status');
	const code = toInteger(rawStatus);
	const statusCode = code ?? text(rawStatus);
	const price = priceOf(fields);
	const record: IDataObject = {
		msgId: text(fields.get('msgid')),
		number: text(fields.get('mobile', 'number')),
		status: statusCode === null ? null : code === 0 ? 'delivered' : 'failed',
		statusCode,
		reason: text(fields.get('reason')),
		timestamp: toIsoTime(fields.get('timestamp')),
		orderId: text(fields.get('orderid')),
		appId: text(fields.get('appid')),
		mcc: text(fields.get('mcc')),
		mnc: text(fields.get('mnc', 'mcn')),
		price: price.price,
		chargeCnt: price.chargeCnt,
		pay: price.pay,
		currency: price.currency,
	};
	return fields.rest(record);
}

/**
 * A pushed inbound message (a reply to one of the user's messages). `number` is the end user's number
 * (the push's `mobile`), `sendId` the vendor's `sendid` (in samples the number that was replied to), and
 * `receiveTime` the push's `reply_time`, which has no zone and is read in the vendor's +08:00 like its
 * other times. The content is kept exactly as sent.
 */
export function typeSmsInboundMessage(raw: IDataObject): IDataObject {
	const fields = new Fields(raw);
	const content = fields.get('content');
	const price = priceOf(fields);
	const record: IDataObject = {
		msgId: text(fields.get('msgid')),
		number: text(fields.get('mobile', 'number')),
		sendId: text(fields.get('sendid')),
		receiveTime: toIsoTime(fields.get('replytime', 'receivetime')),
		content: content === undefined ? null : typeof content === 'string' ? content : JSON.stringify(content),
		mcc: text(fields.get('mcc')),
		mnc: text(fields.get('mnc', 'mcn')),
		operator: text(fields.get('operator')),
		price: price.price,
		chargeCnt: price.chargeCnt,
		pay: price.pay,
		currency: price.currency,
	};
	return fields.rest(record);
}

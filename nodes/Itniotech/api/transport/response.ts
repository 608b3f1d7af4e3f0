import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { FailedRequest, Failure } from './failures';
import { httpFailure, invalidResponse, redirectFailure, vendorFailure } from './answerFailures';
import { parseJsonKeepingDigits } from './json';

/**
 * Reading one HTTP answer: the vendor's envelope (`status` 0 plus the endpoint's fields), or the failure
 * it is. The vendor reports errors inside HTTP 200, and a proxy's HTML or a truncated body must be reported
 * as such rather than half-parsed, so the raw text is read here.
 */

/**
 * The vendor's answer: `status` "0" plus the endpoint's fields (`data`, or top-level for getBalance). The
 * task endpoints' `{code, msg}` arrives here as `status` and `reason` too.
 */
export interface VendorEnvelope extends IDataObject {
	status: string;
	reason?: string;
}

export type ReadAnswer = { envelope: VendorEnvelope } | { failure: Failure };

/** An HTTP answer with its body already read as text (answerBody.ts). */
export interface HttpAnswer {
	statusCode: number;
	headers?: IDataObject;
	text: string;
}

export function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

/** Retry-After as seconds or an HTTP date, in ms from now. */
export function parseRetryAfter(
	value: string | undefined,
	nowMs: number = Date.now(),
): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HTTP_DATE =
	/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** An HTTP Date header in the one form servers must send (IMF-fixdate), in ms; anything else is undefined. */
export function parseHttpDate(value: string | undefined): number | undefined {
	const match = HTTP_DATE.exec(value?.trim() ?? '');
	if (!match) return undefined;
	const [, day, monthName, year, hours, minutes, seconds] = match;
	const month = MONTHS.indexOf(monthName);
	const ms = Date.UTC(
		Number(year),
		month,
		Number(day),
		Number(hours),
		Number(minutes),
		Number(seconds),
	);
	// Rejects 31 Feb and 25:00 rather than rolling them over.
	const back = new Date(ms);
	const exact =
		month >= 0 && back.getUTCDate() === Number(day) && back.getUTCHours() === Number(hours);
	return exact && Number(minutes) < 60 && Number(seconds) < 60 ? ms : undefined;
}

/**
 * The envelope's status and reason in either of the vendor's styles: `{status, reason}` (most endpoints) or
 * `{code, msg}` (the group-call task endpoints); `status` wins when an answer has both. Undefined: neither.
 */
function statusAndReason(
	parsed: IDataObject,
): { status: unknown; reason: unknown; codeStyle: boolean } | undefined {
	if ('status' in parsed) return { status: parsed.status, reason: parsed.reason, codeStyle: false };
	if ('code' in parsed) return { status: parsed.code, reason: parsed.msg, codeStyle: true };
	return undefined;
}

/**
 * The JSON object with a status a 2xx body must be, or the invalid answer it is instead. Both envelope
 * styles come out as `{status, reason, ...}`, so nothing above this function tells them apart.
 */
function parseEnvelope(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	request: FailedRequest,
	text: string,
): ReadAnswer {
	const invalid = (what: string, shown: string): ReadAnswer => ({
		failure: invalidResponse(ctx, request, what, shown),
	});
	const trimmed = text.trim();
	if (trimmed === '') return invalid('an empty answer', trimmed);
	if (trimmed.startsWith('<')) return invalid('an HTML page', trimmed);
	let parsed: unknown;
	try {
		parsed = parseJsonKeepingDigits(trimmed);
	} catch {
		return invalid('an answer that is not valid JSON', trimmed);
	}
	const read =
		typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? statusAndReason(parsed as IDataObject)
			: undefined;
	if (!read) return invalid('an answer without a status', trimmed);
	const { status, reason, codeStyle } = read;
	// Only text or a number is a status: `[0]` or `{}` would otherwise read as "0" and count as success.
	if (typeof status !== 'string' && typeof status !== 'number') {
		return invalid('an answer whose status is neither text nor a number', trimmed);
	}
	const envelope = { ...(parsed as IDataObject) } as VendorEnvelope;
	if (codeStyle) {
		delete envelope.code;
		delete envelope.msg;
		if (reason !== undefined) envelope.reason = reason as string;
	}
	envelope.status = String(status).trim();
	return { envelope };
}

/** Reads one HTTP answer: redirects and other HTTP statuses, then the vendor's envelope and status. */
export function readResponse(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	request: FailedRequest,
	answer: HttpAnswer,
): ReadAnswer {
	const { statusCode, headers, text } = answer;
	if (statusCode >= 300 && statusCode <= 399) {
		return { failure: redirectFailure(ctx, request, statusCode, headerValue(headers, 'location')) };
	}
	if (statusCode < 200 || statusCode > 299) {
		const retryAfterMs = parseRetryAfter(headerValue(headers, 'retry-after'));
		return {
			failure: httpFailure(ctx, request, statusCode, text.trim().startsWith('<'), retryAfterMs),
		};
	}
	const read = parseEnvelope(ctx, request, text);
	if ('failure' in read || read.envelope.status === '0') return read;
	const { status, reason } = read.envelope;
	// The server's clock, for correcting this host's timestamp after a -16 (clock.ts decides whether to).
	return {
		failure: vendorFailure(
			ctx,
			request,
			status,
			reason,
			parseHttpDate(headerValue(headers, 'date')),
		),
	};
}

import type { IDataObject, IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';
import type { FailedRequest, Failure } from './failures';
import { httpFailure, invalidResponse, vendorFailure } from './failures';

/**
 * Reading one HTTP answer: the vendor's envelope (`status` "0" plus the endpoint's fields), or the failure
 * it is. The vendor reports errors inside HTTP 200, and a proxy's HTML or a truncated body must be reported
 * as such rather than half-parsed, so the raw text is read here.
 */

/** No vendor answer comes near this; anything larger is a misconfigured proxy or the wrong host. */
export const MAX_RESPONSE_CHARS = 16 * 1024 * 1024;

/** The vendor's answer: `status` "0" plus the endpoint's fields (`data`, or top-level for getBalance). */
export interface VendorEnvelope extends IDataObject {
	status: string;
	reason?: string;
}

export type ReadAnswer = { envelope: VendorEnvelope } | { failure: Failure };

function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

/** Retry-After as seconds or an HTTP date, in ms from now. */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** The response body as text, whatever form the HTTP helper handed it over in. */
function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body === undefined || body === null) return '';
	return JSON.stringify(body);
}

/** The JSON object with a `status` a 2xx body must be, or the invalid answer it is instead. */
function parseEnvelope(ctx: IExecuteFunctions, request: FailedRequest, text: string): ReadAnswer {
	const invalid = (what: string, shown: string): ReadAnswer => ({ failure: invalidResponse(ctx, request, what, shown) });
	if (text.length > MAX_RESPONSE_CHARS) return invalid(`an answer of ${Math.round(text.length / 1048576)} MB`, text);
	const trimmed = text.trim();
	if (trimmed === '') return invalid('an empty answer', trimmed);
	if (trimmed.startsWith('<')) return invalid('an HTML page', trimmed);
	let parsed: unknown;
	try {
		parsed = JSON.parse(trimmed);
	} catch {
		return invalid('an answer that is not valid JSON', trimmed);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('status' in parsed)) {
		return invalid('an answer without a status', trimmed);
	}
	const envelope = { ...(parsed as IDataObject) } as VendorEnvelope;
	envelope.status = String(envelope.status).trim();
	return { envelope };
}

/** Reads one HTTP answer: transport problems, then the vendor's envelope and status. */
export function readResponse(ctx: IExecuteFunctions, request: FailedRequest, response: IN8nHttpFullResponse): ReadAnswer {
	const text = bodyText(response.body);
	const headers = response.headers as IDataObject | undefined;
	if (response.statusCode < 200 || response.statusCode > 299) {
		const retryAfterMs = parseRetryAfter(headerValue(headers, 'retry-after'));
		return { failure: httpFailure(ctx, request, response.statusCode, text.trim().startsWith('<'), retryAfterMs) };
	}
	const answer = parseEnvelope(ctx, request, text);
	if ('failure' in answer || answer.envelope.status === '0') return answer;
	const { status, reason } = answer.envelope;
	// The server's clock, for correcting this host's timestamp after a -16.
	const serverDateMs = Date.parse(headerValue(headers, 'date') ?? '');
	const dateMs = Number.isNaN(serverDateMs) ? undefined : serverDateMs;
	return { failure: vendorFailure(ctx, request, status, reason, dateMs) };
}

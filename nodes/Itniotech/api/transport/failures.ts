import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { describeVendorStatus } from '../statusCodes';

/**
 * Every way a request can fail, classified: the error a user sees (what happened and what to do), a short
 * reason for the attempt log, and whether trying again may help.
 */

/** What of a request a failure message needs. */
export interface FailedRequest {
	path: string;
	itemIndex: number;
	isSend?: boolean;
	unknownOutcome?: UnknownOutcomeWords;
	/** The configured API origin, for naming where a redirect points. */
	origin?: string;
}

/**
 * How a node words a send whose outcome is unknown: `what` may have happened ("the call was placed"), and
 * how to `check` before sending again. Each node passes its own; the default speaks of no product.
 */
export interface UnknownOutcomeWords {
	what: string;
	check: string;
}

export const NEUTRAL_UNKNOWN_OUTCOME: UnknownOutcomeWords = {
	what: 'Itniotech acted on the request',
	check: 'check in the Itniotech console before sending again, so nothing is sent twice',
};

/** One failed attempt: the error to show, a short reason for the attempt log, and whether to try again. */
export interface Failure {
	error: NodeApiError;
	reason: string;
	transient: boolean;
	retryAfterMs?: number;
	/** The server's clock (its Date header) with a vendor status: what the clock correction needs after a -16. */
	serverDateMs?: number;
	vendorStatus?: string;
	/** A send whose request may have reached Itniotech without an answer saying what happened. */
	outcomeUnknown?: boolean;
}

const SNIPPET_LENGTH = 120;
/** " It is unknown whether Itniotech acted on the request: <check>." in the request's words. */
function unknownOutcomeAdvice(request: FailedRequest): string {
	const { check } = request.unknownOutcome ?? NEUTRAL_UNKNOWN_OUTCOME;
	return ` It is unknown whether Itniotech acted on the request: ${check}.`;
}
const CHECK_URL = 'Check the Base URL in the Itniotech credential and that this n8n server can reach it.';

/** Whether an error of a send says that the call may have been placed (no answer said either way). */
export function isOutcomeUnknown(error: unknown): boolean {
	return error instanceof NodeApiError && error.context.sendOutcome === 'unknown';
}

/** A short, single-line preview of an unexpected body, so the error shows what came back. */
export function snippet(text: string, length = SNIPPET_LENGTH): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

function apiError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	response: JsonObject,
	message: string,
	description: string,
	httpCode?: string,
): NodeApiError {
	// A plain object (never the axios error) is handed over, so request headers such as Sign stay out of the error.
	return new NodeApiError(ctx.getNode(), response, { message, description, httpCode, itemIndex });
}

/**
 * Failures that happen before a request leaves this host: nothing can have reached Itniotech. Node's HTTP
 * client refuses a header with an invisible character (ERR_INVALID_CHAR) before connecting.
 */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ERR_INVALID_CHAR',
	'ERR_INVALID_HTTP_TOKEN',
	'ERR_INVALID_HEADER_VALUE',
	'ERR_INVALID_URL',
	'ERR_INVALID_PROTOCOL',
]);
const TRANSIENT_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

interface NetworkCause {
	code?: string;
	message?: string;
}

/** The network-level cause of a failed request (n8n wraps axios' error; we read only its code and message). */
function networkCauseOf(error: unknown): NetworkCause {
	const outer = error as { cause?: NetworkCause; code?: string; message?: string };
	const cause = outer.cause ?? outer;
	return { code: cause.code ?? outer.code, message: cause.message ?? outer.message };
}

const timedOut = ({ code, message }: NetworkCause) =>
	code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message ?? '');

/** ERR_BAD_RESPONSE / "aborted": the connection dropped while the answer was still arriving. */
const hungUp = ({ code, message }: NetworkCause) =>
	code === 'ECONNRESET' || code === 'ERR_BAD_RESPONSE' || /socket hang up|aborted/i.test(message ?? '');

/** A network failure in words: what happened, what to do, and a short reason for the attempt log. */
function describeNetworkCause(cause: NetworkCause, timeoutSeconds: number) {
	const { code, message } = cause;
	if (timedOut(cause)) {
		const summary = `Itniotech did not answer within ${timeoutSeconds} seconds (timeout)`;
		return { summary, action: 'Try again later, or raise the Timeout option of this node.', reason: 'timeout' };
	}
	if (code === 'ECONNREFUSED') {
		return { summary: 'Could not connect to Itniotech: the connection was refused', action: CHECK_URL, reason: 'connection refused' };
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return { summary: 'Could not find the Itniotech server (DNS lookup failed)', action: CHECK_URL, reason: 'DNS lookup failed' };
	}
	if (hungUp(cause)) {
		const action = 'Try again in a moment. If it keeps happening, check proxies or firewalls between n8n and Itniotech.';
		return { summary: 'The connection to Itniotech was closed before an answer arrived', action, reason: 'connection reset' };
	}
	if (code) return { summary: `The request to Itniotech failed (${code})`, action: CHECK_URL, reason: code };
	// Not a network failure: e.g. the credential's own check of its fields, whose message says it all.
	const summary = message ? snippet(message, 300) : 'The request to Itniotech failed';
	return { summary, action: CHECK_URL, reason: summary };
}

/** A request that got no HTTP answer: timeout, refused or reset connection, DNS, or the credential's own refusal. */
export function networkFailure(ctx: IExecuteFunctions, request: FailedRequest, timeoutSeconds: number, error: unknown): Failure {
	const cause = networkCauseOf(error);
	const { code } = cause;
	const described = describeNetworkCause(cause, timeoutSeconds);
	let { summary, action } = described;
	const outcomeUnknown = request.isSend === true && code !== undefined && !NOT_SENT_CODES.has(code);
	if (outcomeUnknown) {
		summary = `${summary}: the request may have reached Itniotech`;
		const words = request.unknownOutcome ?? NEUTRAL_UNKNOWN_OUTCOME;
		action = `It is unknown whether ${words.what}: ${words.check}.`; // one sentence, not the generic one again
	}
	if (request.isSend === true && !outcomeUnknown) {
		action = `${action} The request did not leave this n8n host, so nothing was sent.`;
	}
	const transient = (timedOut(cause) || hungUp(cause) || (code !== undefined && TRANSIENT_CODES.has(code))) && code !== 'ENOTFOUND';
	// No `code` key: n8n would replace our message with its generic text for known network codes.
	const response = { kind: 'network', networkCode: code ?? 'unknown', path: request.path };
	return {
		error: apiError(ctx, request.itemIndex, response, summary, action),
		reason: described.reason,
		transient,
		outcomeUnknown,
	};
}

function httpStatusAdvice(statusCode: number): string {
	if (statusCode === 429) return 'Too many requests were sent at once: wait a moment and try again.';
	if (statusCode === 404)
		return 'The address was not found: check the Base URL and the Platform in the credential (for Other Brand also the Path Layout).';
	if (statusCode === 401 || statusCode === 403)
		return 'Access was refused before Itniotech read the request: check the Base URL and any proxy in between.';
	if (statusCode >= 500)
		return 'The Itniotech server, or a proxy in front of it, failed. Try again in a few minutes.';
	return 'Check the Base URL in the Itniotech credential.';
}

/** An HTTP status outside 2xx: 5xx, 408 and 429 are worth another try (after Retry-After, if given). */
export function httpFailure(
	ctx: IExecuteFunctions,
	request: FailedRequest,
	statusCode: number,
	looksHtml: boolean,
	retryAfterMs: number | undefined,
): Failure {
	return {
		error: apiError(
			ctx,
			request.itemIndex,
			{ kind: 'http', httpStatus: statusCode, path: request.path },
			`Itniotech answered with HTTP ${statusCode}${looksHtml ? ' and an HTML page' : ''} instead of a result`,
			`${httpStatusAdvice(statusCode)}${request.isSend ? unknownOutcomeAdvice(request) : ''}`,
			String(statusCode),
		),
		reason: `HTTP ${statusCode}`,
		transient: statusCode >= 500 || statusCode === 429 || statusCode === 408,
		retryAfterMs,
		outcomeUnknown: request.isSend,
	};
}

/** The origin (scheme, host, port) a redirect points to, resolved against the request's own address. */
function redirectOrigin(location: string | undefined, base: string | undefined): string {
	if (location === undefined || location.trim() === '') return 'an address it did not name';
	try {
		return new URL(location.trim(), base).origin;
	} catch {
		return `"${snippet(location).slice(0, 60)}"`;
	}
}

/**
 * A 3xx answer. Redirects are never followed: the signature headers would go to the new host, and a send
 * would be repeated there. The server did not act on a request it redirected, so a send is not placed.
 */
export function redirectFailure(
	ctx: IExecuteFunctions,
	request: FailedRequest,
	statusCode: number,
	location: string | undefined,
): Failure {
	const target = redirectOrigin(location, request.origin);
	const notSent = request.isSend ? ' Nothing was sent.' : '';
	return {
		error: apiError(
			ctx,
			request.itemIndex,
			{ kind: 'redirect', httpStatus: statusCode, path: request.path, redirectOrigin: target },
			`The Itniotech address answered with a redirect (HTTP ${statusCode}) to ${target}, which the node does not follow`,
			`Check the Platform and the Base URL in the Itniotech credential: enter the API address itself, not one that redirects.${notSent}`,
			String(statusCode),
		),
		reason: `redirect (HTTP ${statusCode})`,
		transient: false,
		outcomeUnknown: false,
	};
}

/** An answer larger than the node reads: stopped at the cap, and not asked for again. */
export function tooLargeFailure(ctx: IExecuteFunctions, request: FailedRequest, maxBytes: number): Failure {
	const failure = invalidResponse(ctx, request, `an answer larger than ${maxBytes / 1048576} MB`, '');
	failure.error.description = `No Itniotech answer is this large: this usually means a proxy or the wrong Base URL. Check the credential.${request.isSend ? unknownOutcomeAdvice(request) : ''}`;
	return { ...failure, transient: false };
}

/** A 2xx answer that is not the vendor's envelope: empty, HTML, not JSON, too large, or without a status. */
export function invalidResponse(ctx: IExecuteFunctions, request: FailedRequest, what: string, text: string): Failure {
	return {
		error: apiError(
			ctx,
			request.itemIndex,
			{ kind: 'invalid-response', path: request.path },
			`Itniotech sent ${what} instead of a result`,
			`The answer began with: ${snippet(text) || '(empty)'}. This usually means a proxy or the wrong Base URL; check the credential and try again later.${request.isSend ? unknownOutcomeAdvice(request) : ''}`,
		),
		reason: what,
		transient: true,
		outcomeUnknown: request.isSend,
	};
}

/** The vendor refused the request: its status, meaning and what to do (statusCodes.ts), with its own reason. */
export function vendorFailure(
	ctx: IExecuteFunctions,
	request: FailedRequest,
	status: string,
	vendorReason: unknown,
	serverDateMs: number | undefined,
): Failure {
	const { meaning, action, transient } = describeVendorStatus(status);
	const reason = typeof vendorReason === 'string' ? snippet(vendorReason) : '';
	const error = apiError(
		ctx,
		request.itemIndex,
		{ status, reason },
		`Itniotech error ${status}: ${meaning}`,
		reason ? `${action} (Itniotech said: "${reason}")` : action,
		status,
	);
	error.context.vendorStatus = status;
	return { error, reason: `Itniotech error ${status}`, transient: transient === true, vendorStatus: status, serverDateMs };
}

/** The error of the last attempt, telling why no further attempt was made and what every attempt met. */
export function finalError(failure: Failure, reasons: string[], waitedTooLongMs?: number): NodeApiError {
	const { error } = failure;
	if (waitedTooLongMs !== undefined) {
		error.description = `${error.description ?? ''} Itniotech asked to wait ${Math.round(waitedTooLongMs / 1000)} seconds before trying again.`.trim();
	}
	if (reasons.length > 1) {
		const log = reasons.map((reason, i) => `${i + 1}) ${reason}`).join(', ');
		error.description = `${error.description ?? ''} Tried ${reasons.length} times: ${log}.`.trim();
		error.context.attempts = reasons.length;
	}
	if (failure.outcomeUnknown) error.context.sendOutcome = 'unknown';
	return error;
}

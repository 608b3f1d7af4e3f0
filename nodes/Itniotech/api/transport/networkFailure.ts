import type { IExecuteFunctions } from 'n8n-workflow';
import type { FailedRequest, Failure } from './failures';
import { apiError, CHECK_URL, NEUTRAL_UNKNOWN_OUTCOME, snippet } from './failures';

/** Requests that got no HTTP answer: what happened, whether it may have reached Itniotech, and what to do. */

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
	code === 'ECONNRESET' ||
	code === 'ERR_BAD_RESPONSE' ||
	/socket hang up|aborted/i.test(message ?? '');

/** A network failure in words: what happened, what to do, and a short reason for the attempt log. */
function describeNetworkCause(cause: NetworkCause, timeoutSeconds: number) {
	const { code, message } = cause;
	if (timedOut(cause)) {
		const summary = `Itniotech did not answer within ${timeoutSeconds} seconds (timeout)`;
		return {
			summary,
			action: 'Try again later, or raise the Timeout option of this node.',
			reason: 'timeout',
		};
	}
	if (code === 'ECONNREFUSED') {
		return {
			summary: 'Could not connect to Itniotech: the connection was refused',
			action: CHECK_URL,
			reason: 'connection refused',
		};
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return {
			summary: 'Could not find the Itniotech server (DNS lookup failed)',
			action: CHECK_URL,
			reason: 'DNS lookup failed',
		};
	}
	if (hungUp(cause)) {
		const action =
			'Try again in a moment. If it keeps happening, check proxies or firewalls between n8n and Itniotech.';
		return {
			summary: 'The connection to Itniotech was closed before an answer arrived',
			action,
			reason: 'connection reset',
		};
	}
	if (code)
		return {
			summary: `The request to Itniotech failed (${code})`,
			action: CHECK_URL,
			reason: code,
		};
	// Not a network failure: e.g. the credential's own check of its fields, whose message says it all.
	const summary = message ? snippet(message, 300) : 'The request to Itniotech failed';
	return { summary, action: CHECK_URL, reason: summary };
}

/** A request that got no HTTP answer: timeout, refused or reset connection, DNS, or the credential's own refusal. */
export function networkFailure(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	request: FailedRequest,
	timeoutSeconds: number,
	error: unknown,
): Failure {
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
	const transient =
		(timedOut(cause) || hungUp(cause) || (code !== undefined && TRANSIENT_CODES.has(code))) &&
		code !== 'ENOTFOUND';
	// No `code` key: n8n would replace our message with its generic text for known network codes.
	const response = { kind: 'network', networkCode: code ?? 'unknown', path: request.path };
	return {
		error: apiError(ctx, request.itemIndex, response, summary, action),
		reason: described.reason,
		transient,
		outcomeUnknown,
	};
}

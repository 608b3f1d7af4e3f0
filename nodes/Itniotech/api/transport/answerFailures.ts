import type { IExecuteFunctions } from 'n8n-workflow';
import { describeVendorStatus } from '../statusCodes';
import type { FailedRequest, Failure } from './failures';
import { apiError, snippet, unknownOutcomeAdvice } from './failures';

/** Answers that are not a result: an HTTP status, a redirect, a body that is not the envelope, a vendor refusal. */

function httpStatusAdvice(statusCode: number): string {
	if (statusCode === 429)
		return 'Too many requests were sent at once: wait a moment and try again.';
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
	ctx: Pick<IExecuteFunctions, 'getNode'>,
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
	ctx: Pick<IExecuteFunctions, 'getNode'>,
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
export function tooLargeFailure(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	request: FailedRequest,
	maxBytes: number,
): Failure {
	const failure = invalidResponse(
		ctx,
		request,
		`an answer larger than ${maxBytes / 1048576} MB`,
		'',
	);
	failure.error.description = `No Itniotech answer is this large: this usually means a proxy or the wrong Base URL. Check the credential.${request.isSend ? unknownOutcomeAdvice(request) : ''}`;
	return { ...failure, transient: false };
}

/** A 2xx answer that is not the vendor's envelope: empty, HTML, not JSON, too large, or without a status. */
export function invalidResponse(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	request: FailedRequest,
	what: string,
	text: string,
): Failure {
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
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	request: FailedRequest,
	status: string,
	vendorReason: unknown,
	serverDateMs: number | undefined,
): Failure {
	const { meaning, action, transient } = describeVendorStatus(status, request.path);
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
	return {
		error,
		reason: `Itniotech error ${status}`,
		transient: transient === true,
		vendorStatus: status,
		serverDateMs,
	};
}

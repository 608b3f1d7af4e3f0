import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * Every way a request can fail, classified: the error a user sees (what happened and what to do), a short
 * reason for the attempt log, and whether trying again may help (networkFailure.ts, answerFailures.ts).
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
export function unknownOutcomeAdvice(request: FailedRequest): string {
	const { check } = request.unknownOutcome ?? NEUTRAL_UNKNOWN_OUTCOME;
	return ` It is unknown whether Itniotech acted on the request: ${check}.`;
}
export const CHECK_URL =
	'Check the Base URL in the Itniotech credential and that this n8n server can reach it.';

/** Whether an error of a send says that the call may have been placed (no answer said either way). */
export function isOutcomeUnknown(error: unknown): boolean {
	return error instanceof NodeApiError && error.context.sendOutcome === 'unknown';
}

/** A short, single-line preview of an unexpected body, so the error shows what came back. */
export function snippet(text: string, length = SNIPPET_LENGTH): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

export function apiError(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	itemIndex: number,
	response: JsonObject,
	message: string,
	description: string,
	httpCode?: string,
): NodeApiError {
	// A plain object (never the axios error) is handed over, so request headers such as Sign stay out of the error.
	return new NodeApiError(ctx.getNode(), response, { message, description, httpCode, itemIndex });
}

/** The error of the last attempt, telling why no further attempt was made and what every attempt met. */
export function finalError(
	failure: Failure,
	reasons: string[],
	waitedTooLongMs?: number,
): NodeApiError {
	const { error } = failure;
	if (waitedTooLongMs !== undefined) {
		error.description =
			`${error.description ?? ''} Itniotech asked to wait ${Math.round(waitedTooLongMs / 1000)} seconds before trying again.`.trim();
	}
	if (reasons.length > 1) {
		const log = reasons.map((reason, i) => `${i + 1}) ${reason}`).join(', ');
		error.description = `${error.description ?? ''} Tried ${reasons.length} times: ${log}.`.trim();
		error.context.attempts = reasons.length;
	}
	if (failure.outcomeUnknown) error.context.sendOutcome = 'unknown';
	return error;
}

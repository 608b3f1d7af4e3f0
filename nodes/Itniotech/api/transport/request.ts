import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { ITNIOTECH_CREDENTIAL_TYPE, resolvePlatform } from '../platform';
import { correctedTimestamp } from '../signing';
import { ClockCorrection } from './clock';
import { SendsStoppedError } from './requestLimiter';
import type { Run } from './run';
import { AnswerTooLargeError, DeadlineError, discardAnswer, readAnswerText } from './answerBody';
import type { Failure, UnknownOutcomeWords } from './failures';
import { tooLargeFailure } from './answerFailures';
import { finalError } from './failures';
import { networkFailure } from './networkFailure';
import type { HttpAnswer, ReadAnswer, VendorEnvelope } from './response';
import { readResponse } from './response';

export type { VendorEnvelope };

/** Where requests come from: a node run, or the editor loading a list (a resource locator's search). */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_MAX_ATTEMPTS = 3;
/** First backoff step; doubled each attempt, with jitter. */
export const RETRY_BASE_MS = 400;
/** The longest exponential step between read retries (before jitter); a Retry-After may ask for more, up to MAX_RETRY_WAIT_MS. */
export const MAX_BACKOFF_MS = 8_000;
/** A Retry-After longer than this is not waited for: the error says so instead. */
export const MAX_RETRY_WAIT_MS = 60_000;

export interface ItniotechRequest {
	method: IHttpRequestMethods;
	/** Logical path (`/sms/<op>`, `/voice/<op>`): the credential adds the platform's root and layout; dynamic segments must already be URL-encoded. */
	path: string;
	body?: IDataObject;
	/** Query parameters (GET endpoints such as the SMS getReport); encoded by the HTTP helper. */
	qs?: IDataObject;
	itemIndex: number;
	timeoutSeconds?: number;
	/** Sends place calls, send messages or store files: never repeated, and an unknown outcome is said to be unknown. */
	isSend?: boolean;
	/** Attempts for reads on temporary failures (sends always make one). */
	maxAttempts?: number;
	/** What a send's unknown outcome means and how to check it, in the node's own words (failures.ts has a neutral default). */
	unknownOutcome?: UnknownOutcomeWords;
}

/** `stopped`: a send not sent because the run had stopped (RequestLimiter.stopSends). */
type Attempt = ReadAnswer | { stopped: true };

/** Exponential backoff with jitter (50–100% of the step, the step capped at MAX_BACKOFF_MS), or what the server asked for. */
export function backoffMs(
	attempt: number,
	retryAfterMs: number | undefined,
	random: () => number = Math.random,
): number {
	const step = Math.min(RETRY_BASE_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS);
	const jittered = Math.round(step * (0.5 + random() / 2));
	return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}

/** One request through n8n's helper, which signs it with the credential's authenticate (read once per run). */
async function sendSigned(
	ctx: RequestContext,
	run: Run,
	options: IHttpRequestOptions,
	itemIndex: number,
): Promise<unknown> {
	const data = await run.credentials(itemIndex);
	const { id, name } = ctx.getNode().credentials?.[ITNIOTECH_CREDENTIAL_TYPE] ?? {
		id: null,
		name: '',
	};
	return await ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		ITNIOTECH_CREDENTIAL_TYPE,
		options,
		{
			credentialsDecrypted: { id: id ?? '', name, type: ITNIOTECH_CREDENTIAL_TYPE, data },
		},
	);
}

async function attemptOnce(
	ctx: RequestContext,
	run: Run,
	request: ItniotechRequest,
	timeoutSeconds: number,
	clockOffsetMs: number,
): Promise<Attempt> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		// Only a learned clock offset overrides the credential's own fresh timestamp (the rule: api/signing.ts).
		headers: {
			Accept: 'application/json',
			...(clockOffsetMs !== 0 ? correctedTimestamp(clockOffsetMs) : {}),
		},
		body: request.body,
		...(request.qs ? { qs: request.qs } : {}),
		// A redirect would carry the signature headers to another host (the credential sets this too).
		disableFollowRedirect: true,
		// Read the raw bytes and status ourselves (answerBody.ts, response.ts). Ignoring HTTP status errors
		// also keeps n8n from re-sending a request after a 401.
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutSeconds * 1000,
	};
	let deadline: AbortSignal | undefined;
	// The whole answer is read inside the request's slot, so the in-flight limit counts it until the end.
	const exchange = async (): Promise<HttpAnswer> => {
		// The Timeout is a deadline for the whole answer, counted from the start, not only for silence.
		deadline = AbortSignal.timeout(timeoutSeconds * 1000);
		const response = (await sendSigned(
			ctx,
			run,
			{ ...options, abortSignal: deadline },
			request.itemIndex,
		)) as IN8nHttpFullResponse;
		const headers = response.headers as IDataObject | undefined;
		if (response.statusCode >= 300 && response.statusCode <= 399) {
			discardAnswer(response.body);
			return { statusCode: response.statusCode, headers, text: '' };
		}
		return {
			statusCode: response.statusCode,
			headers,
			text: await readAnswerText(response.body, deadline),
		};
	};
	try {
		return readResponse(ctx, request, await run.limiter.run(exchange, request.isSend));
	} catch (error) {
		if (error instanceof SendsStoppedError) return { stopped: true };
		if (error instanceof AnswerTooLargeError)
			return { failure: tooLargeFailure(ctx, request, error.maxBytes) };
		// The deadline aborting before the answer began reads as n8n's "canceled": it is a timeout.
		const cause = deadline?.aborted === true ? new DeadlineError() : error;
		return { failure: networkFailure(ctx, request, timeoutSeconds, cause) };
	}
}

/** Why no further attempt is made after `failure`, or undefined to try again. */
function stopReason(
	failure: Failure,
	attempts: number,
	maxAttempts: number,
): 'final' | 'waitTooLong' | undefined {
	if (failure.retryAfterMs !== undefined && failure.retryAfterMs > MAX_RETRY_WAIT_MS)
		return 'waitTooLong';
	return !failure.transient || attempts >= maxAttempts ? 'final' : undefined;
}

/**
 * One signed request to the vendor, within the run's limits. The credential's `authenticate` signs it and
 * supplies the platform's address; this function reads the answer (response.ts), turns every failure into
 * an error that says what happened and what to do (failures.ts), retries reads on temporary failures, and
 * corrects this host's clock after a -16 (clock.ts).
 */
export async function itniotechApiRequest(
	ctx: RequestContext,
	run: Run,
	request: ItniotechRequest,
): Promise<VendorEnvelope> {
	const timeoutSeconds = request.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
	const maxAttempts = request.isSend ? 1 : Math.max(1, request.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
	let root: string;
	try {
		root = resolvePlatform(await run.credentials(request.itemIndex)).root;
	} catch (error) {
		// A credential that cannot be read or names no usable address: nothing left this host.
		const failure = networkFailure(ctx, request, timeoutSeconds, error);
		throw finalError(failure, [failure.reason]);
	}
	const clock = new ClockCorrection(run.clock, root);
	const named = { ...request, origin: new URL(root).origin };
	let attempts = 0; // the user's attempts made so far
	const reasons: string[] = []; // what each of them met
	for (;;) {
		const result = await attemptOnce(ctx, run, named, timeoutSeconds, clock.offsetMs);
		if ('envelope' in result) return result.envelope;
		if ('stopped' in result) throw new SendsStoppedError(); // never sent: the caller reports it as such
		const { failure } = result;
		if (clock.retryCorrected(failure)) continue; // the corrected retry is not one of the user's attempts
		attempts += 1;
		reasons.push(failure.reason);
		const stop = stopReason(failure, attempts, maxAttempts);
		if (stop !== undefined) {
			throw finalError(failure, reasons, stop === 'waitTooLong' ? failure.retryAfterMs : undefined);
		}
		await sleep(backoffMs(attempts, failure.retryAfterMs));
	}
}

import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import { normalizeBaseUrl, unixSeconds } from '../../../credentials/ItniotechApi.credentials';
import { withRequestSlot } from '../shared/pool';
import { describeVendorStatus } from './statusCodes';

export const CREDENTIAL_TYPE = 'itniotechApi';
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_MAX_ATTEMPTS = 3;
/** First backoff step; doubled each attempt, with jitter. */
export const RETRY_BASE_MS = 400;
/** A Retry-After longer than this is not waited for: the error says so instead. */
export const MAX_RETRY_WAIT_MS = 60_000;
/** No vendor answer comes near this; anything larger is a misconfigured proxy or the wrong host. */
export const MAX_RESPONSE_CHARS = 16 * 1024 * 1024;

export interface ItniotechRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's Base URL; dynamic segments must already be URL-encoded. */
	path: string;
	body?: IDataObject;
	itemIndex: number;
	timeoutSeconds?: number;
	/** Sends place calls or store files: never repeated, and an unknown outcome is said to be unknown. */
	isSend?: boolean;
	/** Attempts for reads on temporary failures (sends always make one). */
	maxAttempts?: number;
}

/** The vendor's answer: `status` "0" plus the endpoint's fields (`data`, or top-level for getBalance). */
export interface VendorEnvelope extends IDataObject {
	status: string;
	reason?: string;
}

/** One failed attempt: the error to show, a short reason for the attempt log, and whether to try again. */
interface Failure {
	error: NodeApiError;
	reason: string;
	transient: boolean;
	retryAfterMs?: number;
	serverDateMs?: number;
	vendorStatus?: string;
}

type Attempt = { envelope: VendorEnvelope } | { failure: Failure };

const SNIPPET_LENGTH = 120;
const UNKNOWN_OUTCOME =
	' It is unknown whether Itniotech acted on the request: check with Search Group Call Records (or the Itniotech console) before sending again, so nobody is called twice.';

/**
 * Clock offsets (server minus this host, ms) learned from -16 answers, per Base URL. Module state on
 * purpose: it is a property of this host's clock, shared by every execution, and bounded by the number
 * of Base URLs in use.
 */
const clockOffsets = new Map<string, number>();
/** The credential per execution context (see credentialsOf). */
const credentialsByContext = new WeakMap<object, Promise<ICredentialsDecrypted>>();

export function resetClockOffsets(): void {
	clockOffsets.clear();
}

/** A short, single-line preview of an unexpected body, so the error shows what came back. */
function snippet(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
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

interface NetworkFailure {
	code?: string;
	message?: string;
}

/** The network-level cause of a failed request (n8n wraps axios' error; we read only its code and message). */
function networkFailureOf(error: unknown): NetworkFailure {
	const outer = error as { cause?: NetworkFailure; code?: string; message?: string };
	const cause = outer.cause ?? outer;
	return { code: cause.code ?? outer.code, message: cause.message ?? outer.message };
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
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

function networkFailure(
	ctx: IExecuteFunctions,
	request: ItniotechRequest,
	timeoutSeconds: number,
	error: unknown,
): Failure {
	const { code, message } = networkFailureOf(error);
	const checkUrl = 'Check the Base URL in the Itniotech credential and that this n8n server can reach it.';
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message ?? '');
	// ERR_BAD_RESPONSE / "aborted": the connection dropped while the answer was still arriving.
	const hungUp =
		code === 'ECONNRESET' || code === 'ERR_BAD_RESPONSE' || /socket hang up|aborted/i.test(message ?? '');
	let summary: string;
	let action: string;
	let reason: string;
	if (timedOut) {
		summary = `Itniotech did not answer within ${timeoutSeconds} seconds (timeout)`;
		action = 'Try again later, or raise the Timeout option of this node.';
		reason = 'timeout';
	} else if (code === 'ECONNREFUSED') {
		summary = 'Could not connect to Itniotech: the connection was refused';
		action = checkUrl;
		reason = 'connection refused';
	} else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		summary = 'Could not find the Itniotech server (DNS lookup failed)';
		action = checkUrl;
		reason = 'DNS lookup failed';
	} else if (hungUp) {
		summary = 'The connection to Itniotech was closed before an answer arrived';
		action = 'Try again in a moment. If it keeps happening, check proxies or firewalls between n8n and Itniotech.';
		reason = 'connection reset';
	} else if (code) {
		summary = `The request to Itniotech failed (${code})`;
		action = checkUrl;
		reason = code;
	} else {
		// Not a network failure: e.g. the credential's own check of its Base URL.
		summary = message ? snippet(message) : 'The request to Itniotech failed';
		action = checkUrl;
		reason = summary;
	}
	const mayHaveArrived = code !== undefined && !NOT_SENT_CODES.has(code);
	if (request.isSend && mayHaveArrived) {
		summary = `${summary}: the request may have reached Itniotech`;
		action = `It is unknown whether the call was placed.${UNKNOWN_OUTCOME}`;
	}
	return {
		// No `code` key: n8n would replace our message with its generic text for known network codes.
		error: apiError(
			ctx,
			request.itemIndex,
			{ kind: 'network', networkCode: code ?? 'unknown', path: request.path },
			summary,
			action,
		),
		reason,
		transient: (timedOut || hungUp || (code !== undefined && TRANSIENT_CODES.has(code))) && code !== 'ENOTFOUND',
	};
}

function httpStatusAdvice(statusCode: number): string {
	if (statusCode === 429) return 'Too many requests were sent at once: wait a moment and try again.';
	if (statusCode === 404)
		return 'The address was not found: check the Base URL in the credential (Itniotech uses https://api.itniotech.com; other brands usually end in /v3).';
	if (statusCode === 401 || statusCode === 403)
		return 'Access was refused before Itniotech read the request: check the Base URL and any proxy in between.';
	if (statusCode >= 500)
		return 'The Itniotech server, or a proxy in front of it, failed. Try again in a few minutes.';
	return 'Check the Base URL in the Itniotech credential.';
}

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

function invalidResponse(ctx: IExecuteFunctions, request: ItniotechRequest, what: string, text: string): Failure {
	return {
		error: apiError(
			ctx,
			request.itemIndex,
			{ kind: 'invalid-response', path: request.path },
			`Itniotech sent ${what} instead of a result`,
			`The answer began with: ${snippet(text) || '(empty)'}. This usually means a proxy or the wrong Base URL; check the credential and try again later.${request.isSend ? UNKNOWN_OUTCOME : ''}`,
		),
		reason: what,
		transient: true,
	};
}

/** Reads one HTTP answer: transport problems, then the vendor's envelope and status. */
function readResponse(
	ctx: IExecuteFunctions,
	request: ItniotechRequest,
	response: IN8nHttpFullResponse,
): Attempt {
	const text = bodyText(response.body);
	const headers = response.headers as IDataObject | undefined;

	if (response.statusCode < 200 || response.statusCode > 299) {
		const looksHtml = text.trim().startsWith('<');
		const retryAfterMs = parseRetryAfter(headerValue(headers, 'retry-after'));
		return {
			failure: {
				error: apiError(
					ctx,
					request.itemIndex,
					{ kind: 'http', httpStatus: response.statusCode, path: request.path },
					`Itniotech answered with HTTP ${response.statusCode}${looksHtml ? ' and an HTML page' : ''} instead of a result`,
					`${httpStatusAdvice(response.statusCode)}${request.isSend ? UNKNOWN_OUTCOME : ''}`,
					String(response.statusCode),
				),
				reason: `HTTP ${response.statusCode}`,
				transient: response.statusCode >= 500 || response.statusCode === 429 || response.statusCode === 408,
				retryAfterMs,
			},
		};
	}

	if (text.length > MAX_RESPONSE_CHARS) {
		return { failure: invalidResponse(ctx, request, `an answer of ${Math.round(text.length / 1048576)} MB`, text) };
	}
	const trimmed = text.trim();
	if (trimmed === '') return { failure: invalidResponse(ctx, request, 'an empty answer', trimmed) };
	if (trimmed.startsWith('<')) return { failure: invalidResponse(ctx, request, 'an HTML page', trimmed) };
	let parsed: unknown;
	try {
		parsed = JSON.parse(trimmed);
	} catch {
		return { failure: invalidResponse(ctx, request, 'an answer that is not valid JSON', trimmed) };
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('status' in parsed)) {
		return { failure: invalidResponse(ctx, request, 'an answer without a status', trimmed) };
	}
	const envelope = { ...(parsed as IDataObject) } as VendorEnvelope;
	envelope.status = String(envelope.status).trim();
	if (envelope.status === '0') return { envelope };

	const { meaning, action, transient } = describeVendorStatus(envelope.status);
	const reason = typeof envelope.reason === 'string' ? snippet(envelope.reason) : '';
	const error = apiError(
		ctx,
		request.itemIndex,
		{ status: envelope.status, reason },
		`Itniotech error ${envelope.status}: ${meaning}`,
		reason ? `${action} (Itniotech said: "${reason}")` : action,
		envelope.status,
	);
	error.context.vendorStatus = envelope.status;
	// The server's clock, for correcting this host's timestamp after a -16.
	const dateHeader = headerValue(headers, 'date');
	const serverDateMs = dateHeader === undefined ? Number.NaN : Date.parse(dateHeader);
	return {
		failure: {
			error,
			reason: `Itniotech error ${envelope.status}`,
			transient: transient === true,
			vendorStatus: envelope.status,
			serverDateMs: Number.isNaN(serverDateMs) ? undefined : serverDateMs,
		},
	};
}

/**
 * The credential, read once per execution context and handed to n8n's helper with every request, which
 * still signs each one through the credential's authenticate. Without it the helper reads the credential
 * for every request: in real n8n a database query and a decryption each time, which made 1,000 look-ups
 * slower than the HTTP Request node. A failed read is not kept, so the next request reads again.
 */
async function credentialsOf(ctx: IExecuteFunctions, itemIndex: number): Promise<ICredentialsDecrypted> {
	let pending = credentialsByContext.get(ctx);
	if (!pending) {
		const { id, name } = ctx.getNode().credentials?.[CREDENTIAL_TYPE] ?? { id: null, name: '' };
		pending = ctx.getCredentials(CREDENTIAL_TYPE, itemIndex).then(
			(data) => ({ id: id ?? '', name, type: CREDENTIAL_TYPE, data }),
			(error: unknown) => {
				credentialsByContext.delete(ctx);
				throw error;
			},
		);
		credentialsByContext.set(ctx, pending);
	}
	return await pending;
}

async function baseUrlKey(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	try {
		return normalizeBaseUrl((await credentialsOf(ctx, itemIndex)).data?.baseUrl);
	} catch {
		return '';
	}
}

/** One signed request through n8n's helper, with the credential read once per execution. */
async function sendSigned(
	ctx: IExecuteFunctions,
	options: IHttpRequestOptions,
	itemIndex: number,
): Promise<IN8nHttpFullResponse> {
	const credentialsDecrypted = await credentialsOf(ctx, itemIndex);
	return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options, {
		credentialsDecrypted,
	})) as IN8nHttpFullResponse;
}

async function attemptOnce(
	ctx: IExecuteFunctions,
	request: ItniotechRequest,
	timeoutSeconds: number,
	clockOffsetMs: number,
): Promise<Attempt> {
	const headers: IDataObject = { Accept: 'application/json' };
	// Only a learned clock offset overrides the credential's own fresh timestamp.
	if (clockOffsetMs !== 0) headers.Timestamp = unixSeconds(Date.now() + clockOffsetMs);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		headers,
		body: request.body,
		// Read the raw text and status ourselves: the vendor reports errors inside HTTP 200, and a
		// proxy's HTML or a truncated body must be reported as such rather than half-parsed. Ignoring
		// HTTP status errors also keeps n8n from re-sending a request after a 401.
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutSeconds * 1000,
	};
	try {
		const response = await withRequestSlot(ctx, async () => sendSigned(ctx, options, request.itemIndex));
		return readResponse(ctx, request, response);
	} catch (error) {
		return { failure: networkFailure(ctx, request, timeoutSeconds, error) };
	}
}

/** The longest exponential step between read retries (before jitter); a Retry-After may ask for more, up to MAX_RETRY_WAIT_MS. */
export const MAX_BACKOFF_MS = 8_000;

/** Exponential backoff with jitter (50–100% of the step, the step capped at MAX_BACKOFF_MS), or what the server asked for. */
export function backoffMs(attempt: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
	const step = Math.min(RETRY_BASE_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS);
	const jittered = Math.round(step * (0.5 + random() / 2));
	return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}

function formatOffset(ms: number): string {
	const seconds = Math.round(Math.abs(ms) / 1000);
	const text = seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
	return `${text} ${ms > 0 ? 'behind' : 'ahead of'} Itniotech's clock`;
}

/**
 * One signed request to the vendor. The credential's `authenticate` signs it and supplies the Base URL;
 * this function owns the envelope check, turns every failure into a NodeApiError that says what happened
 * and what to do, retries reads on temporary failures, and corrects this host's clock after a -16.
 */
export async function itniotechApiRequest(
	this: IExecuteFunctions,
	request: ItniotechRequest,
): Promise<VendorEnvelope> {
	const timeoutSeconds = request.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
	const maxAttempts = request.isSend ? 1 : Math.max(1, request.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
	const key = clockOffsets.size > 0 ? await baseUrlKey(this, request.itemIndex) : undefined;
	let clockOffsetMs = key === undefined ? 0 : (clockOffsets.get(key) ?? 0);
	let clockCorrected = false;
	const reasons: string[] = [];

	for (let attempt = 1; ; attempt++) {
		const result = await attemptOnce(this, request, timeoutSeconds, clockOffsetMs);
		if ('envelope' in result) return result.envelope;
		const { failure } = result;

		// -16 means the vendor rejected the request before acting, so one corrected retry is safe even for sends.
		if (failure.vendorStatus === '-16' && failure.serverDateMs !== undefined) {
			const measured = failure.serverDateMs - Date.now();
			if (!clockCorrected) {
				clockCorrected = true;
				clockOffsetMs = measured;
				clockOffsets.set(key ?? (await baseUrlKey(this, request.itemIndex)), measured);
				attempt--; // the correction is not one of the user's attempts
				continue;
			}
			failure.error.description = `This n8n host's clock is about ${formatOffset(measured)}; even corrected, Itniotech refused the timestamp. Set the host's clock right (enable NTP time sync).`;
		}

		reasons.push(failure.reason);
		const retryAfterMs = failure.retryAfterMs;
		const waitTooLong = retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_WAIT_MS;
		if (!failure.transient || attempt >= maxAttempts || waitTooLong) {
			if (waitTooLong) {
				failure.error.description = `${failure.error.description ?? ''} Itniotech asked to wait ${Math.round(retryAfterMs / 1000)} seconds before trying again.`.trim();
			}
			if (reasons.length > 1) {
				const log = reasons.map((reason, i) => `${i + 1}) ${reason}`).join(', ');
				failure.error.description = `${failure.error.description ?? ''} Tried ${reasons.length} times: ${log}.`.trim();
				failure.error.context.attempts = reasons.length;
			}
			throw failure.error;
		}
		await sleep(backoffMs(attempt, retryAfterMs));
	}
}

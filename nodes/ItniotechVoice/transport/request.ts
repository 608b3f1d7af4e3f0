import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { describeVendorStatus } from './statusCodes';

export const CREDENTIAL_TYPE = 'itniotechApi';
export const DEFAULT_TIMEOUT_SECONDS = 30;

export interface ItniotechRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's Base URL; dynamic segments must already be URL-encoded. */
	path: string;
	body?: IDataObject;
	itemIndex: number;
	timeoutSeconds?: number;
	/** Sends place calls or store files: never repeated, and an unknown outcome is said to be unknown. */
	isSend?: boolean;
}

/** The vendor's answer: `status` "0" plus the endpoint's fields (`data`, or top-level for getBalance). */
export interface VendorEnvelope extends IDataObject {
	status: string;
	reason?: string;
}

const SNIPPET_LENGTH = 120;

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

function transportError(
	ctx: IExecuteFunctions,
	request: ItniotechRequest,
	timeoutSeconds: number,
	error: unknown,
): NodeApiError {
	const { code, message } = networkFailureOf(error);
	const checkUrl = 'Check the Base URL in the Itniotech credential and that this n8n server can reach it.';
	let summary: string;
	let action: string;
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message ?? '')) {
		summary = `Itniotech did not answer within ${timeoutSeconds} seconds (timeout)`;
		action = 'Try again later, or raise the Timeout option of this node.';
	} else if (code === 'ECONNREFUSED') {
		summary = 'Could not connect to Itniotech: the connection was refused';
		action = checkUrl;
	} else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		summary = 'Could not find the Itniotech server (DNS lookup failed)';
		action = checkUrl;
	} else if (code === 'ECONNRESET' || /socket hang up/i.test(message ?? '')) {
		summary = 'The connection to Itniotech was closed before an answer arrived';
		action = 'Try again in a moment. If it keeps happening, check proxies or firewalls between n8n and Itniotech.';
	} else if (code) {
		summary = `The request to Itniotech failed (${code})`;
		action = checkUrl;
	} else {
		// Not a network failure: e.g. the credential's own check of its Base URL.
		summary = message ? snippet(message) : 'The request to Itniotech failed';
		action = checkUrl;
	}
	const mayHaveArrived = code !== 'ECONNREFUSED' && code !== 'ENOTFOUND' && code !== 'EAI_AGAIN' && code !== undefined;
	if (request.isSend && mayHaveArrived) {
		summary = `${summary}: the request may have reached Itniotech`;
		action =
			'It is unknown whether the call was placed. Before sending again, check with the Search Group Call Records operation (or the Itniotech console) so nobody is called twice.';
	}
	return apiError(
		ctx,
		request.itemIndex,
		// No `code` key: n8n would replace our message with its generic text for known network codes.
		{ kind: 'network', networkCode: code ?? 'unknown', path: request.path },
		summary,
		action,
	);
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

/** The response body as text, whatever form the HTTP helper handed it over in. */
function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body === undefined || body === null) return '';
	return JSON.stringify(body);
}

function parseEnvelope(ctx: IExecuteFunctions, request: ItniotechRequest, text: string): VendorEnvelope {
	const trimmed = text.trim();
	const fail = (what: string) =>
		apiError(
			ctx,
			request.itemIndex,
			{ kind: 'invalid-response', path: request.path },
			`Itniotech sent ${what} instead of a result`,
			`The answer began with: ${snippet(trimmed) || '(empty)'}. This usually means a proxy or the wrong Base URL; check the credential and try again later.${
				request.isSend
					? ' It is unknown whether Itniotech acted on the request: check with Search Group Call Records before sending again.'
					: ''
			}`,
		);
	if (trimmed === '') throw fail('an empty answer');
	if (trimmed.startsWith('<')) throw fail('an HTML page');
	let parsed: unknown;
	try {
		parsed = JSON.parse(trimmed);
	} catch {
		throw fail('an answer that is not valid JSON');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('status' in parsed)) {
		throw fail('an answer without a status');
	}
	const envelope = parsed as IDataObject;
	return { ...envelope, status: String(envelope.status).trim() };
}

/**
 * One signed request to the vendor. The credential's `authenticate` signs it and supplies the Base URL;
 * this function owns the envelope check and turns every failure into a NodeApiError that says what
 * happened and what to do.
 */
export async function itniotechApiRequest(
	this: IExecuteFunctions,
	request: ItniotechRequest,
): Promise<VendorEnvelope> {
	const timeoutSeconds = request.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		headers: { Accept: 'application/json' },
		body: request.body,
		// Read the raw text and status ourselves: the vendor reports errors inside HTTP 200, and a
		// proxy's HTML or a truncated body must be reported as such rather than half-parsed.
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutSeconds * 1000,
	};

	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw transportError(this, request, timeoutSeconds, error);
	}

	const text = bodyText(response.body);
	if (response.statusCode < 200 || response.statusCode > 299) {
		const looksHtml = text.trim().startsWith('<');
		const sendNote = request.isSend
			? ' It is unknown whether Itniotech acted on the request: check with Search Group Call Records before sending again.'
			: '';
		throw apiError(
			this,
			request.itemIndex,
			{ kind: 'http', httpStatus: response.statusCode, path: request.path },
			`Itniotech answered with HTTP ${response.statusCode}${looksHtml ? ' and an HTML page' : ''} instead of a result`,
			`${httpStatusAdvice(response.statusCode)}${sendNote}`,
			String(response.statusCode),
		);
	}

	const envelope = parseEnvelope(this, request, text);
	if (envelope.status !== '0') {
		const { meaning, action } = describeVendorStatus(envelope.status);
		const reason = typeof envelope.reason === 'string' ? snippet(envelope.reason) : '';
		const error = apiError(
			this,
			request.itemIndex,
			{ status: envelope.status, reason },
			`Itniotech error ${envelope.status}: ${meaning}`,
			reason ? `${action} (Itniotech said: "${reason}")` : action,
			envelope.status,
		);
		error.context.vendorStatus = envelope.status;
		throw error;
	}
	return envelope;
}

/*
 * The push body as n8n hands it over. n8n reads and parses the body before the node runs: for Content-Type
 * application/json it hands over the parsed value and keeps the bytes as req.rawBody (a body that is not
 * valid JSON, or larger than N8N_PAYLOAD_SIZE_MAX, is refused by n8n itself); other content types arrive as
 * text, form fields or nothing, so only application/json is accepted. The media type and charset are read
 * the way n8n's parser reads them.
 */

type BodyRead = { body: unknown } | { error: string };

interface ContentType {
	mediaType: string;
	charset: string | undefined;
}

export function contentTypeOf(header: string | undefined): ContentType {
	const [type, ...parameters] = (header ?? '').split(';');
	const charset = parameters
		.map((parameter) => parameter.split('='))
		.find(([key]) => key.trim().toLowerCase() === 'charset')?.[1]
		?.trim()
		.replace(/^"|"$/g, '')
		.toLowerCase();
	return { mediaType: type.trim().toLowerCase(), charset };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether JSON.parse tells a reviver the source text of a value (Node.js 21 and later; n8n 2 needs 24). */
const jsonParseHasSource = ((): boolean => {
	let source: unknown;
	const reviver = (_key: string, value: unknown, context?: { source?: string }) => {
		source = context?.source;
		return value;
	};
	JSON.parse('1', reviver as Parameters<typeof JSON.parse>[1]);
	return source === '1';
})();

function isUnsafeInteger(value: unknown): boolean {
	return typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);
}

/** Whether the parsed body holds a whole number above 2^53 anywhere (walked without recursion: bodies may nest deep). */
function holdsUnsafeInteger(body: unknown): boolean {
	const pending: unknown[] = [body];
	while (pending.length > 0) {
		const value = pending.pop();
		if (isUnsafeInteger(value)) return true;
		if (typeof value === 'object' && value !== null)
			for (const entry of Object.values(value)) pending.push(entry);
	}
	return false;
}

/**
 * The body parsed again with every whole number above 2^53 as the digits that were sent: n8n's JSON.parse
 * rounded them, and a 19-digit ID (or an orderId the vendor types Long) must keep its last digits. Undefined
 * when the runtime cannot say what was sent, or the body nests too deep to parse this way.
 */
function withExactIntegers(text: string): unknown {
	if (!jsonParseHasSource) return undefined;
	const reviver = (_key: string, value: unknown, context?: { source?: string }) =>
		isUnsafeInteger(value) && context?.source !== undefined && /^-?\d+$/.test(context.source)
			? context.source
			: value;
	try {
		return JSON.parse(text, reviver as Parameters<typeof JSON.parse>[1]);
	} catch {
		// Too deep for a reviver: the body stays as n8n parsed it, and its fields are refused with the reason.
		return undefined;
	}
}

/**
 * The JSON body a push may carry: sent as application/json in UTF-8 (RFC 8259; the vendor sends
 * `application/json;charset=UTF-8`), its bytes valid UTF-8 (n8n would otherwise have replaced the bad bytes
 * with U+FFFD, silently), with whole numbers above 2^53 read exactly where the runtime allows it.
 */
export function readJsonBody(
	contentTypeHeader: string | undefined,
	rawBody: unknown,
	body: unknown,
): BodyRead {
	const { mediaType, charset } = contentTypeOf(contentTypeHeader);
	if (mediaType !== 'application/json') {
		return { error: 'The push must be JSON, sent with Content-Type: application/json' };
	}
	if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
		return {
			error: `The push must be UTF-8 JSON: send Content-Type: application/json;charset=UTF-8 (not charset=${charset.slice(0, 40)})`,
		};
	}
	if (!(rawBody instanceof Uint8Array) || rawBody.length === 0) return { body };
	let text: string;
	try {
		text = strictUtf8.decode(rawBody);
	} catch {
		return { error: 'The push is not valid UTF-8: send JSON text encoded as UTF-8' };
	}
	if (!holdsUnsafeInteger(body)) return { body };
	return { body: withExactIntegers(text) ?? body };
}

/**
 * Reading an answer's body ourselves, from the stream n8n's helper hands over: the size cap applies while
 * reading (an endless answer is cut off at the cap, not buffered whole), and the request's deadline covers
 * the whole answer, so a server that trickles a byte every few seconds cannot hold a request open.
 */

/** No vendor answer comes near this; anything larger is a misconfigured proxy or the wrong host. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** The answer went over MAX_ANSWER_BYTES; reading stopped there. */
export class AnswerTooLargeError extends Error {
	constructor(readonly maxBytes: number) {
		super(`The answer is larger than ${maxBytes} bytes`);
	}
}

/** The request's deadline passed. `code` is what the failure classification reads as a timeout. */
export class DeadlineError extends Error {
	readonly code = 'ETIMEDOUT';

	constructor() {
		super('timeout: the answer did not arrive in time');
	}
}

interface ByteStream {
	on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
	on(event: 'end' | 'close', listener: () => void): unknown;
	on(event: 'error', listener: (error: Error) => void): unknown;
	destroy(error?: Error): unknown;
}

function isByteStream(body: unknown): body is ByteStream {
	const candidate = body as Partial<ByteStream> | null;
	return typeof candidate?.on === 'function' && typeof candidate.destroy === 'function';
}

/** Stops reading an answer that will not be used (a redirect), so its connection is freed. */
export function discardAnswer(body: unknown): void {
	if (isByteStream(body)) body.destroy();
}

/**
 * The whole body as text, at most `maxBytes`, before `deadline` aborts. A body that is not a stream (as
 * stubs hand it over) is taken as it is.
 */
export async function readAnswerText(
	body: unknown,
	deadline: AbortSignal,
	maxBytes = MAX_ANSWER_BYTES,
): Promise<string> {
	if (!isByteStream(body)) {
		if (typeof body === 'string') return body;
		if (Buffer.isBuffer(body)) return body.toString('utf8');
		return body === undefined || body === null ? '' : JSON.stringify(body);
	}
	const stream = body;
	return await new Promise<string>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const finish = (error?: Error) => {
			if (settled) return;
			settled = true;
			deadline.removeEventListener('abort', onDeadline);
			if (error) {
				stream.destroy();
				reject(error);
			} else resolve(Buffer.concat(chunks, size).toString('utf8'));
		};
		const onDeadline = () => finish(new DeadlineError());
		if (deadline.aborted) return onDeadline();
		deadline.addEventListener('abort', onDeadline, { once: true });
		stream.on('data', (chunk) => {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
			size += bytes.length;
			if (size > maxBytes) return finish(new AnswerTooLargeError(maxBytes));
			chunks.push(bytes);
		});
		stream.on('end', () => finish());
		stream.on('error', (error) => finish(error));
		// A close before the end: the connection dropped half way (after a normal end this does nothing).
		stream.on('close', () => finish(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
	});
}

import { createHash } from 'node:crypto';

/**
 * How every request to the platform is signed: `Api-Key`, `Timestamp` (unix seconds) and
 * `Sign = md5(apiKey + apiSecret + Timestamp)` as 32 lowercase hex characters.
 *
 * The Timestamp rule, written here once and read by both sides:
 * - The credential (`authenticate`) signs every request with the current time, unless the request already
 *   carries a `Timestamp` header of 9 to 11 digits (a plain unix-seconds value): then it signs that one.
 * - The transport sets that header only after Itniotech answered -16 and the server's clock showed how far
 *   this host's clock is off: it then asks for this host's time corrected by that offset (`correctedTimestamp`).
 * Anything else in the header, or a time more than a day from this host's clock, is replaced by the
 *   current time, so a stray value cannot break signing and no Sign is made for a time far ahead.
 *
 * Nothing is imported at run time but node:crypto: the credential loads this on its own.
 */

export const TIMESTAMP_HEADER = 'Timestamp';

const PRESET_TIMESTAMP = /^\d{9,11}$/;
/** A preset Timestamp further than a day from this host's clock is not signed: no Sign valid far ahead. */
const MAX_PRESET_DISTANCE_MS = 24 * 3600 * 1000;

/** Sign = md5(apiKey + apiSecret + timestamp) as 32 lowercase hex characters (the vendor's scheme). */
export function computeSign(apiKey: string, apiSecret: string, timestamp: string): string {
	return createHash('md5').update(`${apiKey}${apiSecret}${timestamp}`, 'utf8').digest('hex');
}

/** Unix time in whole seconds: the vendor answers -16 to milliseconds. */
export function unixSeconds(nowMs: number = Date.now()): string {
	return String(Math.floor(nowMs / 1000));
}

/** Transport side: the header that makes the credential sign with this host's time plus `offsetMs`. */
export function correctedTimestamp(
	offsetMs: number,
	nowMs: number = Date.now(),
): Record<string, string> {
	return { [TIMESTAMP_HEADER]: unixSeconds(nowMs + offsetMs) };
}

/** Credential side: the Timestamp to sign with — the transport's preset one, else the current time. */
export function timestampToSign(
	headers: Record<string, unknown> | undefined,
	nowMs: number = Date.now(),
): string {
	const preset = headers?.[TIMESTAMP_HEADER];
	const usable =
		typeof preset === 'string' &&
		PRESET_TIMESTAMP.test(preset) &&
		Math.abs(Number(preset) * 1000 - nowMs) <= MAX_PRESET_DISTANCE_MS;
	return usable ? preset : unixSeconds(nowMs);
}

/** The headers that sign one request. */
export function signatureHeaders(
	apiKey: string,
	apiSecret: string,
	timestamp: string,
): Record<string, string> {
	return {
		'Api-Key': apiKey,
		[TIMESTAMP_HEADER]: timestamp,
		Sign: computeSign(apiKey, apiSecret, timestamp),
	};
}

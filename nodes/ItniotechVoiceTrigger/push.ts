import type { IDataObject } from 'n8n-workflow';
import { timingSafeEqual } from 'node:crypto';

/** Limits for one push: the vendor sends one report, or a batch of them. */
export const MAX_REPORTS_PER_PUSH = 1000;
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokensMatch(expected: string, given: unknown): boolean {
	if (typeof given !== 'string' || expected === '') return false;
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(given, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

function ipv4ToNumber(ip: string): number | undefined {
	const parts = ip.split('.');
	if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
	return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** Whether `source` is one of the listed addresses or inside a listed IPv4 CIDR range. */
export function isAllowedSource(list: string, source: string | undefined): boolean {
	if (!source) return false;
	const address = source.replace(/^::ffff:/i, '');
	return list
		.split(/[\s,]+/)
		.filter((entry) => entry !== '')
		.some((entry) => {
			const [range, bitsText] = entry.split('/');
			if (bitsText === undefined) return range.toLowerCase() === address.toLowerCase();
			const bits = Number(bitsText);
			const base = ipv4ToNumber(range);
			const value = ipv4ToNumber(address);
			if (base === undefined || value === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) {
				return false;
			}
			const size = 2 ** (32 - bits);
			return Math.floor(base / size) === Math.floor(value / size);
		});
}

type Parsed = { reports: IDataObject[] } | { error: string };

function isReport(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && 'voiceId' in value;
}

/** Checks a push body: JSON, one report object or a non-empty array of them, within the size limits. */
export function parseReports(contentType: string | undefined, body: unknown, rawBody?: Buffer): Parsed {
	if (rawBody && rawBody.length > MAX_PUSH_BYTES) {
		return { error: `The push is larger than ${MAX_PUSH_BYTES / 1048576} MB` };
	}
	if (!/json/i.test(contentType ?? '')) {
		return { error: 'The push must be JSON (Content-Type: application/json)' };
	}
	let value: unknown = body;
	// n8n hands over the parsed body; a raw body that did not parse arrives as text or empty.
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return { error: 'The push is not valid JSON' };
		}
	}
	if (value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)) {
		return { error: 'The push is empty or not valid JSON' };
	}
	const reports = Array.isArray(value) ? value : [value];
	if (reports.length === 0) return { error: 'The push is an empty list of reports' };
	if (reports.length > MAX_REPORTS_PER_PUSH) {
		return { error: `The push has more than ${MAX_REPORTS_PER_PUSH} reports` };
	}
	const bad = reports.findIndex((report) => !isReport(report));
	if (bad !== -1) return { error: `Report ${bad} is not a status report (an object with a voiceId)` };
	return { reports: reports as IDataObject[] };
}

import type { IDataObject } from 'n8n-workflow';
import { timingSafeEqual } from 'node:crypto';

/** The vendor sends one report, or a batch of them; a batch becomes this many items at most. */
export const MAX_REPORTS_PER_PUSH = 1000;

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokensMatch(expected: string, given: unknown): boolean {
	if (typeof given !== 'string' || expected === '') return false;
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(given, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** What a push carries, for parsing and for the reasons given when a push is refused. */
export interface PushKind {
	/** One item with its article: "a status report". */
	one: string;
	/** Several items: "reports". */
	many: string;
	/** How an item is counted in a reason: "Report" 0, "Message" 0. */
	label: string;
	/** What makes an item one of these: "an object with a voiceId". */
	shape: string;
	isItem: (value: unknown) => value is IDataObject;
}

type Parsed = { items: IDataObject[] } | { error: string };

/** `{"array": […]}`, the wrapper another push of the platform uses (the AI-agent voice push): its list. */
function wrappedList(body: unknown): unknown[] | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const key = Object.keys(body).find((k) => k.trim().toLowerCase() === 'array');
	const list = key === undefined ? undefined : (body as IDataObject)[key];
	return Array.isArray(list) ? list : undefined;
}

/**
 * The items of a JSON body (see body.ts for what is accepted as one). The vendor documents one item per
 * push, a list for some pushes and an `array` wrapper for another, so all three are read, for every event.
 */
export function parsePush(body: unknown, kind: PushKind): Parsed {
	if (body === undefined)
		return { error: `The push is empty: send ${kind.one} or a JSON list of them` };
	const items = Array.isArray(body)
		? body
		: kind.isItem(body)
			? [body]
			: (wrappedList(body) ?? [body]);
	if (items.length === 0) return { error: `The push is an empty list of ${kind.many}` };
	if (items.length > MAX_REPORTS_PER_PUSH) {
		return {
			error: `The push has more than ${MAX_REPORTS_PER_PUSH} ${kind.many}: send at most ${MAX_REPORTS_PER_PUSH} per request`,
		};
	}
	const bad = items.findIndex((item) => !kind.isItem(item));
	if (bad !== -1) return { error: `${kind.label} ${bad} is not ${kind.one} (${kind.shape})` };
	return { items: items as IDataObject[] };
}

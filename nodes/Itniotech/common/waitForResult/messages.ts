import type { IDataObject } from 'n8n-workflow';
import type { WaitClock, WaitEnd } from './schedule';
import { pollUntilDone } from './schedule';

/**
 * Waiting for sent messages' final delivery reports: delivered, failed, or still sending. The delivery
 * report endpoint takes up to 200 message IDs of one SMS app per request, and only the messages still open
 * are asked again. The request is passed in (lookups.ts makes it).
 */

export type MessageOutcome = 'delivered' | 'failed' | 'stillSending';

export interface SentMessage {
	msgId: string;
	appId: string;
}

/** One getReport request: the typed reports by msgId (an ID the vendor did not list is missing). */
export type ReportLookup = (appId: string, msgIds: string[]) => Promise<Map<string, IDataObject>>;

export interface MessageResult {
	outcome: MessageOutcome;
	/** The typed report last seen; undefined while the vendor has listed none (queued). */
	report?: IDataObject;
}

export const MSG_IDS_PER_REQUEST = 200;

/** A report's outcome, or undefined while the message is not delivered or failed (sending, or not listed). */
export function messageOutcomeOf(
	report: IDataObject | undefined,
): Exclude<MessageOutcome, 'stillSending'> | undefined {
	if (report?.status === 'delivered') return 'delivered';
	if (report?.status === 'failed') return 'failed';
	return undefined;
}

export interface MessageWait {
	messages: SentMessage[];
	getReports: ReportLookup;
	clock: WaitClock;
	maxWaitMs: number;
	signal?: AbortSignal;
	/** Runs `count` pieces of work at most Max Concurrent Requests at once, results in order. */
	inParallel<T>(count: number, work: (index: number) => Promise<T>): Promise<T[]>;
}

/** Each message's result by app and msgId (`appId\nmsgId`), how the wait ended, and its error (`failed`). */
export interface MessagesWaited {
	results: Map<string, MessageResult>;
	end: WaitEnd;
	error?: unknown;
}

export const messageKey = (appId: string, msgId: string) => `${appId}\n${msgId}`;

/** Polls until every message has a final report, Max Wait has passed, the execution is stopped or a request fails. */
export async function waitForMessages(wait: MessageWait): Promise<MessagesWaited> {
	const { signal } = wait;
	const open = new Map<string, { message: SentMessage; result: Partial<MessageResult> }>();
	for (const message of wait.messages) {
		const key = messageKey(message.appId, message.msgId);
		if (!open.has(key)) open.set(key, { message, result: {} });
	}
	const pending = () => [...open.values()].filter((o) => o.result.outcome === undefined);

	const poll = async (): Promise<boolean> => {
		const requests: Array<{ appId: string; ids: string[] }> = [];
		const byApp = new Map<string, string[]>();
		for (const { message } of pending()) {
			let ids = byApp.get(message.appId);
			if (!ids || ids.length >= MSG_IDS_PER_REQUEST) {
				ids = [];
				byApp.set(message.appId, ids);
				requests.push({ appId: message.appId, ids });
			}
			ids.push(message.msgId);
		}
		await wait.inParallel(requests.length, async (i) => {
			if (signal?.aborted) return;
			const { appId, ids } = requests[i];
			const reports = await wait.getReports(appId, ids);
			for (const id of ids) {
				const report = reports.get(id);
				const entry = open.get(messageKey(appId, id));
				if (!entry || report === undefined) continue;
				entry.result.report = report;
				entry.result.outcome = messageOutcomeOf(report);
			}
		});
		return pending().length === 0;
	};

	const waited =
		pending().length === 0
			? { end: 'done' as const }
			: await pollUntilDone(wait.clock, wait.clock.now() + wait.maxWaitMs, signal, poll);
	const results = new Map<string, MessageResult>();
	for (const [key, { result }] of open)
		results.set(key, { outcome: result.outcome ?? 'stillSending', report: result.report });
	return { results, ...waited };
}

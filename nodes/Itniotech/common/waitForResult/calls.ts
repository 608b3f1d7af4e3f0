import type { IDataObject } from 'n8n-workflow';
import { isTime, toIsoTime } from '../../api/records/record';
import type { WaitClock, WaitEnd } from './schedule';
import { pollUntilDone } from './schedule';

/**
 * Waiting for placed calls to end, and what their records say: answered, not answered, failed, or still
 * running. Few requests: while many calls are open, one search over the run's time window covers 100 calls
 * a page; when only a few are, one Get each. The requests themselves are passed in (lookups.ts makes them).
 */

export type CallOutcome = 'answered' | 'notAnswered' | 'failed' | 'stillRunning';

export interface PlacedCall {
	voiceId: string;
	/** Recall Count of the send (0: one attempt only). */
	recallCount: number;
}

/** A time span in ms, for the search's strTime and endTime. */
export interface TimeWindow {
	fromMs: number;
	toMs: number;
}

export interface CallLookups {
	/** One call's typed record, or undefined while the vendor has none (not listed yet). */
	get(voiceId: string): Promise<IDataObject | undefined>;
	/** One search page (100 typed records) of calls submitted in `window`, and how many pages there are. */
	searchPage(window: TimeWindow, page: number): Promise<{ records: IDataObject[]; pages: number }>;
}

export interface CallResult {
	outcome: CallOutcome;
	/** The typed record last seen; undefined when the vendor never listed the call. */
	record?: IDataObject;
}

/** Up to this many open calls are looked up one by one: a Get each costs no more than a search. */
export const FEW_CALLS = 3;
/**
 * How far the search reaches around the run: the vendor refuses a Timestamp about 30 minutes off its
 * clock, so a host that can send at all is at most that far from the vendor's submit times.
 */
export const CLOCK_MARGIN_MS = 35 * 60_000;
const EDGE_MS = 1_000;

/** An attempt's end as the record shows it: its call and hang-up times. */
const attemptKey = (record: IDataObject) =>
	`${String(record.callTime)}|${String(record.hangupTime)}`;

/**
 * The outcome a typed record allows, or undefined while the call is not over. Over means a readable
 * hang-up time; answered is the typed record's `answered` (an answer time or talk time); not answered
 * means it rang (a ringing time), failed that it never did. With recalls, an unanswered attempt is final
 * only after `recallCount` more attempts were seen: whether a recall gets a new Voice ID is not documented.
 */
export function callOutcomeOf(
	record: IDataObject | undefined,
	recallCount: number,
	endedAttempts: number,
): Exclude<CallOutcome, 'stillRunning'> | undefined {
	if (record === undefined || !isTime(record.hangupTime)) return undefined;
	if (record.answered === true) return 'answered';
	if (endedAttempts < recallCount + 1) return undefined;
	return isTime(record.ringingTime) ? 'notAnswered' : 'failed';
}

/** One call while waiting: its last record, and the unanswered attempts seen end. */
interface OpenCall {
	call: PlacedCall;
	record?: IDataObject;
	endedAttempts: Set<string>;
	outcome?: CallOutcome;
	submitMs?: number;
}

function note(open: OpenCall, record: IDataObject): void {
	open.record = record;
	const submitted = toIsoTime(record.submitTime);
	const submitMs = submitted === null ? Number.NaN : Date.parse(submitted);
	if (!Number.isNaN(submitMs)) open.submitMs = submitMs;
	if (isTime(record.hangupTime) && record.answered !== true)
		open.endedAttempts.add(attemptKey(record));
	open.outcome = callOutcomeOf(record, open.call.recallCount, open.endedAttempts.size);
}

/** The search window for the open calls: their submit times once all were seen, else the whole run. */
function windowFor(open: OpenCall[], run: TimeWindow): TimeWindow {
	const times = open.map((o) => o.submitMs);
	if (times.some((t) => t === undefined)) return run;
	const known = times as number[];
	return { fromMs: Math.min(...known) - EDGE_MS, toMs: Math.max(...known) + EDGE_MS };
}

export interface CallWait {
	calls: PlacedCall[];
	lookups: CallLookups;
	clock: WaitClock;
	/** When the run started: the search window opens CLOCK_MARGIN_MS before it. */
	startedMs: number;
	maxWaitMs: number;
	signal?: AbortSignal;
	/** Runs `count` pieces of work at most `concurrency` at once, results in order (common/inOrder.ts). */
	inParallel<T>(count: number, work: (index: number) => Promise<T>): Promise<T[]>;
}

/** Each call's result by voiceId, how the wait ended, and the error that ended it (`failed`). */
export interface CallsWaited {
	results: Map<string, CallResult>;
	end: WaitEnd;
	error?: unknown;
}

/**
 * Polls until every call is over, Max Wait has passed, the execution is stopped or a look-up fails (after
 * its retries). A call not over by then is `stillRunning`, with the record last seen.
 */
export async function waitForCalls(wait: CallWait): Promise<CallsWaited> {
	const { lookups, clock, signal } = wait;
	const open = new Map<string, OpenCall>();
	for (const call of wait.calls)
		if (!open.has(call.voiceId)) open.set(call.voiceId, { call, endedAttempts: new Set() });
	let searchPages = 1;

	const pendingCalls = () => [...open.values()].filter((o) => o.outcome === undefined);
	const poll = async (): Promise<boolean> => {
		const pending = pendingCalls();
		if (pending.length <= FEW_CALLS || pending.length < searchPages) {
			const records = await wait.inParallel(pending.length, async (i) =>
				signal?.aborted ? undefined : await lookups.get(pending[i].call.voiceId),
			);
			records.forEach((record, i) => record && note(pending[i], record));
		} else {
			const window = windowFor(pending, {
				fromMs: wait.startedMs - CLOCK_MARGIN_MS,
				toMs: clock.now() + CLOCK_MARGIN_MS,
			});
			const first = await lookups.searchPage(window, 1);
			searchPages = first.pages;
			const rest = await wait.inParallel(Math.max(0, first.pages - 1), async (i) =>
				signal?.aborted ? [] : (await lookups.searchPage(window, i + 2)).records,
			);
			for (const record of [first.records, ...rest].flat()) {
				const found = open.get(String(record.voiceId));
				if (found && found.outcome === undefined) note(found, record);
			}
		}
		return pendingCalls().length === 0;
	};
	if (pendingCalls().length === 0) return { results: new Map(), end: 'done' };

	const { end, error } = await pollUntilDone(clock, clock.now() + wait.maxWaitMs, signal, poll);
	const results = new Map<string, CallResult>();
	for (const [voiceId, o] of open)
		results.set(voiceId, { outcome: o.outcome ?? 'stillRunning', record: o.record });
	return { results, end, error };
}

import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * Bounded concurrency for one node run. A gate per execution context caps the HTTP requests in flight
 * (items, pages and retries together) and optionally spaces their starts to a requests-per-second cap;
 * `settleInOrder` / `mapInOrder` run per-item work with the same bound and keep results at their input
 * positions. Once a run stops (`stopNewSends`), a send that gets its slot afterwards is not sent.
 */

export interface BatchingSettings {
	/** Requests in flight at once. */
	concurrency: number;
	/** Request starts per second; 0 means no cap. */
	requestsPerSecond: number;
}

export const DEFAULT_BATCHING: BatchingSettings = { concurrency: 5, requestsPerSecond: 0 };

/** Where the gate reads the time and waits: real time in the node, a fake one in unit tests. */
export interface GateClock {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
}

const REAL_CLOCK: GateClock = { now: () => Date.now(), sleep };

/** A send that was about to go out after the run had stopped: it was not sent. */
export class SendsStoppedError extends Error {
	constructor() {
		super('Not sent: the node stopped after another item failed');
		this.name = 'SendsStoppedError';
	}
}

export class RequestGate {
	/** Set when the run will fail anyway: sends still waiting for a slot must not place calls any more. */
	sendsStopped = false;
	private active = 0;
	private readonly waiting: Array<() => void> = [];
	private nextStartMs = 0;

	constructor(
		readonly settings: BatchingSettings,
		private readonly clock: GateClock = REAL_CLOCK,
	) {}

	/** Resolves when a request may start, with the time at which the gate released it. */
	async acquire(): Promise<number> {
		if (this.active < this.settings.concurrency) {
			this.active++;
		} else {
			// The releasing request hands its slot over directly, so `active` stays exact.
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		const now = this.clock.now();
		if (this.settings.requestsPerSecond <= 0) return now;
		const start = Math.max(now, this.nextStartMs);
		this.nextStartMs = start + 1000 / this.settings.requestsPerSecond;
		if (start > now) await this.clock.sleep(start - now);
		return start;
	}

	release(): void {
		const next = this.waiting.shift();
		if (next) next();
		else this.active--;
	}
}

const gates = new WeakMap<object, RequestGate>();

export function configureBatching(ctx: IExecuteFunctions, settings: BatchingSettings): void {
	gates.set(ctx, new RequestGate(settings));
}

export function batchingOf(ctx: IExecuteFunctions): BatchingSettings {
	return gates.get(ctx)?.settings ?? DEFAULT_BATCHING;
}

/** From now on, sends of this run that have not gone out yet are not sent (SendsStoppedError). */
export function stopNewSends(ctx: IExecuteFunctions): void {
	const gate = gates.get(ctx);
	if (gate) gate.sendsStopped = true;
}

/** Runs one HTTP request under the context's gate. Without a configured gate, runs it directly. */
export async function withRequestSlot<T>(
	ctx: IExecuteFunctions,
	request: () => Promise<T>,
	isSend = false,
): Promise<T> {
	const gate = gates.get(ctx);
	if (!gate) return await request();
	await gate.acquire();
	try {
		// Checked once the slot is ours: a send may have waited for it while another item failed.
		if (isSend && gate.sendsStopped) throw new SendsStoppedError();
		return await request();
	} finally {
		gate.release();
	}
}

/** One item's fate: its result, its error, or undefined when it never started. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown } | undefined;

/**
 * Calls `work(i)` for i in [0, count) with at most `concurrency` running, and returns every outcome in
 * input order. Workers pull the next index, so nothing per item is created ahead of time. With
 * `stopOnError`, no new item starts after a failure; the ones in flight still settle, the rest stay
 * undefined. `onFailure` runs as soon as an item fails.
 */
export async function settleInOrder<T>(
	count: number,
	concurrency: number,
	work: (index: number) => Promise<T>,
	stopOnError: boolean,
	onFailure?: () => void,
): Promise<Array<Settled<T>>> {
	const outcomes = new Array<Settled<T>>(count).fill(undefined);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < count && !(failed && stopOnError)) {
			const index = next++;
			try {
				outcomes[index] = { ok: true, value: await work(index) };
			} catch (error) {
				failed = true;
				outcomes[index] = { ok: false, error };
				onFailure?.();
			}
		}
	};
	const workers = Math.max(1, Math.min(concurrency, count));
	await Promise.all(Array.from({ length: workers }, worker));
	return outcomes;
}

/**
 * Like `settleInOrder`, but returns the results only, and throws the earliest failing item's error once the
 * items in flight have settled.
 */
export async function mapInOrder<T>(
	count: number,
	concurrency: number,
	work: (index: number) => Promise<T>,
	stopOnError: boolean,
): Promise<T[]> {
	const outcomes = await settleInOrder(count, concurrency, work, stopOnError);
	const results: T[] = [];
	for (const outcome of outcomes) {
		if (outcome?.ok === false) throw outcome.error;
		if (outcome) results.push(outcome.value);
	}
	return results;
}

import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * Bounded concurrency for one node run. A gate per execution context caps the HTTP requests in flight
 * (items, pages and retries together) and optionally spaces their starts to a requests-per-second cap;
 * `mapInOrder` runs per-item work with the same bound and keeps results at their input positions.
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

export class RequestGate {
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

/** Runs one HTTP request under the context's gate. Without a configured gate, runs it directly. */
export async function withRequestSlot<T>(ctx: IExecuteFunctions, request: () => Promise<T>): Promise<T> {
	const gate = gates.get(ctx);
	if (!gate) return await request();
	await gate.acquire();
	try {
		return await request();
	} finally {
		gate.release();
	}
}

/**
 * Calls `work(i)` for i in [0, count) with at most `concurrency` running, and returns the results in
 * input order. Workers pull the next index, so nothing per item is created ahead of time. When `work`
 * rejects and `stopOnError` is set, no new item starts; the earliest failing item's error is thrown once
 * the ones in flight have settled.
 */
export async function mapInOrder<T>(
	count: number,
	concurrency: number,
	work: (index: number) => Promise<T>,
	stopOnError: boolean,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failedIndex = -1;
	let failure: unknown;
	const worker = async () => {
		while (next < count && (failedIndex === -1 || !stopOnError)) {
			const index = next++;
			try {
				results[index] = await work(index);
			} catch (error) {
				if (failedIndex === -1 || index < failedIndex) {
					failedIndex = index;
					failure = error;
				}
			}
		}
	};
	const workers = Math.max(1, Math.min(concurrency, count));
	await Promise.all(Array.from({ length: workers }, worker));
	if (failedIndex !== -1) throw failure;
	return results;
}

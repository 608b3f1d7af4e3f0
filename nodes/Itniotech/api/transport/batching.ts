import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * Batching: the node's limit on how hard one run may push the API (the user-visible field Batching → Max
 * Concurrent Requests / Max Requests per Second). One Batching per execution context caps the HTTP
 * requests in flight (items, pages and retries together) and optionally spaces their starts to a
 * requests-per-second cap; common/batching.ts runs per-item work with the same bound. Once a run stops
 * (`stopNewSends`), a send that gets its turn afterwards is not sent.
 */

export interface BatchingSettings {
	/** Requests in flight at once. */
	concurrency: number;
	/** Request starts per second; 0 means no cap beyond the start spacing (MIN_START_SPACING_MS). */
	requestsPerSecond: number;
}

export const DEFAULT_BATCHING: BatchingSettings = { concurrency: 5, requestsPerSecond: 0 };

/**
 * The least time between two request starts of one run, with or without a requests-per-second cap. n8n's
 * helper opens a new connection per request, and a request started while the node handles a bunch of
 * answers goes out only after the whole bunch: started together, requests come back together, and every
 * round trip then waits for the bunch. Spread by a millisecond, they come back spread. It caps a run at
 * 1,000 requests per second, the most Max Requests per Second allows anyway.
 */
export const MIN_START_SPACING_MS = 1;

/** Where batching reads the time and waits: real time in the node, a fake one in unit tests. */
export interface BatchingClock {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
}

// A monotonic clock: the wall clock may be stepped back (an NTP correction) during a run, which would
// make the next start wait for the size of the step.
const REAL_CLOCK: BatchingClock = { now: () => performance.now(), sleep };

/** A send that was about to go out after the run had stopped: it was not sent. */
export class SendsStoppedError extends Error {
	constructor() {
		super('Not sent: the node stopped after another item failed');
		this.name = 'SendsStoppedError';
	}
}

/** The batching of one node run: at most `concurrency` requests in flight, starts spaced (MIN_START_SPACING_MS, the rate cap). */
export class Batching {
	/** Set when the run will fail anyway: sends still waiting for their turn must not place calls any more. */
	sendsStopped = false;
	private active = 0;
	private readonly waiting: Array<() => void> = [];
	private nextStartMs = 0;

	constructor(
		readonly settings: BatchingSettings,
		private readonly clock: BatchingClock = REAL_CLOCK,
	) {}

	/**
	 * Resolves when a request may start, with the time at which it was let through. A request handed a slot
	 * keeps it while it waits out the spacing (at most about `concurrency` ms without a rate cap).
	 */
	async acquire(): Promise<number> {
		if (this.active < this.settings.concurrency) {
			this.active++;
		} else {
			// The finishing request hands its turn over directly, so `active` stays exact.
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		const now = this.clock.now();
		const { requestsPerSecond } = this.settings;
		const spacing = Math.max(MIN_START_SPACING_MS, requestsPerSecond > 0 ? 1000 / requestsPerSecond : 0);
		const start = Math.max(now, this.nextStartMs);
		this.nextStartMs = start + spacing;
		if (start > now) await this.clock.sleep(start - now);
		return start;
	}

	release(): void {
		const next = this.waiting.shift();
		if (next) next();
		else this.active--;
	}
}

const batchingByContext = new WeakMap<object, Batching>();

export function configureBatching(ctx: IExecuteFunctions, settings: BatchingSettings, clock?: BatchingClock): void {
	batchingByContext.set(ctx, new Batching(settings, clock));
}

/** The run's batching settings (the defaults when none were configured). */
export function batchingSettings(ctx: IExecuteFunctions): BatchingSettings {
	return batchingByContext.get(ctx)?.settings ?? DEFAULT_BATCHING;
}

/** From now on, sends of this run that have not gone out yet are not sent (SendsStoppedError). */
export function stopNewSends(ctx: IExecuteFunctions): void {
	const batching = batchingByContext.get(ctx);
	if (batching) batching.sendsStopped = true;
}

/** Runs one HTTP request within the context's batching. Without configured batching, runs it directly. */
export async function withBatching<T>(ctx: IExecuteFunctions, request: () => Promise<T>, isSend = false): Promise<T> {
	const batching = batchingByContext.get(ctx);
	if (!batching) return await request();
	await batching.acquire();
	try {
		// Checked once it is this request's turn: a send may have waited for it while another item failed.
		if (isSend && batching.sendsStopped) throw new SendsStoppedError();
		return await request();
	} finally {
		batching.release();
	}
}

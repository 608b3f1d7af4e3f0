import { sleep } from 'n8n-workflow';

/**
 * The limit on how hard one node run pushes the API: at most `concurrency` HTTP requests in flight (items,
 * pages and retries together) and, with `requestsPerSecond`, their starts spaced to that rate. Once a run
 * stops (`stopSends`), a send that gets its turn afterwards is not sent.
 */

export interface RequestLimits {
	/** Requests in flight at once. */
	concurrency: number;
	/** Request starts per second; 0 means no cap. */
	requestsPerSecond: number;
	/**
	 * Space every start by about a millisecond, for look-ups in bulk. n8n's helper opens a connection per
	 * request, and requests started together come back together, so each round trip waits for the bunch;
	 * spread by a millisecond they come back spread. Caps a run at 1,000 starts per second.
	 */
	spaceStarts?: boolean;
}

export const DEFAULT_LIMITS: RequestLimits = { concurrency: 5, requestsPerSecond: 0 };

/** The spacing `spaceStarts` asks for. */
export const MIN_START_SPACING_MS = 1;

/** Where the limiter reads the time and waits: real time in the node, a fake one in unit tests. */
export interface LimiterClock {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
}

// Monotonic: the wall clock may be stepped back (an NTP correction) during a run, which would make the next
// start wait for the size of the step.
const MONOTONIC_CLOCK: LimiterClock = { now: () => performance.now(), sleep };

/** A send that was about to go out after the run had stopped: it was not sent. */
export class SendsStoppedError extends Error {
	constructor() {
		super('Not sent: the node stopped after another item failed');
		this.name = 'SendsStoppedError';
	}
}

export class RequestLimiter {
	/** Set when the run will fail anyway: sends still waiting for their turn must not go out any more. */
	private sendsStopped = false;
	private active = 0;
	private readonly waiting: Array<() => void> = [];
	private nextStartMs = 0;
	private readonly spacingMs: number;

	constructor(
		readonly limits: RequestLimits = DEFAULT_LIMITS,
		private readonly clock: LimiterClock = MONOTONIC_CLOCK,
	) {
		const rateSpacing = limits.requestsPerSecond > 0 ? 1000 / limits.requestsPerSecond : 0;
		this.spacingMs = Math.max(limits.spaceStarts ? MIN_START_SPACING_MS : 0, rateSpacing);
	}

	/** From now on, sends that have not gone out yet are not sent (SendsStoppedError). */
	stopSends(): void {
		this.sendsStopped = true;
	}

	/** Runs one HTTP request (the whole exchange, answer included) within the limits. */
	async run<T>(request: () => Promise<T>, isSend = false): Promise<T> {
		await this.acquire();
		try {
			// Checked once it is this request's turn: a send may have waited for it while another item failed.
			if (isSend && this.sendsStopped) throw new SendsStoppedError();
			return await request();
		} finally {
			this.release();
		}
	}

	/**
	 * Resolves when a request may start, with the time at which it was let through. A request handed a slot
	 * keeps it while it waits out the spacing.
	 */
	async acquire(): Promise<number> {
		if (this.active < this.limits.concurrency) {
			this.active++;
		} else {
			// The finishing request hands its turn over directly, so `active` stays exact.
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		const now = this.clock.now();
		if (this.spacingMs === 0) return now;
		const start = Math.max(now, this.nextStartMs);
		this.nextStartMs = start + this.spacingMs;
		if (start > now) await this.clock.sleep(start - now);
		return start;
	}

	release(): void {
		const next = this.waiting.shift();
		if (next) next();
		else this.active--;
	}
}

import { sleep } from 'n8n-workflow';
import type { Failure } from './failures';

/**
 * Clock correction. Itniotech refuses a Timestamp more than about 30 minutes off its own clock (-16).
 * When that happens, the server's Date header tells how far this host's clock is off; the request is
 * made once more with the corrected time (api/signing.ts says how the credential learns it), and later
 * requests to the same Base URL start corrected.
 */

/**
 * The offsets a -16 can be explained by. The vendor allows about 30 minutes; below 25 the host's clock is
 * not what made it refuse. Beyond a day the server's Date is not trusted: a hostile or broken server must
 * not make the node sign Timestamps of its choosing (Signs that become valid later).
 */
export const MIN_CORRECTION_MS = 25 * 60 * 1000;
export const MAX_CORRECTION_MS = 24 * 3600 * 1000;

/** Whether an offset measured after a -16 explains it, and may be signed with. */
export function explainsExpiredTimestamp(offsetMs: number): boolean {
	return Math.abs(offsetMs) >= MIN_CORRECTION_MS && Math.abs(offsetMs) <= MAX_CORRECTION_MS;
}

/**
 * This host's clock as the vendor sees it: offsets (server minus this host, ms) learned from -16 answers,
 * per Base URL. One per process (HOST_CLOCK) on purpose: the offset is a property of this host's clock,
 * shared by every execution, and bounded by the number of Base URLs in use.
 */
export class HostClock {
	private readonly offsets = new Map<string, number>();

	now(): number {
		return Date.now();
	}

	/**
	 * Waits `ms`, or less: it returns as soon as `signal` aborts (n8n's stop of the execution), without an
	 * error. n8n 1.x's sleep knows no signal, hence the race.
	 */
	async sleep(ms: number, signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) return;
		let onAbort = () => {};
		const aborted = new Promise<void>((resolve) => {
			onAbort = resolve;
			signal?.addEventListener('abort', onAbort, { once: true });
		});
		try {
			await Promise.race([sleep(ms, signal).catch(() => undefined), aborted]);
		} finally {
			signal?.removeEventListener('abort', onAbort);
		}
	}

	offsetFor(root: string): number {
		return this.offsets.get(root) ?? 0;
	}

	learn(root: string, offsetMs: number): void {
		this.offsets.set(root, offsetMs);
	}

	/** Forgets every learned offset (tests start from a correct clock). */
	reset(): void {
		this.offsets.clear();
	}
}

export const HOST_CLOCK = new HostClock();

/** Adds what the clock correction found to the -16's own advice (which already says to fix the clock). */
function appendAdvice(failure: Failure, text: string): void {
	failure.error.description = `${failure.error.description ?? ''} ${text}`.trim();
}

function formatOffset(ms: number): string {
	const seconds = Math.round(Math.abs(ms) / 1000);
	const text = seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
	return `${text} ${ms > 0 ? 'behind' : 'ahead of'} Itniotech's clock`;
}

/** One request's view of this host's clock: the offset to sign with, corrected at most once. */
export class ClockCorrection {
	private corrected = false;

	/** Added to this host's time when signing; 0 means the credential's own fresh time is used. */
	offsetMs: number;

	constructor(
		private readonly clock: HostClock,
		private readonly root: string,
	) {
		this.offsetMs = clock.offsetFor(root);
	}

	/**
	 * After a -16 with the server's time: true the first time the offset explains it (learn it, try once
	 * more: the vendor refused before acting, so this is safe even for sends, and it is not one of the user's
	 * attempts). A second -16 is final, and its advice then says how far off this host's clock is.
	 */
	retryCorrected(failure: Failure): boolean {
		if (failure.vendorStatus !== '-16') return false;
		if (failure.serverDateMs === undefined) {
			appendAdvice(
				failure,
				"The answer did not give the server's time in a form the node trusts, so the clock was not corrected.",
			);
			return false;
		}
		const measured = failure.serverDateMs - this.clock.now();
		if (this.corrected) {
			failure.error.description = `This n8n host's clock is about ${formatOffset(measured)}; even corrected, Itniotech refused the timestamp. Set the host's clock right (enable NTP time sync).`;
			return false;
		}
		if (!explainsExpiredTimestamp(measured)) {
			const why =
				Math.abs(measured) < MIN_CORRECTION_MS
					? 'too little to explain the refusal'
					: 'too far off to trust';
			appendAdvice(
				failure,
				`The answer puts this n8n host's clock about ${formatOffset(measured)}: ${why}, so the clock was not corrected.`,
			);
			return false;
		}
		this.corrected = true;
		this.offsetMs = measured;
		this.clock.learn(this.root, measured);
		return true;
	}
}

/**
 * When to ask again while waiting for results: soon after the send, then less and less often, never after
 * Max Wait, and not at all once n8n stops the execution. The clock and its sleep come from the run, so a
 * test can move time itself.
 */

/** What the wait needs of a clock: the time, and a sleep that a stop of the execution ends early. */
export interface WaitClock {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const FIRST_POLL_MS = 5_000;
export const LONGEST_POLL_MS = 30_000;

/** The pause before poll `round` (0 is the first): 5 s, 10 s, 20 s, then 30 s each. */
export function pollInterval(round: number): number {
	return Math.min(FIRST_POLL_MS * 2 ** round, LONGEST_POLL_MS);
}

/** How a wait ended: all over, Max Wait passed, the execution stopped, or a look-up failed. */
export type WaitEnd = 'done' | 'maxWait' | 'stopped' | 'failed';

/**
 * Calls `poll` after each pause until it says everything is over (true), Max Wait has passed (`deadlineMs`,
 * one last poll right at it), `signal` aborts (no poll starts after that) or a poll throws.
 */
export async function pollUntilDone(
	clock: WaitClock,
	deadlineMs: number,
	signal: AbortSignal | undefined,
	poll: () => Promise<boolean>,
): Promise<{ end: WaitEnd; error?: unknown }> {
	for (let round = 0; ; round++) {
		const left = deadlineMs - clock.now();
		if (left <= 0) return { end: 'maxWait' };
		await clock.sleep(Math.min(pollInterval(round), left), signal);
		if (signal?.aborted) return { end: 'stopped' };
		try {
			if (await poll()) return { end: 'done' };
		} catch (error) {
			return { end: signal?.aborted ? 'stopped' : 'failed', error };
		}
		if (signal?.aborted) return { end: 'stopped' };
	}
}

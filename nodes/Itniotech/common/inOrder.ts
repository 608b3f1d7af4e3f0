/**
 * Per-item (or per-page) work run concurrently, with results kept at their input positions. The limit on
 * HTTP requests itself is the run's RequestLimiter.
 */

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

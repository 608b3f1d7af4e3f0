import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { BatchingSettings } from '../api/transport/batching';
import { DEFAULT_BATCHING } from '../api/transport/batching';

/**
 * Batching, the n8n side: the node-wide field (Batching → Max Concurrent Requests / Max Requests per
 * Second), reading it, and running per-item work within it with results kept at their input positions.
 * The limit on requests itself is api/transport/batching.ts.
 */

export const CONCURRENCY_MAX = 50;
export const REQUESTS_PER_SECOND_MAX = 1000;

/** Node-wide: how hard this node may push the Itniotech API. */
export const batchingField: INodeProperties = {
	displayName: 'Batching',
	name: 'batching',
	type: 'collection',
	placeholder: 'Add Batching Option',
	default: {},
	description: 'How many requests run at once when the node gets many items',
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: CONCURRENCY_MAX },
			default: 5, // DEFAULT_BATCHING.concurrency; a literal, as n8n's lint wants
			description:
				'How many requests to Itniotech may run at the same time (1 to 50). Output order always follows the input.',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: REQUESTS_PER_SECOND_MAX },
			default: 0,
			description:
				'Cap on requests started per second, for accounts with a rate limit. 0 means no cap of your own (the node never starts more than 1,000 per second).',
		},
	],
};

export function readBatching(ctx: IExecuteFunctions): BatchingSettings {
	const batching = ctx.getNodeParameter('batching', 0, {}) as IDataObject;
	const concurrency = batching.concurrency ?? DEFAULT_BATCHING.concurrency;
	const requestsPerSecond = batching.requestsPerSecond ?? 0;
	if (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1 || concurrency > CONCURRENCY_MAX) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Batching → Max Concurrent Requests must be a whole number from 1 to ${CONCURRENCY_MAX}`,
		);
	}
	if (
		typeof requestsPerSecond !== 'number' ||
		!Number.isFinite(requestsPerSecond) ||
		requestsPerSecond < 0 ||
		requestsPerSecond > REQUESTS_PER_SECOND_MAX
	) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Batching → Max Requests per Second must be a number from 0 to ${REQUESTS_PER_SECOND_MAX} (0 = no cap)`,
		);
	}
	return { concurrency, requestsPerSecond };
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

import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT_SECONDS } from '../api/transport/request';
import type { BatchingSettings } from '../api/transport/batching';
import { DEFAULT_BATCHING } from '../api/transport/batching';
import { validateInteger, validateNumber } from './validation';

/** Field definitions more than one operation uses, written once. */

export const TIMEOUT_MAX_SECONDS = 600;

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeoutSeconds',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: TIMEOUT_MAX_SECONDS },
	default: DEFAULT_TIMEOUT_SECONDS,
	description: 'How long to wait for Itniotech to answer one request before giving up',
};

/** An operation's "Options" collection. */
export function optionsField(options: INodeProperties[], show?: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		...(show ? { displayOptions: { show } } : {}),
		options,
	};
}

export function readTimeoutSeconds(ctx: IExecuteFunctions, itemIndex: number, value: unknown): number {
	if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
	return validateNumber(ctx.getNode(), 'Timeout (Seconds) option', value, itemIndex, 1, TIMEOUT_MAX_SECONDS);
}

export const ATTEMPTS_MAX = 10;

/** Reads only: sends are never repeated automatically. */
export const attemptsOption: INodeProperties = {
	displayName: 'Max Attempts',
	name: 'maxAttempts',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: ATTEMPTS_MAX },
	default: DEFAULT_MAX_ATTEMPTS,
	description:
		'How many times to try when Itniotech or the network has a temporary problem (server errors, too many requests, dropped connections, timeouts). 1 means no retry.',
};

export function readMaxAttempts(ctx: IExecuteFunctions, itemIndex: number, value: unknown): number {
	if (value === undefined) return DEFAULT_MAX_ATTEMPTS;
	return validateInteger(ctx.getNode(), 'Max Attempts option', value, itemIndex, 1, ATTEMPTS_MAX);
}

/** Timeout and attempts of a read operation's Options collection. */
export function readReadOptions(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject) {
	return {
		timeoutSeconds: readTimeoutSeconds(ctx, itemIndex, options.timeoutSeconds),
		maxAttempts: readMaxAttempts(ctx, itemIndex, options.maxAttempts),
	};
}

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
			description: 'Cap on requests started per second, for accounts with a rate limit. 0 means no cap.',
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

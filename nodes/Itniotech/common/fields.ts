import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT_SECONDS } from '../api/transport/request';
import type { RequestLimits } from '../api/transport/requestLimiter';
import { DEFAULT_LIMITS } from '../api/transport/requestLimiter';
import { validateInteger, validateNumber } from './validation';

/** Field definitions more than one operation uses, written once, and the one reader of their values. */

export const TIMEOUT_MAX_SECONDS = 600;

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeoutSeconds',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: TIMEOUT_MAX_SECONDS },
	default: DEFAULT_TIMEOUT_SECONDS,
	description: 'How long to wait for Itniotech to answer one request before giving up',
};

export const CONCURRENCY_MAX = 50;
export const REQUESTS_PER_SECOND_MAX = 1000;

/** How hard this node may push the Itniotech API; read from the first item, for the whole run. */
const limitOptions: INodeProperties[] = [
	{
		displayName: 'Max Concurrent Requests',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: CONCURRENCY_MAX },
		default: 5, // DEFAULT_LIMITS.concurrency; a literal, as n8n's lint wants
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
			'Cap on requests started per second, for accounts with a rate limit. 0 means no cap.',
	},
];

/** An operation's "Options" collection: its own options, then the request limits every operation has. */
export function optionsField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options, ...limitOptions],
	};
}

/** The run's request limits from the first item's Options (their defaults when not added), checked. */
export function readRequestLimits(ctx: IExecuteFunctions): RequestLimits {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const node = ctx.getNode();
	const { concurrency, requestsPerSecond } = options;
	return {
		concurrency:
			concurrency === undefined
				? DEFAULT_LIMITS.concurrency
				: validateInteger(
						node,
						'Max Concurrent Requests option',
						concurrency,
						0,
						1,
						CONCURRENCY_MAX,
					),
		requestsPerSecond:
			requestsPerSecond === undefined
				? 0
				: validateNumber(
						node,
						'Max Requests per Second option',
						requestsPerSecond,
						0,
						0,
						REQUESTS_PER_SECOND_MAX,
					),
	};
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
		'How many times to try when Itniotech or the network has a temporary problem. 1 means no retry.',
};

/** What a request needs from an operation's Options, checked; `options` holds the collection as set. */
export interface RequestOptions {
	timeoutSeconds: number;
	/** Only reads offer Max Attempts; sends are never repeated, whatever this says. */
	maxAttempts: number;
	options: IDataObject;
}

/** Reads the operation's Options once: Timeout and Max Attempts, their defaults when not added. */
export function readRequestOptions(ctx: IExecuteFunctions, itemIndex: number): RequestOptions {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const node = ctx.getNode();
	const { timeoutSeconds, maxAttempts } = options;
	return {
		timeoutSeconds:
			timeoutSeconds === undefined
				? DEFAULT_TIMEOUT_SECONDS
				: validateNumber(
						node,
						'Timeout (Seconds) option',
						timeoutSeconds,
						itemIndex,
						1,
						TIMEOUT_MAX_SECONDS,
					),
		maxAttempts:
			maxAttempts === undefined
				? DEFAULT_MAX_ATTEMPTS
				: validateInteger(node, 'Max Attempts option', maxAttempts, itemIndex, 1, ATTEMPTS_MAX),
		options,
	};
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT_SECONDS } from '../api/transport/request';
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

/** An operation's "Options" collection. */
export function optionsField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
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
		'How many times to try when Itniotech or the network has a temporary problem (server errors, too many requests, dropped connections, timeouts). 1 means no retry.',
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
				: validateNumber(node, 'Timeout (Seconds) option', timeoutSeconds, itemIndex, 1, TIMEOUT_MAX_SECONDS),
		maxAttempts:
			maxAttempts === undefined
				? DEFAULT_MAX_ATTEMPTS
				: validateInteger(node, 'Max Attempts option', maxAttempts, itemIndex, 1, ATTEMPTS_MAX),
		options,
	};
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT_SECONDS } from '../transport/request';

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

export function readTimeoutSeconds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): number {
	if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > TIMEOUT_MAX_SECONDS) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The Timeout (Seconds) option in item ${itemIndex} must be a number from 1 to ${TIMEOUT_MAX_SECONDS}`,
			{ itemIndex },
		);
	}
	return value;
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
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > ATTEMPTS_MAX) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The Max Attempts option in item ${itemIndex} must be a whole number from 1 to ${ATTEMPTS_MAX}`,
			{ itemIndex },
		);
	}
	return value;
}

/** Timeout and attempts of a read operation's Options collection. */
export function readReadOptions(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject) {
	return {
		timeoutSeconds: readTimeoutSeconds(ctx, itemIndex, options.timeoutSeconds),
		maxAttempts: readMaxAttempts(ctx, itemIndex, options.maxAttempts),
	};
}

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DEFAULT_TIMEOUT_SECONDS } from '../transport/request';

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

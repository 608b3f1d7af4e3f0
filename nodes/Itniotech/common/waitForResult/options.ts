import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DEFAULT_MAX_ATTEMPTS } from '../../api/transport/request';
import { readRequestOptions } from '../fields';
import { validateInteger } from '../validation';

/** Options → Wait for Result and Max Wait, for the sends of calls and of messages. */

export const MAX_WAIT_MINUTES = 30;
export const DEFAULT_MAX_WAIT_MINUTES = 5;

const WORDS = {
	calls: {
		wait: 'Whether to wait until each call has ended, then output its record and outcome (answered, notAnswered, failed).',
		still: 'A call still running then has outcome stillRunning',
		trigger: 'Itniotech Voice Trigger',
	},
	messages: {
		wait: 'Whether to wait until each message has a final delivery report, then output it with its outcome (delivered, failed).',
		still: 'A message still sending then has outcome stillSending',
		trigger: 'Itniotech SMS Trigger',
	},
};

/** The two options, in the order n8n lists a collection's options (alphabetical). */
export function waitOptions(kind: keyof typeof WORDS): INodeProperties[] {
	return [
		{
			displayName: 'Max Wait (Minutes)',
			name: 'maxWaitMinutes',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_WAIT_MINUTES },
			default: DEFAULT_MAX_WAIT_MINUTES,
			// Offered only once Wait for Result is on: a sibling path in a collection reads the collection's values.
			displayOptions: { show: { waitForResult: [true] } },
			description: `How long Wait for Result waits at most, 1 to ${MAX_WAIT_MINUTES} minutes. ${WORDS[kind].still}.`,
			hint: `At most ${MAX_WAIT_MINUTES} minutes; for longer waits or large volumes, use the ${WORDS[kind].trigger}`,
		},
		{
			displayName: 'Wait for Result',
			name: 'waitForResult',
			type: 'boolean',
			default: false,
			description: WORDS[kind].wait,
		},
	];
}

export interface WaitSettings {
	maxWaitMs: number;
	timeoutSeconds: number;
	maxAttempts: number;
}

/** The run's wait, read from the first item's Options (like the request limits); undefined when off. */
export function readWaitSettings(ctx: IExecuteFunctions): WaitSettings | undefined {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	if (options.waitForResult !== true) return undefined;
	const minutes =
		options.maxWaitMinutes === undefined
			? DEFAULT_MAX_WAIT_MINUTES
			: validateInteger(
					ctx.getNode(),
					'Max Wait (Minutes) option',
					options.maxWaitMinutes,
					0,
					1,
					MAX_WAIT_MINUTES,
				);
	const { timeoutSeconds } = readRequestOptions(ctx, 0);
	return { maxWaitMs: minutes * 60_000, timeoutSeconds, maxAttempts: DEFAULT_MAX_ATTEMPTS };
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { toDecimal } from '../../../api/records/record';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import type { RequestOptions } from '../../fields';
import { attemptsOption, optionsField, readRequestOptions, timeoutOption } from '../../fields';
import type { OperationMeta } from '../../operations';

export const meta: OperationMeta = {
	value: 'getBalance',
	name: 'Get Balance',
	action: 'Get the account balance',
	description: 'Get the balance, gift and credit amounts of the Itniotech account',
};

// In an AI agent's tool the engine controls stay out of sight: the balance takes no business input.
export const properties: INodeProperties[] = [
	{
		...optionsField([timeoutOption, attemptsOption]),
		displayOptions: { hide: { '@tool': [true] } },
	},
];

export function readInput(this: IExecuteFunctions, itemIndex: number): RequestOptions {
	return readRequestOptions(this, itemIndex);
}

/** GET /sms/getBalance: the answer is not wrapped in `data`. */
export async function execute(
	this: IExecuteFunctions,
	{ timeoutSeconds, maxAttempts }: RequestOptions,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const envelope = await itniotechApiRequest(this, run, {
		method: 'GET',
		path: '/sms/getBalance',
		itemIndex,
		timeoutSeconds,
		maxAttempts,
	});
	return [
		{
			balance: toDecimal(envelope.balance),
			gift: toDecimal(envelope.gift),
			credit: toDecimal(envelope.credit),
		},
	];
}

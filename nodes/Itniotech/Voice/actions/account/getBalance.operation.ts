import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { toDecimal } from '../../../api/records/record';
import { itniotechApiRequest } from '../../../api/transport/request';
import { attemptsOption, optionsField, readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';

export const meta: OperationMeta = {
	value: 'getBalance',
	name: 'Get Balance',
	action: 'Get the account balance',
	description: 'Get the balance, gift and credit amounts of the Itniotech account',
};

export const properties: INodeProperties[] = [optionsField([timeoutOption, attemptsOption])];

/** GET /sms/getBalance: the answer is not wrapped in `data`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { timeoutSeconds, maxAttempts } = readRequestOptions(this, itemIndex);
	const envelope = await itniotechApiRequest.call(this, {
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

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itniotechApiRequest } from '../../../api/transport/request';
import { attemptsOption, optionsField, readReadOptions, timeoutOption } from '../../../common/fields';
import { toDecimal } from '../../../api/records/record';

export const description: INodeProperties[] = [
	optionsField([timeoutOption, attemptsOption], { resource: ['account'], operation: ['getBalance'] }),
];

/** GET /sms/getBalance: the answer is not wrapped in `data`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const envelope = await itniotechApiRequest.call(this, {
		method: 'GET',
		path: '/sms/getBalance',
		itemIndex,
		...readReadOptions(this, itemIndex, options),
	});
	return [
		{
			balance: toDecimal(envelope.balance),
			gift: toDecimal(envelope.gift),
			credit: toDecimal(envelope.credit),
		},
	];
}

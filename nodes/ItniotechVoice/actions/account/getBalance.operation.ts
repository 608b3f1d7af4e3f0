import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { itniotechApiRequest } from '../../transport/request';
import { attemptsOption, readReadOptions, timeoutOption } from '../../shared/descriptions';
import { toDecimal } from '../../shared/record';

export const description: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['account'], operation: ['getBalance'] } },
		options: [timeoutOption, attemptsOption],
	},
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

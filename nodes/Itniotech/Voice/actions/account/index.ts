import type { INodeProperties } from 'n8n-workflow';
import * as getBalance from './getBalance.operation';

export const operations = { getBalance };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Balance',
				value: 'getBalance',
				action: 'Get the account balance',
				description: 'Get the balance, gift and credit amounts of the Itniotech account',
			},
		],
		default: 'getBalance',
	},
	...getBalance.description,
];

import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as search from './search.operation';

export const operations = { get, search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sipRecord'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a SIP call record',
				description: 'Get the record of one SIP phone call by its Voice ID',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search SIP call records',
				description: 'Get the records of SIP phone calls submitted between two dates (last two months)',
			},
		],
		default: 'get',
	},
	...get.description,
	...search.description,
];

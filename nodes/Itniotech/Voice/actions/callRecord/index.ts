import type { INodeProperties } from 'n8n-workflow';
import * as getGroupRecord from './getGroupRecord.operation';
import * as searchGroupRecords from './searchGroupRecords.operation';

export const operations = { getGroupRecord, searchGroupRecords };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callRecord'] } },
		options: [
			{
				name: 'Get Group Call Record',
				value: 'getGroupRecord',
				action: 'Get a group call record',
				description:
					'Get the record of one group or voice message call by its Voice ID: status, times, duration and cost',
			},
			{
				name: 'Search Group Call Records',
				value: 'searchGroupRecords',
				action: 'Search group call records',
				description:
					'Get the records of all group and voice message calls submitted between two dates (last two months)',
			},
		],
		default: 'getGroupRecord',
	},
	...getGroupRecord.description,
	...searchGroupRecords.description,
];

import type { INodeProperties } from 'n8n-workflow';
import * as getGroupRecord from './getGroupRecord.operation';

export { getGroupRecord };

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
		],
		default: 'getGroupRecord',
	},
	...getGroupRecord.description,
];

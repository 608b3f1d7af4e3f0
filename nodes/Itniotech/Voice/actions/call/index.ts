import type { INodeProperties } from 'n8n-workflow';
import * as sendTts from './sendTts.operation';
import * as sendGroup from './sendGroup.operation';

export const operations = { sendTts, sendGroup };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{
				name: 'Send Voice Message (TTS)',
				value: 'sendTts',
				action: 'Send a text to speech voice call',
				description:
					'Call one phone number and read out a text (e.g. a verification code). Returns the Voice ID of the call.',
			},
			{
				name: 'Send Audio Group Call',
				value: 'sendGroup',
				action: 'Send an audio group call',
				description:
					'Call many phone numbers and play an uploaded audio file. Returns one Voice ID per number.',
			},
		],
		default: 'sendTts',
	},
	...sendTts.description,
	...sendGroup.description,
];

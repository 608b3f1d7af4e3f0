import type { INodeProperties } from 'n8n-workflow';
import * as upload from './upload.operation';
import * as list from './list.operation';

export const operations = { upload, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['audioFile'] } },
		options: [
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload an audio file',
				description: 'Upload an .mp3, .m4a or .wav file for group calls. Returns its File ID.',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List audio files',
				description: 'List the audio files uploaded to the account with their File IDs',
			},
		],
		default: 'upload',
	},
	...upload.description,
	...list.description,
];

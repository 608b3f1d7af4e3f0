import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as account from './actions/account';
import * as audioFile from './actions/audioFile';
import * as call from './actions/call';
import * as callRecord from './actions/callRecord';
import * as sipRecord from './actions/sipRecord';
import { router } from './actions/router';

export class ItniotechVoice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Itniotech Voice',
		name: 'itniotechVoice',
		icon: { light: 'file:itniotech.svg', dark: 'file:itniotech.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Send voice calls and read call records with the Itniotech Voice API',
		defaults: { name: 'Itniotech Voice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'itniotechApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Audio File', value: 'audioFile' },
					{ name: 'Call', value: 'call' },
					{ name: 'Call Record', value: 'callRecord' },
					{ name: 'SIP Call Record', value: 'sipRecord' },
				],
				default: 'callRecord',
			},
			...callRecord.description,
			...call.description,
			...audioFile.description,
			...account.description,
			...sipRecord.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

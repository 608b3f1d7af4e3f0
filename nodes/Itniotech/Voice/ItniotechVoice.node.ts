import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as account from './actions/account';
import * as audioFile from './actions/audioFile';
import * as call from './actions/call';
import * as callRecord from './actions/callRecord';
import * as sipRecord from './actions/sipRecord';
import { router } from './actions/router';
import { batchingField } from '../common/fields';

const resourceDescriptions = [callRecord, call, audioFile, account, sipRecord].map((r) => r.description);

export class ItniotechVoice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Itniotech Voice',
		name: 'itniotechVoice',
		icon: { light: 'file:itniotech.svg', dark: 'file:itniotech.dark.svg' },
		group: ['output'],
		version: 1,
		// "resource:operation" → the operation's label (test/unit/description.test.js checks every operation has one).
		subtitle:
			'={{ {"callRecord:getGroupRecord":"Get Group Call Record","callRecord:searchGroupRecords":"Search Group Call Records","call:sendTts":"Send Voice Message (TTS)","call:sendGroup":"Send Audio Group Call","audioFile:upload":"Upload Audio File","audioFile:list":"List Audio Files","account:getBalance":"Get Balance","sipRecord:get":"Get SIP Call Record","sipRecord:search":"Search SIP Call Records"}[$parameter["resource"] + ":" + $parameter["operation"]] }}',
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
			...resourceDescriptions.flat(),
			batchingField,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

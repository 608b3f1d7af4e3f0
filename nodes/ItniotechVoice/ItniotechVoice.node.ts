import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as callRecord from './actions/callRecord';
import { router } from './actions/router';

export class ItniotechVoice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Itniotech Voice',
		name: 'itniotechVoice',
		icon: { light: 'file:itniotech.svg', dark: 'file:itniotech.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ {"getGroupRecord": "Get Group Call Record"}[$parameter["operation"]] || $parameter["operation"] }}',
		description: 'Get voice call records from the Itniotech Voice API',
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
				options: [{ name: 'Call Record', value: 'callRecord' }],
				default: 'callRecord',
			},
			...callRecord.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

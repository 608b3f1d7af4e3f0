import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { operationSubtitle, resourceMenu } from '../common/operations';
import { resources, router } from './actions/router';

export class ItniotechVoice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Itniotech Voice',
		name: 'itniotechVoice',
		icon: { light: 'file:../icons/voice.svg', dark: 'file:../icons/voice.dark.svg' },
		group: ['output'],
		version: 1,
		// The chosen operation's name, derived from the operation modules like the menus.
		subtitle: operationSubtitle(resources),
		description: 'Send voice calls and read call records with the Itniotech Voice API',
		defaults: { name: 'Itniotech Voice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'itniotechApi', required: true }],
		properties: [
			resourceMenu(resources, 'callRecord'),
			...resources.flatMap((resource) => resource.properties),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

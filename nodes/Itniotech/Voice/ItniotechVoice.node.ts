import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { Resource } from '../common/operations';
import { resourceMenu } from '../common/operations';
import { resources, router } from './actions/router';
import { searchAudioFiles, searchCampaigns, searchSipPhones } from './methods/listSearch';

/**
 * The canvas subtitle: the chosen operation's action ("Get a call record"), read from the same modules as
 * the menus. The menu names alone ("Get", "Get Many") are the same in several resources.
 */
function actionSubtitle(list: Resource[]): string {
	const actions: Record<string, string> = {};
	for (const resource of list) {
		for (const { meta } of resource.operations.values())
			actions[`${resource.value}:${meta.value}`] = meta.action;
	}
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

export class ItniotechVoice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Itniotech Voice',
		name: 'itniotechVoice',
		icon: { light: 'file:../icons/voice.svg', dark: 'file:../icons/voice.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: actionSubtitle(resources),
		description:
			'Send voice calls and campaigns, and read call records with the Itniotech Voice API',
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

	methods = {
		listSearch: { searchAudioFiles, searchCampaigns, searchSipPhones },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

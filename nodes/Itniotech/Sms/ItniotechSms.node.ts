import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { operationSubtitle, resourceMenu } from '../common/operations';
import { resources, router } from './actions/router';

export class ItniotechSms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Itniotech SMS',
		name: 'itniotechSms',
		icon: { light: 'file:../icons/sms.svg', dark: 'file:../icons/sms.dark.svg' },
		group: ['output'],
		version: 1,
		// The chosen operation's name, derived from the operation modules like the menus.
		subtitle: operationSubtitle(resources),
		description:
			'Send SMS messages, get their delivery reports, and get sent and received messages with the Itniotech SMS API',
		defaults: { name: 'Itniotech SMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'itniotechApi', required: true }],
		properties: [
			resourceMenu(resources, 'message'),
			...resources.flatMap((resource) => resource.properties),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

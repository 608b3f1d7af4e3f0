import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { operationSubtitle, resourceMenu } from '../common/operations';
import { resources, router } from './actions/router';
import { searchFlows, searchTemplates } from './methods/listSearch';

export class ItniotechVerify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Itniotech Verify',
		name: 'itniotechVerify',
		icon: { light: 'file:../icons/verify.svg', dark: 'file:../icons/verify.dark.svg' },
		group: ['output'],
		version: 1,
		// The chosen operation's name, derived from the operation modules like the menus.
		subtitle: operationSubtitle(resources),
		description:
			'Send one-time verification codes by SMS or call and check the code a person typed, with the Itniotech OTP API',
		defaults: { name: 'Itniotech Verify' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'itniotechApi', required: true }],
		properties: [
			resourceMenu(resources, 'verification'),
			...resources.flatMap((resource) => resource.properties),
		],
	};

	methods = {
		listSearch: { searchTemplates, searchFlows },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

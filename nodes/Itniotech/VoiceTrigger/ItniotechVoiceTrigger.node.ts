import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { REPORT_TYPES } from '../api/records/statusPush';
import { EVENTS } from '../common/trigger/events';
import { protectionFields, pushWebhook, triggerOptions } from '../common/trigger/panel';
import { pushWebhookMethods, receivePush } from '../common/trigger/receive';

const title = (words: string): string =>
	words.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());

/** Call status reports. Its `name` extends itniotechVoice, so n8n's nodes panel lists it under Itniotech Voice. */
export class ItniotechVoiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Itniotech Voice Trigger',
		name: 'itniotechVoiceTrigger',
		icon: { light: 'file:../icons/voice.svg', dark: 'file:../icons/voice.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Call status reports',
		// n8n's nodes panel lists this trigger under Itniotech Voice and shows this text for both, so it says
		// what the pair does.
		description:
			'Send voice calls and campaigns, read call records, and start workflows on call status reports with Itniotech Voice',
		defaults: { name: 'Itniotech Voice Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: pushWebhook(`"${EVENTS.callStatus.path}"`),
		properties: [
			{
				// One event only; listed so the nodes panel names the trigger "On call status report".
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Call Status Report',
						value: 'callStatus',
						action: 'On call status report',
						description: 'The report Itniotech pushes when a call has ended',
					},
				],
				default: 'callStatus',
			},
			{
				displayName:
					'Enter this trigger’s URL (built as said below) in the Itniotech console: Voice → settings → status report push URL. Then publish the workflow.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			...protectionFields,
			{
				displayName: 'Report Types',
				name: 'reportTypes',
				type: 'multiOptions',
				options: Object.entries(REPORT_TYPES).map(([value, name]) => ({
					name: title(name),
					value: Number(value),
				})),
				default: [],
				description: 'Only start for these kinds of calls. Leave empty for all.',
			},
			{
				displayName: 'Answered',
				name: 'answered',
				type: 'options',
				options: [
					{ name: 'All Calls', value: 'all' },
					{
						name: 'Only Answered Calls',
						value: 'answered',
						description: 'The report has an answer time or a call duration above 0',
					},
					{
						name: 'Only Unanswered Calls',
						value: 'notAnswered',
						description: 'No answer time and no call duration',
					},
				],
				default: 'all',
			},
			triggerOptions,
		],
	};

	webhookMethods = pushWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return receivePush(this, EVENTS.callStatus);
	}
}

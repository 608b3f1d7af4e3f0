import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, updateDisplayOptions } from 'n8n-workflow';
import { EVENTS } from '../common/trigger/events';
import { protectionFields, pushWebhook, triggerOptions } from '../common/trigger/panel';
import { pushWebhookMethods, receivePush } from '../common/trigger/receive';

/** The event's path, as n8n evaluates it without this module's code. */
const EVENT_PATH = `($parameter["event"] === "smsInbound" ? "${EVENTS.smsInbound.path}" : "${EVENTS.smsDelivery.path}")`;

/**
 * SMS delivery reports and inbound SMS, one event per node. Its `name` extends itniotechSms, so n8n's
 * nodes panel lists it under Itniotech SMS, with one "On …" entry per event.
 */
export class ItniotechSmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Itniotech SMS Trigger',
		name: 'itniotechSmsTrigger',
		icon: { light: 'file:../icons/sms.svg', dark: 'file:../icons/sms.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["event"] === "smsInbound" ? "Inbound SMS" : "SMS delivery reports" }}',
		// n8n's nodes panel lists this trigger under Itniotech SMS and shows this text for both, so it says
		// what the pair does.
		description:
			'Send SMS, get delivery reports and messages, and start workflows on delivery reports or inbound SMS with Itniotech SMS',
		defaults: { name: 'Itniotech SMS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: pushWebhook(EVENT_PATH),
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'SMS Delivery Report',
						value: 'smsDelivery',
						action: 'On SMS delivery report',
						description: 'Whether an SMS sent through the API was delivered',
					},
					{
						name: 'Inbound SMS',
						value: 'smsInbound',
						action: 'On inbound SMS',
						description: 'A message someone sent to your Itniotech number, e.g. a reply',
					},
				],
				default: 'smsDelivery',
				description:
					'Which push starts the workflow. Each event has its own URL; for both, use two triggers.',
			},
			...updateDisplayOptions({ show: { event: ['smsDelivery'] } }, [
				{
					displayName:
						'Itniotech staff set this URL: ask Itniotech support or your account manager to set it (built as said below) as your SMS delivery report push URL.',
					name: 'smsDeliveryNotice',
					type: 'notice',
					default: '',
				},
			]),
			...updateDisplayOptions({ show: { event: ['smsInbound'] } }, [
				{
					displayName:
						'Itniotech staff set this URL: ask Itniotech support or your account manager to set it (built as said below) as your inbound SMS (MO) push URL.',
					name: 'smsInboundNotice',
					type: 'notice',
					default: '',
				},
			]),
			...protectionFields,
			...updateDisplayOptions({ show: { event: ['smsDelivery'] } }, [
				{
					displayName: 'Delivery Status',
					name: 'deliveryStatus',
					type: 'options',
					options: [
						{ name: 'All Delivery Reports', value: 'all' },
						{
							name: 'Only Delivered Messages',
							value: 'delivered',
							description: 'Status code 0',
						},
						{
							name: 'Only Failed Deliveries',
							value: 'failed',
							description: 'Any other status code',
						},
					],
					default: 'all',
				},
			]),
			triggerOptions,
		],
	};

	webhookMethods = pushWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const event = this.getNodeParameter('event', 'smsDelivery');
		return receivePush(this, event === 'smsInbound' ? EVENTS.smsInbound : EVENTS.smsDelivery);
	}
}

import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { REPORT_TYPES } from '../api/records/statusPush';
import { isAllowedSource } from './allowList';
import { readJsonBody } from './body';
import { eventOf, typeItems } from './events';
import { parsePush, tokensMatch } from './push';
import { MIN_TOKEN_LENGTH, readSetup } from './setup';

/** The event's path, as n8n evaluates it without this module's code (events.ts has the same paths). */
const EVENT_PATH =
	'($parameter["event"] === "smsDelivery" ? "itniotech-sms-delivery" : $parameter["event"] === "smsInbound" ? "itniotech-sms-inbound" : "itniotech-status")';

/**
 * Authentication, once per node version: version 1 (workflows saved before tokens were the default) keeps
 * None as its default, so upgrading the package does not stop their pushes; from 1.1 a new trigger starts
 * with a token, as anyone who knows the URL could otherwise start the workflow.
 */
function authenticationFor(
	versions: INodeProperties['displayOptions'],
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{
				name: 'None',
				value: 'none',
				description: 'Anyone who knows the URL can start the workflow',
			},
			{
				name: 'Token in Query Parameter',
				value: 'queryToken',
				description: 'The URL ends in ?token=YOUR_TOKEN',
			},
			{
				name: 'Token in URL Path',
				value: 'pathToken',
				description:
					'The URL ends in /YOUR_TOKEN: in the URL shown above, replace :token by your token',
			},
		],
		default: defaultValue,
		displayOptions: versions,
		description:
			'Itniotech does not sign its pushes, so a secret token in the URL is what tells them apart from anyone else’s requests',
	};
}

/** Throws what is wrong with the trigger's protection, so that n8n refuses to activate it and says why. */
function assertSetup(context: IHookFunctions): void {
	const checked = readSetup((name, fallback) => context.getNodeParameter(name, fallback));
	if ('problem' in checked)
		throw new NodeOperationError(context.getNode(), checked.problem, { description: checked.hint });
}

const title = (words: string): string =>
	words.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());

export class ItniotechVoiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		// One trigger for every Itniotech push, so no longer "Voice"; `name` stays, saved workflows refer to it.
		displayName: 'Itniotech Trigger',
		name: 'itniotechVoiceTrigger',
		icon: { light: 'file:../icons/trigger.svg', dark: 'file:../icons/trigger.dark.svg' },
		group: ['trigger'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ $parameter["event"] === "smsDelivery" ? "SMS delivery reports" : $parameter["event"] === "smsInbound" ? "Inbound SMS" : "Call status reports" }}',
		description:
			'Starts the workflow when Itniotech pushes a call status report, an SMS delivery report or an inbound SMS',
		defaults: { name: 'Itniotech Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// n8n finds a webhook with a :token segment only by its webhookId plus this path, so that path
				// must be registered as a full path; the URL shown stays …/webhook/<webhookId>/itniotech-status/<token>.
				isFullPath: '={{ $parameter["authentication"] === "pathToken" }}' as unknown as boolean,
				// Each event its own path, so a URL says which push it is for (voice keeps its old one).
				path: `={{ ${EVENT_PATH} + ($parameter["authentication"] === "pathToken" ? "/:token" : "") }}`,
			},
		],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Call Status Report',
						value: 'callStatus',
						description: 'The status report of a finished call (Voice)',
					},
					{
						name: 'Inbound SMS',
						value: 'smsInbound',
						description: 'A message someone sent to your Itniotech number, e.g. a reply',
					},
					{
						name: 'SMS Delivery Report',
						value: 'smsDelivery',
						description: 'Whether an SMS sent through the API was delivered',
					},
				],
				default: 'callStatus',
				description:
					'Which push starts the workflow. Each event (and each authentication) has its own URL; for two kinds, use two triggers.',
			},
			...updateDisplayOptions({ show: { event: ['callStatus'] } }, [
				{
					displayName:
						'Paste the Production URL above into the Itniotech console: Voice → settings → status report push URL.',
					name: 'setupNotice',
					type: 'notice',
					default: '',
				},
			]),
			...updateDisplayOptions({ show: { event: ['smsDelivery'] } }, [
				{
					displayName:
						'Itniotech staff set this URL: ask Itniotech support or your account manager to set the Production URL above as your SMS delivery report push URL.',
					name: 'smsDeliveryNotice',
					type: 'notice',
					default: '',
				},
			]),
			...updateDisplayOptions({ show: { event: ['smsInbound'] } }, [
				{
					displayName:
						'Itniotech staff set this URL: ask Itniotech support or your account manager to set the Production URL above as your inbound SMS (MO) push URL.',
					name: 'smsInboundNotice',
					type: 'notice',
					default: '',
				},
			]),
			authenticationFor({ show: { '@version': [1] } }, 'none'),
			authenticationFor({ show: { '@version': [{ _cnd: { gte: 1.1 } }] } }, 'queryToken'),
			...updateDisplayOptions({ show: { authentication: ['none'] } }, [
				{
					displayName:
						'Anyone who knows this URL can start the workflow. Choose a token, unless only Itniotech can reach this n8n.',
					name: 'noAuthenticationNotice',
					type: 'notice',
					default: '',
				},
			]),
			...updateDisplayOptions({ show: { authentication: ['queryToken', 'pathToken'] } }, [
				{
					displayName: 'Token',
					name: 'token',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					required: true,
					description: `A long random secret (at least ${MIN_TOKEN_LENGTH} characters) that only you and Itniotech know`,
				},
			]),
			{
				displayName: 'Allowed Source IPs',
				name: 'allowedIps',
				type: 'string',
				default: '',
				placeholder: 'e.g. 203.0.113.10, 198.51.100.0/24, 2001:db8::/32',
				description:
					'Accept only these IPv4/IPv6 addresses or CIDR ranges (comma-separated; empty: any source). Behind a proxy, set N8N_PROXY_HOPS.',
			},
			...updateDisplayOptions({ show: { event: ['callStatus'] } }, [
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
			]),
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
		],
	};

	/**
	 * Itniotech has no API to register a push URL: the user pastes it into the vendor console once. So
	 * there is nothing to create or delete remotely; activating only checks the protection settings.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				assertSetup(this);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				assertSetup(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const reply = (status: number, body: IDataObject): IWebhookResponseData => {
			res.status(status).json(body);
			return { noWebhookResponse: true };
		};

		// Checked again here, so a trigger activated before these checks existed fails closed.
		const checked = readSetup((name, fallback) => this.getNodeParameter(name, fallback));
		if ('problem' in checked) {
			return reply(403, {
				error:
					'This trigger is not set up correctly, so it accepts no pushes: open its workflow in n8n to see why',
			});
		}
		const { setup } = checked;
		// The source first: a client outside the list learns nothing about the token.
		if (
			setup.allowedRanges &&
			!isAllowedSource(setup.allowedRanges, req.ip ?? req.socket?.remoteAddress)
		) {
			return reply(403, { error: 'This source IP address is not allowed' });
		}
		if (setup.authentication !== 'none') {
			const source = (
				setup.authentication === 'queryToken' ? this.getQueryData() : this.getParamsData()
			) as IDataObject;
			if (!tokensMatch(setup.token, source.token))
				return reply(401, { error: 'Missing or wrong token' });
		}

		const read = readJsonBody(
			req.headers['content-type'],
			(req as { rawBody?: unknown }).rawBody,
			this.getBodyData(),
		);
		if ('error' in read) return reply(400, { error: read.error });
		const event = eventOf(this.getNodeParameter('event', 'callStatus'));
		const parsed = parsePush(read.body, event);
		if ('error' in parsed) return reply(400, { error: parsed.error });
		const typing = typeItems(event, parsed.items);
		if ('error' in typing) return reply(400, { error: typing.error });

		const keep = event.keep((name, fallback) => this.getNodeParameter(name, fallback));
		const items = typing.records.filter(keep).map((json) => ({ json }));

		res.status(200).json({ received: parsed.items.length, accepted: items.length });
		if (items.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [items] };
	}
}

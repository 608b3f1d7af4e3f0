import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, updateDisplayOptions } from 'n8n-workflow';
import { REPORT_TYPES, typeStatusReport, wasAnswered } from '../api/records/record';
import { isAllowedSource, parseReports, tokensMatch } from './push';

export class ItniotechVoiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Itniotech Voice Trigger',
		name: 'itniotechVoiceTrigger',
		icon: { light: 'file:itniotech.svg', dark: 'file:itniotech.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Call status reports" }}',
		description: 'Starts the workflow when Itniotech pushes the status report of a finished call',
		defaults: { name: 'Itniotech Voice Trigger' },
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
				path: '={{ $parameter["authentication"] === "pathToken" ? "itniotech-status/:token" : "itniotech-status" }}',
			},
		],
		properties: [
			{
				displayName:
					'Copy the Production URL above into the Itniotech console (Voice → settings → status report push URL). With "Token in URL Path", replace :token in it by your token.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
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
						description: 'The URL ends in /YOUR_TOKEN',
					},
				],
				default: 'none',
				description:
					'Itniotech does not sign its pushes, so a secret token in the URL is what tells them apart from anyone else’s requests',
			},
			...updateDisplayOptions({ show: { authentication: ['queryToken', 'pathToken'] } }, [
				{
					displayName: 'Token',
					name: 'token',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					required: true,
					description: 'A long random secret (at least 16 characters) that only you and Itniotech know',
				},
			]),
			{
				displayName: 'Allowed Source IPs',
				name: 'allowedIps',
				type: 'string',
				default: '',
				placeholder: 'e.g. 203.0.113.10, 198.51.100.0/24',
				description:
					'Only accept pushes from these IP addresses or IPv4 ranges (comma-separated). Leave empty to accept any source. Behind a reverse proxy, set N8N_PROXY_HOPS so n8n sees the real address (only if n8n is reachable through that proxy alone).',
			},
			{
				displayName: 'Report Types',
				name: 'reportTypes',
				type: 'multiOptions',
				options: Object.entries(REPORT_TYPES).map(([value, name]) => ({
					name: name.charAt(0).toUpperCase() + name.slice(1),
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
		],
	};

	/**
	 * Itniotech has no API to register a push URL: the user pastes it into the vendor console once. So
	 * there is nothing to create or delete remotely, and activation must not fail for want of it.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
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

		const authentication = this.getNodeParameter('authentication', 'none') as string;
		if (authentication !== 'none') {
			const expected = this.getNodeParameter('token', '') as string;
			const source = (authentication === 'queryToken' ? this.getQueryData() : this.getParamsData()) as IDataObject;
			const given = source.token;
			if (!tokensMatch(expected, given)) return reply(401, { error: 'Missing or wrong token' });
		}
		const allowedIps = this.getNodeParameter('allowedIps', '') as string;
		if (allowedIps.trim() !== '' && !isAllowedSource(allowedIps, req.ip ?? req.socket?.remoteAddress)) {
			return reply(403, { error: 'This source IP address is not allowed' });
		}

		const parsed = parseReports(req.headers['content-type'], this.getBodyData());
		if ('error' in parsed) return reply(400, { error: parsed.error });

		const types = this.getNodeParameter('reportTypes', []) as number[];
		const answered = this.getNodeParameter('answered', 'all') as string;
		const items = parsed.reports
			.map(typeStatusReport)
			.filter((report) => types.length === 0 || types.includes(report.type as number))
			.filter((report) => answered === 'all' || wasAnswered(report) === (answered === 'answered'))
			.map((json) => ({ json }));

		res.status(200).json({ received: parsed.reports.length, accepted: items.length });
		if (items.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [items] };
	}
}

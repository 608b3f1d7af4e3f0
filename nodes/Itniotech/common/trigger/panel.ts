import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { MIN_TOKEN_LENGTH } from './setup';

/*
 * What both trigger panels share: the webhook, the protection fields and the notices that say which URL to
 * hand over. n8n shows a notice as fixed text and builds the URLs above the fields from the webhook path
 * alone, so the notices say how the token is added to the URL shown there.
 */

const PATH_TOKEN = '($parameter["authentication"] === "pathToken" ? "/:token" : "")';

/**
 * The webhook at `pathExpression` (a JavaScript expression over $parameter, without the token segment):
 * each event its own path, so a URL says which push it is for.
 */
export function pushWebhook(pathExpression: string): INodeTypeDescription['webhooks'] {
	return [
		{
			name: 'default',
			httpMethod: 'POST',
			responseMode: 'onReceived',
			// n8n finds a webhook with a :token segment only by its webhookId plus this path, so that path
			// must be registered as a full path; the URL shown stays …/webhook/<webhookId>/<path>/:token.
			isFullPath: '={{ $parameter["authentication"] === "pathToken" }}' as unknown as boolean,
			path: `={{ ${pathExpression} + ${PATH_TOKEN} }}`,
		},
	];
}

const authentication: INodeProperties = {
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
			description: 'The token is the last part of the URL: …/YOUR_TOKEN',
		},
	],
	// A new trigger starts with a token: anyone who knows the URL could otherwise start the workflow.
	default: 'queryToken',
	description:
		'Itniotech does not sign its pushes, so a secret token in the URL is what tells them apart from anyone else’s requests',
};

/** Which URL to hand over, with the token as the chosen authentication puts it. */
const handOverNotices: INodeProperties[] = [
	...updateDisplayOptions({ show: { authentication: ['none'] } }, [
		{
			displayName:
				'Anyone who knows this URL can start the workflow. Choose a token, unless only Itniotech can reach this n8n.',
			name: 'noAuthenticationNotice',
			type: 'notice',
			default: '',
		},
	]),
	...updateDisplayOptions({ show: { authentication: ['queryToken'] } }, [
		{
			displayName:
				'The URL to hand over: the Production URL (Webhook URLs, top of this panel, Production tab), then ?token= and your token. The Test URL takes it too.',
			name: 'queryTokenUrlNotice',
			type: 'notice',
			default: '',
		},
	]),
	...updateDisplayOptions({ show: { authentication: ['pathToken'] } }, [
		{
			displayName:
				'The URL to hand over: the Production URL (Webhook URLs, top of this panel, Production tab), :token replaced by your token. The Test URL takes it too.',
			name: 'pathTokenUrlNotice',
			type: 'notice',
			default: '',
		},
	]),
	{
		displayName:
			'Itniotech must reach n8n at that URL: n8n must be reachable from the internet. For a local try, use a tunnel and set WEBHOOK_URL.',
		name: 'reachableNotice',
		type: 'notice',
		default: '',
	},
];

/** Authentication, its token and the notices about the URL: the top of both trigger panels. */
export const protectionFields: INodeProperties[] = [
	authentication,
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
	...handOverNotices,
];

/** The Options collection, last in both panels; setup.ts reads its Allowed Source IPs. */
export const triggerOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Allowed Source IPs',
			name: 'allowedIps',
			type: 'string',
			default: '',
			placeholder: 'e.g. 203.0.113.10, 198.51.100.0/24, 2001:db8::/32',
			description:
				'Accept only these IPv4/IPv6 addresses or CIDR ranges (comma-separated; empty: any source). Behind a proxy, set N8N_PROXY_HOPS.',
		},
	],
};

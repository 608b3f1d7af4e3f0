import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { layoutPath, resolvePlatform } from '../nodes/Itniotech/api/platform';
import { signatureHeaders, timestampToSign } from '../nodes/Itniotech/api/signing';
import { describeVendorStatus, VENDOR_STATUS } from '../nodes/Itniotech/api/statusCodes';

const CHECK_ADDRESS =
	'Check the Platform and the Base URL in this credential (for Other Brand also the Path Layout): the Base URL is the API address, not the website or console.';

/**
 * What the Test button may answer besides success. n8n's tester can only compare one response field with
 * one value (`responseSuccessBody`, checked in order, first match wins) or match an HTTP status
 * (`responseCode`); anything no rule catches counts as success. So the rules close every other door: a
 * body that is not the API's (a web page arrives as a string, whose characters lodash's `get` reads by
 * index; anything else lacks `status`), each known vendor status as string and number, and finally an
 * answer without a balance, which no success answer lacks.
 */
function credentialTestRules(): ICredentialTestRequest['rules'] {
	const httpAnswers: Array<[number, string]> = [
		[404, `This address has no Itniotech balance endpoint (HTTP 404 Not Found). ${CHECK_ADDRESS}`],
		[
			401,
			`This address refused the request before the Itniotech API read it (HTTP 401). ${CHECK_ADDRESS}`,
		],
		[
			403,
			`This address refused the request before the Itniotech API read it (HTTP 403). ${CHECK_ADDRESS}`,
		],
		...[301, 302, 303, 307, 308].map((code): [number, string] => [
			code,
			`This address redirects to another one (HTTP ${code}), which the node does not follow, so your signed requests reach no other address. ${CHECK_ADDRESS}`,
		]),
		[429, 'Too many requests reached Itniotech (HTTP 429). Wait a minute and test again.'],
		...[500, 502, 503, 504].map((code): [number, string] => [
			code,
			`The server at this address, or a proxy in front of it, failed (HTTP ${code}). Try again in a few minutes; if it keeps failing, check the Base URL.`,
		]),
	];
	const httpRules = httpAnswers.map(
		([value, message]): IAuthenticateRuleResponseCode => ({
			type: 'responseCode',
			properties: { value, message },
		}),
	);

	const body = (
		key: string,
		value: unknown,
		message: string,
	): IAuthenticateRuleResponseSuccessBody => ({
		type: 'responseSuccessBody',
		properties: { key, value, message },
	});
	const webPage = `This address answered with a web page, not the Itniotech API. ${CHECK_ADDRESS}`;
	const statusRules = Object.keys(VENDOR_STATUS).flatMap((status) => {
		const { meaning, action } = describeVendorStatus(status);
		const message = `${meaning} (Itniotech status ${status}). ${CREDENTIAL_ACTIONS[status] ?? action}`;
		// n8n compares with ===, and the reference documents `status` as a string; accept a number too.
		return [body('status', status, message), body('status', Number(status), message)];
	});
	const noBalance = `Itniotech did not confirm these credentials: its answer has no balance (it may carry a status this credential does not know). To see the whole answer, run Account → Get Balance in a workflow. ${CHECK_ADDRESS}`;
	const rules = [
		...httpRules,
		// An HTML page, possibly after a byte-order mark or line breaks.
		...[0, 1, 2, 3].map((index) => body(String(index), '<', webPage)),
		body(
			'status',
			undefined,
			`This address answered, but not as the Itniotech API does (its answer has no status). ${CHECK_ADDRESS}`,
		),
		...statusRules,
		body('balance', undefined, noBalance),
		body('balance', null, noBalance),
	];
	// n8n types `rules` as one kind or the other, but its tester reads both kinds from the same list.
	return rules as ICredentialTestRequest['rules'];
}

/** Where the node's advice for a status does not fit a credential test (nothing was sent but a balance query). */
const CREDENTIAL_ACTIONS: Readonly<Record<string, string>> = {
	'-10': 'The credentials work, but the account has no balance left: top it up.',
	'-20': `The balance query should never get this answer. ${CHECK_ADDRESS}`,
	'-21': `The balance query should never get this answer. ${CHECK_ADDRESS}`,
	'-22': `The balance query has no parameters, so this usually means the request went to the wrong path. ${CHECK_ADDRESS}`,
	'-26': `The balance query should never get this answer. ${CHECK_ADDRESS}`,
};

/** What an API key or secret may hold: visible ASCII. A space or an invisible character is a copy slip. */
const SIGNING_VALUE = /^[\x21-\x7e]+$/;

function signingValue(raw: unknown, field: string): string {
	const value = typeof raw === 'string' ? raw : '';
	if (value === '')
		throw new Error(
			`The ${field} in the Itniotech credential is empty: copy it from the Itniotech console.`,
		);
	if (!SIGNING_VALUE.test(value)) {
		throw new Error(
			`The ${field} in the Itniotech credential contains a space, line break or invisible character: paste it again, only the ${field} itself.`,
		);
	}
	return value;
}

/** The signature goes to the configured API address only, whatever URL a request names. */
function assertSameOrigin(options: IHttpRequestOptions, root: string): void {
	let target: URL;
	try {
		target = new URL(options.url, options.baseURL ?? root);
	} catch {
		throw new Error('The request address could not be read, so it was not signed.');
	}
	if (target.origin !== new URL(root).origin) {
		throw new Error(
			`Requests signed with the Itniotech credential go only to ${new URL(root).origin}, not to ${target.origin}.`,
		);
	}
}

export class ItniotechApi implements ICredentialType {
	name = 'itniotechApi';

	displayName = 'Itniotech API';

	icon: Icon = {
		light: 'file:../nodes/Itniotech/icons/itniotech.svg',
		dark: 'file:../nodes/Itniotech/icons/itniotech.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-itniotech/n8n-nodes-itniotech#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In the Itniotech console open Developer (API) settings and copy the API Key (also called App Key)',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API Secret shown next to the API Key in the Itniotech console',
		},
		{
			displayName: 'Platform',
			name: 'platform',
			type: 'options',
			options: [
				{ name: 'Itniotech', value: 'itniotech', description: 'Your account is at itniotech.com' },
				{ name: 'Onbuka', value: 'onbuka', description: 'Your account is at onbuka.com' },
				{
					name: 'Other Brand (Same Platform)',
					value: 'other',
					description: 'Another brand of the same platform, or a test server: enter its address',
				},
			],
			default: 'itniotech',
			description:
				'The brand your account is with. The brands share one API but differ in address and some limits.',
		},
		// Only Other Brand has an address to enter: Itniotech and Onbuka requests always go to their own API
		// (n8n drops the values of hidden fields, so in n8n a Base URL applies to Other Brand only).
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://api.example.com/v3',
			description:
				"The brand's API address, as its API documentation gives it (the part every function's address starts with)",
			displayOptions: { show: { platform: ['other'] } },
		},
		{
			displayName: 'Path Layout',
			name: 'pathLayout',
			type: 'options',
			options: [
				{
					name: 'Like Itniotech',
					value: 'itniotech',
					description:
						'The balance address in its API documentation has "sms" in it (also a local test server)',
				},
				{
					name: 'Like Onbuka',
					value: 'onbuka',
					description:
						'The balance address in its API documentation has no "sms" in it (the usual case)',
				},
			],
			default: 'onbuka',
			description: "Which brand the addresses in this brand's API documentation look like",
			displayOptions: { show: { platform: ['other'] } },
		},
		{
			displayName: 'Voice App ID',
			name: 'voiceAppId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3kA9xZ2Q',
			description:
				'The App ID of your voice app, under Voice → App Management in the console. Used by every voice call.',
		},
		{
			displayName: 'SMS App ID',
			name: 'smsAppId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 8HtW1pLm',
			description:
				'The App ID of your SMS app, under SMS → App Management in the console. Used by every SMS operation.',
		},
		{
			displayName: 'OTP App ID',
			name: 'otpAppId',
			type: 'string',
			default: '',
			placeholder: 'e.g. mRELxtHc',
			description:
				'The App ID of your OTP (verification code) app, not the SMS app: under OTP → App Management in the console',
		},
		{
			displayName:
				'Add the public IP of this n8n server to the IP allow-list of your account, if it has one. The server clock must be right to within 30 minutes.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
	];

	/**
	 * Signs every request afresh: a Sign is only valid for its own Timestamp. Which Timestamp is signed
	 * (the current time, or the transport's clock-corrected one) follows the rule in api/signing.ts.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const apiKey = signingValue(credentials.apiKey, 'API Key');
		const apiSecret = signingValue(credentials.apiSecret, 'API Secret');
		const timestamp = timestampToSign(requestOptions.headers);
		const platform = resolvePlatform(credentials);
		const signed: IHttpRequestOptions = {
			...requestOptions,
			// A redirect would carry Api-Key, Timestamp and Sign to whatever host it names.
			disableFollowRedirect: true,
			headers: {
				...requestOptions.headers,
				'Content-Type': 'application/json;charset=UTF-8',
				...signatureHeaders(apiKey, apiSecret, timestamp),
			},
		};
		// Requests name a logical path (/sms/getBalance, /voice/sendCode); the credential knows which brand's
		// server they go to and how it lays out its paths. Only once: n8n may authenticate a request again.
		if (signed.baseURL === undefined && !/^[a-z][a-z0-9+.-]*:/i.test(signed.url)) {
			signed.baseURL = platform.root;
			signed.url = layoutPath(platform.layout, signed.url);
		}
		assertSameOrigin(signed, platform.root);
		return signed;
	}

	/** The read-only balance query; `authenticate` sends it to the platform's own balance path. */
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/sms/getBalance',
			disableFollowRedirect: true,
		},
		rules: credentialTestRules(),
	};
}

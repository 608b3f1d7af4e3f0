import { createHash } from 'node:crypto';
import type {
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { describeVendorStatus } from '../nodes/ItniotechVoice/transport/statusCodes';

export const DEFAULT_BASE_URL = 'https://api.itniotech.com';

/** Sign = md5(apiKey + apiSecret + timestamp) as 32 lowercase hex characters (the vendor's scheme). */
export function computeSign(apiKey: string, apiSecret: string, timestamp: string): string {
	return createHash('md5').update(`${apiKey}${apiSecret}${timestamp}`, 'utf8').digest('hex');
}

/** Unix time in whole seconds: the vendor answers -16 to milliseconds. */
export function unixSeconds(nowMs: number = Date.now()): string {
	return String(Math.floor(nowMs / 1000));
}

/**
 * The credential's Base URL without trailing slashes. Only http(s) is accepted, so a typo such as
 * "api.itniotech.com" fails with a message that says what to type instead of a confusing network error.
 */
export function normalizeBaseUrl(raw: unknown): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	const value = text === '' ? DEFAULT_BASE_URL : text.replace(/\/+$/, '');
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
		throw new Error(
			`The Base URL "${value.slice(0, 100)}" in the Itniotech credential is not valid: it must start with https:// (or http://), for example ${DEFAULT_BASE_URL}`,
		);
	}
	return value;
}

/** Statuses getBalance can answer with, each turned into its own message for the credential test. */
const CREDENTIAL_TEST_STATUSES = ['-1', '-2', '-13', '-16', '-18'];

function credentialTestRules(): IAuthenticateRuleResponseSuccessBody[] {
	// n8n compares with ===, and the reference documents `status` as a string; accept a number too.
	return CREDENTIAL_TEST_STATUSES.flatMap((status) => {
		const { meaning, action } = describeVendorStatus(status);
		const message = `${meaning}. ${action}`;
		return [status, Number(status)].map((value) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: 'status', value, message },
		}));
	});
}

export class ItniotechApi implements ICredentialType {
	name = 'itniotechApi';

	displayName = 'Itniotech API';

	icon: Icon = {
		light: 'file:../nodes/ItniotechVoice/itniotech.svg',
		dark: 'file:../nodes/ItniotechVoice/itniotech.dark.svg',
	};

	documentationUrl = 'https://www.itniotech.com/api/voice/';

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
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			placeholder: DEFAULT_BASE_URL,
			description:
				'Leave as is for Itniotech. Other brands of the same platform use their own address, for example https://api.onbuka.com/v3.',
		},
		{
			displayName:
				'If your account has an IP allow-list, add the public IP of this n8n server to it. The clock of this server must be correct (within 30 minutes), because every request is signed with the current time.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
	];

	/**
	 * Signs every request afresh: a Sign is only valid for its own Timestamp. The node's transport may
	 * pre-set Timestamp (this host's time corrected by the offset it measured after a -16); anything
	 * that is not a plain unix-seconds value is replaced by the current time.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const apiKey = String(credentials.apiKey ?? '').trim();
		const apiSecret = String(credentials.apiSecret ?? '').trim();
		const preset = requestOptions.headers?.Timestamp;
		const timestamp = typeof preset === 'string' && /^\d{9,11}$/.test(preset) ? preset : unixSeconds();
		const signed: IHttpRequestOptions = {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				'Content-Type': 'application/json;charset=UTF-8',
				'Api-Key': apiKey,
				Timestamp: timestamp,
				Sign: computeSign(apiKey, apiSecret, timestamp),
			},
		};
		// Requests name a path; the credential knows which brand's server they go to.
		if (signed.baseURL === undefined && !/^https?:\/\//i.test(signed.url)) {
			signed.baseURL = normalizeBaseUrl(credentials.baseUrl);
		}
		return signed;
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/sms/getBalance',
		},
		rules: credentialTestRules(),
	};
}

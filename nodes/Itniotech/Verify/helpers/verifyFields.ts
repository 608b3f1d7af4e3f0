import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Run } from '../../api/transport/run';
import { appIdOption, readAppId } from '../../common/appId';
import { optionsField } from '../../common/fields';
import {
	nothingFoundHint,
	previewValue,
	validatePhoneNumber,
	validateText,
} from '../../common/validation';

/** Fields and checks the Verify operations share, and the vendor's OTP limits (reference sections 1–4). */

/** A code the workflow made, and a code a person typed: what the vendor's verify accepts. */
export const CODE_MIN = 4;
export const CODE_MAX = 10;
export const REFERENCE_MAX = 64;
const VERIFICATION_ID_MAX = 64;

/** In an AI agent's tool, only the business fields are inputs: the engine controls stay out of sight. */
const HIDDEN_IN_TOOLS: INodeProperties['displayOptions'] = { hide: { '@tool': [true] } };

/** A Verify operation's Options: App ID (overrides the credential's OTP App ID), its own options, the request limits. */
export function verifyOptions(options: INodeProperties[]): INodeProperties {
	return { ...optionsField([appIdOption('otp'), ...options]), displayOptions: HIDDEN_IN_TOOLS };
}

/** The item's OTP App ID: Options → App ID when set, else the credential's OTP App ID. */
export async function readOtpAppId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<string> {
	return await readAppId(ctx, itemIndex, run, 'otp');
}

/** The notice on the sends: n8n's retry would run the node again (the router also refuses it). */
export const RETRY_NOTICE: INodeProperties = {
	displayName:
		"Keep Retry On Fail off in this node's Settings: a retry would send every code of the run again",
	name: 'retryNotice',
	type: 'notice',
	default: '',
};

export const phoneNumberField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	required: true,
	default: '={{ $json.phone }}',
	placeholder: 'e.g. 6281234567890',
	description:
		'The number to send the code to, country code first. A leading + and spaces are fine.',
	hint: "Uses each input item's phone field; replace it to map another one",
};

export function channelField(description: string): INodeProperties {
	return {
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'SMS', value: 'sms', description: "The template's text as an SMS" },
			{ name: 'Call', value: 'call', description: "A voice call that reads the template's text" },
		],
		default: 'sms',
		description,
	};
}

export const CHANNELS = ['sms', 'call'] as const;

export const templateField: INodeProperties = {
	displayName: 'Template',
	name: 'templateId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The OTP template: the text around the code, and the code length and type',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template...',
			typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 455',
			hint: 'The template ID from the console or from Template → Get Many',
		},
	],
};

export const flowField: INodeProperties = {
	displayName: 'Fallback Flow',
	name: 'flowId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'A task flow of fallback steps, for example a call when the code is not used within 60 seconds',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a flow...',
			typeOptions: { searchListMethod: 'searchFlows', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 12',
			hint: 'The flow ID from the console',
		},
	],
};

export const referenceField: INodeProperties = {
	displayName: 'Reference',
	name: 'reference',
	type: 'string',
	default: '',
	placeholder: 'e.g. signup-1001',
	description: `Your own ID for this code (order or sign-up ID), up to ${REFERENCE_MAX} characters, never used before`,
};

export const verificationIdField: INodeProperties = {
	displayName: 'Verification ID',
	name: 'verificationId',
	type: 'string',
	required: true,
	default: '={{ $json.verificationId }}',
	placeholder: 'e.g. 22206051443051000003',
	description: 'The verificationId that Send Code, Send My Own Code or Resend returned',
	hint: "Uses each input item's verificationId; replace it to use another one",
};

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A resource locator's value (or the plain text of a workflow saved before it was one). */
export function locatorValue(raw: unknown): unknown {
	return isObject(raw) && '__rl' in raw ? raw.value : raw;
}

/** A template or flow ID (a resource locator's raw value): a whole number above 0, or undefined when empty and `optional`. */
export function readLocatorId(
	ctx: IExecuteFunctions,
	raw: unknown,
	label: string,
	itemIndex: number,
	optional: boolean,
): number | undefined {
	const value = locatorValue(raw);
	const textValue = typeof value === 'number' ? String(value) : value;
	if (typeof textValue === 'string') {
		const trimmed = textValue.trim();
		if (trimmed === '' && optional) return undefined;
		if (/^\d{1,15}$/.test(trimmed) && Number(trimmed) > 0) return Number(trimmed);
	}
	if ((value === undefined || value === null) && optional) return undefined;
	throw new NodeOperationError(ctx.getNode(), `The ${label} in item ${itemIndex} is not valid`, {
		itemIndex,
		description: `Got ${previewValue(value)}. Pick one From List, or enter its ID (a whole number, e.g. 455) By ID.`,
	});
}

export function readPhoneNumber(ctx: IExecuteFunctions, itemIndex: number): string {
	return validatePhoneNumber(
		ctx.getNode(),
		'Phone Number',
		ctx.getNodeParameter('phoneNumber', itemIndex),
		itemIndex,
	);
}

export function readChannel(ctx: IExecuteFunctions, itemIndex: number): 'sms' | 'call' {
	const value = ctx.getNodeParameter('channel', itemIndex, 'sms');
	if (value === 'sms' || value === 'call') return value;
	throw new NodeOperationError(
		ctx.getNode(),
		`The Channel in item ${itemIndex} must be SMS or Call`,
		{
			itemIndex,
			description: `Got ${previewValue(value)}. Pick SMS or Call from the list.`,
		},
	);
}

/** The Reference (the vendor's orderId): text of at most 64 characters, or undefined when empty. */
export function readReference(node: INode, value: unknown, itemIndex: number): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string' && value.trim() === '') return undefined;
	return validateText(node, 'Reference', value, itemIndex, { max: REFERENCE_MAX });
}

/** A verificationId as the vendor hands them out: digits (letters accepted too), at most 64 characters. */
export function readVerificationId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('verificationId', itemIndex);
	const textValue =
		typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof textValue === 'string') {
		const trimmed = textValue.trim();
		if (/^[0-9A-Za-z_-]{1,64}$/.test(trimmed) && trimmed.length <= VERIFICATION_ID_MAX)
			return trimmed;
	}
	const empty =
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	throw new NodeOperationError(
		ctx.getNode(),
		`The Verification ID in item ${itemIndex} is ${empty ? 'empty' : 'not valid'}`,
		{
			itemIndex,
			description: `Got ${previewValue(value)}. Use the verificationId that Send Code or Resend returned, e.g. 22206051443051000003. ${nothingFoundHint('verificationId')}`,
		},
	);
}

/** A code as the vendor's verify takes it: 4 to 10 letters or digits. */
export const CODE_PATTERN = /^[0-9A-Za-z]{4,10}$/;

/** A code the workflow made (Send My Own Code): letters and digits, 4 to 10 of them. */
export function readOwnCode(node: INode, value: unknown, itemIndex: number): string {
	const textValue =
		typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof textValue === 'string' && CODE_PATTERN.test(textValue.trim())) return textValue.trim();
	throw new NodeOperationError(
		node,
		`The Code in item ${itemIndex} must be ${CODE_MIN} to ${CODE_MAX} letters or digits`,
		{
			itemIndex,
			description: `Got ${previewValue(value)}. For example 482913; Itniotech checks only codes of ${CODE_MIN} to ${CODE_MAX} characters.`,
		},
	);
}

/**
 * The code a person typed, as sent to the check: spaces and dashes removed ("482 913" → "482913"). Text
 * only; undefined when it cannot be a code (the check then says "wrong code" without asking Itniotech).
 */
export function typedCode(value: unknown): string | undefined {
	const textValue =
		typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof textValue !== 'string') return undefined;
	const code = textValue.replace(/[\s-]/g, '');
	return CODE_PATTERN.test(code) ? code : undefined;
}

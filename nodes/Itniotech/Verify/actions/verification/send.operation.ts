import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { OTP_PATHS } from '../../../api/platform';
import type { Run } from '../../../api/transport/run';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import type { CodeSend } from '../../helpers/sendCode';
import { sendCode } from '../../helpers/sendCode';
import {
	RETRY_NOTICE,
	channelField,
	flowField,
	phoneNumberField,
	readChannel,
	readLocatorId,
	readOtpAppId,
	readPhoneNumber,
	readReference,
	referenceField,
	templateField,
	verifyOptions,
} from '../../helpers/verifyFields';

export const meta: OperationMeta = {
	value: 'send',
	name: 'Send Code',
	action: 'Send a verification code',
	description:
		'Itniotech makes a one-time code and sends it by SMS or call. Returns the verificationId for Check Code.',
};

export const properties: INodeProperties[] = [
	RETRY_NOTICE,
	phoneNumberField,
	channelField('How the code reaches the person'),
	templateField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [flowField, referenceField],
	},
	verifyOptions([timeoutOption]),
];

export const sendsCodes = true;

/** Every item is checked before the first code goes out. */
export const checkFirst = true;

/** The fields send and sendRule share, read and checked: number, channel, template, flow, reference, app. */
export async function readSendFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: Run,
	templateOptional: boolean,
): Promise<CodeSend> {
	const node = ctx.getNode();
	const number = readPhoneNumber(ctx, itemIndex);
	const channel = readChannel(ctx, itemIndex);
	const templateId = readLocatorId(
		ctx,
		ctx.getNodeParameter('templateId', itemIndex, ''),
		'Template',
		itemIndex,
		templateOptional,
	);
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const flowId = readLocatorId(ctx, extra.flowId, 'Fallback Flow', itemIndex, true);
	const reference = readReference(node, extra.reference, itemIndex);
	const { timeoutSeconds } = readRequestOptions(ctx, itemIndex);
	const appId = await readOtpAppId(ctx, itemIndex, run);
	// The vendor's samples send flowId and orderId as null when not set.
	const body: IDataObject = {
		appId,
		templateId: templateId ?? null,
		flowId: flowId ?? null,
		to: number,
		channel,
		orderId: reference ?? null,
	};
	if (templateId === undefined) delete body.templateId;
	return { path: OTP_PATHS.send, body, number, reference: reference ?? null, timeoutSeconds };
}

export async function readInput(
	this: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<CodeSend> {
	return await readSendFields(this, itemIndex, run, false);
}

/** POST /otp/verification/send, once: one output item with the verificationId. */
export async function execute(
	this: IExecuteFunctions,
	input: CodeSend,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	return [await sendCode(this, run, itemIndex, input)];
}

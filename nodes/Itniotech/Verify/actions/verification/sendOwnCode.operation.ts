import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { OTP_PATHS } from '../../../api/platform';
import type { Run } from '../../../api/transport/run';
import { timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import type { CodeSend } from '../../helpers/sendCode';
import { sendCode } from '../../helpers/sendCode';
import {
	CODE_MAX,
	CODE_MIN,
	RETRY_NOTICE,
	channelField,
	flowField,
	phoneNumberField,
	readOwnCode,
	referenceField,
	templateField,
	verifyOptions,
} from '../../helpers/verifyFields';
import { readSendFields } from './send.operation';

export const meta: OperationMeta = {
	value: 'sendOwnCode',
	name: 'Send My Own Code',
	action: 'Send my own verification code',
	description:
		'Send a code your workflow made, by SMS or call. Returns the verificationId for Check Code.',
};

export const properties: INodeProperties[] = [
	RETRY_NOTICE,
	phoneNumberField,
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 482913',
		description: `The code to send: ${CODE_MIN} to ${CODE_MAX} letters or digits`,
	},
	channelField('How the code reaches the person'),
	{
		...templateField,
		required: false,
		description: 'The OTP template to put the code in (optional)',
	},
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

export const checkFirst = true;

export async function readInput(
	this: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<CodeSend> {
	const send = await readSendFields(this, itemIndex, run, true);
	const code = readOwnCode(this.getNode(), this.getNodeParameter('code', itemIndex), itemIndex);
	return { ...send, path: OTP_PATHS.sendOwnCode, body: { ...send.body, code } };
}

/** POST /otp/verification/sendRule, once: one output item with the verificationId (never the code). */
export async function execute(
	this: IExecuteFunctions,
	input: CodeSend,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	return [await sendCode(this, run, itemIndex, input)];
}

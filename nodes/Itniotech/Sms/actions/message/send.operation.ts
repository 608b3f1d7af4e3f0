import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { acceptedMessages } from '../../../api/records/sms';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { optionsField, readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { MESSAGE_UNKNOWN_OUTCOME, withMessages } from '../../helpers/messageReport';
import {
	CONTENT_MAX,
	NUMBERS_PER_POST,
	SENDER_ID_MAX,
	readAppId,
	readContent,
	readRecipients,
	readSenderId,
	recipientFields,
	rowsOfAnswer,
	smsAppIdField,
} from '../../helpers/smsFields';

export const meta: OperationMeta = {
	value: 'send',
	name: 'Send SMS',
	action: 'Send an SMS',
	description: 'Send one text to one or more numbers. Returns one item per number with its message ID (msgId).',
};

export const properties: INodeProperties[] = [
	smsAppIdField,
	{
		displayName: 'Numbers',
		name: 'numbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6281234567890, 6281234567891',
		description:
			'Phone numbers to send to, country code first, separated by commas. More than 1000 go out in several requests; a number listed twice is sent once.',
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		required: true,
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Your verification code is 482913',
		description: `The text of the SMS, up to ${CONTENT_MAX} characters`,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Order IDs',
				name: 'orderIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. ord-1001, ord-1002',
				description:
					'Your own ID for each message, exactly one per number in the same order, separated by commas; returned with its msgId',
			},
			{
				displayName: 'Sender ID',
				name: 'senderId',
				type: 'string',
				default: '',
				description: `Sender name or number shown to the recipient, up to ${SENDER_ID_MAX} characters`,
			},
		],
	},
	optionsField([timeoutOption]),
];

export const sendsMessages = true;

/** One item's message, read and validated. */
function readMessage(ctx: IExecuteFunctions, itemIndex: number) {
	const node = ctx.getNode();
	const appId = readAppId(ctx, itemIndex);
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const recipients = readRecipients(node, ctx.getNodeParameter('numbers', itemIndex), extra.orderIds, itemIndex);
	const content = readContent(node, ctx.getNodeParameter('content', itemIndex), itemIndex);
	const senderId = readSenderId(node, extra.senderId, itemIndex);
	const { timeoutSeconds } = readRequestOptions(ctx, itemIndex);
	return { appId, recipients, content, senderId, timeoutSeconds };
}

/** Every item is checked before the first message. */
export const checkFirst = true;

type Input = ReturnType<typeof readMessage>;

export function readInput(this: IExecuteFunctions, itemIndex: number): Input {
	return readMessage(this, itemIndex);
}

/**
 * POST /sms/sendSms in consecutive chunks of at most 1000 numbers; one output item per number. A chunk is
 * never sent twice; if one fails, no later chunk is sent and the error records which numbers were sent
 * (with their msgIds), which have an unknown outcome and which were not sent.
 */
export async function execute(this: IExecuteFunctions, input: Input, run: Run, itemIndex: number): Promise<IDataObject[]> {
	const { appId, recipients, content, senderId, timeoutSeconds } = input;

	const rows: IDataObject[] = [];
	for (let start = 0; start < recipients.length; start += NUMBERS_PER_POST) {
		const chunk = recipients.slice(start, start + NUMBERS_PER_POST);
		const body: IDataObject = { appId, ...recipientFields(chunk), content };
		if (senderId !== undefined) body.senderId = senderId;
		let envelope;
		try {
			envelope = await itniotechApiRequest(this, run, {
				method: 'POST',
				path: '/sms/sendSms',
				body,
				itemIndex,
				timeoutSeconds,
				isSend: true,
				unknownOutcome: MESSAGE_UNKNOWN_OUTCOME,
			});
		} catch (error) {
			const numbers = (list: typeof recipients) => list.map((r) => r.number);
			throw withMessages(error, itemIndex, rows, numbers(chunk), numbers(recipients.slice(start + NUMBERS_PER_POST)));
		}
		for (const row of rowsOfAnswer(chunk, acceptedMessages(envelope))) rows.push(row);
	}
	return rows;
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { acceptedMessages } from '../../../api/records/sms';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { waitOptions } from '../../../common/waitForResult/options';
import { MESSAGE_UNKNOWN_OUTCOME, withMessages } from '../../helpers/messageReport';
import {
	CONTENT_MAX,
	NUMBERS_PER_POST,
	RETRY_NOTICE,
	SENDER_ID_MAX,
	readContent,
	readRecipients,
	readSenderId,
	readSmsAppId,
	recipientFields,
	rowsOfAnswer,
	smsOptions,
} from '../../helpers/smsFields';

export const meta: OperationMeta = {
	value: 'send',
	name: 'Send',
	action: 'Send a message',
	description:
		'Send one message to one or more phone numbers. Returns one item per phone number with its message ID (msgId).',
};

export const properties: INodeProperties[] = [
	RETRY_NOTICE,
	{
		displayName: 'Phone Numbers',
		name: 'numbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6281234567890, 6281234567891',
		description:
			'Country code first, separated by commas. A number listed twice gets the message once.',
	},
	{
		displayName: 'Message',
		name: 'content',
		type: 'string',
		required: true,
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Your verification code is 482913',
		description: `The text to send, up to ${CONTENT_MAX} characters`,
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
					'Your own ID for each message: one per phone number, in the same order, separated by commas',
			},
			{
				displayName: 'Sender ID',
				name: 'senderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. ACME',
				description: `The name or number recipients see as the sender, up to ${SENDER_ID_MAX} characters`,
			},
		],
	},
	smsOptions([timeoutOption, ...waitOptions('messages')]),
];

export const sendsMessages = true;

/** One item's message, read and validated. */
async function readMessage(ctx: IExecuteFunctions, itemIndex: number, run: Run) {
	const node = ctx.getNode();
	const appId = await readSmsAppId(ctx, itemIndex, run);
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const recipients = readRecipients(
		node,
		ctx.getNodeParameter('numbers', itemIndex),
		extra.orderIds,
		itemIndex,
	);
	const content = readContent(node, ctx.getNodeParameter('content', itemIndex), itemIndex);
	const senderId = readSenderId(node, extra.senderId, itemIndex);
	const { timeoutSeconds } = readRequestOptions(ctx, itemIndex);
	return { appId, recipients, content, senderId, timeoutSeconds };
}

/** Every item is checked before the first message. */
export const checkFirst = true;

type Input = Awaited<ReturnType<typeof readMessage>>;

export async function readInput(
	this: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<Input> {
	return await readMessage(this, itemIndex, run);
}

/**
 * POST /sms/sendSms in consecutive chunks of at most 1000 numbers; one output item per number. A chunk is
 * never sent twice; if one fails, no later chunk is sent and the error records which numbers were sent
 * (with their msgIds), which have an unknown outcome and which were not sent.
 */
export async function execute(
	this: IExecuteFunctions,
	input: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
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
			throw withMessages(
				error,
				itemIndex,
				rows,
				numbers(chunk),
				numbers(recipients.slice(start + NUMBERS_PER_POST)),
			);
		}
		for (const row of rowsOfAnswer(chunk, acceptedMessages(envelope))) rows.push(row);
	}
	return rows;
}

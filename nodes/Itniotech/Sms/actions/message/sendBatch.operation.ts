import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { acceptedMessages } from '../../../api/records/sms';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { waitOptions } from '../../../common/waitForResult/options';
import { asNodeError } from '../../../common/runner';
import { itemError, paired, readAllItems } from '../../../common/acrossItems';
import type { MessageReport } from '../../helpers/messageReport';
import {
	MESSAGE_UNKNOWN_OUTCOME,
	classifyFailed,
	describeMessages,
	emptyMessageReport,
	messageReportData,
	messagesOfRows,
} from '../../helpers/messageReport';
import type { Recipient } from '../../helpers/smsFields';
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
	value: 'sendBatch',
	name: 'Send Personalized',
	action: 'Send personalized messages',
	description:
		'Each input item gets its own text, sent in as few requests as possible. Returns one item per phone number.',
};

export const properties: INodeProperties[] = [
	RETRY_NOTICE,
	{
		displayName: 'Phone Numbers',
		name: 'numbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.phone }}',
		description:
			"This item's phone numbers, country code first, separated by commas; a number listed twice gets one message",
	},
	{
		displayName: 'Message',
		name: 'content',
		type: 'string',
		required: true,
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Hi {{ $json.name }}, your order has shipped',
		description: `This item's text, up to ${CONTENT_MAX} characters`,
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
				description:
					"Your own ID for each of this item's messages: one per phone number, in the same order, separated by commas",
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

interface BatchItem {
	appId: string;
	recipients: Recipient[];
	element: IDataObject;
}

/** A part of one item's recipients inside one request. */
interface Piece {
	itemIndex: number;
	recipients: Recipient[];
}

interface BatchRequest {
	appId: string;
	pieces: Piece[];
	numbers: Set<string>;
}

/**
 * Packs the items into requests of at most 1000 numbers per SMS app, in input order. A number already in a
 * request starts the next one, so every answer entry matches exactly one item by its number.
 */
function pack(items: Array<BatchItem | undefined>): BatchRequest[] {
	const requests: BatchRequest[] = [];
	const open = new Map<string, BatchRequest>();
	items.forEach((item, itemIndex) => {
		if (!item) return;
		for (const recipient of item.recipients) {
			let request = open.get(item.appId);
			if (
				!request ||
				request.numbers.size >= NUMBERS_PER_POST ||
				request.numbers.has(recipient.number)
			) {
				request = { appId: item.appId, pieces: [], numbers: new Set() };
				open.set(item.appId, request);
				requests.push(request);
			}
			let piece = request.pieces[request.pieces.length - 1];
			if (piece?.itemIndex !== itemIndex) {
				piece = { itemIndex, recipients: [] };
				request.pieces.push(piece);
			}
			piece.recipients.push(recipient);
			request.numbers.add(recipient.number);
		}
	});
	return requests;
}

/**
 * POST /sms/sendSms/batch: every item's text to its numbers, packed into as few requests as the 1000-number
 * limit allows. Requests go out one after another and none is sent twice. When one fails, no later one is
 * sent (unless On Error continues), and the error lists which messages were sent, with their msgIds.
 */
export async function executeAll(
	this: IExecuteFunctions,
	run: Run,
): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	// Each item's App ID (Options → App ID may differ per item): requests are packed per SMS app.
	const reads = await readAllItems<BatchItem>(this, async (itemIndex) => {
		const appId = await readSmsAppId(this, itemIndex, run);
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const recipients = readRecipients(
			node,
			this.getNodeParameter('numbers', itemIndex),
			extra.orderIds,
			itemIndex,
		);
		const content = readContent(node, this.getNodeParameter('content', itemIndex), itemIndex);
		const senderId = readSenderId(node, extra.senderId, itemIndex);
		return { appId, recipients, element: { content, senderId: senderId ?? '' } };
	});
	const items = reads.map((read) => (read.ok ? read.value : undefined));
	const { timeoutSeconds } = readRequestOptions(this, 0);
	const continueOnFail = this.continueOnFail();

	const rowsOf = items.map((): IDataObject[] => []);
	const failures = new Map<number, unknown>(); // item → the error of a request with its numbers
	const report = emptyMessageReport();
	let firstFailure: { error: unknown; itemIndex: number } | undefined;
	for (const request of pack(items)) {
		if (firstFailure && !continueOnFail) {
			for (const piece of request.pieces) {
				for (const r of piece.recipients)
					report.notSent.push({ item: piece.itemIndex, number: r.number });
			}
			continue;
		}
		const array = request.pieces.map((piece) => ({
			...recipientFields(piece.recipients),
			...(items[piece.itemIndex] as BatchItem).element,
		}));
		let envelope;
		try {
			envelope = await itniotechApiRequest(this, run, {
				method: 'POST',
				path: '/sms/sendSms/batch',
				body: { appId: request.appId, array },
				itemIndex: request.pieces[0].itemIndex,
				timeoutSeconds,
				isSend: true,
				unknownOutcome: MESSAGE_UNKNOWN_OUTCOME,
			});
		} catch (error) {
			firstFailure ??= { error, itemIndex: request.pieces[0].itemIndex };
			for (const piece of request.pieces) {
				if (!failures.has(piece.itemIndex)) failures.set(piece.itemIndex, error);
				classifyFailed(
					report,
					piece.itemIndex,
					piece.recipients.map((r) => r.number),
					error,
				);
			}
			continue;
		}
		const accepted = acceptedMessages(envelope);
		const all = rowsOfAnswer(
			request.pieces.flatMap((piece) => piece.recipients),
			accepted,
		);
		let offset = 0;
		request.pieces.forEach((piece, p) => {
			// Rows come in recipient order; numbers the answer added beyond them go with the request's last piece.
			const count = p === request.pieces.length - 1 ? all.length - offset : piece.recipients.length;
			const rows = all.slice(offset, offset + count);
			offset += count;
			for (const row of rows) rowsOf[piece.itemIndex].push(row);
		});
	}

	if (firstFailure && !continueOnFail) {
		const full = emptyMessageReport();
		rowsOf.forEach((rows, itemIndex) => {
			const done = messagesOfRows(itemIndex, rows);
			full.sent.push(...done.sent);
			full.refused.push(...done.refused);
		});
		merge(full, report);
		throw withReport(this, firstFailure.error, firstFailure.itemIndex, full);
	}

	const output: INodeExecutionData[] = [];
	reads.forEach((read, itemIndex) => {
		if (!read.ok) {
			output.push(itemError(this, itemIndex, read.error));
			return;
		}
		for (const row of paired(rowsOf[itemIndex], itemIndex)) output.push(row);
		const failure = failures.get(itemIndex);
		if (failure !== undefined) {
			const own = emptyMessageReport();
			for (const key of ['unknown', 'refused', 'notSent'] as const)
				own[key] = report[key].filter((e) => e.item === itemIndex);
			output.push(itemError(this, itemIndex, failure, { messages: messageReportData(own) }));
		}
	});
	return [output];
}

function merge(target: MessageReport, source: MessageReport): void {
	for (const key of ['sent', 'unknown', 'refused', 'notSent'] as const)
		for (const e of source[key]) target[key].push(e);
	for (const key of ['refused', 'notSent'] as const) target[key].sort((a, b) => a.item - b.item);
}

/** The run's error with the report of every message in its context and description. */
function withReport(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	report: MessageReport,
) {
	const failure = asNodeError(ctx.getNode(), error, itemIndex);
	Object.assign(failure.context, { messages: messageReportData(report) });
	const text = describeMessages(report, -1);
	if (text) failure.description = failure.description ? `${failure.description} ${text}` : text;
	return failure;
}

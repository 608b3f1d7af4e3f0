import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { AcceptedMessage } from '../../api/records/sms';
import { numberKey } from '../../api/records/sms';
import type { Run } from '../../api/transport/run';
import { appIdOption, readAppId } from '../../common/appId';
import { optionsField } from '../../common/fields';
import { previewValue, validatePhoneNumber, validateText } from '../../common/validation';

/** Fields and checks the SMS operations share, and the vendor's SMS limits (reference sections 1–3). */

export const CONTENT_MAX = 1024;
export const SENDER_ID_MAX = 32;
/** Numbers in one POST (sendSms, and kept for a whole sendSms/batch request). */
export const NUMBERS_PER_POST = 1000;
/** Message IDs in one getReport request. */
export const MSG_IDS_PER_REPORT = 200;

/** In an AI agent's tool, only the business fields are inputs: the engine controls stay out of sight. */
export const HIDDEN_IN_TOOLS: INodeProperties['displayOptions'] = { hide: { '@tool': [true] } };

/** An SMS operation's Options: App ID (overrides the credential's SMS App ID), its own options, the request limits. */
export function smsOptions(options: INodeProperties[]): INodeProperties {
	return { ...optionsField([appIdOption('sms'), ...options]), displayOptions: HIDDEN_IN_TOOLS };
}

/** The item's SMS App ID: Options → App ID when set, else the credential's SMS App ID. */
export async function readSmsAppId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<string> {
	return await readAppId(ctx, itemIndex, run, 'sms');
}

/** The notice on sending operations: n8n's retry would run the node again (the router also refuses it). */
export const RETRY_NOTICE: INodeProperties = {
	displayName:
		"Keep Retry On Fail off in this node's Settings: a retry would send every message of the run again",
	name: 'retryNotice',
	type: 'notice',
	default: '',
};

const LIST_SEPARATORS = /[,;\n\r]+/;

/**
 * A list field's parts: text split at commas, semicolons and line breaks, also inside a list's texts (the
 * vendor joins order IDs with commas, so one containing a separator would shift every later ID); blanks dropped.
 */
function listParts(value: unknown): unknown[] {
	const parts = Array.isArray(value)
		? value.flatMap((part) => (typeof part === 'string' ? part.split(LIST_SEPARATORS) : [part]))
		: typeof value === 'string' || typeof value === 'number'
			? String(value).split(LIST_SEPARATORS)
			: value === undefined || value === null
				? []
				: [value];
	return parts.filter(
		(part) =>
			!(typeof part === 'string' && part.trim() === '') && part !== null && part !== undefined,
	);
}

/** One number to send to, with its order ID when given. */
export interface Recipient {
	number: string;
	orderId?: string;
}

/** One order ID as the vendor gets it: text or a number; anything else (an object from an expression) is refused. */
function orderIdText(node: INode, id: unknown, itemIndex: number): string {
	if (typeof id === 'string') return id.trim();
	if (typeof id === 'number' || typeof id === 'boolean') return String(id);
	throw new NodeOperationError(node, `An Order ID in item ${itemIndex} is not text`, {
		itemIndex,
		description: `Got ${previewValue(id)}. Map a text or number field to Order IDs, e.g. {{ $json.orderId }}, or leave it empty.`,
	});
}

/**
 * The Phone Numbers and Order IDs of an item, checked: every number 7–15 digits with the country code, one order
 * ID per listed number (no commas inside one). A number listed twice is sent once, with its first order ID.
 */
export function readRecipients(
	node: INode,
	numbersValue: unknown,
	orderIdsValue: unknown,
	itemIndex: number,
): Recipient[] {
	const entries = listParts(numbersValue);
	if (entries.length === 0) {
		throw new NodeOperationError(node, `The Phone Numbers in item ${itemIndex} are empty`, {
			itemIndex,
			description: `Got ${previewValue(numbersValue)}. Enter at least one phone number, country code first, e.g. 6281234567890; several separated by commas.`,
		});
	}
	const numbers = entries.map((entry) =>
		validatePhoneNumber(node, 'Phone Numbers', entry, itemIndex),
	);
	const orderIds = listParts(orderIdsValue).map((id) => orderIdText(node, id, itemIndex));
	if (orderIds.length > 0 && orderIds.length !== numbers.length) {
		throw new NodeOperationError(
			node,
			`The Order IDs in item ${itemIndex} must give exactly one ID per number`,
			{
				itemIndex,
				description: `Got ${orderIds.length} order IDs for ${numbers.length} phone numbers. List them in the same order as the numbers, separated by commas, or leave Order IDs empty.`,
			},
		);
	}
	const tooLong = orderIds.find((id) => id.length > 64);
	if (tooLong !== undefined) {
		throw new NodeOperationError(
			node,
			`An Order ID in item ${itemIndex} is longer than 64 characters`,
			{
				itemIndex,
				description: `Got ${previewValue(tooLong)}. Use shorter IDs; a comma separates IDs, so none may contain one.`,
			},
		);
	}
	const seen = new Set<string>();
	const recipients: Recipient[] = [];
	numbers.forEach((number, i) => {
		if (seen.has(number)) return;
		seen.add(number);
		recipients.push(orderIds.length > 0 ? { number, orderId: orderIds[i] } : { number });
	});
	return recipients;
}

/** Message (the text): 1 to 1024 characters, sent exactly as written (no trimming). */
export function readContent(node: INode, value: unknown, itemIndex: number): string {
	if (typeof value === 'string' && value.trim() === '') {
		throw new NodeOperationError(node, `The Message in item ${itemIndex} is empty`, {
			itemIndex,
			description: 'Enter the text to send, up to 1024 characters.',
		});
	}
	return validateText(node, 'Message', value, itemIndex, { max: CONTENT_MAX, trim: false });
}

/** Sender ID: optional, at most 32 characters; undefined when not set. */
export function readSenderId(node: INode, value: unknown, itemIndex: number): string | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return undefined;
	return validateText(node, 'Sender ID', value, itemIndex, { max: SENDER_ID_MAX });
}

/** The request fields for a group of recipients: numbers and (when any has one) order IDs, comma-separated. */
export function recipientFields(recipients: Recipient[]): IDataObject {
	const fields: IDataObject = { numbers: recipients.map((r) => r.number).join(',') };
	if (recipients.some((r) => r.orderId !== undefined))
		fields.orderId = recipients.map((r) => r.orderId ?? '').join(',');
	return fields;
}

export const NOT_ACCEPTED =
	'not accepted by Itniotech: the number is invalid or cannot receive SMS (it is missing from the answer). Check the number before sending again.';

/**
 * One output row per recipient, in input order: its msgId when the answer lists it, otherwise
 * submitted false with the reason. Answer entries for numbers not asked for are kept too, so no msgId is lost.
 */
export function rowsOfAnswer(recipients: Recipient[], accepted: AcceptedMessage[]): IDataObject[] {
	const byNumber = new Map<string, AcceptedMessage>();
	for (const entry of accepted) if (!byNumber.has(entry.number)) byNumber.set(entry.number, entry);
	const rows: IDataObject[] = recipients.map(({ number, orderId }) => {
		const answer = byNumber.get(numberKey(number));
		byNumber.delete(numberKey(number));
		if (!answer)
			return {
				msgId: null,
				number,
				orderId: orderId ?? null,
				submitted: false,
				reason: NOT_ACCEPTED,
			};
		return {
			msgId: answer.msgId,
			number,
			orderId: answer.orderId ?? orderId ?? null,
			submitted: true,
			reason: null,
		};
	});
	for (const extra of byNumber.values()) {
		rows.push({
			msgId: extra.msgId,
			number: extra.number,
			orderId: extra.orderId,
			submitted: true,
			reason: null,
		});
	}
	return rows;
}

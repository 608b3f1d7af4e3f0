import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { vendorLocalTime } from '../../../api/records/task';
import type { Run } from '../../../api/transport/run';
import { appIdOption, readAppId } from '../../../common/appId';
import { parseDateTime } from '../../../common/dateRange';
import { timeoutOption } from '../../../common/fields';
import {
	previewValue,
	validateChoice,
	validateInteger,
	validatePhoneNumber,
	validateText,
} from '../../../common/validation';
import {
	audioFileField,
	CAMPAIGN_LANGUAGES,
	isSet,
	retryOnFailNotice,
} from '../../helpers/callFields';
import { hangUpSmsFields, readHangUpSms } from '../../helpers/hangUpSms';
import { voiceOptions } from '../../helpers/options';

/** Campaign → Create: its fields, and how an item's numbers and the campaign's settings are read and checked. */

const TEXT_MAX = 1000;
const PERSONAL_TEXT_MAX = 30;
const NAME_MIN = 2;
const NAME_MAX = 64;
const SLOTS = Array.from({ length: 10 }, (_, i) => `text${i + 1}`);

export const createProperties: INodeProperties[] = [
	retryOnFailNotice,
	{
		displayName: 'Phone Number',
		name: 'number',
		type: 'string',
		required: true,
		default: '={{ $json.phone }}',
		description:
			"This item's number, country code first (several: separated by commas). A repeated number is called once.",
	},
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Text to Speech', value: 'tts', description: 'A text read aloud' },
			{ name: 'Audio File', value: 'audioFile', description: 'An uploaded audio file' },
		],
		default: 'tts',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		options: CAMPAIGN_LANGUAGES.map(([name, value]) => ({ name, value })),
		default: 'EN',
		description: 'Language of the spoken text',
		displayOptions: { show: { messageType: ['tts'] } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Hello ${text1}, your order ${text2} is ready',
		description: `What every call says, up to ${TEXT_MAX} characters. \${text1} … \${text10} stand for each number's Personal Texts.`,
		displayOptions: { show: { messageType: ['tts'] } },
	},
	{
		...audioFileField('The uploaded audio file every call plays'),
		displayOptions: { show: { messageType: ['audioFile'] } },
	},
	{
		displayName: 'Campaign Name',
		name: 'campaignName',
		type: 'string',
		required: true,
		default: '={{ "Campaign " + $now.toFormat("yyyy-MM-dd HH:mm:ss") }}',
		description: `${NAME_MIN} to ${NAME_MAX} characters, unique in the account. A campaign too large for one task is split into "Name (1/2)", "Name (2/2)".`,
	},
	{
		displayName: 'Personal Texts',
		name: 'personalTexts',
		type: 'collection',
		placeholder: 'Add Text',
		default: {},
		description:
			"This item's own values, filled in where the text or the hang-up SMS says ${text1} … ${text10}",
		options: SLOTS.map((slot, i) => ({
			displayName: `Text ${i + 1}`,
			name: slot,
			type: 'string' as const,
			default: '',
			placeholder: i === 0 ? 'e.g. {{ $json.name }}' : undefined,
			description: `Fills \${${slot}}, up to ${PERSONAL_TEXT_MAX} characters`,
		})),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// Alphabetical, as n8n lists a collection's fields.
		options: [
			{
				displayName: 'Caller ID',
				name: 'displayNum',
				type: 'string' as const,
				default: '',
				placeholder: 'e.g. 6281234567890',
				description:
					'Number the called people see (Display Number in the console), up to 20 digits',
			},
			...hangUpSmsFields,
			{
				displayName: 'Max Call Length (Seconds)',
				name: 'maxCalls',
				type: 'number' as const,
				typeOptions: { minValue: 1, maxValue: 999 },
				default: 60,
				description: 'Itniotech hangs up this many seconds after the answer, 1 to 999',
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime' as const,
				default: '',
				description: 'When the calls start; not added: now',
			},
			{
				displayName: 'Times to Play',
				name: 'loopCount',
				type: 'number' as const,
				typeOptions: { minValue: 1, maxValue: 9 },
				default: 1,
				description: 'How many times the message plays in each call, 1 to 9',
			},
		],
	},
	voiceOptions([appIdOption('voice'), appIdOption('sms', 'smsAppId'), timeoutOption]),
];

/** One input item: its numbers and their texts. */
export interface CampaignItem {
	numbers: string[];
	texts: IDataObject;
}

/** The item's numbers: one, or several separated by commas, semicolons or new lines. */
function readNumbers(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const node = ctx.getNode();
	const value = ctx.getNodeParameter('number', itemIndex);
	const parts: unknown[] = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(/[,;\n\r]+/).filter((part) => part.trim() !== '')
			: [value];
	if (parts.length === 0) {
		throw new NodeOperationError(node, `The Phone Number in item ${itemIndex} is empty`, {
			itemIndex,
			description: `Got ${previewValue(value)}. Map the number column, e.g. {{ $json.phone }}, or remove items without a number first.`,
		});
	}
	return parts.map((part) => validatePhoneNumber(node, 'Phone Number', part, itemIndex));
}

function readPersonalTexts(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const given = ctx.getNodeParameter('personalTexts', itemIndex, {}) as IDataObject;
	const texts: IDataObject = {};
	SLOTS.forEach((slot, i) => {
		const value = given[slot];
		if (!isSet(value) || value === null) return;
		texts[slot] = validateText(ctx.getNode(), `Text ${i + 1}`, value, itemIndex, {
			max: PERSONAL_TEXT_MAX,
		});
	});
	return texts;
}

/** Text as the field holds it, for comparing items: the campaign has one text, whatever each item says. */
const sameText = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** One item's numbers and Personal Texts, checked; a Text that differs from item 0's is refused. */
export function readItem(ctx: IExecuteFunctions, itemIndex: number): CampaignItem {
	const numbers = readNumbers(ctx, itemIndex);
	const texts = readPersonalTexts(ctx, itemIndex);
	if (itemIndex > 0 && ctx.getNodeParameter('messageType', 0) === 'tts') {
		const first = sameText(ctx.getNodeParameter('text', 0));
		if (sameText(ctx.getNodeParameter('text', itemIndex)) !== first) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The Text in item ${itemIndex} differs from item 0's: a campaign has one text for every call`,
				{
					itemIndex,
					description:
						"Write the text once, with ${text1} … ${text10} where each number's own value goes, and map those values under Personal Texts.",
				},
			);
		}
	}
	return { numbers, texts };
}

/** A Start Time as the vendor's UTC+8 wall clock; undefined for "now" (not added, or already past). */
function readStartTime(ctx: IExecuteFunctions, value: unknown, run: Run): string | undefined {
	if (!isSet(value) || value === null) return undefined;
	const timeZone = ctx.getTimezone();
	const date = parseDateTime(value, timeZone);
	if (!date) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The Start Time in item 0 is not a date this node can read',
			{
				itemIndex: 0,
				description: `Got ${previewValue(value)}. Pick a date in the field, or give an ISO 8601 text such as 2026-03-05T09:00:00+08:00 (without an offset it is read in the workflow's time zone, ${timeZone}).`,
			},
		);
	}
	// A minute's grace: "now" picked in the editor is a little in the past when the node runs.
	if (date.getTime() < run.startedMs - 60_000) {
		throw new NodeOperationError(ctx.getNode(), 'The Start Time in item 0 is in the past', {
			itemIndex: 0,
			description: `Start Time is ${date.toISOString()}. Pick a later time, or remove Start Time to start now.`,
		});
	}
	return date.getTime() <= run.startedMs ? undefined : vendorLocalTime(date);
}

function readCallerId(ctx: IExecuteFunctions, value: unknown): string {
	const digits = String(value).trim().replace(/^\+/, '');
	if (/^\d{1,20}$/.test(digits)) return digits;
	throw new NodeOperationError(ctx.getNode(), 'The Caller ID in item 0 must be up to 20 digits', {
		itemIndex: 0,
		description: `Got ${previewValue(value)}. For example 6281234567890.`,
	});
}

/** The fields every task of this run carries: the campaign's settings, read from the first item. */
export async function readCampaign(ctx: IExecuteFunctions, run: Run): Promise<IDataObject> {
	const node = ctx.getNode();
	const extra = ctx.getNodeParameter('additionalFields', 0, {}) as IDataObject;
	const body: IDataObject = { appId: await readAppId(ctx, 0, run, 'voice') };
	if (ctx.getNodeParameter('messageType', 0) === 'audioFile') {
		const file: unknown = ctx.getNodeParameter('fileId', 0, undefined, { extractValue: true });
		body.source = 1;
		body.voiceFileId = validateText(node, 'Audio File', file, 0, { max: 128 });
	} else {
		body.source = 3;
		body.text = validateText(node, 'Text', ctx.getNodeParameter('text', 0), 0, { max: TEXT_MAX });
		const languages = CAMPAIGN_LANGUAGES.map(([, code]) => code);
		body.lan = validateChoice(node, 'Language', ctx.getNodeParameter('language', 0), 0, languages);
	}
	if (isSet(extra.displayNum)) body.displayNum = readCallerId(ctx, extra.displayNum);
	body.loopCount = isSet(extra.loopCount)
		? validateInteger(node, 'Times to Play', extra.loopCount, 0, 1, 9)
		: 1;
	body.maxCalls = isSet(extra.maxCalls)
		? validateInteger(node, 'Max Call Length', extra.maxCalls, 0, 1, 999)
		: 60;
	const sendTime = readStartTime(ctx, extra.startTime, run);
	if (sendTime !== undefined) body.sendTime = sendTime;
	return { ...body, ...(await readHangUpSms(ctx, run, extra)) };
}

/** The campaign's name, checked; parts of a split campaign are numbered within the 64 characters. */
export function partNames(ctx: IExecuteFunctions, parts: number): string[] {
	const given = ctx.getNodeParameter('campaignName', 0);
	const limits = { min: NAME_MIN, max: NAME_MAX };
	const name = validateText(ctx.getNode(), 'Campaign Name', given, 0, limits);
	if (parts === 1) return [name];
	return Array.from({ length: parts }, (_, i) => {
		const suffix = ` (${i + 1}/${parts})`;
		return `${name.slice(0, NAME_MAX - suffix.length).trimEnd()}${suffix}`;
	});
}

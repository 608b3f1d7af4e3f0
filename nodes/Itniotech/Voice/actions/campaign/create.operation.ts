import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { TASK_PATHS } from '../../../api/platform';
import { vendorLocalTime } from '../../../api/records/task';
import { isOutcomeUnknown } from '../../../api/transport/failures';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { itemError, readAllItems } from '../../../common/acrossItems';
import { appIdOption, readAppId } from '../../../common/appId';
import { parseDateTime } from '../../../common/dateRange';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { asNodeError } from '../../../common/runner';
import {
	previewValue,
	validateChoice,
	validateInteger,
	validatePhoneNumber,
	validateText,
} from '../../../common/validation';
import { isSet, retryOnFailNotice } from '../../helpers/callFields';
import type { CampaignEntry, CampaignReport } from '../../helpers/campaign';
import {
	CAMPAIGN_LANGUAGES,
	CAMPAIGN_UNKNOWN_OUTCOME,
	addFailedCampaign,
	describeCampaigns,
	emptyCampaignReport,
	findCampaignByName,
} from '../../helpers/campaign';
import { voiceOptions } from '../../helpers/options';

export const meta: OperationMeta = {
	value: 'create',
	name: 'Create',
	action: 'Create a campaign',
	description:
		'Call the numbers of all input items in one campaign, each with its own texts. Returns the Campaign ID.',
};

/** What one task takes: plain numbers (numberList), or numbers with their texts (numberInfoList). */
export const MAX_NUMBERS_PER_TASK = 200_000;
export const MAX_PERSONAL_NUMBERS_PER_TASK = 100_000;
const TEXT_MAX = 1000;
const PERSONAL_TEXT_MAX = 30;
const NAME_MIN = 2;
const NAME_MAX = 64;
const SLOTS = Array.from({ length: 10 }, (_, i) => `text${i + 1}`);

/** When the hang-up SMS goes: the option value → the vendor's flag. */
const SMS_WHEN: Record<string, string> = {
	answered: 'successPush',
	failed: 'failedPush',
	rang: 'ringPush',
	keyPressed: 'feedbackPush',
};

export const properties: INodeProperties[] = [
	retryOnFailNotice,
	{
		displayName: 'Phone Number',
		name: 'number',
		type: 'string',
		required: true,
		default: '={{ $json.phone }}',
		description:
			"This item's number, country code first (several: separated by commas). All items go into one campaign; a repeated number is called once.",
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
		displayName: 'Audio File',
		name: 'fileId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The uploaded audio file every call plays',
		displayOptions: { show: { messageType: ['audioFile'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an audio file...',
				typeOptions: { searchListMethod: 'searchAudioFiles', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1202202254d4c6372d6f341e999c7ecd0683ee464.mp3',
				hint: 'The File ID that Audio File → Upload or Get Many returned',
			},
		],
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
		options: [
			{
				displayName: 'Caller ID',
				name: 'displayNum',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6281234567890',
				description:
					'Number the called people see (Display Number in the console), up to 20 digits',
			},
			{
				displayName: 'Hang-Up SMS',
				name: 'smsContent',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				placeholder: 'e.g. Thanks ${text1}, reply STOP to opt out',
				description: `An SMS sent when a call ends, up to ${TEXT_MAX} characters; may use \${text1} … \${text10}`,
			},
			{
				displayName: 'Hang-Up SMS Delay (Seconds)',
				name: 'successPushTime',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 9999 },
				default: 10,
				description: 'Seconds after an answered call before the SMS goes, 0 to 9999',
			},
			{
				displayName: 'Hang-Up SMS Key',
				name: 'feedbackValue',
				type: 'string',
				default: '1',
				description: 'With "Key Pressed": the key (0 to 9) that sends the SMS',
			},
			{
				displayName: 'Hang-Up SMS Sender ID',
				name: 'senderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. ACME',
				description: 'The name or number the SMS comes from, up to 32 characters',
			},
			{
				displayName: 'Hang-Up SMS When',
				name: 'smsWhen',
				type: 'multiOptions',
				options: [
					{ name: 'Answered', value: 'answered' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Key Pressed', value: 'keyPressed' },
					{ name: 'Rang', value: 'rang' },
				],
				default: ['answered'],
				description: 'Which calls get the hang-up SMS (answered calls when not added)',
			},
			{
				displayName: 'Max Call Length (Seconds)',
				name: 'maxCalls',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 999 },
				default: 60,
				description: 'Itniotech hangs up this many seconds after the answer, 1 to 999',
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'When the calls start; not added: now',
			},
			{
				displayName: 'Times to Play',
				name: 'loopCount',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 9 },
				default: 1,
				description: 'How many times the message plays in each call, 1 to 9',
			},
		],
	},
	voiceOptions([appIdOption('voice'), appIdOption('sms', 'smsAppId'), timeoutOption]),
];

export const placesCalls = true;

/** One input item: its numbers and their texts. */
interface CampaignItem {
	numbers: string[];
	texts: IDataObject;
}

/** One number of the campaign, with the item it came from. */
interface Entry {
	number: string;
	texts: IDataObject;
	itemIndex: number;
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

function readItem(ctx: IExecuteFunctions, itemIndex: number): CampaignItem {
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

/** The fields every task of this run carries (the campaign's settings, read from the first item). */
async function readCampaign(ctx: IExecuteFunctions, run: Run): Promise<IDataObject> {
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
		body.lan = validateChoice(
			node,
			'Language',
			ctx.getNodeParameter('language', 0),
			0,
			CAMPAIGN_LANGUAGES.map(([, code]) => code),
		);
	}
	if (isSet(extra.displayNum)) {
		const digits = String(extra.displayNum).trim().replace(/^\+/, '');
		if (!/^\d{1,20}$/.test(digits)) {
			throw new NodeOperationError(node, 'The Caller ID in item 0 must be up to 20 digits', {
				itemIndex: 0,
				description: `Got ${previewValue(extra.displayNum)}. For example 6281234567890.`,
			});
		}
		body.displayNum = digits;
	}
	body.loopCount = isSet(extra.loopCount)
		? validateInteger(node, 'Times to Play', extra.loopCount, 0, 1, 9)
		: 1;
	body.maxCalls = isSet(extra.maxCalls)
		? validateInteger(node, 'Max Call Length', extra.maxCalls, 0, 1, 999)
		: 60;
	const sendTime = readStartTime(ctx, extra.startTime, run);
	if (sendTime !== undefined) body.sendTime = sendTime;
	if (isSet(extra.smsContent)) Object.assign(body, await readHangUpSms(ctx, run, extra));
	return body;
}

async function readHangUpSms(
	ctx: IExecuteFunctions,
	run: Run,
	extra: IDataObject,
): Promise<IDataObject> {
	const node = ctx.getNode();
	const sms: IDataObject = {
		hangUpSms: 1,
		smsAppId: await readAppId(ctx, 0, run, 'sms', 'smsAppId'),
		smsContent: validateText(node, 'Hang-Up SMS', extra.smsContent, 0, { max: TEXT_MAX }),
	};
	const when = Array.isArray(extra.smsWhen) ? (extra.smsWhen as unknown[]) : ['answered'];
	if (when.length === 0) {
		throw new NodeOperationError(node, 'The Hang-Up SMS When in item 0 is empty', {
			itemIndex: 0,
			description: 'Pick at least one: Answered, Failed, Key Pressed or Rang.',
		});
	}
	for (const value of when) {
		const flag = validateChoice(node, 'Hang-Up SMS When', value, 0, Object.keys(SMS_WHEN));
		sms[SMS_WHEN[flag]] = 1;
	}
	if (sms.feedbackPush === 1) {
		const key = String(extra.feedbackValue ?? '1').trim();
		sms.feedbackValue = validateChoice(node, 'Hang-Up SMS Key', key, 0, [
			...'0123456789',
		] as string[]);
	}
	if (sms.successPush === 1 && isSet(extra.successPushTime))
		sms.successPushTime = validateInteger(
			node,
			'Hang-Up SMS Delay',
			extra.successPushTime,
			0,
			0,
			9999,
		);
	if (isSet(extra.senderId))
		sms.senderId = validateText(node, 'Hang-Up SMS Sender ID', extra.senderId, 0, { max: 32 });
	return sms;
}

/** The campaign's name, checked; parts of a split campaign are numbered within the 64 characters. */
function partNames(ctx: IExecuteFunctions, parts: number): string[] {
	const name = validateText(
		ctx.getNode(),
		'Campaign Name',
		ctx.getNodeParameter('campaignName', 0),
		0,
		{ min: NAME_MIN, max: NAME_MAX },
	);
	if (parts === 1) return [name];
	return Array.from({ length: parts }, (_, i) => {
		const suffix = ` (${i + 1}/${parts})`;
		return `${name.slice(0, NAME_MAX - suffix.length).trimEnd()}${suffix}`;
	});
}

/** Every item's numbers in input order, each number once (its first item and texts win). */
function entriesOf(items: Array<CampaignItem | undefined>): Entry[] {
	const seen = new Set<string>();
	const entries: Entry[] = [];
	items.forEach((item, itemIndex) => {
		for (const number of item?.numbers ?? []) {
			if (seen.has(number)) continue;
			seen.add(number);
			entries.push({ number, texts: item?.texts ?? {}, itemIndex });
		}
	});
	return entries;
}

/** One task of the run: its name, numbers and what became of it. */
interface Part {
	name: string;
	entries: Entry[];
	campaignId?: string | null;
	error?: unknown;
	sent?: boolean;
}

function reportOf(parts: Part[]): CampaignReport {
	const report = emptyCampaignReport();
	for (const part of parts) {
		const entry: CampaignEntry = {
			item: part.entries[0].itemIndex,
			name: part.name,
			numberCount: part.entries.length,
		};
		if (!part.sent) report.notSent.push(entry);
		else if (part.error === undefined)
			report.accepted.push({ ...entry, campaignId: part.campaignId ?? null });
		else addFailedCampaign(report, entry, part.error);
	}
	return report;
}

/** The numbers of a part as the vendor takes them: plain, or with each number's texts. */
function numbersField(entries: Entry[], personal: boolean): IDataObject {
	if (!personal) return { numberList: entries.map((entry) => entry.number) };
	return {
		numberInfoList: entries.map((entry) => ({ calleeNumber: entry.number, ...entry.texts })),
	};
}

/** The new task's id from the answer: a number or text (kept to the digit by the transport). */
function idOf(data: unknown): string | null {
	if (typeof data === 'string' && data.trim() !== '') return data.trim();
	if (typeof data === 'number') return String(data);
	if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
		const id = (data as IDataObject).jobId ?? (data as IDataObject).taskId;
		return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
	}
	return null;
}

/** A part's row: its Campaign ID and how many numbers it calls; paired with every item it holds. */
function rowOf(part: Part, index: number, parts: number): INodeExecutionData {
	const items = [...new Set(part.entries.map((entry) => entry.itemIndex))];
	return {
		json: {
			campaignId: part.campaignId ?? null,
			name: part.name,
			numberCount: part.entries.length,
			part: index + 1,
			parts,
		},
		pairedItem: items.map((item) => ({ item })),
	};
}

/**
 * POST /voice/group/call/send: the numbers of every input item in one task (in consecutive tasks when they
 * are more than a task takes), each sent once and never repeated. A task whose answer carries no id is found
 * by its unique name; so is one whose answer never arrived. When a task fails, no later one is created
 * (unless On Error continues), and the error lists which campaigns exist, with their IDs.
 */
export async function executeAll(
	this: IExecuteFunctions,
	run: Run,
): Promise<INodeExecutionData[][]> {
	const reads = await readAllItems(this, async (itemIndex) => readItem(this, itemIndex));
	const campaign = await readCampaign(this, run);
	const { timeoutSeconds } = readRequestOptions(this, 0);
	const continueOnFail = this.continueOnFail();
	const entries = entriesOf(reads.map((read) => (read.ok ? read.value : undefined)));
	const output: INodeExecutionData[] = [];
	if (entries.length === 0) {
		reads.forEach((read, itemIndex) => {
			if (!read.ok) output.push(itemError(this, itemIndex, read.error));
		});
		return [output];
	}
	const personal = entries.some((entry) => Object.keys(entry.texts).length > 0);
	const size = personal ? MAX_PERSONAL_NUMBERS_PER_TASK : MAX_NUMBERS_PER_TASK;
	const count = Math.ceil(entries.length / size);
	const names = partNames(this, count);
	const parts: Part[] = names.map((name, i) => ({
		name,
		entries: entries.slice(i * size, (i + 1) * size),
	}));

	for (const part of parts) {
		if (!continueOnFail && parts.some((p) => p.error !== undefined)) break;
		const itemIndex = part.entries[0].itemIndex;
		part.sent = true;
		try {
			const envelope = await itniotechApiRequest(this, run, {
				method: 'POST',
				path: TASK_PATHS.create,
				body: { ...campaign, taskName: part.name, ...numbersField(part.entries, personal) },
				itemIndex,
				timeoutSeconds,
				isSend: true,
				unknownOutcome: CAMPAIGN_UNKNOWN_OUTCOME,
			});
			part.campaignId =
				idOf(envelope.data) ??
				(await findCampaignByName(this, run, part.name, itemIndex, timeoutSeconds).catch(
					() => null,
				));
		} catch (error) {
			// No answer said what happened: the unique name tells whether the task exists.
			const found = isOutcomeUnknown(error)
				? await findCampaignByName(this, run, part.name, itemIndex, timeoutSeconds).catch(
						() => null,
					)
				: null;
			if (found === null) part.error = error;
			else part.campaignId = found;
		}
	}

	const failed = parts.find((part) => part.error !== undefined);
	if (failed && !continueOnFail) {
		const firstItem = failed.entries[0].itemIndex;
		const failure = asNodeError(this.getNode(), failed.error, firstItem);
		const report = reportOf(parts);
		Object.assign(failure.context, { campaigns: report as unknown as IDataObject });
		const text = describeCampaigns(report, firstItem);
		if (text) failure.description = failure.description ? `${failure.description} ${text}` : text;
		throw failure;
	}
	reads.forEach((read, itemIndex) => {
		if (!read.ok) output.push(itemError(this, itemIndex, read.error));
	});
	parts.forEach((part, i) => {
		if (part.error === undefined) output.push(rowOf(part, i, parts.length));
		else {
			output.push(
				itemError(this, part.entries[0].itemIndex, part.error, {
					campaigns: reportOf([part]) as unknown as IDataObject,
				}),
			);
		}
	});
	return [output];
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { validateInteger, validatePhoneNumber, validateText } from '../../common/validation';

/** Fields the operations that place calls share (the sends, Campaign → Create), written once. */

/** The languages of text to speech: [name in the panel, Itniotech's code]. */
export const TTS_LANGUAGES: ReadonlyArray<readonly [string, string]> = [
	['Arabic', 'ARB'],
	['Bengali (Bangladesh)', 'BD'],
	['English', 'EN'],
	['French', 'FR'],
	['German', 'DE'],
	['Hindi (India)', 'IN'],
	['Indonesian', 'IDN'],
	['Italian', 'IT'],
	['Japanese', 'JP'],
	['Korean', 'KR'],
	['Portuguese', 'PT'],
	['Russian', 'RU'],
	['Spanish', 'ES'],
	['Thai', 'TH'],
	['Vietnamese', 'VN'],
];

/** The campaign (task) pages list the same languages except French. */
export const CAMPAIGN_LANGUAGES = TTS_LANGUAGES.filter(([, code]) => code !== 'FR');

/** An uploaded audio file, picked from the account's files or by its File ID; `description` says what plays it. */
export function audioFileField(description: string): INodeProperties {
	return {
		displayName: 'Audio File',
		name: 'fileId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
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
	};
}

export const calledInfoOption: INodeProperties = {
	displayName: 'Custom Data',
	name: 'calledInfo',
	type: 'string',
	default: '',
	placeholder: 'e.g. order-1042',
	description:
		'Your own text (Called Info in the console), up to 1000 characters, returned in the call record',
};

export const displayNumOption: INodeProperties = {
	displayName: 'Caller ID',
	name: 'displayNum',
	type: 'string',
	default: '',
	placeholder: 'e.g. 6281234567890',
	description: 'Number the called person sees (Display Number in the console), 7 to 15 digits',
};

export const maxDurationOption: INodeProperties = {
	displayName: 'Max Duration (Seconds)',
	name: 'maxDuration',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 120 },
	default: 60,
	description: 'Longest the call may last once answered, 1 to 120 seconds',
};

/** Shown above a send's fields: n8n's Retry On Fail reruns the whole node (the router refuses it too). */
export const retryOnFailNotice: INodeProperties = {
	displayName:
		"Keep Retry On Fail off in this node's Settings: a retry runs the whole node again and would call people twice",
	name: 'retryOnFailNotice',
	type: 'notice',
	default: '',
};

/** "Additional Fields" of a send-call operation: the shared ones, then the operation's own. */
export function additionalCallFields(own: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// Alphabetical, as n8n lists a collection's fields.
		options: [calledInfoOption, displayNumOption, maxDurationOption, ...own].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

/** Whichever shared Additional Fields are set, validated (the App ID comes from readAppId). */
export function readSharedCallFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	extra: IDataObject,
): IDataObject {
	const node = ctx.getNode();
	const body: IDataObject = {};
	if (isSet(extra.displayNum))
		body.displayNum = validatePhoneNumber(node, 'Caller ID', extra.displayNum, itemIndex);
	if (isSet(extra.maxDuration))
		body.maxDuration = validateInteger(node, 'Max Duration', extra.maxDuration, itemIndex, 1, 120);
	if (isSet(extra.calledInfo))
		body.calledInfo = validateText(node, 'Custom Data', extra.calledInfo, itemIndex, {
			max: 1000,
			trim: false,
		});
	return body;
}

/** An Additional Field the user added (n8n leaves out the ones not added; an emptied one is ''). */
export function isSet(value: unknown): boolean {
	return value !== undefined && value !== '';
}

/** The Recall Count an item's call was sent with (0 when not set): Wait for Result waits for every attempt. */
export function recallCountOf(ctx: IExecuteFunctions): (itemIndex: number) => number {
	return (itemIndex) => {
		const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const count = Number(extra.recallCount ?? 0);
		return Number.isInteger(count) && count > 0 ? count : 0;
	};
}

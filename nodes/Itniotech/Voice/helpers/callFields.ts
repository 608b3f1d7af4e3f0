import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { validateInteger, validatePhoneNumber, validateText } from '../../common/validation';

/** Fields both send-call operations share (TTS and audio group call), written once. */

export const appIdField: INodeProperties = {
	displayName: 'App ID',
	name: 'appId',
	type: 'string',
	required: true,
	default: '',
	description: 'The ID of the voice application in the Itniotech console',
};

export const calledInfoOption: INodeProperties = {
	displayName: 'Called Info',
	name: 'calledInfo',
	type: 'string',
	default: '',
	description: 'Your own reference for the call (up to 1000 characters), returned in its record',
};

export const displayNumOption: INodeProperties = {
	displayName: 'Display Number',
	name: 'displayNum',
	type: 'string',
	default: '',
	description: 'Caller ID shown to the callee (7 to 15 digits)',
};

export const maxDurationOption: INodeProperties = {
	displayName: 'Max Duration (Seconds)',
	name: 'maxDuration',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 120 },
	default: 60,
	description: 'Longest the call may last once answered (1 to 120 seconds)',
};

/** "Additional Fields" of a send-call operation: the shared ones, then the operation's own. */
export function additionalCallFields(own: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [calledInfoOption, displayNumOption, maxDurationOption, ...own],
	};
}

/** The App ID plus whichever shared Additional Fields are set, validated. */
export function readSharedCallFields(ctx: IExecuteFunctions, itemIndex: number, extra: IDataObject): IDataObject {
	const node = ctx.getNode();
	const body: IDataObject = {
		appId: validateText(node, 'App ID', ctx.getNodeParameter('appId', itemIndex), itemIndex, { max: 64 }),
	};
	if (isSet(extra.displayNum)) body.displayNum = validatePhoneNumber(node, 'Display Number', extra.displayNum, itemIndex);
	if (isSet(extra.maxDuration))
		body.maxDuration = validateInteger(node, 'Max Duration', extra.maxDuration, itemIndex, 1, 120);
	if (isSet(extra.calledInfo))
		body.calledInfo = validateText(node, 'Called Info', extra.calledInfo, itemIndex, { max: 1000, trim: false });
	return body;
}

/** An Additional Field the user added (n8n leaves out the ones not added; an emptied one is ''). */
export function isSet(value: unknown): boolean {
	return value !== undefined && value !== '';
}

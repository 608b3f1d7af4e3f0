import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { SIP_PATHS, platformIdentity } from '../../../api/platform';
import { typeSipPhone } from '../../../api/records/task';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { appIdOption, readAppId } from '../../../common/appId';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { collectPages } from '../../../common/paging';
import { previewValue, validateInteger, validateText } from '../../../common/validation';
import { includePasswordsOption } from '../../helpers/sipPhone';
import { voiceOptions } from '../../helpers/options';

export const meta: OperationMeta = {
	value: 'create',
	name: 'Create',
	action: 'Create SIP phones',
	description: 'Create a group of SIP phones for the voice app. Returns the new phones.',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Group Name',
		name: 'groupName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Front desk',
		description: 'Name of the new group of phones, 4 to 32 characters, unique in the voice app',
	},
	{
		displayName: 'Phone Name',
		name: 'phoneName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. desk',
		description: 'Name of the phones, 4 to 32 characters',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
		default: 1,
		description: 'How many phones to create, 1 to 50',
	},
	{
		displayName: 'Caller ID',
		name: 'displayNum',
		type: 'string',
		default: '',
		placeholder: 'e.g. 6281234567',
		description:
			'Number the called people see, 7 to 13 digits (required on Itniotech, optional on Onbuka)',
	},
	voiceOptions([appIdOption('voice'), includePasswordsOption, timeoutOption]),
];

interface Input {
	body: IDataObject;
	includePasswords: boolean;
	timeoutSeconds: number;
}

/** Every item is checked before the first phone is created. */
export const checkFirst = true;

export async function readInput(
	this: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<Input> {
	const node = this.getNode();
	const name = (field: string, label: string) =>
		validateText(node, label, this.getNodeParameter(field, itemIndex), itemIndex, {
			min: 4,
			max: 32,
		});
	const body: IDataObject = {
		groupName: name('groupName', 'Group Name'),
		phoneName: name('phoneName', 'Phone Name'),
		quantity: validateInteger(
			node,
			'Quantity',
			this.getNodeParameter('quantity', itemIndex),
			itemIndex,
			1,
			50,
		),
		appId: await readAppId(this, itemIndex, run, 'voice'),
	};
	const display = String(this.getNodeParameter('displayNum', itemIndex, '') ?? '')
		.trim()
		.replace(/^\+/, '');
	const platform = platformIdentity(await run.credentials(itemIndex));
	if (display !== '' && !/^\d{7,13}$/.test(display)) {
		throw new NodeOperationError(
			node,
			`The Caller ID in item ${itemIndex} must be 7 to 13 digits`,
			{
				itemIndex,
				description: `Got ${previewValue(display)}. For example 6281234567.`,
			},
		);
	}
	// Itniotech's copy of the page requires it; Onbuka's marks it optional.
	if (display === '' && platform.layout === 'itniotech') {
		throw new NodeOperationError(
			node,
			`The Caller ID in item ${itemIndex} is required for SIP phones on this platform`,
			{
				itemIndex,
				description:
					'Fill in Caller ID: the number the called people see, 7 to 13 digits, e.g. 6281234567. Itniotech (and brands laid out like it) require it.',
			},
		);
	}
	if (display !== '') body.displayNum = display;
	const { options, timeoutSeconds } = readRequestOptions(this, itemIndex);
	return { body, includePasswords: options.includePasswords === true, timeoutSeconds };
}

/**
 * POST /voice/sipAdd once (never repeated: a second request would make a second group), then the new
 * phones from POST /voice/sipQuery, found by their group name.
 */
export async function execute(
	this: IExecuteFunctions,
	{ body, includePasswords, timeoutSeconds }: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	await itniotechApiRequest(this, run, {
		method: 'POST',
		path: SIP_PATHS.create,
		body,
		itemIndex,
		timeoutSeconds,
		isSend: true,
		unknownOutcome: {
			what: 'the SIP phones were created',
			check: 'look for the group with SIP Phone → Get Many before creating it again',
		},
	});
	// The group exists now: a failed listing must say so, or a second run would be refused (-20) unexplained.
	const phones = await collectPages(
		this,
		{ run, path: SIP_PATHS.list, params: { appId: body.appId }, itemIndex, timeoutSeconds },
		undefined,
	).catch((error: unknown) => {
		throw new NodeOperationError(
			this.getNode(),
			`The SIP phones of group "${String(body.groupName)}" were created, but listing them failed`,
			{
				itemIndex,
				description: `Do not create the group again. Get its phones with SIP Phone → Get Many. (${error instanceof Error ? error.message : String(error)})`,
			},
		);
	});
	return phones
		.filter((phone) => phone.groupName === body.groupName)
		.map((phone) => typeSipPhone(phone, includePasswords));
}

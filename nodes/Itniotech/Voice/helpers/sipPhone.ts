import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { previewValue } from '../../common/validation';

/** What the SIP Phone operations and Call → Send From SIP Phone share: the SIP phone picked by its account. */

/** The Include Passwords option: SIP passwords are secrets, so they stay out of the output unless asked for. */
export const includePasswordsOption: INodeProperties = {
	displayName: 'Include Passwords',
	name: 'includePasswords',
	type: 'boolean',
	default: false,
	description:
		"Whether to output each phone's SIP password. Off: they stay out of execution logs, sheets and chats.",
};

/** SIP Phone: picked from the voice app's phones, or by its SIP account (the phone's login, `sipAccount` in outputs). */
export function sipPhoneField(description: string): INodeProperties {
	return {
		displayName: 'SIP Phone',
		name: 'account',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a SIP phone...',
				typeOptions: { searchListMethod: 'searchSipPhones', searchable: true },
			},
			{
				displayName: 'By SIP Account',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 810001',
				hint: 'The sipAccount that SIP Phone → Get Many returned',
			},
		],
	};
}

/** The SIP phone's account (4 to 32 characters), or an error naming the field. */
export function readSipAccount(ctx: IExecuteFunctions, itemIndex: number): string {
	const value: unknown = ctx.getNodeParameter('account', itemIndex, undefined, {
		extractValue: true,
	});
	const raw =
		typeof value === 'object' && value !== null && 'value' in value
			? (value as IDataObject).value
			: value;
	const account = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (account.length >= 4 && account.length <= 32) return account;
	throw new NodeOperationError(
		ctx.getNode(),
		`The SIP Phone in item ${itemIndex} must be a SIP account of 4 to 32 characters`,
		{
			itemIndex,
			description: `Got ${previewValue(raw)}. Pick the phone from the list, or use the sipAccount that SIP Phone → Get Many returned.`,
		},
	);
}

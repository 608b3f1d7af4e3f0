import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Run } from '../api/transport/run';
import { validateText } from './validation';

/**
 * App IDs are account-level: they live in the credential (Voice App ID, SMS App ID, OTP App ID), and an operation may
 * override them under Options → App ID.
 */

export type AppKind = 'voice' | 'sms' | 'otp';

const APPS: Record<AppKind, { field: string; label: string; where: string }> = {
	voice: { field: 'voiceAppId', label: 'Voice App ID', where: 'Voice → App Management' },
	sms: { field: 'smsAppId', label: 'SMS App ID', where: 'SMS → App Management' },
	otp: { field: 'otpAppId', label: 'OTP App ID', where: 'OTP → App Management' },
};

/**
 * The Options entry that overrides the credential's App ID for one node. An operation that needs a second
 * kind of app (a campaign's hang-up SMS) names that entry after it (`smsAppId`, "SMS App ID").
 */
export function appIdOption(kind: AppKind, name = 'appId'): INodeProperties {
	return {
		displayName: name === 'appId' ? 'App ID' : APPS[kind].label,
		name,
		type: 'string',
		default: '',
		placeholder: 'e.g. 3kA9xZ2Q',
		description: `Use this App ID instead of the credential's ${APPS[kind].label}`,
	};
}

/**
 * The item's App ID: the Options entry (`optionName`) when set, else the credential's; a clear error when
 * neither is.
 */
export async function readAppId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: Run,
	kind: AppKind,
	optionName = 'appId',
): Promise<string> {
	const appId = await readOptionalAppId(ctx, itemIndex, run, kind, optionName);
	if (appId !== undefined) return appId;
	const { label, where } = APPS[kind];
	const optionLabel = optionName === 'appId' ? 'App ID' : label;
	throw new NodeOperationError(ctx.getNode(), `No ${label} is set`, {
		itemIndex,
		description: `Enter your ${label} in the Itniotech credential (find it in the console under ${where}), or set Options → ${optionLabel} in this node.`,
	});
}

/** The item's App ID as readAppId reads it, or undefined when neither the option nor the credential has one. */
export async function readOptionalAppId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: Run,
	kind: AppKind,
	optionName = 'appId',
): Promise<string | undefined> {
	const { field, label } = APPS[kind];
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const override = options[optionName];
	const optionLabel = optionName === 'appId' ? 'App ID' : label;
	const given =
		typeof override === 'string'
			? override.trim() !== ''
			: override !== undefined && override !== null;
	if (given)
		return validateText(ctx.getNode(), `${optionLabel} option`, override, itemIndex, { max: 64 });
	const fromCredential = (await run.credentials(itemIndex))[field];
	if (typeof fromCredential === 'string' && fromCredential.trim() !== '') {
		return validateText(
			ctx.getNode(),
			`${label} in the Itniotech credential`,
			fromCredential,
			itemIndex,
			{ max: 64 },
		);
	}
	return undefined;
}

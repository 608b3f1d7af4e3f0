import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { TASK_PATHS } from '../../../api/platform';
import { typeTask } from '../../../api/records/task';
import { isOutcomeUnknown } from '../../../api/transport/failures';
import { DEFAULT_MAX_ATTEMPTS, itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { appIdOption, readAppId } from '../../../common/appId';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { validateChoice, validateText } from '../../../common/validation';
import { retryOnFailNotice } from '../../helpers/callFields';
import {
	CAMPAIGN_UNKNOWN_OUTCOME,
	campaignIdField,
	explainWrongCampaign,
	findCampaignByName,
	readCampaignDetail,
	readCampaignId,
	withCampaignName,
} from '../../helpers/campaign';
import { voiceOptions } from '../../helpers/options';

export const meta: OperationMeta = {
	value: 'redial',
	name: 'Redial',
	action: 'Redial a campaign',
	description:
		'Call the numbers of a finished or suspended campaign again, all or only the failed ones, as a new campaign',
};

export const properties: INodeProperties[] = [
	retryOnFailNotice,
	campaignIdField,
	{
		displayName: 'Numbers to Call',
		name: 'redialNumbers',
		type: 'options',
		options: [
			{ name: 'Only Failed', value: 'failed', description: 'The numbers whose call failed' },
			{ name: 'All', value: 'all', description: 'Every number of the campaign' },
		],
		default: 'failed',
	},
	{
		displayName: 'New Campaign Name',
		name: 'campaignName',
		type: 'string',
		required: true,
		default: '={{ "Redial " + $now.toFormat("yyyy-MM-dd HH:mm:ss") }}',
		description: 'The name of the new run, 2 to 64 characters, unique in the account',
	},
	voiceOptions([appIdOption('voice'), timeoutOption]),
];

/** Every item is checked before the first redial. */
export const checkFirst = true;
export const createsCampaigns = true;

interface Input {
	campaignId: string;
	resendType: number;
	taskName: string;
	appId: string;
	timeoutSeconds: number;
}

export async function readInput(
	this: IExecuteFunctions,
	itemIndex: number,
	run: Run,
): Promise<Input> {
	const node = this.getNode();
	const which = validateChoice(
		node,
		'Numbers to Call',
		this.getNodeParameter('redialNumbers', itemIndex),
		itemIndex,
		['failed', 'all'],
	);
	return {
		campaignId: readCampaignId(this, itemIndex),
		resendType: which === 'failed' ? 1 : 0,
		taskName: validateText(
			node,
			'New Campaign Name',
			this.getNodeParameter('campaignName', itemIndex),
			itemIndex,
			{ min: 2, max: 64 },
		),
		appId: await readAppId(this, itemIndex, run, 'voice'),
		timeoutSeconds: readRequestOptions(this, itemIndex).timeoutSeconds,
	};
}

/** The campaign's message and call settings from its detail page, as recall wants them again. */
function settingsOf(detail: IDataObject): IDataObject {
	const settings: IDataObject = { source: Number(detail.source ?? 3) };
	if (settings.source === 1) settings.voiceFileId = detail.voiceFileId;
	else {
		settings.text = detail.text;
		settings.lan = detail.lan;
	}
	settings.maxCalls = Number(detail.maxCalls ?? 60) || 60;
	settings.loopCount = Number(detail.loopCount ?? 1) || 1;
	if (typeof detail.displayNum === 'string' && detail.displayNum !== '')
		settings.displayNum = detail.displayNum;
	return settings;
}

/**
 * GET /voice/group/call/detail/{id} (the message to play again, the counts), then POST
 * /voice/group/call/resend once: a new campaign with the numbers asked for. Its id is the answer, or found by
 * the new name.
 */
export async function execute(
	this: IExecuteFunctions,
	input: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { campaignId, resendType, taskName, appId, timeoutSeconds } = input;
	// Reading the detail is a read: tried again on a temporary failure; the resend below never is.
	const campaign = { campaignId, timeoutSeconds, maxAttempts: DEFAULT_MAX_ATTEMPTS };
	const data = await readCampaignDetail(this, run, campaign, itemIndex);
	const body: IDataObject = {
		keyId: Number(campaignId),
		appId,
		taskName,
		resendType,
		...settingsOf(data),
	};
	let newId: string | null;
	try {
		const envelope = await itniotechApiRequest(this, run, {
			method: 'POST',
			path: TASK_PATHS.redial,
			body,
			itemIndex,
			timeoutSeconds,
			isSend: true,
			unknownOutcome: CAMPAIGN_UNKNOWN_OUTCOME,
		});
		const answer = envelope.data;
		newId =
			typeof answer === 'string' || typeof answer === 'number'
				? String(answer)
				: await findCampaignByName(this, run, taskName, itemIndex, timeoutSeconds).catch(
						() => null,
					);
	} catch (error) {
		// No answer said what happened: the unique name tells whether the new run exists.
		const found = isOutcomeUnknown(error)
			? await findCampaignByName(this, run, taskName, itemIndex, timeoutSeconds).catch(() => null)
			: null;
		if (found === null)
			throw withCampaignName(
				await explainWrongCampaign(this, run, error, campaign, 'redial', itemIndex, data),
				taskName,
			);
		newId = found;
	}
	// The campaign's own counts: the new one calls all its numbers, or those whose call failed.
	const counts = typeTask(data);
	return [
		{
			campaignId: newId,
			name: taskName,
			redialOf: campaignId,
			onlyFailed: resendType === 1,
			numberCount: resendType === 1 ? counts.failed : counts.numberCount,
		},
	];
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { TASK_PATHS } from '../../../api/platform';
import { typeTask } from '../../../api/records/task';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { attemptsOption, readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { campaignIdField, readCampaignId } from '../../helpers/campaign';
import { voiceOptions } from '../../helpers/options';

export const meta: OperationMeta = {
	value: 'get',
	name: 'Get',
	action: 'Get a campaign',
	description:
		'Get the progress of one campaign: calls made, answered and failed, answer rate, and its status',
};

export const properties: INodeProperties[] = [
	campaignIdField,
	voiceOptions([timeoutOption, attemptsOption]),
];

interface Input {
	campaignId: string;
	timeoutSeconds: number;
	maxAttempts: number;
}

export function readInput(this: IExecuteFunctions, itemIndex: number): Input {
	const { timeoutSeconds, maxAttempts } = readRequestOptions(this, itemIndex);
	return { campaignId: readCampaignId(this, itemIndex), timeoutSeconds, maxAttempts };
}

/** GET /voice/group/call/detail/{id}: the campaign, typed (counts and rates as numbers, status in words). */
export async function execute(
	this: IExecuteFunctions,
	{ campaignId, timeoutSeconds, maxAttempts }: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const envelope = await itniotechApiRequest(this, run, {
		method: 'GET',
		path: TASK_PATHS.detail(campaignId),
		itemIndex,
		timeoutSeconds,
		maxAttempts,
	});
	const data = envelope.data;
	const raw = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
	const typed = typeTask(raw as IDataObject);
	return [{ ...typed, campaignId: typed.campaignId ?? campaignId }];
}

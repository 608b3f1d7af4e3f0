import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { TASK_PATHS } from '../../../api/platform';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { attemptsOption, readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { campaignIdField, readCampaignId } from '../../helpers/campaign';
import { voiceOptions } from '../../helpers/options';

export const meta: OperationMeta = {
	value: 'suspend',
	name: 'Suspend',
	action: 'Suspend a campaign',
	description: 'Stop a campaign that is waiting or calling: numbers not called yet are not called',
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

/**
 * POST /voice/group/call/provisional. Suspending twice does no harm, so a temporary failure is tried again
 * like a read; a finished campaign answers -54.
 */
export async function execute(
	this: IExecuteFunctions,
	{ campaignId, timeoutSeconds, maxAttempts }: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	await itniotechApiRequest(this, run, {
		method: 'POST',
		path: TASK_PATHS.suspend,
		// Task ids are integers on this page; readCampaignId keeps them within what JSON numbers hold exactly.
		body: { jobIdList: [Number(campaignId)] },
		itemIndex,
		timeoutSeconds,
		maxAttempts,
	});
	return [{ campaignId, suspended: true }];
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { TASK_PATHS } from '../../../api/platform';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import type { OperationMeta } from '../../../common/operations';
import type { OneCampaignInput } from '../../helpers/campaign';
import {
	explainWrongCampaign,
	oneCampaignFields,
	readOneCampaignInput,
} from '../../helpers/campaign';

export const meta: OperationMeta = {
	value: 'suspend',
	name: 'Suspend',
	action: 'Suspend a campaign',
	description: 'Stop a campaign that is waiting or calling: numbers not called yet are not called',
};

export const properties = oneCampaignFields;

export function readInput(this: IExecuteFunctions, itemIndex: number): OneCampaignInput {
	return readOneCampaignInput(this, itemIndex);
}

/**
 * POST /voice/group/call/provisional. Suspending twice does no harm, so a temporary failure is tried again
 * like a read. A -54 (no such campaign, or a finished one) is explained from the campaign's detail.
 */
export async function execute(
	this: IExecuteFunctions,
	input: OneCampaignInput,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { campaignId, timeoutSeconds, maxAttempts } = input;
	try {
		await itniotechApiRequest(this, run, {
			method: 'POST',
			path: TASK_PATHS.suspend,
			// Task ids are integers on this page; readCampaignId keeps them within what JSON numbers hold exactly.
			body: { jobIdList: [Number(campaignId)] },
			itemIndex,
			timeoutSeconds,
			maxAttempts,
		});
	} catch (error) {
		throw await explainWrongCampaign(this, run, error, input, 'suspend', itemIndex);
	}
	return [{ campaignId, suspended: true }];
}

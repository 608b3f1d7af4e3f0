import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { typeTask } from '../../../api/records/task';
import type { Run } from '../../../api/transport/run';
import type { OperationMeta } from '../../../common/operations';
import type { OneCampaignInput } from '../../helpers/campaign';
import {
	oneCampaignFields,
	readCampaignDetail,
	readOneCampaignInput,
} from '../../helpers/campaign';

export const meta: OperationMeta = {
	value: 'get',
	name: 'Get',
	action: 'Get a campaign',
	description:
		'Get the progress of one campaign: calls made, answered and failed, answer rate, and its status',
};

export const properties = oneCampaignFields;

export function readInput(this: IExecuteFunctions, itemIndex: number): OneCampaignInput {
	return readOneCampaignInput(this, itemIndex);
}

/** GET /voice/group/call/detail/{id}: the campaign, typed (counts and rates as numbers, status in words). */
export async function execute(
	this: IExecuteFunctions,
	input: OneCampaignInput,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const typed = typeTask(await readCampaignDetail(this, run, input, itemIndex));
	return [{ ...typed, campaignId: typed.campaignId ?? input.campaignId }];
}

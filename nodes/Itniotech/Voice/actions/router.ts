import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { AcrossItemsOperation, AnyOperation, Resource } from '../../common/operations';
import { findOperation } from '../../common/operations';
import { runItems, startRun } from '../../common/runner';
import { withCallResults } from '../../common/waitForResult/output';
import { readWaitSettings } from '../../common/waitForResult/options';
import { callReporting } from '../helpers/callReport';
import { recallCountOf } from '../helpers/callFields';
import { account } from '../../common/actions/account';
import { audioFile } from './audioFile';
import { call } from './call';
import { campaignReporting } from '../helpers/campaign';
import { callRecord } from './callRecord';
import { campaign } from './campaign';
import { sipPhone } from './sipPhone';
import { sipRecord } from './sipRecord';

/**
 * A Voice operation. One that places calls reports what became of every call when something fails; one that
 * creates campaigns (group-call tasks) reports which campaigns exist; one that works across items (Campaign →
 * Create: every item's numbers in one task) runs them all itself with `executeAll`.
 */
export type VoiceOperation = (AnyOperation | AcrossItemsOperation) & {
	placesCalls?: boolean;
	createsCampaigns?: boolean;
};

/** The node's resources, in the order of the Resource menu. */
export const resources: Array<Resource<VoiceOperation>> = [
	account,
	audioFile,
	call,
	callRecord,
	campaign,
	sipPhone,
	sipRecord,
];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = findOperation(this, resources);
	const calls = operation.placesCalls === true || operation.createsCampaigns === true;
	if (calls && this.getNode().retryOnFail === true) {
		// n8n's Retry On Fail runs the whole node again, which would call again everybody already called.
		throw new NodeOperationError(
			this.getNode(),
			"Turn off Retry On Fail in this node's Settings: it would call people twice",
			{
				description:
					'After any failure, n8n would run the whole node again and place every call of this run once more. This node never repeats a call by itself; when something fails, its error lists which calls were placed and which to send again.',
			},
		);
	}
	if ('executeAll' in operation) return await operation.executeAll.call(this, startRun(this).run);
	if (operation.createsCampaigns === true)
		return await runItems(this, operation, campaignReporting);
	if (operation.placesCalls !== true) return await runItems(this, operation);
	// Read before the first call, so a wrong Max Wait stops the node with nothing sent.
	const wait = readWaitSettings(this);
	const started = startRun(this);
	const output = await runItems(this, operation, callReporting, started);
	if (!wait) return output;
	return [await withCallResults(this, started.run, wait, output[0], recallCountOf(this))];
}

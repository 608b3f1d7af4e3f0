import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { AnyOperation, Resource } from '../../common/operations';
import { findOperation } from '../../common/operations';
import { runItems, startRun } from '../../common/runner';
import { withCallResults } from '../../common/waitForResult/output';
import { readWaitSettings } from '../../common/waitForResult/options';
import { callReporting } from '../helpers/callReport';
import { recallCountOf } from '../helpers/callFields';
import { account } from '../../common/actions/account';
import { audioFile } from './audioFile';
import { call } from './call';
import { callRecord } from './callRecord';
import { sipRecord } from './sipRecord';

/** A Voice operation; one that places calls reports what became of every call when something fails. */
export interface VoiceOperation extends AnyOperation {
	placesCalls?: boolean;
}

/** The node's resources, in the order of the Resource menu. */
export const resources: Array<Resource<VoiceOperation>> = [
	account,
	audioFile,
	call,
	callRecord,
	sipRecord,
];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = findOperation(this, resources);
	if (operation.placesCalls !== true) return await runItems(this, operation);
	if (this.getNode().retryOnFail === true) {
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
	// Read before the first call, so a wrong Max Wait stops the node with nothing sent.
	const wait = readWaitSettings(this);
	const started = startRun(this);
	const output = await runItems(this, operation, callReporting, started);
	if (!wait) return output;
	return [await withCallResults(this, started.run, wait, output[0], recallCountOf(this))];
}

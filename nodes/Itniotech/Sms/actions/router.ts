import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { AcrossItemsOperation, AnyOperation, Resource } from '../../common/operations';
import { findOperation } from '../../common/operations';
import { runItems, startRun } from '../../common/runner';
import { withMessageResults } from '../../common/waitForResult/output';
import { readWaitSettings } from '../../common/waitForResult/options';
import { account } from '../../common/actions/account';
import { messageReporting } from '../helpers/messageReport';
import { readSmsAppId } from '../helpers/smsFields';
import { message } from './message';

/**
 * An SMS operation. One that sends messages reports what became of every message when something fails; one
 * that works across items (combining them into fewer requests) runs them all itself with `executeAll`.
 */
export type SmsOperation = (AnyOperation | AcrossItemsOperation) & { sendsMessages?: boolean };

/** The node's resources, in the order of the Resource menu; Account is the same module the Voice node lists. */
export const resources: Array<Resource<SmsOperation>> = [account, message];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = findOperation(this, resources);
	if (operation.sendsMessages === true && this.getNode().retryOnFail === true) {
		// n8n's Retry On Fail runs the whole node again, which would send every message of this run once more.
		throw new NodeOperationError(
			this.getNode(),
			"Turn off Retry On Fail in this node's Settings: it would send messages twice",
			{
				description:
					'After any failure, n8n would run the whole node again and send every message of this run once more. This node never repeats a send by itself; when something fails, its error lists which messages were sent and which to send again.',
			},
		);
	}
	if (operation.sendsMessages !== true) {
		if ('executeAll' in operation) return await operation.executeAll.call(this, startRun(this).run);
		return await runItems(this, operation);
	}
	// Read before the first message, so a wrong Max Wait stops the node with nothing sent.
	const wait = readWaitSettings(this);
	const started = startRun(this);
	const output =
		'executeAll' in operation
			? await operation.executeAll.call(this, started.run)
			: await runItems(this, operation, messageReporting, started);
	if (!wait) return output;
	const appIdOf = async (itemIndex: number) => await readSmsAppId(this, itemIndex, started.run);
	return [await withMessageResults(this, started.run, wait, output[0], appIdOf)];
}

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { AnyOperation, Resource } from '../../common/operations';
import { findOperation } from '../../common/operations';
import { runItems } from '../../common/runner';
import { codeReporting } from '../helpers/codeReport';
import { template } from './template';
import { verification } from './verification';

/**
 * A Verify operation. One that sends codes reports what became of every code when something fails; a send
 * and a check are never repeated (a repeated check could count as a second attempt).
 */
export type VerifyOperation = AnyOperation & { sendsCodes?: boolean; checksCodes?: boolean };

/** The node's resources, in the order of the Resource menu. */
export const resources: Array<Resource<VerifyOperation>> = [verification, template];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = findOperation(this, resources);
	const sends = operation.sendsCodes === true;
	if ((sends || operation.checksCodes === true) && this.getNode().retryOnFail === true) {
		// n8n's Retry On Fail runs the whole node again: every code of the run sent (or checked) once more.
		throw new NodeOperationError(
			this.getNode(),
			sends
				? "Turn off Retry On Fail in this node's Settings: it would send codes twice"
				: "Turn off Retry On Fail in this node's Settings: it would check codes twice",
			{
				description:
					'After any failure, n8n would run the whole node again and repeat every request of this run. This node never repeats a send or a check by itself; when a send fails, its error lists which codes were sent and which to send again.',
			},
		);
	}
	return await runItems(this, operation, sends ? codeReporting : undefined);
}

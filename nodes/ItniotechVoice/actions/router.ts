import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import * as account from './account';
import * as audioFile from './audioFile';
import * as call from './call';
import * as callRecord from './callRecord';
import * as sipRecord from './sipRecord';
import { configureBatching, mapInOrder } from '../shared/pool';
import { readBatching } from '../shared/descriptions';

type OperationModule = {
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;
};

/** resource → its operations. Adding an operation is one file plus one line in its resource's index. */
const resources: Record<string, Record<string, OperationModule>> = {
	account: account.operations,
	audioFile: audioFile.operations,
	call: call.operations,
	callRecord: callRecord.operations,
	sipRecord: sipRecord.operations,
};

/** What a failed item carries with continue-on-fail: the message, the advice and the codes, never request data. */
function errorJson(error: NodeApiError | NodeOperationError): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.code = error.httpCode;
	return json;
}

/** Our own errors pass through as they are; anything unexpected becomes a node error tied to its item. */
function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = resources[resource]?.[operation]?.execute;
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}

	const batching = readBatching(this);
	configureBatching(this, batching);
	const continueOnFail = this.continueOnFail();
	// Items run concurrently up to the Batching limit; results stay at their input positions.
	const perItem = await mapInOrder(
		items.length,
		batching.concurrency,
		async (itemIndex): Promise<INodeExecutionData[]> => {
			try {
				const results = await execute.call(this, itemIndex);
				return results.map((json) => ({ json, pairedItem: { item: itemIndex } }));
			} catch (error) {
				const nodeError = asNodeError(this.getNode(), error, itemIndex);
				if (!continueOnFail) throw nodeError;
				return [{ json: errorJson(nodeError), pairedItem: { item: itemIndex } }];
			}
		},
		!continueOnFail,
	);
	const output: INodeExecutionData[] = [];
	for (const results of perItem) for (const result of results) output.push(result);
	return [output];
}

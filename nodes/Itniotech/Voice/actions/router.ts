import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import * as account from './account';
import * as audioFile from './audioFile';
import * as call from './call';
import * as callRecord from './callRecord';
import * as sipRecord from './sipRecord';
import type { Settled } from '../../api/transport/batching';
import { configureBatching, SendsStoppedError, settleInOrder, stopNewSends } from '../../api/transport/batching';
import { readBatching } from '../../common/fields';
import type { CallReport } from '../helpers/callReport';
import {
	callReportData,
	callsOfFailure,
	callsOfRows,
	describeCalls,
	emptyCallReport,
	mergeCallReport,
	partialSendOf,
} from '../helpers/callReport';

type OperationModule = {
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;
	/** Operations that place calls: when something fails, what became of every call is reported. */
	placesCalls?: boolean;
};

type NodeError = NodeApiError | NodeOperationError;

/** resource → its operations. Adding an operation is one file plus one line in its resource's index. */
const resources: Record<string, Record<string, OperationModule>> = {
	account: account.operations,
	audioFile: audioFile.operations,
	call: call.operations,
	callRecord: callRecord.operations,
	sipRecord: sipRecord.operations,
};

/** Our own errors pass through as they are; anything unexpected becomes a node error tied to its item. */
function asNodeError(node: INode, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

function appendDescription(error: NodeError, text: string): void {
	if (text) error.description = error.description ? `${error.description} ${text}` : text;
}

/**
 * A failed item under continue-on-fail: the message, the advice and the codes, never request data. For the
 * error output, n8n (1.x and 2.x alike) takes an item whose json is exactly { error } or { error, message };
 * so there the advice travels as `message`, and n8n adds the input item's fields.
 */
function errorItem(error: NodeError, itemIndex: number, errorOutput: boolean, calls?: CallReport): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (errorOutput) {
		if (error.description) json.message = error.description;
	} else {
		if (error.description) json.description = error.description;
		if (error instanceof NodeApiError && error.httpCode) json.code = error.httpCode;
		if (calls) json.calls = callReportData(calls);
	}
	return { json, pairedItem: { item: itemIndex } };
}

const paired = (rows: IDataObject[], itemIndex: number): INodeExecutionData[] =>
	rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));

/**
 * The run stops: throws the earliest real failure. For sends it carries what became of every call of the
 * run (context.calls, and spelled out in the description), so that no placed call's voiceId is lost.
 */
function failRun(node: INode, outcomes: Array<Settled<IDataObject[]>>, placesCalls: boolean): never {
	let failure: NodeError | undefined;
	let failedItem = -1;
	const report = emptyCallReport();
	outcomes.forEach((outcome, itemIndex) => {
		if (outcome === undefined) {
			report.notSent.push({ item: itemIndex, callee: null });
		} else if (outcome.ok) {
			mergeCallReport(report, callsOfRows(itemIndex, outcome.value));
		} else {
			const stopped = outcome.error instanceof SendsStoppedError;
			const error = stopped ? undefined : asNodeError(node, outcome.error, itemIndex);
			if (error && !failure) {
				failure = error;
				failedItem = itemIndex;
			}
			mergeCallReport(report, callsOfFailure(itemIndex, outcome.error, error?.message ?? ''));
		}
	});
	// Only a real failure stops a run, so one exists; the fallback keeps the type checker and odd cases honest.
	failure ??= new NodeOperationError(node, 'The node stopped before all items were sent');
	if (placesCalls) {
		failure.context.calls = callReportData(report);
		appendDescription(failure, describeCalls(report, failedItem));
	}
	throw failure;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = this.getNode();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operationModule = resources[resource]?.[operation];
	if (!operationModule) {
		throw new NodeOperationError(node, `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	const { execute } = operationModule;
	const placesCalls = operationModule.placesCalls === true;
	if (placesCalls && node.retryOnFail === true) {
		// n8n's Retry On Fail runs the whole node again, which would call again everybody already called.
		throw new NodeOperationError(node, 'Turn off Retry On Fail in this node\'s Settings: it would call people twice', {
			description:
				'After any failure, n8n would run the whole node again and place every call of this run once more. This node never repeats a call by itself; when something fails, its error lists which calls were placed and which to send again.',
		});
	}

	const batching = readBatching(this);
	configureBatching(this, batching);
	const continueOnFail = this.continueOnFail();
	const errorOutput = node.onError === 'continueErrorOutput';
	// Items run concurrently up to the Batching limit; results stay at their input positions. Without
	// continue-on-fail the first failure starts no new item and stops sends that have not gone out yet.
	const outcomes = await settleInOrder(
		items.length,
		batching.concurrency,
		async (itemIndex) => await execute.call(this, itemIndex),
		!continueOnFail,
		() => {
			if (!continueOnFail) stopNewSends(this);
		},
	);

	if (!continueOnFail && outcomes.some((outcome) => outcome?.ok !== true)) {
		failRun(node, outcomes, placesCalls);
	}
	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (outcome?.ok) {
			for (const result of paired(outcome.value, itemIndex)) output.push(result);
			return;
		}
		const cause = outcome?.error;
		const error = asNodeError(node, cause, itemIndex);
		if (!placesCalls) {
			output.push(errorItem(error, itemIndex, errorOutput));
			return;
		}
		// Calls placed before this item failed are output like any others; the error item tells the rest.
		const partial = partialSendOf(cause);
		for (const result of paired(partial?.rows ?? [], itemIndex)) output.push(result);
		const calls = callsOfFailure(itemIndex, cause, error.message);
		appendDescription(error, describeCalls(calls, itemIndex));
		output.push(errorItem(error, itemIndex, errorOutput, calls));
	});
	return [output];
}

import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { SendsStoppedError } from '../api/transport/requestLimiter';
import type { Run } from '../api/transport/run';
import { createRun } from '../api/transport/run';
import { readRequestLimits } from './fields';
import type { Settled } from './inOrder';
import { settleInOrder } from './inOrder';
import type { OperationModule } from './operations';
import { ReadAhead } from './readAhead';

/**
 * Runs one operation over the node's input items: concurrently up to Max Concurrent Requests, results at
 * their input positions with `pairedItem`, failures as n8n's Settings → On Error asks (stop, error items,
 * or the error output). A node that sends may add a FailureReport: what became of everything sent.
 */

export type NodeError = NodeApiError | NodeOperationError;

/** What a sending operation adds to its failures, so nothing already sent is lost or sent twice. */
export interface FailureReport {
	/** A run stopped by `failedItem`: data for the error's context, and text for its description. */
	ofRun(
		outcomes: Array<Settled<IDataObject[]>>,
		failedItem: number,
		messageOf: (error: unknown, itemIndex: number) => string,
	): { context: IDataObject; description: string };
	/** One failed item under continue-on-fail: rows output before its error item, data on it, text for its description. */
	ofItem(
		itemIndex: number,
		cause: unknown,
		message: string,
	): { rows: IDataObject[]; data: IDataObject; description: string };
}

/** Our own errors pass through as they are; anything unexpected becomes a node error tied to its item. */
export function asNodeError(node: INode, error: unknown, itemIndex: number): NodeError {
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
export function errorItem(
	error: NodeError,
	itemIndex: number,
	errorOutput: boolean,
	data?: IDataObject,
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (errorOutput) {
		if (error.description) json.message = error.description;
	} else {
		if (error.description) json.description = error.description;
		if (error instanceof NodeApiError && error.httpCode) json.code = error.httpCode;
		Object.assign(json, data);
	}
	return { json, pairedItem: { item: itemIndex } };
}

const paired = (rows: IDataObject[], itemIndex: number): INodeExecutionData[] =>
	rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));

/** The run stops: throws the earliest real failure (a send stopped by it is none), with the report's account. */
function failRun(
	node: INode,
	outcomes: Array<Settled<IDataObject[]>>,
	report?: FailureReport,
): never {
	const failedItem = outcomes.findIndex(
		(outcome) => outcome?.ok === false && !(outcome.error instanceof SendsStoppedError),
	);
	const first = outcomes[failedItem];
	// Only a real failure stops a run, so one exists; the fallback keeps the type checker and odd cases honest.
	const failure =
		first?.ok === false
			? asNodeError(node, first.error, failedItem)
			: new NodeOperationError(node, 'The node stopped before all items were sent');
	if (report) {
		const { context, description } = report.ofRun(
			outcomes,
			failedItem,
			(error, i) => asNodeError(node, error, i).message,
		);
		Object.assign(failure.context, context);
		appendDescription(failure, description);
	}
	throw failure;
}

/** Every item's output in input order; a failed item becomes an error item (after the rows the report keeps). */
function outputOf(
	node: INode,
	outcomes: Array<Settled<IDataObject[]>>,
	errorOutput: boolean,
	report?: FailureReport,
): INodeExecutionData[] {
	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (outcome?.ok) {
			// Pushed one by one: a search's 200,000 records make no second array on the way.
			for (const json of outcome.value) output.push({ json, pairedItem: { item: itemIndex } });
			return;
		}
		const cause = outcome?.error;
		const error = asNodeError(node, cause, itemIndex);
		if (!report) {
			output.push(errorItem(error, itemIndex, errorOutput));
			return;
		}
		const { rows, data, description } = report.ofItem(itemIndex, cause, error.message);
		for (const result of paired(rows, itemIndex)) output.push(result);
		appendDescription(error, description);
		output.push(errorItem(error, itemIndex, errorOutput, data));
	});
	return output;
}

/** The run an operation's requests share: the node's request limits (from Options) and what it opts into. */
export function startRun(
	ctx: IExecuteFunctions,
	spaceStarts = false,
): { run: Run; concurrency: number } {
	const limits = readRequestLimits(ctx);
	return { run: createRun(ctx, { ...limits, spaceStarts }), concurrency: limits.concurrency };
}

type ItemInput<I> = { ok: true; value: I } | { ok: false; error: unknown };

/**
 * Every item's input, read before any request (operations with `checkFirst`). Without continue-on-fail the
 * first bad item stops the run with nothing sent; with it, bad items become error items and are skipped.
 */
async function readEveryItem<I>(
	ctx: IExecuteFunctions,
	count: number,
	read: (itemIndex: number) => I | Promise<I>,
	continueOnFail: boolean,
) {
	const inputs: Array<ItemInput<I>> = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			inputs.push({ ok: true, value: await read(itemIndex) });
		} catch (error) {
			if (!continueOnFail) {
				const failure = asNodeError(ctx.getNode(), error, itemIndex);
				appendDescription(
					failure,
					'Nothing was sent: every item is checked before the first request.',
				);
				throw failure;
			}
			inputs.push({ ok: false, error });
		}
	}
	return inputs;
}

/** `started`: a run the caller made with startRun, to use it after the items too (Wait for Result). */
export async function runItems<I>(
	ctx: IExecuteFunctions,
	operation: OperationModule<I>,
	report?: FailureReport,
	started = startRun(ctx, operation.spaceStarts === true),
): Promise<INodeExecutionData[][]> {
	const node = ctx.getNode();
	const { run, concurrency } = started;
	const continueOnFail = ctx.continueOnFail();
	const count = ctx.getInputData().length;
	const read = (itemIndex: number) => operation.readInput.call(ctx, itemIndex, run);
	const checked = operation.checkFirst
		? await readEveryItem(ctx, count, read, continueOnFail)
		: undefined;
	// Two rounds of items ahead: their parameters are read while the requests in flight wait.
	const readAhead = operation.readAhead ? new ReadAhead(count, 2 * concurrency, read) : undefined;
	const inputOf = async (itemIndex: number): Promise<I> => {
		const input = checked?.[itemIndex];
		if (input === undefined) return await (readAhead ? readAhead.take(itemIndex) : read(itemIndex));
		if (!input.ok) throw input.error;
		return input.value;
	};
	// Without continue-on-fail the first failure starts no new item and stops sends that have not gone out yet.
	const outcomes = await settleInOrder(
		count,
		concurrency,
		async (itemIndex) =>
			await operation.execute.call(ctx, await inputOf(itemIndex), run, itemIndex),
		!continueOnFail,
		() => {
			if (!continueOnFail) {
				run.limiter.stopSends();
				readAhead?.stop();
			}
		},
	).finally(() => readAhead?.stop());
	if (!continueOnFail && outcomes.some((outcome) => outcome?.ok !== true))
		failRun(node, outcomes, report);
	return [outputOf(node, outcomes, node.onError === 'continueErrorOutput', report)];
}

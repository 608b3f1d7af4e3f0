import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { asNodeError, errorItem } from './runner';

/**
 * For operations that combine all input items into few requests: read every item first (a bad item stops
 * the node before any request, or becomes its error item under continue-on-fail), then output each item's
 * rows in input order with `pairedItem`.
 */

export type ItemRead<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Reads every item; without continue-on-fail the first bad item's error is thrown before anything is sent. */
export async function readAllItems<T>(
	ctx: IExecuteFunctions,
	read: (itemIndex: number) => Promise<T>,
): Promise<Array<ItemRead<T>>> {
	const reads: Array<ItemRead<T>> = [];
	const count = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			reads.push({ ok: true, value: await read(itemIndex) });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, itemIndex);
			reads.push({ ok: false, error });
		}
	}
	return reads;
}

/** The error item of one input item (the runner's shape), with extra data such as the message report. */
export function itemError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	error: unknown,
	data?: IDataObject,
): INodeExecutionData {
	const node = ctx.getNode();
	return errorItem(
		asNodeError(node, error, itemIndex),
		itemIndex,
		node.onError === 'continueErrorOutput',
		data,
	);
}

export const paired = (rows: IDataObject[], itemIndex: number): INodeExecutionData[] =>
	rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));

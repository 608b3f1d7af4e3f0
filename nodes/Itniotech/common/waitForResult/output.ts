import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { CALL_RECORD_FIELDS } from '../../api/records/record';
import { notFoundReport } from '../../api/records/sms';
import type { Run } from '../../api/transport/run';
import { mapInOrder } from '../inOrder';
import { asNodeError } from '../runner';
import type { CallLookups, PlacedCall } from './calls';
import { waitForCalls } from './calls';
import { callLookups, reportLookup } from './lookups';
import type { ReportLookup, SentMessage } from './messages';
import { messageKey, waitForMessages } from './messages';
import type { WaitSettings } from './options';
import type { WaitEnd } from './schedule';

/**
 * Wait for Result after a send: the send's output items, each completed with what became of its call or
 * message. Nothing is sent here; only the items the send output are looked up. Error items stay as they are.
 */

/** The input item a send's output item is paired with. */
function itemIndexOf(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'number' ? paired : (paired?.item ?? 0);
}

const isErrorItem = (item: INodeExecutionData) => item.json.error !== undefined;

/** Every record field, null: a call the vendor never listed still fills every column. */
const NO_RECORD: IDataObject = {
	...Object.fromEntries(CALL_RECORD_FIELDS.map(([name]) => [name, null])),
	answered: false,
};

/** What the wait needs of the run: its clock, the stop signal, requests in parallel within its limits. */
function waitMachinery(ctx: IExecuteFunctions, run: Run) {
	return {
		clock: run.clock,
		signal: ctx.getExecutionCancelSignal?.(),
		inParallel: async <T>(count: number, work: (index: number) => Promise<T>) =>
			await mapInOrder(count, run.limiter.limits.concurrency, work, true),
	};
}

/** The reason a failed wait gives on the items it left open. */
function waitErrorText(ctx: IExecuteFunctions, end: WaitEnd, error: unknown): string | undefined {
	if (end !== 'failed') return undefined;
	const failure = asNodeError(ctx.getNode(), error, 0);
	return `The wait stopped: ${failure.message}. Look the rest up later by its ID.`;
}

/**
 * Calls: each placed call's output item gets its final record and `outcome` (answered, notAnswered,
 * failed, stillRunning). A number Itniotech refused (submitted: false) has outcome failed.
 */
export async function withCallResults(
	ctx: IExecuteFunctions,
	run: Run,
	settings: WaitSettings,
	items: INodeExecutionData[],
	recallCountOf: (itemIndex: number) => number,
	lookups: CallLookups = callLookups(ctx, run, settings),
): Promise<INodeExecutionData[]> {
	const placed = (item: INodeExecutionData) =>
		!isErrorItem(item) && item.json.submitted !== false && typeof item.json.voiceId === 'string';
	const calls: PlacedCall[] = items.filter(placed).map((item) => ({
		voiceId: item.json.voiceId as string,
		recallCount: recallCountOf(itemIndexOf(item)),
	}));
	const waited = await waitForCalls({
		...waitMachinery(ctx, run),
		calls,
		lookups,
		startedMs: run.startedMs,
		maxWaitMs: settings.maxWaitMs,
	});
	const waitError = waitErrorText(ctx, waited.end, waited.error);
	return items.map((item) => {
		if (isErrorItem(item)) return item;
		const result = placed(item) ? waited.results.get(item.json.voiceId as string) : undefined;
		const json: IDataObject = {
			...item.json,
			...(result?.record ?? NO_RECORD),
			voiceId: item.json.voiceId,
			number: item.json.number ?? result?.record?.number ?? null,
			outcome: result?.outcome ?? 'failed',
		};
		if (waitError && json.outcome === 'stillRunning') json.waitError = waitError;
		return { ...item, json };
	});
}

/**
 * Messages: each sent message's output item gets its final delivery report (status in words, statusCode,
 * reportTime) and `outcome` (delivered, failed, stillSending). A number not accepted has outcome failed.
 */
export async function withMessageResults(
	ctx: IExecuteFunctions,
	run: Run,
	settings: WaitSettings,
	items: INodeExecutionData[],
	appIdOf: (itemIndex: number) => Promise<string>,
	getReports: ReportLookup = reportLookup(ctx, run, settings),
): Promise<INodeExecutionData[]> {
	const sent = (item: INodeExecutionData) =>
		!isErrorItem(item) && item.json.submitted !== false && typeof item.json.msgId === 'string';
	const appIds = new Map<number, string>();
	const messages: SentMessage[] = [];
	for (const item of items.filter(sent)) {
		const itemIndex = itemIndexOf(item);
		if (!appIds.has(itemIndex)) appIds.set(itemIndex, await appIdOf(itemIndex));
		messages.push({ msgId: item.json.msgId as string, appId: appIds.get(itemIndex) as string });
	}
	const waited = await waitForMessages({
		...waitMachinery(ctx, run),
		messages,
		getReports,
		maxWaitMs: settings.maxWaitMs,
	});
	const waitError = waitErrorText(ctx, waited.end, waited.error);
	return items.map((item) => {
		if (isErrorItem(item)) return item;
		const msgId = item.json.msgId as string;
		const result = sent(item)
			? waited.results.get(messageKey(appIds.get(itemIndexOf(item)) as string, msgId))
			: undefined;
		const report = result?.report ?? {
			...notFoundReport(msgId),
			status: result ? 'notFound' : null,
		};
		const json: IDataObject = {
			...item.json,
			status: report.status,
			statusCode: report.statusCode,
			reportTime: report.reportTime,
			outcome: result?.outcome ?? 'failed',
		};
		if (waitError && json.outcome === 'stillSending') json.waitError = waitError;
		return { ...item, json };
	});
}

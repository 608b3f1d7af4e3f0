import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { deliveryReportsById, notFoundReport } from '../../../api/records/sms';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { settleInOrder } from '../../../common/inOrder';
import { attemptsOption, readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { previewValue } from '../../../common/validation';
import { itemError, paired, readAllItems } from '../../../common/acrossItems';
import { MSG_IDS_PER_REPORT, readSmsAppId, smsOptions } from '../../helpers/smsFields';

export const meta: OperationMeta = {
	value: 'getReport',
	name: 'Get Delivery Report',
	action: 'Get delivery reports of messages',
	description:
		'Find out whether sent messages were delivered. All input items are asked together; each item gets its own reports.',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Message IDs',
		name: 'msgIds',
		type: 'string',
		required: true,
		default: '={{ $json.msgId }}',
		placeholder: 'e.g. 2405131020451000017',
		description:
			"The msgId values Send or Send Personalized returned, separated by commas. The default reads each input item's msgId.",
	},
	smsOptions([attemptsOption, timeoutOption]),
];

const MSG_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface ReportItem {
	appId: string;
	msgIds: string[];
}

function readMsgIds(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const value = ctx.getNodeParameter('msgIds', itemIndex);
	const parts = (
		Array.isArray(value)
			? value
			: typeof value === 'string' || typeof value === 'number'
				? String(value).split(/[,;\s]+/)
				: []
	)
		.map((part) => (typeof part === 'number' ? String(part) : part))
		.filter((part) => !(typeof part === 'string' && part.trim() === ''));
	const bad = parts.find((part) => typeof part !== 'string' || !MSG_ID.test(part.trim()));
	if (parts.length === 0 || bad !== undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			parts.length === 0
				? `The Message IDs in item ${itemIndex} are empty`
				: `The Message IDs in item ${itemIndex} hold something that is not a message ID`,
			{
				itemIndex,
				description: `Got ${previewValue(parts.length === 0 ? value : bad)}. Use the msgId values Send or Send Personalized returned (e.g. 2405131020451000017), separated by commas; the default {{ $json.msgId }} reads them from the input items.`,
			},
		);
	}
	return [...new Set(parts.map((part) => String(part).trim()))];
}

/** One getReport request: up to 200 IDs of one SMS app. */
interface Chunk {
	appId: string;
	ids: string[];
	/** The first input item with an ID in it (errors name it). */
	itemIndex: number;
	/** Its position among all requests. */
	index: number;
}

/**
 * GET /sms/getReport for the IDs of all items together, at most 200 per request, each ID asked once; then
 * every item gets the reports of its own IDs (an ID the vendor did not list is notFound: still queued,
 * unknown, or older than the vendor keeps).
 */
export async function executeAll(
	this: IExecuteFunctions,
	run: Run,
): Promise<INodeExecutionData[][]> {
	// Each item's App ID (Options → App ID may differ per item): IDs are asked per SMS app.
	const reads = await readAllItems<ReportItem>(this, async (itemIndex) => ({
		appId: await readSmsAppId(this, itemIndex, run),
		msgIds: readMsgIds(this, itemIndex),
	}));
	const { timeoutSeconds, maxAttempts } = readRequestOptions(this, 0);

	const pending = new Map<string, Chunk[]>(); // appId → its chunks
	const chunkOf = new Map<string, number>(); // appId + id → index in `chunks`
	const chunks: Chunk[] = [];
	reads.forEach((read, itemIndex) => {
		if (!read.ok) return;
		const { appId, msgIds } = read.value;
		const list = pending.get(appId) ?? [];
		pending.set(appId, list);
		for (const id of msgIds) {
			const key = `${appId}\n${id}`;
			if (chunkOf.has(key)) continue;
			let chunk = list[list.length - 1];
			if (!chunk || chunk.ids.length >= MSG_IDS_PER_REPORT) {
				chunk = { appId, ids: [], itemIndex, index: chunks.length };
				list.push(chunk);
				chunks.push(chunk);
			}
			chunk.ids.push(id);
			chunkOf.set(key, chunk.index);
		}
	});

	const continueOnFail = this.continueOnFail();
	const outcomes = await settleInOrder(
		chunks.length,
		run.limiter.limits.concurrency,
		async (i) => {
			const { appId, ids, itemIndex } = chunks[i];
			const envelope = await itniotechApiRequest(this, run, {
				method: 'GET',
				path: '/sms/getReport',
				qs: { appId, msgIds: ids.join(',') },
				itemIndex,
				timeoutSeconds,
				maxAttempts,
			});
			return deliveryReportsById(envelope);
		},
		!continueOnFail,
	);
	if (!continueOnFail) {
		const failed = outcomes.find((outcome) => outcome?.ok === false);
		if (failed?.ok === false) throw failed.error;
	}

	const output: INodeExecutionData[] = [];
	reads.forEach((read, itemIndex) => {
		if (!read.ok) {
			output.push(itemError(this, itemIndex, read.error));
			return;
		}
		const { appId, msgIds } = read.value;
		const rows: IDataObject[] = [];
		for (const id of msgIds) {
			const outcome = outcomes[chunkOf.get(`${appId}\n${id}`) as number];
			if (outcome?.ok !== true) {
				output.push(
					itemError(
						this,
						itemIndex,
						outcome?.error ?? new Error('The delivery report was not read'),
					),
				);
				return;
			}
			rows.push(outcome.value.get(id) ?? notFoundReport(id));
		}
		for (const row of paired(rows, itemIndex)) output.push(row);
	});
	return [output];
}

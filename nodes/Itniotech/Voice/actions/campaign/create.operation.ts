import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { TASK_PATHS } from '../../../api/platform';
import { isOutcomeUnknown } from '../../../api/transport/failures';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { itemError, readAllItems } from '../../../common/acrossItems';
import { readRequestOptions } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { asNodeError } from '../../../common/runner';
import type { CampaignEntry, CampaignReport } from '../../helpers/campaign';
import {
	CAMPAIGN_UNKNOWN_OUTCOME,
	addFailedCampaign,
	describeCampaigns,
	emptyCampaignReport,
	findCampaignByName,
} from '../../helpers/campaign';
import type { CampaignItem } from './createFields';
import { createProperties, partNames, readCampaign, readItem } from './createFields';

export const meta: OperationMeta = {
	value: 'create',
	name: 'Create',
	action: 'Create a campaign',
	description:
		'Call the numbers of all input items in one campaign, each with its own texts. Returns the Campaign ID.',
};

/** What one task takes: plain numbers (numberList), or numbers with their texts (numberInfoList). */
export const MAX_NUMBERS_PER_TASK = 200_000;
export const MAX_PERSONAL_NUMBERS_PER_TASK = 100_000;

export const properties = createProperties;

export const placesCalls = true;

/** One number of the campaign, with the item it came from. */
interface Entry {
	number: string;
	texts: IDataObject;
	itemIndex: number;
}

/** Every item's numbers in input order, each number once (its first item and texts win). */
function entriesOf(items: Array<CampaignItem | undefined>): Entry[] {
	const seen = new Set<string>();
	const entries: Entry[] = [];
	items.forEach((item, itemIndex) => {
		for (const number of item?.numbers ?? []) {
			if (seen.has(number)) continue;
			seen.add(number);
			entries.push({ number, texts: item?.texts ?? {}, itemIndex });
		}
	});
	return entries;
}

/** One task of the run: its name, numbers and what became of it. */
interface Part {
	name: string;
	entries: Entry[];
	campaignId?: string | null;
	error?: unknown;
	sent?: boolean;
}

function reportOf(parts: Part[]): CampaignReport {
	const report = emptyCampaignReport();
	for (const part of parts) {
		const entry: CampaignEntry = {
			item: part.entries[0].itemIndex,
			name: part.name,
			numberCount: part.entries.length,
		};
		if (!part.sent) report.notSent.push(entry);
		else if (part.error === undefined)
			report.accepted.push({ ...entry, campaignId: part.campaignId ?? null });
		else addFailedCampaign(report, entry, part.error);
	}
	return report;
}

/** The numbers of a part as the vendor takes them: plain, or with each number's texts. */
function numbersField(entries: Entry[], personal: boolean): IDataObject {
	if (!personal) return { numberList: entries.map((entry) => entry.number) };
	return {
		numberInfoList: entries.map((entry) => ({ calleeNumber: entry.number, ...entry.texts })),
	};
}

/** The new task's id from the answer: a number or text (kept to the digit by the transport). */
function idOf(data: unknown): string | null {
	if (typeof data === 'string' && data.trim() !== '') return data.trim();
	if (typeof data === 'number') return String(data);
	if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
		const id = (data as IDataObject).jobId ?? (data as IDataObject).taskId;
		return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
	}
	return null;
}

/** A part's row: its Campaign ID and how many numbers it calls; paired with every item it holds. */
function rowOf(part: Part, index: number, parts: number): INodeExecutionData {
	const items = [...new Set(part.entries.map((entry) => entry.itemIndex))];
	return {
		json: {
			campaignId: part.campaignId ?? null,
			name: part.name,
			numberCount: part.entries.length,
			part: index + 1,
			parts,
		},
		pairedItem: items.map((item) => ({ item })),
	};
}

/**
 * One task, requested once. Its id is the answer's, or found by the task's unique name when the answer has
 * none or never arrived (then the name tells whether the task exists).
 */
async function createPart(
	ctx: IExecuteFunctions,
	run: Run,
	part: Part,
	body: IDataObject,
	timeoutSeconds: number,
): Promise<void> {
	const itemIndex = part.entries[0].itemIndex;
	const findByName = async () =>
		await findCampaignByName(ctx, run, part.name, itemIndex, timeoutSeconds).catch(() => null);
	part.sent = true;
	try {
		const envelope = await itniotechApiRequest(ctx, run, {
			method: 'POST',
			path: TASK_PATHS.create,
			body,
			itemIndex,
			timeoutSeconds,
			isSend: true,
			unknownOutcome: CAMPAIGN_UNKNOWN_OUTCOME,
		});
		part.campaignId = idOf(envelope.data) ?? (await findByName());
	} catch (error) {
		const found = isOutcomeUnknown(error) ? await findByName() : null;
		if (found === null) part.error = error;
		else part.campaignId = found;
	}
}

/**
 * POST /voice/group/call/send: the numbers of every input item in one task (in consecutive tasks when they
 * are more than a task takes), each sent once and never repeated. A task whose answer carries no id is found
 * by its unique name; so is one whose answer never arrived. When a task fails, no later one is created
 * (unless On Error continues), and the error lists which campaigns exist, with their IDs.
 */
export async function executeAll(
	this: IExecuteFunctions,
	run: Run,
): Promise<INodeExecutionData[][]> {
	const reads = await readAllItems(this, async (itemIndex) => readItem(this, itemIndex));
	const campaign = await readCampaign(this, run);
	const { timeoutSeconds } = readRequestOptions(this, 0);
	const continueOnFail = this.continueOnFail();
	const entries = entriesOf(reads.map((read) => (read.ok ? read.value : undefined)));
	const output: INodeExecutionData[] = [];
	if (entries.length === 0) {
		reads.forEach((read, itemIndex) => {
			if (!read.ok) output.push(itemError(this, itemIndex, read.error));
		});
		return [output];
	}
	const personal = entries.some((entry) => Object.keys(entry.texts).length > 0);
	const size = personal ? MAX_PERSONAL_NUMBERS_PER_TASK : MAX_NUMBERS_PER_TASK;
	const count = Math.ceil(entries.length / size);
	const names = partNames(this, count);
	const parts: Part[] = names.map((name, i) => ({
		name,
		entries: entries.slice(i * size, (i + 1) * size),
	}));

	for (const part of parts) {
		if (!continueOnFail && parts.some((p) => p.error !== undefined)) break;
		const body = { ...campaign, taskName: part.name, ...numbersField(part.entries, personal) };
		await createPart(this, run, part, body, timeoutSeconds);
	}

	const failed = parts.find((part) => part.error !== undefined);
	if (failed && !continueOnFail) {
		const firstItem = failed.entries[0].itemIndex;
		const failure = asNodeError(this.getNode(), failed.error, firstItem);
		const report = reportOf(parts);
		Object.assign(failure.context, { campaigns: report as unknown as IDataObject });
		const text = describeCampaigns(report, firstItem);
		if (text) failure.description = failure.description ? `${failure.description} ${text}` : text;
		throw failure;
	}
	reads.forEach((read, itemIndex) => {
		if (!read.ok) output.push(itemError(this, itemIndex, read.error));
	});
	parts.forEach((part, i) => {
		if (part.error === undefined) output.push(rowOf(part, i, parts.length));
		else {
			output.push(
				itemError(this, part.entries[0].itemIndex, part.error, {
					campaigns: reportOf([part]) as unknown as IDataObject,
				}),
			);
		}
	});
	return [output];
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { TASK_PATHS } from '../../api/platform';
import { taskIdOf, typeTask, vendorLocalTime } from '../../api/records/task';
import type { UnknownOutcomeWords } from '../../api/transport/failures';
import { isOutcomeUnknown } from '../../api/transport/failures';
import { SendsStoppedError } from '../../api/transport/requestLimiter';
import { itniotechApiRequest } from '../../api/transport/request';
import type { Run } from '../../api/transport/run';
import { attemptsOption, readRequestOptions, timeoutOption } from '../../common/fields';
import type { FailureReport } from '../../common/runner';
import type { ReportEntry, ReportStyle } from '../../common/sendReport';
import { describeReport } from '../../common/sendReport';
import { previewValue } from '../../common/validation';
import { voiceOptions } from './options';

/**
 * What the Campaign operations share: the Campaign ID field, its check, finding a campaign by name, and the
 * report of a run that creates campaigns (which exist, with their IDs; which to create again).
 */

/** The Voice wording of a campaign whose creation has an unknown outcome. */
export const CAMPAIGN_UNKNOWN_OUTCOME: UnknownOutcomeWords = {
	what: 'the campaign was created',
	check:
		'look for its name with Campaign → Get Many (or in the Itniotech console) before creating it again, so nobody is called twice',
};

/** Campaign ID: picked from the account's campaigns, or the ID Create returned (the default). */
export const campaignIdField: INodeProperties = {
	displayName: 'Campaign',
	name: 'campaignId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'id', value: '={{ $json.campaignId }}' },
	description: 'The campaign (group-call task) to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a campaign...',
			typeOptions: { searchListMethod: 'searchCampaigns', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 880001',
			hint: 'The Campaign ID that Campaign → Create or Get Many returned',
		},
	],
};

/** Task ids are integers; up to 15 digits they travel exactly as JSON numbers (jobIdList, keyId). */
const CAMPAIGN_ID = /^\d{1,15}$/;

/** The item's Campaign ID as digits, or an error naming the field and what is allowed. */
export function readCampaignId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value: unknown = ctx.getNodeParameter('campaignId', itemIndex, undefined, {
		extractValue: true,
	});
	const raw =
		typeof value === 'object' && value !== null && 'value' in value
			? (value as IDataObject).value
			: value;
	const id = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (CAMPAIGN_ID.test(id)) return id;
	throw new NodeOperationError(
		ctx.getNode(),
		`The Campaign in item ${itemIndex} must be a campaign ID of digits`,
		{
			itemIndex,
			description: `Got ${previewValue(raw)}. Use the campaignId that Campaign → Create or Get Many returned, e.g. 880001, or pick the campaign from the list.`,
		},
	);
}

/** The panel of an operation on one campaign (Get, Suspend): the campaign, and Options for its request. */
export const oneCampaignFields: INodeProperties[] = [
	campaignIdField,
	voiceOptions([timeoutOption, attemptsOption]),
];

export interface OneCampaignInput {
	campaignId: string;
	timeoutSeconds: number;
	maxAttempts: number;
}

export function readOneCampaignInput(ctx: IExecuteFunctions, itemIndex: number): OneCampaignInput {
	const { timeoutSeconds, maxAttempts } = readRequestOptions(ctx, itemIndex);
	return { campaignId: readCampaignId(ctx, itemIndex), timeoutSeconds, maxAttempts };
}

/** A campaign's detail page (GET /voice/group/call/detail/{id}), its `data` as sent. */
export async function readCampaignDetail(
	ctx: IExecuteFunctions,
	run: Run,
	{ campaignId, timeoutSeconds, maxAttempts }: OneCampaignInput,
	itemIndex: number,
): Promise<IDataObject> {
	const envelope = await itniotechApiRequest(ctx, run, {
		method: 'GET',
		path: TASK_PATHS.detail(campaignId),
		itemIndex,
		timeoutSeconds,
		maxAttempts,
	});
	const data = envelope.data;
	return (
		typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}
	) as IDataObject;
}

const WRONG_STATE = {
	suspend: {
		cannot: 'cannot be suspended',
		allowed: 'Only a campaign that is waiting to start or calling can be suspended.',
		whenOver: ' This one is over: to call its numbers again, use Campaign → Redial.',
	},
	redial: {
		cannot: 'cannot be redialled yet',
		allowed:
			'A campaign can be redialled once it is no longer waiting or calling: suspend it first (Campaign → Suspend), or wait until it is completed.',
		whenOver: '',
	},
};

/**
 * A -54 ("the task is wrong") has two causes: no such campaign, or one in a state that does not allow the
 * operation. The campaign's detail (`detail`, or read now) tells which, and the error's headline says it.
 */
export async function explainWrongCampaign(
	ctx: IExecuteFunctions,
	run: Run,
	error: unknown,
	input: OneCampaignInput,
	operation: keyof typeof WRONG_STATE,
	itemIndex: number,
	detail?: IDataObject,
): Promise<unknown> {
	if (!(error instanceof NodeApiError) || error.context.vendorStatus !== '-54') return error;
	const known =
		detail ?? (await readCampaignDetail(ctx, run, input, itemIndex).catch(() => undefined));
	const task = known === undefined ? undefined : typeTask(known);
	const id = input.campaignId;
	if (task === undefined || task.status === null) {
		error.message = `Itniotech error -54: no campaign with ID ${id}`;
		error.description =
			'Itniotech knows no campaign with this ID. Check it with Campaign → Get Many, or set the Campaign field to Fixed and pick it From List.';
		return error;
	}
	const words = WRONG_STATE[operation];
	error.message = `Itniotech error -54: campaign ${id} is ${String(task.status)} and ${words.cannot}`;
	error.description = `${words.allowed}${task.finished === true ? words.whenOver : ''}`;
	return error;
}

const DAY_MS = 24 * 3600_000;

/**
 * The id of the campaign named `name`, created around now, or null: how a created task is found when the
 * vendor's answer carries no id (or none arrived). Names are unique per account, so an exact match is it.
 */
export async function findCampaignByName(
	ctx: IExecuteFunctions,
	run: Run,
	name: string,
	itemIndex: number,
	timeoutSeconds: number,
): Promise<string | null> {
	const now = run.clock.now();
	const envelope = await itniotechApiRequest(ctx, run, {
		method: 'POST',
		path: TASK_PATHS.list,
		body: {
			current: 1,
			size: 100,
			params: {
				strTime: vendorLocalTime(new Date(now - DAY_MS)),
				endTime: vendorLocalTime(new Date(now + DAY_MS)),
				searchCondition: name,
			},
		},
		itemIndex,
		timeoutSeconds,
	});
	const page = (envelope.data ?? {}) as IDataObject;
	const records = Array.isArray(page.records) ? (page.records as IDataObject[]) : [];
	const found = records.find((record) => record?.taskName === name);
	return found ? taskIdOf(found) : null;
}

/** A campaign of a run's report: its name (null when the item never got as far), ID and size. */
export interface CampaignEntry extends ReportEntry {
	name: string | null;
	campaignId?: string | null;
	numberCount?: number | null;
}

export interface CampaignReport {
	accepted: CampaignEntry[];
	unknown: CampaignEntry[];
	refused: CampaignEntry[];
	notSent: CampaignEntry[];
}

export function emptyCampaignReport(): CampaignReport {
	return { accepted: [], unknown: [], refused: [], notSent: [] };
}

const CAMPAIGN_STYLE: ReportStyle<CampaignEntry> = {
	target: (entry) => entry.name,
	showAccepted: (entry) => {
		const size = typeof entry.numberCount === 'number' ? ` (${entry.numberCount} numbers)` : '';
		return `${entry.name ?? '?'} → ${entry.campaignId ?? '(ID not in the answer: find it by name)'}${size}`;
	},
	words: {
		accepted: 'Created — do not create these again',
		unknown:
			'Outcome unknown — look for these names with Campaign → Get Many before creating them again',
		resend: 'Not created — create only these again',
	},
};

/** Files a failed campaign creation under unknown outcome, not sent, or refused. */
export function addFailedCampaign(
	report: CampaignReport,
	entry: CampaignEntry,
	error: unknown,
): void {
	if (error instanceof SendsStoppedError) report.notSent.push(entry);
	else if (isOutcomeUnknown(error)) report.unknown.push(entry);
	else
		report.refused.push({ ...entry, reason: error instanceof Error ? error.message : undefined });
}

/** The report as one instruction (common/sendReport.ts); empty when it adds nothing to `failedItem`'s error. */
export function describeCampaigns(report: CampaignReport, failedItem: number): string {
	return describeReport(report, failedItem, CAMPAIGN_STYLE);
}

const nameOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const failedNames = new WeakMap<object, string>();

/** Records on a failed creation's error which campaign it was meant to create; returns the same error. */
export function withCampaignName(error: unknown, name: string): unknown {
	if (typeof error === 'object' && error !== null) failedNames.set(error, name);
	return error;
}

const failedNameOf = (error: unknown): string | null =>
	typeof error === 'object' && error !== null ? (failedNames.get(error) ?? null) : null;

/** The runner's report for an item-by-item operation that creates campaigns (Redial). */
export const campaignReporting: FailureReport = {
	ofRun(outcomes, failedItem) {
		const report = emptyCampaignReport();
		outcomes.forEach((outcome, item) => {
			if (outcome === undefined) report.notSent.push({ item, name: null });
			else if (outcome.ok) {
				for (const row of outcome.value)
					report.accepted.push({
						item,
						name: nameOf(row.name),
						campaignId: nameOf(row.campaignId),
					});
			} else addFailedCampaign(report, { item, name: failedNameOf(outcome.error) }, outcome.error);
		});
		return {
			context: { campaigns: report as unknown as IDataObject },
			description: describeCampaigns(report, failedItem),
		};
	},
	ofItem(itemIndex, cause) {
		const report = emptyCampaignReport();
		addFailedCampaign(report, { item: itemIndex, name: failedNameOf(cause) }, cause);
		return { rows: [], data: { campaigns: report as unknown as IDataObject }, description: '' };
	},
};

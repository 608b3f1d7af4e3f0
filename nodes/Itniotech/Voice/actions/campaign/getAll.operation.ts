import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { TASK_PATHS } from '../../../api/platform';
import { TASK_STATUS, typeTaskRow, vendorLocalTime } from '../../../api/records/task';
import type { Run } from '../../../api/transport/run';
import { parseDateTime } from '../../../common/dateRange';
import { attemptsOption, readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { collectPages, readLimit, returnAllOrLimit } from '../../../common/paging';
import { previewValue, validateChoice } from '../../../common/validation';
import { voiceOptions } from '../../helpers/options';

export const meta: OperationMeta = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many campaigns',
	description: 'Get the campaigns created between two dates, with their progress, newest first',
};

const STATUS_OPTIONS = Object.entries(TASK_STATUS).map(([value, name]) => ({
	name: name.charAt(0).toUpperCase() + name.slice(1).replace(/ (\w)/g, (m) => m.toUpperCase()),
	value: Number(value),
}));

export const properties: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		required: true,
		default: '={{ $now.minus({ days: 30 }) }}',
		description: 'Campaigns created at or after this time',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		required: true,
		default: '={{ $now }}',
		description: 'Campaigns created at or before this time',
	},
	{
		displayName: 'Status',
		name: 'statuses',
		type: 'multiOptions',
		options: STATUS_OPTIONS.sort((a, b) => a.name.localeCompare(b.name)),
		default: [],
		description: 'Only campaigns in these states; none picked: all',
	},
	...returnAllOrLimit(),
	voiceOptions([timeoutOption, attemptsOption]),
];

interface Input {
	params: IDataObject;
	limit: number | undefined;
	timeoutSeconds: number;
	maxAttempts: number;
}

function readDate(ctx: IExecuteFunctions, field: 'From' | 'To', itemIndex: number): Date {
	const value = ctx.getNodeParameter(field === 'From' ? 'from' : 'to', itemIndex);
	const date = parseDateTime(value, ctx.getTimezone());
	if (date) return date;
	throw new NodeOperationError(
		ctx.getNode(),
		`The ${field} date in item ${itemIndex} is not a date this node can read`,
		{
			itemIndex,
			description: `Got ${previewValue(value)}. Pick a date in the field, or use an expression such as {{ $now.minus({ days: 30 }) }}.`,
		},
	);
}

export function readInput(this: IExecuteFunctions, itemIndex: number): Input {
	const from = readDate(this, 'From', itemIndex);
	const to = readDate(this, 'To', itemIndex);
	if (from.getTime() > to.getTime()) {
		throw new NodeOperationError(
			this.getNode(),
			`The From date in item ${itemIndex} must be before the To date`,
			{ itemIndex, description: `From is ${from.toISOString()}, To is ${to.toISOString()}.` },
		);
	}
	const picked = this.getNodeParameter('statuses', itemIndex, []) as unknown[];
	const allowed = Object.keys(TASK_STATUS).map(Number);
	const statusList = picked.map((s) =>
		validateChoice(this.getNode(), 'Status', s, itemIndex, allowed),
	);
	const { timeoutSeconds, maxAttempts } = readRequestOptions(this, itemIndex);
	return {
		// The task pages take LocalDateTime in the vendor's UTC+8.
		params: { strTime: vendorLocalTime(from), endTime: vendorLocalTime(to), statusList },
		limit: readLimit(this, itemIndex),
		timeoutSeconds,
		maxAttempts,
	};
}

/** POST /voice/group/call/query, page by page: one output item per campaign. */
export async function execute(
	this: IExecuteFunctions,
	{ params, limit, timeoutSeconds, maxAttempts }: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await collectPages(
		this,
		{
			run,
			path: TASK_PATHS.list,
			params,
			itemIndex,
			timeoutSeconds,
			maxAttempts,
			typeRecord: typeTaskRow,
		},
		limit,
	);
}

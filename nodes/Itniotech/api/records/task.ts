import type { IDataObject } from 'n8n-workflow';
import { text, toDecimal, toInteger, toIsoTime } from './values';

/**
 * Typing of the group-call task (campaign) answers and the SIP phone list: one name per meaning (the call
 * records' `displayNum`, `voiceFileId`, `sipGroupName`, `phoneName`), counts and rates as numbers, status in words with plain booleans to branch on,
 * times as ISO 8601 with the vendor's +08:00.
 */

/** The task status values of the list and detail pages. */
export const TASK_STATUS: Readonly<Record<number, string>> = {
	0: 'waiting to start',
	1: 'calling',
	2: 'completed',
	3: 'submission failed',
	4: 'cancelled',
	5: 'suspended',
	6: 'submitting',
};

/** Completed, submission failed, cancelled: nothing more happens. */
const FINISHED = new Set([2, 3, 4]);

/** The task's id: `jobId` on most pages, `taskId` on the Laaffic and AI-agent ones; text, kept to the digit. */
export function taskIdOf(raw: IDataObject): string | null {
	const id = raw.jobId ?? raw.taskId;
	return typeof id === 'string' || typeof id === 'number' ? text(id) : null;
}

/** 66.67 from "66.67", "66.67%" or 66.67; null when absent. */
function percent(value: unknown): number | null {
	return typeof value === 'string' ? toDecimal(value.replace(/%\s*$/, '')) : toDecimal(value);
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** A task of the list or the detail page, typed. Fields only the detail page has are null on a list row. */
export function typeTask(raw: IDataObject): IDataObject {
	const statusCode = toInteger(raw.status);
	const numberCount = toInteger(raw.numCnt);
	const callsMade = toInteger(raw.callNum ?? raw.callTotal);
	const answered = toInteger(raw.success);
	const failed = toInteger(raw.fail);
	const done = callsMade ?? (answered !== null && failed !== null ? answered + failed : null);
	const answerRate =
		answered !== null && done !== null && done > 0
			? round2((answered / done) * 100)
			: done === 0
				? 0
				: percent(raw.successRate);
	const progress =
		numberCount !== null && done !== null && numberCount > 0
			? round2((done / numberCount) * 100)
			: percent(raw.rate);
	return {
		campaignId: taskIdOf(raw),
		name: text(raw.taskName),
		status:
			statusCode === null ? text(raw.status) : (TASK_STATUS[statusCode] ?? `status ${statusCode}`),
		statusCode,
		finished: statusCode !== null && FINISHED.has(statusCode),
		running: statusCode === 0 || statusCode === 1 || statusCode === 6,
		suspended: statusCode === 5,
		numberCount,
		callsMade: done,
		answered,
		failed,
		answerRate,
		progress,
		billedSeconds: toInteger(raw.chargeLen),
		averageCallSeconds: toDecimal(raw.acd),
		displayNum: text(raw.displayNum),
		text: text(raw.text),
		language: text(raw.lan),
		voiceFileId: text(raw.voiceFileId),
		scheduledFor: toIsoTime(raw.sendTime),
		createdAt: toIsoTime(raw.createdTime),
		finishedAt: toIsoTime(raw.finishTime),
	};
}

/** The fields of a list row (the detail page adds the rest). */
export const LIST_TASK_FIELDS = [
	'campaignId',
	'name',
	'status',
	'statusCode',
	'finished',
	'running',
	'suspended',
	'numberCount',
	'callsMade',
	'answered',
	'failed',
	'answerRate',
	'progress',
	'createdAt',
] as const;

/** A list row, typed with the fields the list sends only. */
export function typeTaskRow(raw: IDataObject): IDataObject {
	const typed = typeTask(raw);
	return Object.fromEntries(LIST_TASK_FIELDS.map((key) => [key, typed[key]]));
}

/** A time as the task pages write LocalDateTime: `yyyy-MM-dd HH:mm:ss`, the vendor's UTC+8 wall clock. */
export function vendorLocalTime(date: Date): string {
	return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A SIP phone of sipQuery, typed. The password is in the vendor's answer in clear text; it is kept only when
 * the user asked for it, so it does not land in execution logs, sheets or chats by default.
 */
export function typeSipPhone(raw: IDataObject, includePassword: boolean): IDataObject {
	const phone: IDataObject = {
		sipAccount: text(raw.account),
		phoneName: text(raw.phoneName),
		sipGroupName: text(raw.groupName),
		displayNum: text(raw.displayNum),
	};
	if (includePassword) phone.password = text(raw.password);
	return phone;
}

import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { SIP_PATHS, TASK_PATHS } from '../../api/platform';
import { TASK_STATUS, taskIdOf, vendorLocalTime } from '../../api/records/task';
import { itniotechApiRequest } from '../../api/transport/request';
import { createRun } from '../../api/transport/run';

/** The vendor's largest page of files. */
const PAGE_SIZE = 100;
/** Pages one search reads while its filter finds little, so a large account is walked a bit at a time. */
const MAX_PAGES_PER_ANSWER = 10;

function text(value: unknown): string | undefined {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * Send Audio File → Audio File → From List: the account's audio files by name (POST /voice/fileQuery).
 * Itniotech has no search by name, so the filter is applied here, page by page; the pagination token is
 * the next vendor page to read.
 */
export async function searchAudioFiles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const run = createRun(this);
	const wanted = (filter ?? '').trim().toLowerCase();
	const start = Number(paginationToken);
	let current = Number.isSafeInteger(start) && start > 1 ? start : 1;
	const results: INodeListSearchItems[] = [];
	for (let read = 1; ; read++) {
		const envelope = await itniotechApiRequest(this, run, {
			method: 'POST',
			path: '/voice/fileQuery',
			body: { current, size: PAGE_SIZE },
			itemIndex: 0,
		});
		const page = (envelope.data ?? {}) as IDataObject;
		const records = Array.isArray(page.records) ? (page.records as unknown[]) : [];
		for (const record of records) {
			const file = (typeof record === 'object' && record !== null ? record : {}) as IDataObject;
			const fileId = text(file.fileId);
			if (fileId === undefined) continue;
			const name = text(file.fileName) ?? fileId;
			if (wanted === '' || name.toLowerCase().includes(wanted))
				results.push({ name, value: fileId });
		}
		const pages = Number(page.pages);
		if (records.length === 0 || !Number.isFinite(pages) || current >= pages) return { results };
		current += 1;
		if (wanted === '' || results.length >= PAGE_SIZE || read >= MAX_PAGES_PER_ANSWER) {
			return { results, paginationToken: String(current) };
		}
	}
}

/** How far back the campaign list looks: the task list needs a time range, and none is documented as a limit. */
const CAMPAIGN_LIST_DAYS = 365;
const DAY_MS = 24 * 3600_000;

function pageOf(data: unknown): { records: IDataObject[]; pages: number } {
	const page = (typeof data === 'object' && data !== null ? data : {}) as IDataObject;
	const records = Array.isArray(page.records) ? (page.records as unknown[]) : [];
	const pages = Number(page.pages);
	return {
		records: records.filter(
			(record): record is IDataObject => typeof record === 'object' && record !== null,
		),
		pages: Number.isFinite(pages) ? pages : 1,
	};
}

/**
 * Campaign → From List: the account's campaigns of the last year, newest first, by name and status
 * (POST /voice/group/call/query). The filter is the vendor's own search (name or text).
 */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const run = createRun(this);
	const start = Number(paginationToken);
	const current = Number.isSafeInteger(start) && start > 1 ? start : 1;
	const now = Date.now();
	const params: IDataObject = {
		strTime: vendorLocalTime(new Date(now - CAMPAIGN_LIST_DAYS * DAY_MS)),
		endTime: vendorLocalTime(new Date(now + DAY_MS)),
	};
	const wanted = (filter ?? '').trim();
	if (wanted !== '') params.searchCondition = wanted;
	const envelope = await itniotechApiRequest(this, run, {
		method: 'POST',
		path: TASK_PATHS.list,
		body: { current, size: PAGE_SIZE, params },
		itemIndex: 0,
	});
	const { records, pages } = pageOf(envelope.data);
	const results: INodeListSearchItems[] = [];
	for (const record of records) {
		const id = taskIdOf(record);
		if (id === null) continue;
		const status = TASK_STATUS[Number(record.status)];
		const name = text(record.taskName) ?? id;
		// The ID too, as the SIP phones show theirs: the one to compare with an output's campaignId.
		results.push({ name: `${name} (${status ? `${status}, ` : ''}${id})`, value: id });
	}
	return current < pages && records.length > 0
		? { results, paginationToken: String(current + 1) }
		: { results };
}

/** The Voice App ID the node would use: Options → App ID as the panel holds it now, else the credential's. */
async function listAppId(ctx: ILoadOptionsFunctions, credentials: IDataObject): Promise<string> {
	const options = (ctx.getCurrentNodeParameter('options') ?? {}) as IDataObject;
	const chosen = [options.appId, credentials.voiceAppId].find(
		(value) => typeof value === 'string' && value.trim() !== '',
	);
	if (typeof chosen === 'string') return chosen.trim();
	throw new Error(
		'No Voice App ID is set: enter it in the Itniotech credential, or set Options → App ID in this node',
	);
}

/** SIP Phone → From List: the voice app's SIP phones by name and group (POST /voice/sipQuery); no passwords. */
export async function searchSipPhones(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const run = createRun(this);
	const start = Number(paginationToken);
	let current = Number.isSafeInteger(start) && start > 1 ? start : 1;
	const appId = await listAppId(this, await run.credentials(0));
	const wanted = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = [];
	for (let read = 1; ; read++) {
		const envelope = await itniotechApiRequest(this, run, {
			method: 'POST',
			path: SIP_PATHS.list,
			body: { current, size: PAGE_SIZE, params: { appId } },
			itemIndex: 0,
		});
		const { records, pages } = pageOf(envelope.data);
		for (const record of records) {
			const account = text(record.account);
			if (account === undefined) continue;
			const name = `${text(record.phoneName) ?? account} (${text(record.groupName) ?? 'no group'}, ${account})`;
			if (wanted === '' || name.toLowerCase().includes(wanted))
				results.push({ name, value: account });
		}
		if (records.length === 0 || current >= pages) return { results };
		current += 1;
		if (wanted === '' || results.length >= PAGE_SIZE || read >= MAX_PAGES_PER_ANSWER)
			return { results, paginationToken: String(current) };
	}
}

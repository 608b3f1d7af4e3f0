import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
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

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { typeCallRecord } from '../../api/records/record';
import { deliveryReportsById } from '../../api/records/sms';
import { itniotechApiRequest } from '../../api/transport/request';
import type { Run } from '../../api/transport/run';
import { formatVendorTime } from '../dateRange';
import { readPage } from '../paging';
import { asNodeError } from '../runner';
import type { CallLookups } from './calls';
import type { ReportLookup } from './messages';

/**
 * The vendor requests the wait makes: reads, so they retry temporary failures as every read does, and
 * none starts once the execution is stopped.
 */

export interface LookupOptions {
	timeoutSeconds: number;
	maxAttempts: number;
	signal?: AbortSignal;
}

/** Thrown instead of a request once the execution is stopped; the wait then ends as stopped. */
export class WaitStoppedError extends Error {
	constructor() {
		super('The execution was stopped');
	}
}

function refuseWhenStopped(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new WaitStoppedError();
}

/** The vendor's answers for a call it has no record of (yet): parameter error, data does not exist. */
const NO_RECORD_YET = new Set(['-22', '-24']);

function vendorStatusOf(error: unknown): unknown {
	const context = (error as { context?: IDataObject } | undefined)?.context;
	return context?.vendorStatus;
}

/** GET /voice/recordGroup/{voiceId} and POST /voice/recordGroupQuery, typed. */
export function callLookups(ctx: IExecuteFunctions, run: Run, options: LookupOptions): CallLookups {
	const { timeoutSeconds, maxAttempts, signal } = options;
	return {
		async get(voiceId) {
			refuseWhenStopped(signal);
			try {
				const envelope = await itniotechApiRequest(ctx, run, {
					method: 'GET',
					path: `/voice/recordGroup/${encodeURIComponent(voiceId)}`,
					itemIndex: 0,
					timeoutSeconds,
					maxAttempts,
				});
				const data = envelope.data;
				return typeof data === 'object' && data !== null && !Array.isArray(data)
					? typeCallRecord(data as IDataObject)
					: undefined;
			} catch (error) {
				if (NO_RECORD_YET.has(String(vendorStatusOf(error)))) return undefined;
				throw asNodeError(ctx.getNode(), error, 0);
			}
		},
		async searchPage({ fromMs, toMs }, page) {
			refuseWhenStopped(signal);
			const params = {
				strTime: formatVendorTime(new Date(fromMs)),
				endTime: formatVendorTime(new Date(toMs)),
			};
			const request = { run, path: '/voice/recordGroupQuery', params, itemIndex: 0 };
			return await readPage(
				ctx,
				{ ...request, timeoutSeconds, maxAttempts, typeRecord: typeCallRecord },
				page,
			);
		},
	};
}

/** GET /sms/getReport for up to 200 IDs of one SMS app, typed. */
export function reportLookup(
	ctx: IExecuteFunctions,
	run: Run,
	options: LookupOptions,
): ReportLookup {
	const { timeoutSeconds, maxAttempts, signal } = options;
	return async (appId, msgIds) => {
		refuseWhenStopped(signal);
		const envelope = await itniotechApiRequest(ctx, run, {
			method: 'GET',
			path: '/sms/getReport',
			qs: { appId, msgIds: msgIds.join(',') },
			itemIndex: 0,
			timeoutSeconds,
			maxAttempts,
		});
		return deliveryReportsById(envelope);
	};
}

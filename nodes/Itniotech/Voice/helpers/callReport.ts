import type { IDataObject } from 'n8n-workflow';
import { SendsStoppedError } from '../../api/transport/requestLimiter';
import { isOutcomeUnknown } from '../../api/transport/failures';
import type { UnknownOutcomeWords } from '../../api/transport/failures';
import type { FailureReport } from '../../common/runner';
import type { ReportStyle } from '../../common/sendReport';
import { describeReport } from '../../common/sendReport';

/** The Voice wording of a send whose outcome is unknown (api/transport/failures.ts). */
export const CALL_UNKNOWN_OUTCOME: UnknownOutcomeWords = {
	what: 'the call was placed',
	check:
		'check with Call Record → Get Many (or the Itniotech console) before sending again, so nobody is called twice',
};

/**
 * What happened to each call of a send run, so that no placed call's voiceId is lost and nobody is called
 * twice: placed (Itniotech answered with a voiceId), outcome unknown (the request may have arrived, no answer
 * said so), not placed (Itniotech refused, or the request could not leave), not sent (the run stopped first).
 */

export interface CallEntry {
	item: number;
	/** The phone number; null when the item never got as far as reading it. */
	number: string | null;
	voiceId?: string | null;
	reason?: string;
}

export interface CallReport {
	placed: CallEntry[];
	unknown: CallEntry[];
	notPlaced: CallEntry[];
	notSent: CallEntry[];
}

export function emptyCallReport(): CallReport {
	return { placed: [], unknown: [], notPlaced: [], notSent: [] };
}

/** Appends `source`'s entries to `target` (callers go in item order, so the lists stay in item order). */
export function mergeCallReport(target: CallReport, source: CallReport): void {
	for (const key of ['placed', 'unknown', 'notPlaced', 'notSent'] as const) {
		for (const entry of source[key]) target[key].push(entry);
	}
}

const text = (value: unknown): string | null =>
	value === undefined || value === null ? null : String(value);

/** The calls behind a send's output rows ({ voiceId, number[, submitted, reason] }). */
export function callsOfRows(item: number, rows: IDataObject[]): CallReport {
	const report = emptyCallReport();
	for (const row of rows) {
		if (row.submitted === false) {
			report.notPlaced.push({
				item,
				number: text(row.number),
				reason: `refused by Itniotech: ${text(row.reason) ?? 'no reason given'}`,
			});
		} else {
			report.placed.push({ item, number: text(row.number), voiceId: text(row.voiceId) });
		}
	}
	return report;
}

/** A failed send's partial result: the report of its calls and the rows of the ones already placed. */
interface PartialSend {
	report: CallReport;
	rows: IDataObject[];
}

const partialSends = new WeakMap<object, PartialSend>();

/**
 * Records on a send's error what became of its calls: `rows` were answered before the failure, `failed`
 * are the numbers of the request that failed, `remaining` those never requested. Returns the same error.
 */
export function withCalls(
	error: unknown,
	item: number,
	rows: IDataObject[],
	failed: string[],
	remaining: string[],
): unknown {
	if (typeof error !== 'object' || error === null) return error;
	const report = callsOfRows(item, rows);
	const message = error instanceof Error ? error.message : String(error);
	for (const phone of failed) {
		if (error instanceof SendsStoppedError) report.notSent.push({ item, number: phone });
		else if (isOutcomeUnknown(error)) report.unknown.push({ item, number: phone, reason: message });
		else report.notPlaced.push({ item, number: phone, reason: message });
	}
	for (const phone of remaining) report.notSent.push({ item, number: phone });
	partialSends.set(error, { report, rows });
	return error;
}

export function partialSendOf(error: unknown): PartialSend | undefined {
	return typeof error === 'object' && error !== null ? partialSends.get(error) : undefined;
}

/** The report of a failed item whose operation recorded none (e.g. its input was refused before sending). */
export function callsOfFailure(item: number, error: unknown, message: string): CallReport {
	const recorded = partialSendOf(error)?.report;
	if (recorded) return recorded;
	const report = emptyCallReport();
	if (error instanceof SendsStoppedError) report.notSent.push({ item, number: null });
	else if (isOutcomeUnknown(error)) report.unknown.push({ item, number: null, reason: message });
	else report.notPlaced.push({ item, number: null, reason: message });
	return report;
}

const CALL_STYLE: ReportStyle<CallEntry> = {
	target: (entry) => entry.number,
	showAccepted: (entry) =>
		`${entry.number ?? '?'} → ${entry.voiceId ?? '(no voiceId in the answer)'}`,
	words: {
		accepted: 'Placed — do not send these again',
		unknown:
			'Outcome unknown — check these with Call Record → Get Many (or the Itniotech console) before sending them again',
		resend: 'Not placed — send only these again',
	},
};

/**
 * The report as one consistent instruction (common/sendReport.ts). Empty when it adds nothing to the failing
 * item's own error: nothing was placed or is unknown, and only `failedItem` itself was not placed.
 */
export function describeCalls(report: CallReport, failedItem: number): string {
	const { placed, unknown, notPlaced, notSent } = report;
	return describeReport(
		{ accepted: placed, unknown, refused: notPlaced, notSent },
		failedItem,
		CALL_STYLE,
	);
}

/** The report as plain data for an error's context or an error item. */
export function callReportData(report: CallReport): IDataObject {
	return report as unknown as IDataObject;
}

/** The call report as the item runner asks for it (common/runner.ts): for a stopped run, and per failed item. */
export const callReporting: FailureReport = {
	ofRun(outcomes, failedItem, messageOf) {
		const report = emptyCallReport();
		outcomes.forEach((outcome, itemIndex) => {
			if (outcome === undefined) {
				report.notSent.push({ item: itemIndex, number: null });
			} else if (outcome.ok) {
				mergeCallReport(report, callsOfRows(itemIndex, outcome.value));
			} else {
				const stopped = outcome.error instanceof SendsStoppedError;
				mergeCallReport(
					report,
					callsOfFailure(
						itemIndex,
						outcome.error,
						stopped ? '' : messageOf(outcome.error, itemIndex),
					),
				);
			}
		});
		return {
			context: { calls: callReportData(report) },
			description: describeCalls(report, failedItem),
		};
	},
	ofItem(itemIndex, cause, message) {
		// Calls placed before this item failed are output like any others; the error item tells the rest.
		const calls = callsOfFailure(itemIndex, cause, message);
		const rows = partialSendOf(cause)?.rows ?? [];
		return {
			rows,
			data: { calls: callReportData(calls) },
			description: describeCalls(calls, itemIndex),
		};
	},
};

import type { IDataObject } from 'n8n-workflow';
import { SendsStoppedError } from '../../api/transport/requestLimiter';
import type { UnknownOutcomeWords } from '../../api/transport/failures';
import { isOutcomeUnknown } from '../../api/transport/failures';
import type { FailureReport } from '../../common/runner';
import type { ReportStyle } from '../../common/sendReport';
import { describeReport } from '../../common/sendReport';

/**
 * What happened to each message of a send run, so that no accepted msgId is lost and nobody gets a message
 * twice: sent (Itniotech answered with a msgId), outcome unknown (the request may have arrived, no answer
 * said so), refused (Itniotech refused the number or the request), not sent (the run stopped first). The
 * same idea as the Voice node's call report; the run rules themselves are common/runner.ts.
 */

/** The SMS wording of a send whose outcome is unknown (api/transport/failures.ts). */
export const MESSAGE_UNKNOWN_OUTCOME: UnknownOutcomeWords = {
	what: 'the messages were sent',
	check:
		'check with Message → Get Many Sent (or the Itniotech console) before sending again, so nobody gets the message twice',
};

export interface MessageEntry {
	item: number;
	/** The phone number; null when the item never got as far as reading it. */
	number: string | null;
	msgId?: string | null;
	reason?: string;
}

export interface MessageReport {
	sent: MessageEntry[];
	unknown: MessageEntry[];
	refused: MessageEntry[];
	notSent: MessageEntry[];
}

export function emptyMessageReport(): MessageReport {
	return { sent: [], unknown: [], refused: [], notSent: [] };
}

function merge(target: MessageReport, source: MessageReport): void {
	for (const key of ['sent', 'unknown', 'refused', 'notSent'] as const) {
		for (const entry of source[key]) target[key].push(entry);
	}
}

const text = (value: unknown): string | null =>
	value === undefined || value === null ? null : String(value);

/** The messages behind a send's output rows ({ msgId, number, submitted, reason }). */
export function messagesOfRows(item: number, rows: IDataObject[]): MessageReport {
	const report = emptyMessageReport();
	for (const row of rows) {
		if (row.submitted === false) {
			report.refused.push({
				item,
				number: text(row.number),
				reason: text(row.reason) ?? 'not accepted by Itniotech',
			});
		} else {
			report.sent.push({ item, number: text(row.number), msgId: text(row.msgId) });
		}
	}
	return report;
}

/** Classifies the numbers of a request that failed with `error`. */
export function classifyFailed(
	report: MessageReport,
	item: number,
	numbers: string[],
	error: unknown,
): void {
	const message = error instanceof Error ? error.message : String(error);
	for (const number of numbers) {
		if (error instanceof SendsStoppedError) report.notSent.push({ item, number });
		else if (isOutcomeUnknown(error)) report.unknown.push({ item, number, reason: message });
		else report.refused.push({ item, number, reason: message });
	}
}

interface PartialSend {
	report: MessageReport;
	rows: IDataObject[];
}

const partialSends = new WeakMap<object, PartialSend>();

/**
 * Records on a send's error what became of its messages: `rows` were answered before the failure, `failed`
 * are the numbers of the request that failed, `remaining` those never requested. Returns the same error.
 */
export function withMessages(
	error: unknown,
	item: number,
	rows: IDataObject[],
	failed: string[],
	remaining: string[],
): unknown {
	if (typeof error !== 'object' || error === null) return error;
	const report = messagesOfRows(item, rows);
	classifyFailed(report, item, failed, error);
	for (const number of remaining) report.notSent.push({ item, number });
	partialSends.set(error, { report, rows });
	return error;
}

function partialSendOf(error: unknown): PartialSend | undefined {
	return typeof error === 'object' && error !== null ? partialSends.get(error) : undefined;
}

/** The report of a failed item whose operation recorded none (e.g. its input was refused before sending). */
function messagesOfFailure(item: number, error: unknown, message: string): MessageReport {
	const recorded = partialSendOf(error)?.report;
	if (recorded) return recorded;
	const report = emptyMessageReport();
	if (error instanceof SendsStoppedError) report.notSent.push({ item, number: null });
	else if (isOutcomeUnknown(error)) report.unknown.push({ item, number: null, reason: message });
	else report.refused.push({ item, number: null, reason: message });
	return report;
}

const MESSAGE_STYLE: ReportStyle<MessageEntry> = {
	target: (entry) => entry.number,
	showAccepted: (entry) => `${entry.number ?? '?'} → ${entry.msgId ?? '(no msgId in the answer)'}`,
	words: {
		accepted: 'Sent — do not send these again',
		unknown:
			'Outcome unknown — check these with Message → Get Many Sent (or the Itniotech console) before sending them again',
		resend: 'Not sent — send only these again',
	},
};

/**
 * The report as one consistent instruction (common/sendReport.ts). Empty when it adds nothing to the failing
 * item's own error: nothing was sent or is unknown, and only `failedItem` itself was refused.
 */
export function describeMessages(report: MessageReport, failedItem: number): string {
	const { sent, unknown, refused, notSent } = report;
	return describeReport({ accepted: sent, unknown, refused, notSent }, failedItem, MESSAGE_STYLE);
}

export function messageReportData(report: MessageReport): IDataObject {
	return report as unknown as IDataObject;
}

/** The message report as the item runner asks for it (common/runner.ts): for a stopped run, and per failed item. */
export const messageReporting: FailureReport = {
	ofRun(outcomes, failedItem, messageOf) {
		const report = emptyMessageReport();
		outcomes.forEach((outcome, itemIndex) => {
			if (outcome === undefined) {
				report.notSent.push({ item: itemIndex, number: null });
			} else if (outcome.ok) {
				merge(report, messagesOfRows(itemIndex, outcome.value));
			} else {
				const stopped = outcome.error instanceof SendsStoppedError;
				merge(
					report,
					messagesOfFailure(
						itemIndex,
						outcome.error,
						stopped ? '' : messageOf(outcome.error, itemIndex),
					),
				);
			}
		});
		return {
			context: { messages: messageReportData(report) },
			description: describeMessages(report, failedItem),
		};
	},
	ofItem(itemIndex, cause, message) {
		const messages = messagesOfFailure(itemIndex, cause, message);
		const rows = partialSendOf(cause)?.rows ?? [];
		return {
			rows,
			data: { messages: messageReportData(messages) },
			description: describeMessages(messages, itemIndex),
		};
	},
};

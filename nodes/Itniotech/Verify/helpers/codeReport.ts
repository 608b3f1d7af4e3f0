import type { IDataObject } from 'n8n-workflow';
import type { UnknownOutcomeWords } from '../../api/transport/failures';
import { isOutcomeUnknown } from '../../api/transport/failures';
import { SendsStoppedError } from '../../api/transport/requestLimiter';
import type { FailureReport } from '../../common/runner';
import type { ReportStyle } from '../../common/sendReport';
import { describeReport } from '../../common/sendReport';

/**
 * What happened to each code of a send run, so that no verificationId Itniotech returned is lost and nobody
 * gets a code twice: sent (with its verificationId), outcome unknown, refused, not sent. The same rule as the
 * SMS send's message report; the grouping and wording are common/sendReport.ts.
 */

/** The Verify wording of a send whose outcome is unknown (api/transport/failures.ts). */
export const CODE_UNKNOWN_OUTCOME: UnknownOutcomeWords = {
	what: 'the code was sent',
	check:
		'check with Verification → Get by Reference (or the Itniotech console) before sending again, so nobody gets two codes',
};

export interface CodeEntry {
	item: number;
	/** The phone number; null when the item never got as far as reading it. */
	number: string | null;
	verificationId?: string | null;
	reason?: string;
}

export interface CodeReport {
	sent: CodeEntry[];
	unknown: CodeEntry[];
	refused: CodeEntry[];
	notSent: CodeEntry[];
}

const emptyReport = (): CodeReport => ({ sent: [], unknown: [], refused: [], notSent: [] });

const text = (value: unknown): string | null =>
	value === undefined || value === null ? null : String(value);

/** The number each item's send was for, known once its input was read (the error then names it). */
const numbersOfErrors = new WeakMap<object, string>();

/** Records on a send's error the number it was for; returns the same error. */
export function withNumber(error: unknown, number: string): unknown {
	if (typeof error === 'object' && error !== null) numbersOfErrors.set(error, number);
	return error;
}

function entryOfFailure(
	item: number,
	error: unknown,
	message: string,
): [keyof CodeReport, CodeEntry] {
	const number =
		typeof error === 'object' && error !== null ? (numbersOfErrors.get(error) ?? null) : null;
	if (error instanceof SendsStoppedError) return ['notSent', { item, number }];
	if (isOutcomeUnknown(error)) return ['unknown', { item, number, reason: message }];
	return ['refused', { item, number, reason: message }];
}

const STYLE: ReportStyle<CodeEntry> = {
	target: (entry) => entry.number,
	showAccepted: (entry) =>
		`${entry.number ?? '?'} → ${entry.verificationId ?? '(no verificationId in the answer)'}`,
	words: {
		accepted: 'Code sent — do not send these again',
		unknown:
			'Outcome unknown — check these with Verification → Get by Reference (or the Itniotech console) before sending them again',
		resend: 'Not sent — send only these again',
	},
};

function describe(report: CodeReport, failedItem: number): string {
	const { sent, unknown, refused, notSent } = report;
	return describeReport({ accepted: sent, unknown, refused, notSent }, failedItem, STYLE);
}

/** The code report as the item runner asks for it (common/runner.ts): for a stopped run, and per failed item. */
export const codeReporting: FailureReport = {
	ofRun(outcomes, failedItem, messageOf) {
		const report = emptyReport();
		outcomes.forEach((outcome, itemIndex) => {
			if (outcome === undefined) {
				report.notSent.push({ item: itemIndex, number: null });
			} else if (outcome.ok) {
				for (const row of outcome.value)
					report.sent.push({
						item: itemIndex,
						number: text(row.number),
						verificationId: text(row.verificationId),
					});
			} else {
				const stopped = outcome.error instanceof SendsStoppedError;
				const [list, entry] = entryOfFailure(
					itemIndex,
					outcome.error,
					stopped ? '' : messageOf(outcome.error, itemIndex),
				);
				report[list].push(entry);
			}
		});
		return {
			context: { codes: report as unknown as IDataObject },
			description: describe(report, failedItem),
		};
	},
	ofItem(itemIndex, cause, message) {
		const report = emptyReport();
		const [list, entry] = entryOfFailure(itemIndex, cause, message);
		report[list].push(entry);
		return {
			rows: [],
			data: { codes: report as unknown as IDataObject },
			description: describe(report, itemIndex),
		};
	},
};

/**
 * The one wording of a send run's report, for every node that sends (calls, messages): what was accepted
 * (do not send again), what has an unknown outcome (check first), what to send again. Each node keeps its
 * own entry shape and words; the grouping and the sentence rules live here once.
 */

/** An entry of a send report: the input item, and why (for refusals and unknown outcomes). */
export interface ReportEntry {
	item: number;
	reason?: string;
}

/** How a node shows its entries. */
export interface ReportStyle<E extends ReportEntry> {
	/** The recipient (the phone number); null when the item never got as far as reading it. */
	target(entry: E): string | null;
	/** An accepted entry, e.g. "628… → 300…". */
	showAccepted(entry: E): string;
	/** The three sentence openings: accepted, outcome unknown, to send again. */
	words: { accepted: string; unknown: string; resend: string };
}

/** "item 3: 628… → 300…, 629… → 300…; items 5–9 (not sent)": entries grouped by item and reason. */
export function listEntries<E extends ReportEntry>(
	entries: E[],
	target: (entry: E) => string | null,
	show: (entry: E) => string,
): string {
	const parts: string[] = [];
	let i = 0;
	while (i < entries.length) {
		const first = entries[i];
		let j = i;
		if (target(first) === null) {
			// Items never read (not sent, or refused before sending): a run of them becomes "items 3–9".
			while (
				j + 1 < entries.length &&
				target(entries[j + 1]) === null &&
				entries[j + 1].item === entries[j].item + 1 &&
				entries[j + 1].reason === first.reason
			) {
				j++;
			}
			const items = j > i ? `items ${first.item}–${entries[j].item}` : `item ${first.item}`;
			parts.push(first.reason ? `${items} (${first.reason})` : items);
		} else {
			while (
				j + 1 < entries.length &&
				target(entries[j + 1]) !== null &&
				entries[j + 1].item === first.item &&
				entries[j + 1].reason === first.reason
			) {
				j++;
			}
			const shown = entries
				.slice(i, j + 1)
				.map(show)
				.join(', ');
			parts.push(`item ${first.item}: ${shown}${first.reason ? ` (${first.reason})` : ''}`);
		}
		i = j + 1;
	}
	return parts.join('; ');
}

/**
 * The report as one consistent instruction. Empty when it adds nothing to the failing item's own error:
 * nothing was accepted or is unknown, and only `failedItem` itself was refused.
 */
export function describeReport<E extends ReportEntry>(
	lists: { accepted: E[]; unknown: E[]; refused: E[]; notSent: E[] },
	failedItem: number,
	style: ReportStyle<E>,
): string {
	const { accepted, unknown, refused, notSent } = lists;
	const onlyThisItemFailed =
		accepted.length === 0 &&
		unknown.length === 0 &&
		notSent.length === 0 &&
		refused.every((entry) => entry.item === failedItem);
	if (onlyThisItemFailed) return '';
	const show = (entry: E) => style.target(entry) ?? '?';
	const sentences: string[] = [];
	if (accepted.length > 0)
		sentences.push(
			`${style.words.accepted}: ${listEntries(accepted, style.target, style.showAccepted)}.`,
		);
	if (unknown.length > 0) {
		// The reason is the failing item's own error, already shown above: only the recipients matter here.
		const withoutReason = unknown.map((entry) => ({ ...entry, reason: undefined }));
		sentences.push(`${style.words.unknown}: ${listEntries(withoutReason, style.target, show)}.`);
	}
	const toResend = [...refused, ...notSent.map((entry) => ({ ...entry, reason: 'not sent' }))].sort(
		(a, b) => a.item - b.item,
	);
	if (toResend.length > 0)
		sentences.push(`${style.words.resend}: ${listEntries(toResend, style.target, show)}.`);
	return sentences.join(' ');
}

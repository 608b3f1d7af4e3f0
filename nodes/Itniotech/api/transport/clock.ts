import type { IExecuteFunctions } from 'n8n-workflow';
import { credentialOf, resolvePlatform } from '../platform';
import type { Failure } from './failures';

/**
 * Clock correction. Itniotech refuses a Timestamp more than about 30 minutes off its own clock (-16).
 * When that happens, the server's Date header tells how far this host's clock is off; the request is
 * made once more with the corrected time (api/signing.ts says how the credential learns it), and later
 * requests to the same Base URL start corrected.
 */

/**
 * Clock offsets (server minus this host, ms) learned from -16 answers, per Base URL. Module state on
 * purpose: it is a property of this host's clock, shared by every execution, and bounded by the number
 * of Base URLs in use.
 */
const clockOffsets = new Map<string, number>();

export function resetClockOffsets(): void {
	clockOffsets.clear();
}

/** The credential's Base URL (read once per execution context), or '' when it cannot be read. */
async function baseUrlKey(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	try {
		return resolvePlatform(await credentialOf(ctx, itemIndex)).root;
	} catch {
		return '';
	}
}

/**
 * The offsets a -16 can be explained by. The vendor allows about 30 minutes; below 25 the host's clock is
 * not what made it refuse. Beyond a day the server's Date is not trusted: a hostile or broken server must
 * not make the node sign Timestamps of its choosing (Signs that become valid later).
 */
export const MIN_CORRECTION_MS = 25 * 60 * 1000;
export const MAX_CORRECTION_MS = 24 * 3600 * 1000;

/** Whether an offset measured after a -16 explains it, and may be signed with. */
export function explainsExpiredTimestamp(offsetMs: number): boolean {
	return Math.abs(offsetMs) >= MIN_CORRECTION_MS && Math.abs(offsetMs) <= MAX_CORRECTION_MS;
}

/** Adds what the clock correction found to the -16's own advice (which already says to fix the clock). */
function appendAdvice(failure: Failure, text: string): void {
	failure.error.description = `${failure.error.description ?? ''} ${text}`.trim();
}

function formatOffset(ms: number): string {
	const seconds = Math.round(Math.abs(ms) / 1000);
	const text = seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
	return `${text} ${ms > 0 ? 'behind' : 'ahead of'} Itniotech's clock`;
}

/** One request's view of this host's clock: the offset to sign with, corrected at most once. */
export class ClockCorrection {
	private corrected = false;

	private constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly itemIndex: number,
		/** Added to this host's time when signing; 0 means the credential's own fresh time is used. */
		public offsetMs: number,
	) {}

	/** The offset learned earlier for the credential's Base URL (the credential is read only once any exists). */
	static async start(ctx: IExecuteFunctions, itemIndex: number): Promise<ClockCorrection> {
		const offsetMs = clockOffsets.size > 0 ? (clockOffsets.get(await baseUrlKey(ctx, itemIndex)) ?? 0) : 0;
		return new ClockCorrection(ctx, itemIndex, offsetMs);
	}

	/**
	 * After a -16 with the server's time: true the first time (learn the offset, try once more: the vendor
	 * refused before acting, so this is safe even for sends, and it is not one of the user's attempts). A
	 * second -16 is final, and its advice then says how far off this host's clock is.
	 */
	async retryCorrected(failure: Failure): Promise<boolean> {
		if (failure.vendorStatus !== '-16') return false;
		if (failure.serverDateMs === undefined) {
			appendAdvice(failure, 'The answer did not give the server\'s time in a form the node trusts, so the clock was not corrected.');
			return false;
		}
		const measured = failure.serverDateMs - Date.now();
		if (this.corrected) {
			failure.error.description = `This n8n host's clock is about ${formatOffset(measured)}; even corrected, Itniotech refused the timestamp. Set the host's clock right (enable NTP time sync).`;
			return false;
		}
		if (!explainsExpiredTimestamp(measured)) {
			const why = Math.abs(measured) < MIN_CORRECTION_MS ? 'too little to explain the refusal' : 'too far off to trust';
			appendAdvice(failure, `The answer puts this n8n host's clock about ${formatOffset(measured)}: ${why}, so the clock was not corrected.`);
			return false;
		}
		this.corrected = true;
		this.offsetMs = measured;
		clockOffsets.set(await baseUrlKey(this.ctx, this.itemIndex), measured);
		return true;
	}
}

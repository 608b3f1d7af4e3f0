/**
 * Reads items' input ahead of their turn, in the event loop's idle time. Reading an item's parameters
 * evaluates its expressions (in n8n 2.x a call into an isolate each); done on an
 * item's turn, that sits between an answer and the next request. Read ahead, it happens while requests
 * wait for their answers, and an item's turn starts with its request.
 *
 * A few items per timer turn (n8n's `sleep(0)`), so answers that arrive are handled in between; at most
 * `ahead` items in front of the last item taken. Reading is the same call either way: its value or its
 * error is handed to the item on its turn, and items that never get a turn are read for nothing, never
 * sent. Items are taken in input order.
 */

import { sleep } from 'n8n-workflow';

type Read<T> = { ok: true; value: T } | { ok: false; error: unknown };

function attempt<T>(read: () => T): Read<T> {
	try {
		return { ok: true, value: read() };
	} catch (error) {
		return { ok: false, error };
	}
}

/** Items read per timer turn: enough to keep a round of items ready, few enough not to hold up answers long. */
const ITEMS_PER_TURN = 4;

export class ReadAhead<T> {
	private readonly done = new Map<number, Read<T>>();
	/** The first item not read yet. */
	private nextToRead = 0;
	/** One past the last item taken. */
	private taken = 0;
	private reading = false;
	private stopped = false;

	constructor(
		private readonly count: number,
		private readonly ahead: number,
		private readonly read: (index: number) => T,
		/** Waits for the next turn of the event loop (tests pass their own, to decide when turns happen). */
		private readonly nextTurn: () => Promise<void> = async () => await sleep(0),
	) {}

	/** Item `index`'s input (read now if it was not read yet); throws what reading it threw. */
	take(index: number): T {
		let result = this.done.get(index);
		if (result) {
			this.done.delete(index);
		} else {
			result = attempt(() => this.read(index));
			this.nextToRead = Math.max(this.nextToRead, index + 1);
		}
		this.taken = Math.max(this.taken, index + 1);
		this.schedule();
		if (!result.ok) throw result.error;
		return result.value;
	}

	/** No more reading: the run ended or stopped. */
	stop(): void {
		this.stopped = true;
		this.done.clear();
	}

	private wanted(): boolean {
		return (
			!this.stopped && this.nextToRead < this.count && this.nextToRead < this.taken + this.ahead
		);
	}

	private schedule(): void {
		if (this.reading || !this.wanted()) return;
		this.reading = true;
		void this.readInIdleTime();
	}

	private async readInIdleTime(): Promise<void> {
		while (this.wanted()) {
			await this.nextTurn();
			for (let turn = 0; turn < ITEMS_PER_TURN && this.wanted(); turn++) {
				const index = this.nextToRead++;
				this.done.set(
					index,
					attempt(() => this.read(index)),
				);
			}
		}
		this.reading = false;
	}
}

// What AutoSend's per-request totals say about each value of a request (list changes, suppressions).

/**
 * The status of each value a request handled, when AutoSend answers with totals only: a status whose total
 * covers every handled value is each value's status; otherwise all AutoSend says is `either` (each value
 * reached the state asked for, in one of the ways). A status that an earlier, unanswered attempt of the
 * same request could have caused (e.g. "already in the list") is certain only when there was none.
 */
export function statusFromTotals(
	handled: number,
	totals: Array<{ status: string; count: number; certainAfterUnknownAttempt?: boolean }>,
	afterUnknownAttempt: boolean,
	either: string,
): string {
	const certain = totals.find(
		({ count, certainAfterUnknownAttempt = true }) =>
			count === handled && (certainAfterUnknownAttempt || !afterUnknownAttempt),
	);
	return certain?.status ?? either;
}

/** "1 contact", "3 contacts": for messages about a request. */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
	return `${count} ${count === 1 ? noun : plural}`;
}

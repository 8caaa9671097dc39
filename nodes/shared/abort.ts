// One listener per cancel signal, however many waits hang on it. An execution's signal is shared by every
// request, chunk and retry wait of that execution (and a combined request listens to several); adding a
// listener each makes Node warn of a leak past ten ("MaxListenersExceededWarning") in n8n's log.
const callbacks = new WeakMap<AbortSignal, Set<() => void>>();

function dispatch(this: AbortSignal): void {
	const waiting = callbacks.get(this);
	callbacks.delete(this);
	for (const callback of waiting ?? []) callback();
}

/** Calls `callback` once when `signal` aborts; returns what stops that. Nothing to do without a signal. */
export function onAbort(signal: AbortSignal | undefined, callback: () => void): () => void {
	if (!signal) return () => undefined;
	let waiting = callbacks.get(signal);
	if (!waiting) {
		waiting = new Set();
		callbacks.set(signal, waiting);
		signal.addEventListener('abort', dispatch, { once: true });
	}
	const entry = () => callback();
	waiting.add(entry);
	return () => {
		const current = callbacks.get(signal);
		if (!current?.delete(entry) || current.size > 0) return;
		callbacks.delete(signal);
		signal.removeEventListener('abort', dispatch);
	};
}

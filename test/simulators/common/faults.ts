/** Faults a test injects: which requests they answer, how often, and with what (a status, a reset, a hang, a lost answer). */

export interface Fault {
	match?: { method?: string; path?: string | RegExp };
	/** How many matching requests this fault answers; default 1. */
	times?: number;
	/** How many matching requests it lets through before it answers one; default 0. */
	skip?: number;
	status?: number;
	/** An object is sent as JSON, a string is sent raw. */
	body?: unknown;
	headers?: Record<string, string>;
	contentType?: string;
	/**
	 * 'reset' destroys the socket without answering, 'hang' never answers; 'appliedThenHang' handles the
	 * request as usual (the change is made) and then never answers, as when an answer is lost on the way.
	 */
	kind?: 'response' | 'reset' | 'hang' | 'appliedThenHang';
}

interface ActiveFault extends Fault {
	remaining: number;
	toSkip: number;
}

/** Pending faults in the order they were injected; the first that matches a request answers it. */
export class FaultQueue {
	private readonly faults: ActiveFault[] = [];

	add(fault: Fault): void {
		this.faults.push({ ...fault, remaining: fault.times ?? 1, toSkip: fault.skip ?? 0 });
	}

	clear(): void {
		this.faults.length = 0;
	}

	/** The fault that answers this request, used up by one; undefined lets the request through. */
	take(method: string, path: string): Fault | undefined {
		const index = this.faults.findIndex((fault) => {
			if (!faultMatches(fault, method, path)) return false;
			if (fault.toSkip === 0) return true;
			fault.toSkip -= 1;
			return false;
		});
		if (index < 0) return undefined;
		const fault = this.faults[index];
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults.splice(index, 1);
		return fault;
	}
}

function faultMatches(fault: Fault, method: string, path: string): boolean {
	const match = fault.match;
	if (!match) return true;
	if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
	if (match.path === undefined) return true;
	return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}
